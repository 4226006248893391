using Qingfeng.Features.Roster;
using Qingfeng.Platform.Text;

namespace Qingfeng.Features.Clues;

public sealed record PersonSuggestionQuery
{
    /// <summary>The reported person as written: a name, a pinyin, or a phrase with name, unit and post.</summary>
    [Required]
    [StringLength(200, MinimumLength = 1)]
    public string Text { get; init; } = "";
}

public sealed record PersonSuggestion(
    Guid Id,
    string Name,
    string? UnitName,
    string Position,
    bool IsPrincipal,
    LeaderCategory? Category,
    string RegionKey,
    int Score,
    IReadOnlyList<string> Reasons);

/// <summary>
/// Linking help: turns "开阳县交通运输局局长王某" as typed in a petition into roster officials, ranked by
/// how much of the unit and post in the text they match. Reads through the roster's own jurisdiction rule.
/// </summary>
public sealed class ClueLinking(RosterQueries roster, ChineseSegmenter segmenter)
{
    private static readonly string[] Posts = ["书记", "局长", "主任", "县长", "市长", "镇长", "乡长", "院长", "校长", "董事长", "总经理", "行长", "主席", "部长", "厅长", "处长", "科长", "所长", "站长"];

    public async Task<IReadOnlyList<PersonSuggestion>> SuggestAsync(string text, CancellationToken cancellationToken = default)
    {
        var trimmed = text.Trim();
        var tagged = segmenter.Tag(trimmed);
        var names = tagged.Where(t => t.Tag == "nr" && t.Word.Length is >= 2 and <= 4).Select(t => t.Word).ToList();
        if (names.Count == 0 && trimmed.Length <= 12 && !trimmed.Any(char.IsWhiteSpace))
        {
            // A bare name or pinyin.
            names.Add(trimmed);
        }

        var unitWords = tagged.Where(t => t.Word.Length >= 2 && t.Tag is "ns" or "nt" or "n" or "nz" && !names.Contains(t.Word))
            .Select(t => t.Word).Distinct(StringComparer.Ordinal).ToList();
        var posts = Posts.Where(p => trimmed.Contains(p, StringComparison.Ordinal)).ToList();

        var suggestions = new Dictionary<Guid, PersonSuggestion>();
        foreach (var name in names.Distinct(StringComparer.Ordinal).Take(5))
        {
            var found = await roster.SearchOfficialsAsync(new OfficialQuery { Search = name, PageSize = 50 }, cancellationToken);
            foreach (var o in found.Items)
            {
                var reasons = new List<string> { "name:" + name };
                var score = o.Name == name ? 3 : 1;
                foreach (var word in unitWords.Where(w => o.UnitName?.Contains(w, StringComparison.Ordinal) == true))
                {
                    score += 2;
                    reasons.Add("unit:" + word);
                }

                foreach (var post in posts.Where(p => o.Position.Contains(p, StringComparison.Ordinal)))
                {
                    score += 1;
                    reasons.Add("post:" + post);
                }

                suggestions[o.Id] = new PersonSuggestion(o.Id, o.Name, o.UnitName, o.Position, o.IsPrincipal, o.Category, o.RegionKey, score, reasons);
            }
        }

        return [.. suggestions.Values.OrderByDescending(s => s.Score).ThenByDescending(s => s.IsPrincipal).ThenBy(s => s.Name, StringComparer.Ordinal).Take(10)];
    }
}
