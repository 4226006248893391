namespace Qingfeng.Features.Clues.Text;

/// <summary>Where a keyword was found in the text: the visible reason for a suggestion.</summary>
public sealed record CategoryTrigger(string Word, IReadOnlyList<int> Positions);

/// <summary>A proposed violation category with its score and the words that triggered it.</summary>
public sealed record CategorySuggestion(string Code, string Name, string NameEn, double Score, IReadOnlyList<CategoryTrigger> Triggers);

/// <summary>
/// Suggests violation categories (问题类别) for a clue text by weighted keyword matching.
/// <list type="bullet">
/// <item>Matching is ordinal substring search, so it needs no word segmentation and the reason is always a visible word at a position.</item>
/// <item>A keyword occurrence inside a longer matched keyword of the same category is not counted twice (公车 inside 公车私用).</item>
/// <item>Score = sum of matched keywords' weights, plus half a weight for each repeat (at most two repeats).</item>
/// <item>A family (parent) is dropped when one of its sub-categories is suggested; at most <see cref="MaxResults"/> results at or above <see cref="MinimumScore"/>.</item>
/// </list>
/// Suggestions are advice for the registrar: nothing is applied automatically.
/// </summary>
public sealed class CategorySuggester(ViolationCatalog catalog)
{
    public const int MaxResults = 5;

    public const double DefaultMinimumScore = 4;

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

    private static CategorySuggestion? Score(ViolationCategory category, string text)
    {
        List<CategoryTrigger>? triggers = null;
        List<(int Start, int End)>? covered = null;
        var score = 0.0;
        foreach (var keyword in category.Keywords.OrderByDescending(k => k.Word.Length))
        {
            List<int>? positions = null;
            var at = text.IndexOf(keyword.Word, StringComparison.Ordinal);
            while (at >= 0)
            {
                var end = at + keyword.Word.Length;
                if (covered is null || !covered.Exists(c => c.Start <= at && end <= c.End))
                {
                    (positions ??= []).Add(at);
                }

                at = text.IndexOf(keyword.Word, end, StringComparison.Ordinal);
            }

            if (positions is null)
            {
                continue;
            }

            score += keyword.Weight * (1 + (0.5 * Math.Min(positions.Count - 1, 2)));
            (triggers ??= []).Add(new CategoryTrigger(keyword.Word, positions));
            covered ??= [];
            covered.AddRange(positions.Select(p => (p, p + keyword.Word.Length)));
        }

        return triggers is null
            ? null
            : new CategorySuggestion(category.Code, category.Name, category.NameEn, score, [.. triggers.OrderBy(t => t.Positions[0])]);
    }
}
