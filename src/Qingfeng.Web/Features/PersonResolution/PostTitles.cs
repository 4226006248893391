namespace Qingfeng.Features.PersonResolution;

/// <summary>
/// Post titles (职务) as petitions write them, and how a mentioned post compares with a roster post: the same title
/// (局长 = 局长, or one part of 党组书记、局长), a deputy against a principal (副局长 ≠ 局长), or a related title
/// (书记 in 县委书记).
/// </summary>
public static class PostTitles
{
    private static readonly string[] Heads =
    [
        "书记", "局长", "主任", "县长", "市长", "区长", "州长", "镇长", "乡长", "院长", "校长", "董事长", "总经理", "经理", "行长", "主席",
        "部长", "厅长", "处长", "科长", "所长", "站长", "组长", "队长", "庭长", "检察长", "社长", "秘书长", "省长",
    ];

    private static readonly string[] Bodies = ["", "县委", "市委", "区委", "州委", "省委", "党委", "党组", "党工委", "党总支", "村党支部", "党支部", "村委会", "管委会", "居委会"];

    /// <summary>Words that name the principal without a title: 一把手, 主要负责人.</summary>
    public static readonly string[] PrincipalWords = ["一把手", "主要负责人", "主要领导"];

    /// <summary>Every title the parser recognises, longest first (党组书记 before 书记, 副局长 before 局长).</summary>
    public static readonly IReadOnlyList<string> All = Build();

    public static bool IsDeputy(string title) => title.Contains('副', StringComparison.Ordinal);

    /// <summary>The title without 副, 常务 and the body (县委副书记 → 书记).</summary>
    public static string Head(string title)
    {
        var head = title.Replace("常务", "", StringComparison.Ordinal).Replace("副", "", StringComparison.Ordinal);
        foreach (var body in Bodies.Where(b => b.Length > 0).OrderByDescending(b => b.Length))
        {
            if (head.StartsWith(body, StringComparison.Ordinal) && head.Length > body.Length)
            {
                return head[body.Length..];
            }
        }

        return head;
    }

    /// <summary>The parts of a roster post (党组书记、局长 → 党组书记, 局长).</summary>
    public static string[] Parts(string rosterPost) =>
        rosterPost.Split(['、', '，', ',', '兼', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>How a mentioned title compares with one roster post.</summary>
    public static PostMatch Compare(string mentioned, string rosterPost)
    {
        var parts = Parts(rosterPost);
        if (parts.Any(p => string.Equals(p, mentioned, StringComparison.Ordinal)))
        {
            return PostMatch.Exact;
        }

        var head = Head(mentioned);
        var deputy = IsDeputy(mentioned);
        var related = parts.Where(p => string.Equals(Head(p), head, StringComparison.Ordinal)).ToList();
        if (related.Count == 0)
        {
            return PostMatch.Different;
        }

        if (related.Any(p => IsDeputy(p) == deputy))
        {
            return PostMatch.Related;
        }

        return PostMatch.DeputyMismatch;
    }

    private static List<string> Build()
    {
        var titles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var head in Heads)
        {
            foreach (var body in Bodies)
            {
                titles.Add(body + head);
                titles.Add(body + "副" + head);
                titles.Add(body + "常务副" + head);
            }
        }

        return [.. titles.OrderByDescending(t => t.Length).ThenBy(t => t, StringComparer.Ordinal)];
    }
}

public enum PostMatch
{
    Different,
    Related,
    Exact,
    DeputyMismatch,
}
