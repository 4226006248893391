using Qingfeng.Features.Supervision;

namespace Qingfeng.Features.Decisions;

/// <summary>Which kind of 三重一大 matter a decision is (重大决策、重要干部任免、重大项目安排、大额资金使用).</summary>
public enum DecisionKind
{
    MajorDecision,
    ImportantAppointment,
    MajorProject,
    LargeExpenditure,
}

/// <summary>
/// The areas a 一把手 must not take charge of directly (五个不直接分管: 财务、人事、工程项目、行政审批、物资采购);
/// a flags value on the record.
/// </summary>
[Flags]
public enum RestrictedArea
{
    None = 0,
    Finance = 1,
    Personnel = 2,
    ConstructionTendering = 4,
    AdministrativeApproval = 8,
    Procurement = 16,
}

/// <summary>How serious a finding of a decision check is.</summary>
public enum FindingSeverity
{
    Low,
    Medium,
    High,
}

/// <summary>The facts of a decision as recorded (already validated by the entity): what the checks read.</summary>
public sealed record DecisionFacts(
    DecisionKind Kind,
    string Title,
    DateOnly MeetingOn,
    string MeetingKind,
    int? AgendaDaysAhead,
    int MembersPresent,
    int MembersTotal,
    bool DecidedCollectively,
    bool PrincipalSpokeLast,
    string? Dissent,
    long? AmountFen,
    RestrictedArea PrincipalInChargeOf);

/// <summary>
/// A 三重一大 decision record (“三重一大”事项决策记录) kept by the supervising organ or stationed team: the matter, the
/// meeting that decided it, whether it was decided collectively with the 一把手 speaking last (末位表态), and which
/// restricted areas the 一把手 personally took charge of. The configurable checks store their findings on it.
/// </summary>
public sealed class DecisionRecord : Entity, IOwnedRecord
{
    public const int TitleMaxLength = 200;
    public const int DissentMaxLength = 2000;
    public const int MeetingKindMaxLength = 32;

    private DecisionRecord()
    {
    }

    internal DecisionRecord(Guid organId, SupervisedSubject unit, SupervisedSubject principal, DecisionFacts facts, SupervisionOutcome? outcome)
    {
        OrganId = organId;
        Subject = unit.UnitOnly() with { OfficialId = principal.OfficialId, OfficialName = principal.OfficialName };
        Apply(facts);
        Outcome = outcome ?? new SupervisionOutcome();
    }

    /// <summary>The supervising organ (or stationed team) that keeps the record.</summary>
    public Guid OrganId { get; private set; }

    /// <summary>The unit and its 一把手 when the record was made, kept as <c>PrincipalId</c>/<c>PrincipalName</c>.</summary>
    public SupervisedSubject Subject { get; private set; } = null!;

    public DecisionKind Kind { get; private set; }

    public string Title { get; private set; } = "";

    public DateOnly MeetingOn { get; private set; }

    /// <summary>党委会, 党组会, 办公会…</summary>
    public string MeetingKind { get; private set; } = "";

    /// <summary>Days between sending the agenda and the meeting (null: not known).</summary>
    public int? AgendaDaysAhead { get; private set; }

    public int MembersPresent { get; private set; }

    public int MembersTotal { get; private set; }

    public bool DecidedCollectively { get; private set; }

    /// <summary>末位表态: the 一把手 spoke last.</summary>
    public bool PrincipalSpokeLast { get; private set; }

    public string? Dissent { get; private set; }

    public long? AmountFen { get; private set; }

    public RestrictedArea PrincipalInChargeOf { get; private set; }

    public SupervisionOutcome Outcome { get; private set; } = new();

    public List<DecisionFinding> Findings { get; private set; } = [];

    public DecisionFacts Facts => new(Kind, Title, MeetingOn, MeetingKind, AgendaDaysAhead, MembersPresent, MembersTotal, DecidedCollectively, PrincipalSpokeLast, Dissent, AmountFen, PrincipalInChargeOf);

    /// <summary>A readable reference to the record (“重大决策 2026-03-02”), used as the source of ledger items.</summary>
    public string Reference(string kindText) => $"{kindText} {MeetingOn:yyyy-MM-dd}";

    internal void Update(DecisionFacts facts, SupervisionOutcome? outcome)
    {
        DecisionWorkflow.Table.EnsureLegal(this, DecisionAction.Correct);
        Apply(facts);
        if (outcome is not null)
        {
            Outcome = outcome;
        }
    }

    /// <summary>
    /// Records the result of a check run: a finding per check code, never two. A check that fires again keeps its finding
    /// (and its ledger item and clue); one that no longer fires is marked cleared. Returns the findings that are new.
    /// </summary>
    internal IReadOnlyList<DecisionFinding> ApplyFindings(IReadOnlyList<CheckResult> results, DateTimeOffset at)
    {
        var added = new List<DecisionFinding>();
        foreach (var result in results)
        {
            var existing = Findings.Find(f => f.CheckCode == result.Code);
            if (existing is null)
            {
                var finding = new DecisionFinding(Id, result, at);
                Findings.Add(finding);
                added.Add(finding);
            }
            else
            {
                existing.Refresh(result);
            }
        }

        foreach (var finding in Findings.Where(f => results.All(r => r.Code != f.CheckCode)))
        {
            finding.Clear(at);
        }

        return added;
    }

    private void Apply(DecisionFacts facts)
    {
        if (string.IsNullOrWhiteSpace(facts.Title))
        {
            throw new DomainRuleException("Decision.TitleRequired");
        }

        if (string.IsNullOrWhiteSpace(facts.MeetingKind))
        {
            throw new DomainRuleException("Decision.MeetingKindRequired");
        }

        if (facts.MembersTotal < 1 || facts.MembersPresent < 0 || facts.MembersPresent > facts.MembersTotal)
        {
            throw new DomainRuleException("Decision.MembersInvalid");
        }

        if (facts.AmountFen is < 0 || facts.AgendaDaysAhead is < 0)
        {
            throw new DomainRuleException("Decision.NegativeFigure");
        }

        if (!Enum.IsDefined(facts.Kind) || (facts.PrincipalInChargeOf & ~DecisionChecks.AllAreas) != 0)
        {
            throw new DomainRuleException("Decision.UnknownValue");
        }

        Kind = facts.Kind;
        Title = InputRules.RequiredText(facts.Title, TitleMaxLength);
        MeetingOn = facts.MeetingOn;
        MeetingKind = InputRules.RequiredText(facts.MeetingKind, MeetingKindMaxLength);
        AgendaDaysAhead = facts.AgendaDaysAhead;
        MembersPresent = facts.MembersPresent;
        MembersTotal = facts.MembersTotal;
        DecidedCollectively = facts.DecidedCollectively;
        PrincipalSpokeLast = facts.PrincipalSpokeLast;
        Dissent = string.IsNullOrWhiteSpace(facts.Dissent) ? null : InputRules.Text(facts.Dissent, DissentMaxLength);
        AmountFen = facts.AmountFen;
        PrincipalInChargeOf = facts.PrincipalInChargeOf;
    }
}

/// <summary>
/// What one check found on a decision record: raised into the unit's problem list (a rectification item) and, where the
/// check says so, registered as a clue about the 一把手 (or recommended as one when the keeper may not register clues).
/// </summary>
public sealed class DecisionFinding : ChildRow
{
    private DecisionFinding()
    {
    }

    internal DecisionFinding(Guid recordId, CheckResult result, DateTimeOffset at)
    {
        RecordId = recordId;
        CheckCode = result.Code;
        Severity = result.Severity;
        RaisesClue = result.RaisesClue;
        Text = result.Text;
        FoundAt = at;
    }

    public Guid RecordId { get; private set; }

    public string CheckCode { get; private set; } = "";

    public FindingSeverity Severity { get; private set; }

    public bool RaisesClue { get; private set; }

    public string Text { get; private set; } = "";

    public DateTimeOffset FoundAt { get; private set; }

    /// <summary>Set when a later check run no longer finds the problem (the ledger item stays for the record).</summary>
    public DateTimeOffset? ClearedAt { get; private set; }

    public Guid? RectificationItemId { get; private set; }

    public Guid? ClueId { get; private set; }

    /// <summary>The check asks for a clue but the keeper may not register one: the clue is recommended to those who may.</summary>
    public bool ClueRecommended { get; private set; }

    internal void LinkRectification(Guid itemId) => RectificationItemId = itemId;

    internal void LinkClue(Guid clueId)
    {
        ClueId = clueId;
        ClueRecommended = false;
    }

    internal void RecommendClue() => ClueRecommended = ClueId is null;

    internal void Refresh(CheckResult result)
    {
        Severity = result.Severity;
        Text = result.Text;
        RaisesClue = RaisesClue || result.RaisesClue;
        ClearedAt = null;
    }

    internal void Clear(DateTimeOffset at) => ClearedAt ??= at;
}
