namespace Qingfeng.Features.Supervision;

/// <summary>The kinds of sanction and handling a case decision can carry (domain.md 2).</summary>
public enum SanctionKind
{
    /// <summary>党纪处分.</summary>
    Party = 1,

    /// <summary>政务处分.</summary>
    State = 2,

    /// <summary>组织处理.</summary>
    Organisational = 3,

    /// <summary>诫勉 and other first-form handling.</summary>
    FirstForm = 4,
}

/// <summary>
/// One sanction or handling type with its influence period (影响期/处分期间) in months and its form
/// (四种形态). <see cref="Months"/> is null when the effect has no end date (e.g. 开除): it is the period in which the
/// person may not be promoted (选拔任用条例 art. 24). <see cref="LeadingPostMonths"/>, where set, is the shorter period in
/// which the person may hold no leading post at all (责令辞职、免职: one year no leading post, two years no higher post).
/// </summary>
public sealed record SanctionType(string Code, SanctionKind Kind, string Name, string NameEn, int? Months, int Form, int? LeadingPostMonths = null);

/// <summary>
/// Sanction types of domain.md section 2 with their periods (party: 条例 art. 10 ff.; state: 政务处分法
/// arts. 7–8; organisational: 组织处理规定, [M] in domain.md) and the suggested 四种形态 mapping. The one source of the
/// periods: a case decision's sanctions and an accountability decision's organisational measure both read them here.
/// </summary>
public static class SanctionCatalog
{
    public static readonly IReadOnlyList<SanctionType> Types =
    [
        new("P.WARNING", SanctionKind.Party, "警告", "Warning", 12, 2),
        new("P.SERIOUS_WARNING", SanctionKind.Party, "严重警告", "Serious warning", 18, 2),
        new("P.REMOVAL", SanctionKind.Party, "撤销党内职务", "Removal from party posts", 24, 3),
        new("P.PROBATION_1Y", SanctionKind.Party, "留党察看一年", "Probation (1 year)", 12 + 24, 3),
        new("P.PROBATION_2Y", SanctionKind.Party, "留党察看二年", "Probation (2 years)", 24 + 24, 3),
        new("P.EXPULSION", SanctionKind.Party, "开除党籍", "Expulsion from the party", 60, 3),
        new("S.WARNING", SanctionKind.State, "警告", "Warning", 6, 2),
        new("S.DEMERIT", SanctionKind.State, "记过", "Demerit", 12, 2),
        new("S.MAJOR_DEMERIT", SanctionKind.State, "记大过", "Major demerit", 18, 2),
        new("S.DEMOTION", SanctionKind.State, "降级", "Demotion in grade", 24, 2),
        new("S.REMOVAL", SanctionKind.State, "撤职", "Removal from office", 24, 3),
        new("S.DISMISSAL", SanctionKind.State, "开除", "Dismissal", null, 3),
        new("O.SUSPENSION", SanctionKind.Organisational, "停职检查", "Suspension for examination", null, 2),
        new("O.ADJUSTMENT", SanctionKind.Organisational, "调整职务", "Reassignment", 12, 2),
        new("O.RESIGNATION", SanctionKind.Organisational, "责令辞职", "Ordered resignation", 24, 2, LeadingPostMonths: 12),
        new("O.DISMISSAL", SanctionKind.Organisational, "免职", "Removal from post", 24, 2, LeadingPostMonths: 12),
        new("O.DEMOTION", SanctionKind.Organisational, "降职", "Demotion", 24, 2),
        new("F.ADMONISHMENT", SanctionKind.FirstForm, "诫勉", "Admonishment", 6, 1),
        new("F.CRITICISM", SanctionKind.FirstForm, "批评教育", "Criticism and education", null, 1),
        new("F.SELF_EXAMINATION", SanctionKind.FirstForm, "责令检查", "Ordered self-examination", null, 1),
    ];

    private static readonly Dictionary<string, SanctionType> ByCode = Types.ToDictionary(t => t.Code, StringComparer.Ordinal);

    public static SanctionType? Find(string code) => ByCode.GetValueOrDefault(code);

    /// <summary>The last day of the influence period, or null when it has no end.</summary>
    public static DateOnly? InfluenceEnds(SanctionType type, DateOnly decidedOn) =>
        type.Months is { } months ? decidedOn.AddMonths(months).AddDays(-1) : null;

    /// <summary>The last day on which the person may hold no leading post, or null when the type sets no such period.</summary>
    public static DateOnly? LeadingPostBarredUntil(SanctionType type, DateOnly decidedOn) =>
        type.LeadingPostMonths is { } months ? decidedOn.AddMonths(months).AddDays(-1) : null;
}
