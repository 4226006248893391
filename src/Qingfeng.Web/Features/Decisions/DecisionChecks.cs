namespace Qingfeng.Features.Decisions;

/// <summary>The codes of the decision checks (stable: stored on findings and used as configuration keys).</summary>
public static class DecisionCheckCodes
{
    public const string NotCollective = nameof(NotCollective);
    public const string PrincipalNotLast = nameof(PrincipalNotLast);
    public const string QuorumBelow = nameof(QuorumBelow);
    public const string AgendaLate = nameof(AgendaLate);
    public const string LargeExpenditureWithoutCollective = nameof(LargeExpenditureWithoutCollective);
    public const string PrincipalInChargeOfRestrictedArea = nameof(PrincipalInChargeOfRestrictedArea);
}

/// <summary>One check's settings: whether it runs, how serious its finding is, and whether it raises a clue.</summary>
public sealed class DecisionCheckSetting
{
    public bool Enabled { get; set; } = true;

    public FindingSeverity Severity { get; set; } = FindingSeverity.Medium;

    public bool RaisesClue { get; set; }

    /// <summary>When set, a clue is raised only when the decision's amount is at least this many yuan.</summary>
    public decimal? ClueFromAmountYuan { get; set; }
}

/// <summary>
/// The 三重一大 checks (configuration section <c>Supervision:DecisionChecks</c>): local practice, so every threshold,
/// severity and clue rule is configurable; the defaults follow the usual provincial implementing rules.
/// </summary>
public sealed class DecisionCheckOptions
{
    public const string Section = "Supervision:DecisionChecks";

    /// <summary>The amount (yuan) from which an expenditure or project counts as large (大额).</summary>
    public decimal LargeAmountYuan { get; set; } = 500_000m;

    /// <summary>The share of members who must be present (到会人数不少于应到人数的三分之二).</summary>
    public double MinQuorumShare { get; set; } = 2d / 3d;

    /// <summary>Days before the meeting the agenda must reach the members.</summary>
    public int MinAgendaDays { get; set; } = 1;

    public DecisionCheckSetting NotCollective { get; set; } = new() { Severity = FindingSeverity.High, RaisesClue = true, ClueFromAmountYuan = 500_000m };

    public DecisionCheckSetting PrincipalNotLast { get; set; } = new() { Severity = FindingSeverity.Medium };

    public DecisionCheckSetting QuorumBelow { get; set; } = new() { Severity = FindingSeverity.Medium };

    public DecisionCheckSetting AgendaLate { get; set; } = new() { Severity = FindingSeverity.Low };

    public DecisionCheckSetting LargeExpenditureWithoutCollective { get; set; } = new() { Severity = FindingSeverity.High, RaisesClue = true };

    public DecisionCheckSetting PrincipalInChargeOfRestrictedArea { get; set; } = new() { Severity = FindingSeverity.Medium };

    public DecisionCheckSetting For(string code) => code switch
    {
        DecisionCheckCodes.NotCollective => NotCollective,
        DecisionCheckCodes.PrincipalNotLast => PrincipalNotLast,
        DecisionCheckCodes.QuorumBelow => QuorumBelow,
        DecisionCheckCodes.AgendaLate => AgendaLate,
        DecisionCheckCodes.LargeExpenditureWithoutCollective => LargeExpenditureWithoutCollective,
        DecisionCheckCodes.PrincipalInChargeOfRestrictedArea => PrincipalInChargeOfRestrictedArea,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, null),
    };
}

/// <summary>A check that fired: its code, severity, whether it raises a clue and the finding as stored (Chinese, with the figures).</summary>
public sealed record CheckResult(string Code, FindingSeverity Severity, bool RaisesClue, string Text);

/// <summary>The 三重一大 checks as a pure function of the recorded facts and the options.</summary>
public static class DecisionChecks
{
    public const RestrictedArea AllAreas = RestrictedArea.Finance | RestrictedArea.Personnel | RestrictedArea.ConstructionTendering
        | RestrictedArea.AdministrativeApproval | RestrictedArea.Procurement;

    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    public static IReadOnlyList<CheckResult> Evaluate(DecisionRecord record, DecisionCheckOptions options) => Evaluate(record.Facts, options);

    public static IReadOnlyList<CheckResult> Evaluate(DecisionFacts facts, DecisionCheckOptions options)
    {
        var results = new List<CheckResult>();
        var amountYuan = facts.AmountFen is { } fen ? fen / 100m : (decimal?)null;
        var large = amountYuan is { } a && a >= options.LargeAmountYuan;

        void Add(string code, bool fires, string text)
        {
            var setting = options.For(code);
            if (!fires || !setting.Enabled)
            {
                return;
            }

            var clue = setting.RaisesClue && (setting.ClueFromAmountYuan is not { } from || (amountYuan ?? 0m) >= from);
            results.Add(new CheckResult(code, setting.Severity, clue, text));
        }

        Add(DecisionCheckCodes.NotCollective, !facts.DecidedCollectively, "“三重一大”事项未经集体研究决定。");
        Add(DecisionCheckCodes.PrincipalNotLast, !facts.PrincipalSpokeLast, "主要负责人未末位表态。");
        var share = (double)facts.MembersPresent / facts.MembersTotal;
        Add(
            DecisionCheckCodes.QuorumBelow,
            share < options.MinQuorumShare - 1e-9,
            string.Create(Chinese, $"到会人数{facts.MembersPresent}人，应到{facts.MembersTotal}人，未达到规定比例（{options.MinQuorumShare:P0}）。"));
        Add(
            DecisionCheckCodes.AgendaLate,
            facts.AgendaDaysAhead is { } days && days < options.MinAgendaDays,
            string.Create(Chinese, $"会议议题仅提前{facts.AgendaDaysAhead}天送达参会人员，少于{options.MinAgendaDays}天。"));
        Add(
            DecisionCheckCodes.LargeExpenditureWithoutCollective,
            large && !facts.DecidedCollectively,
            string.Create(Chinese, $"金额{amountYuan:N2}元的大额资金或重大项目（标准{options.LargeAmountYuan:N0}元）未经集体决策。"));
        Add(
            DecisionCheckCodes.PrincipalInChargeOfRestrictedArea,
            (facts.PrincipalInChargeOf & AllAreas) != RestrictedArea.None,
            $"主要负责人直接分管{AreaText(facts.PrincipalInChargeOf)}，违反“五个不直接分管”规定。");
        return results;
    }

    /// <summary>The restricted areas in Chinese, for finding texts.</summary>
    public static string AreaText(RestrictedArea areas) => string.Join("、", Areas(areas).Select(a => a switch
    {
        RestrictedArea.Finance => "财务",
        RestrictedArea.Personnel => "人事",
        RestrictedArea.ConstructionTendering => "工程项目",
        RestrictedArea.AdministrativeApproval => "行政审批",
        RestrictedArea.Procurement => "物资采购",
        _ => a.ToString(),
    }));

    public static IEnumerable<RestrictedArea> Areas(RestrictedArea areas) =>
        Enum.GetValues<RestrictedArea>().Where(a => a != RestrictedArea.None && areas.HasFlag(a));

    public static RestrictedArea Combine(IEnumerable<RestrictedArea>? areas) =>
        (areas ?? []).Aggregate(RestrictedArea.None, (all, a) => all | a);
}
