namespace Qingfeng.Features.Clues.Text;

/// <summary>
/// Where a keyword or pattern was found in the text: the visible reason for a suggestion. <see cref="Word"/> is the phrase
/// as written in the text; <see cref="Rule"/> names the pattern or boost that matched (null for a plain keyword);
/// <see cref="Negated"/> is true when the phrase follows a negation (没有收受) and so counted little.
/// </summary>
public sealed record CategoryTrigger(string Word, IReadOnlyList<int> Positions)
{
    public string? Rule { get; init; }

    public bool Negated { get; init; }
}

/// <summary>A proposed violation category with its score and the phrases that triggered it.</summary>
public sealed record CategorySuggestion(string Code, string Name, string NameEn, double Score, IReadOnlyList<CategoryTrigger> Triggers);

/// <summary>
/// Suggests violation categories (问题类别) for a clue text by weighted keywords and patterns from the <see cref="ViolationCatalog"/>.
/// <list type="bullet">
/// <item>Keywords are ordinal substrings, so no word segmentation is needed and the reason is always a visible phrase at a position;
/// patterns (regular expressions) catch ordered words with a gap (利用职务便利…为他人谋取利益).</item>
/// <item>A keyword occurrence inside a longer matched phrase of the same category is not counted twice (公车 inside 公车私用).</item>
/// <item>Score = sum of matched weights, plus half a weight for each repeat (at most two repeats); a phrase right after a
/// negation (没有、未、从未、拒收 …) counts a quarter. A strong phrase (weight ≥ <see cref="MinimumScore"/>) suffices alone.</item>
/// <item>Boosts (e.g. 数十万元, 涉嫌…罪) add to categories already matched, so serious matters rank above their milder relatives.</item>
/// <item>A family (parent) is dropped when one of its sub-categories is suggested; at most <see cref="MaxResults"/> results at or above <see cref="MinimumScore"/>.</item>
/// </list>
/// Suggestions are advice for the registrar: nothing is applied automatically.
/// </summary>
public sealed class CategorySuggester(ViolationCatalog catalog)
{
    public const int MaxResults = 3;

    public const double DefaultMinimumScore = 4;

    /// <summary>How much a phrase right after a negation counts.</summary>
    public const double NegatedFactor = 0.25;

    /// <summary>How many characters before a phrase are searched for a negation.</summary>
    private const int NegationWindow = 3;

    private const int MaxTriggerLength = 40;

    private static readonly string[] Negations = ["没有", "没", "并未", "从未", "未曾", "不曾", "拒绝", "拒收", "婉拒", "未", "不是", "无"];

    private static readonly System.Buffers.SearchValues<char> ClauseEnds = System.Buffers.SearchValues.Create("，。；！？,;");

    public double MinimumScore { get; init; } = DefaultMinimumScore;

    public IReadOnlyList<CategorySuggestion> Suggest(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var scored = new List<CategorySuggestion>();
        foreach (var category in catalog.All)
        {
            var suggestion = Score(category, text);
            if (suggestion is not null && suggestion.Score >= MinimumScore)
            {
                scored.Add(suggestion);
            }
        }

        var suggestedParents = scored
            .Select(s => catalog.Find(s.Code)!.Parent)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        return [.. scored
            .Where(s => !suggestedParents.Contains(s.Code))
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.Code, StringComparer.Ordinal)
            .Take(MaxResults)];
    }

    private CategorySuggestion? Score(ViolationCategory category, string text)
    {
        var matches = new Matches(text);
        foreach (var keyword in category.Keywords.OrderByDescending(k => k.Word.Length))
        {
            var at = text.IndexOf(keyword.Word, StringComparison.Ordinal);
            while (at >= 0)
            {
                matches.Add(keyword.Word, null, at, keyword.Word.Length);
                at = text.IndexOf(keyword.Word, at + keyword.Word.Length, StringComparison.Ordinal);
            }

            matches.Close(keyword.Weight);
        }

        foreach (var (pattern, regex) in catalog.CompiledPatterns(category.Code))
        {
            AddRegex(matches, regex, pattern.Label, pattern.Weight, overlapAllowed: false);
        }

        if (matches.Score <= 0)
        {
            return null;
        }

        foreach (var (boost, regex) in catalog.BoostRules)
        {
            if (boost.Categories.Contains(category.Code, StringComparer.Ordinal))
            {
                AddRegex(matches, regex, boost.Label, boost.Weight, overlapAllowed: true);
            }
        }

        return new CategorySuggestion(category.Code, category.Name, category.NameEn, Math.Round(matches.Score, 2), matches.Triggers());
    }

    private static void AddRegex(Matches matches, System.Text.RegularExpressions.Regex regex, string label, double weight, bool overlapAllowed)
    {
        try
        {
            for (var m = regex.Match(matches.Text); m.Success; m = m.NextMatch())
            {
                if (m.Length > 0)
                {
                    matches.Add(m.Value.Length > MaxTriggerLength ? m.Value[..MaxTriggerLength] : m.Value, label, m.Index, m.Length, overlapAllowed);
                }
            }
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            // A pathological text: the pattern gives no evidence rather than blocking registration.
        }

        matches.Close(weight);
    }

    private static bool IsNegated(string text, int at)
    {
        var from = Math.Max(0, at - NegationWindow);
        var window = text.AsSpan(from, at - from);
        foreach (var cue in Negations)
        {
            var i = window.LastIndexOf(cue, StringComparison.Ordinal);
            if (i < 0)
            {
                continue;
            }

            // 未经批准 / 无偿 / 不是 … 而是: cues that introduce, not deny, a violation.
            var after = from + i + cue.Length;
            if (after < text.Length && ((cue == "未" && text[after] == '经') || (cue == "无" && text[after] is '偿' or '故' or '视')))
            {
                continue;
            }

            return window[(i + cue.Length)..].IndexOfAny(ClauseEnds) < 0;
        }

        return false;
    }

    /// <summary>The phrases found for one category, grouped per keyword or rule until <see cref="Close"/> weighs them.</summary>
    private sealed class Matches(string text)
    {
        private readonly List<(int Start, int End)> _covered = [];
        private readonly List<CategoryTrigger> _triggers = [];
        private readonly List<(string Word, string? Rule, int At, int Length)> _pending = [];

        public string Text => text;

        public double Score { get; private set; }

        public void Add(string word, string? rule, int at, int length, bool overlapAllowed = false)
        {
            var end = at + length;
            if (overlapAllowed || !_covered.Exists(c => c.Start <= at && end <= c.End))
            {
                _pending.Add((word, rule, at, length));
            }
        }

        public void Close(double weight)
        {
            if (_pending.Count == 0)
            {
                return;
            }

            // One keyword, or one pattern however many different phrases it matched, is one piece of evidence.
            foreach (var group in _pending.GroupBy(p => p.Rule ?? p.Word, StringComparer.Ordinal))
            {
                var positions = group.Select(p => p.At).ToList();
                var affirmed = positions.Count(p => !IsNegated(text, p));
                var counted = affirmed == 0 ? positions.Count : affirmed;
                var factor = affirmed == 0 ? NegatedFactor : 1;
                Score += weight * factor * (1 + (0.5 * Math.Min(counted - 1, 2)));
                foreach (var phrase in group.GroupBy(p => p.Word, StringComparer.Ordinal))
                {
                    var at = phrase.Select(p => p.At).ToList();
                    _triggers.Add(new CategoryTrigger(phrase.Key, at) { Rule = phrase.First().Rule, Negated = at.TrueForAll(p => IsNegated(text, p)) });
                }
            }

            _covered.AddRange(_pending.Select(p => (p.At, p.At + p.Length)));
            _pending.Clear();
        }

        public IReadOnlyList<CategoryTrigger> Triggers() => [.. _triggers.OrderBy(t => t.Positions[0])];
    }
}
