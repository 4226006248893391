using Qingfeng.Features.Supervision;

namespace Qingfeng.Features.Accountability;

/// <summary>Who is held accountable (问责条例 2019 art. 8): a party organisation, or a leading cadre.</summary>
public enum AccountabilityTarget
{
    Organisation,
    LeadingCadre,
}

/// <summary>
/// The forms of accountability (domain.md 2.4), combinable: on organisations 检查、通报、改组; on leading cadres
/// 通报、诫勉、组织调整或者组织处理、纪律处分 — and, as local practice does, 责令检查 (written self-examination) as well.
/// </summary>
[Flags]
public enum AccountabilityMethod
{
    None = 0,

    /// <summary>检查 / 责令检查: a written self-examination and rectification.</summary>
    Examination = 1,

    /// <summary>通报: rectification and a circulated notice.</summary>
    Circulation = 2,

    /// <summary>改组: reorganisation (organisations only).</summary>
    Reorganisation = 4,

    /// <summary>诫勉 (cadres only).</summary>
    Admonishment = 8,

    /// <summary>组织调整或者组织处理 (cadres only); the measure is named separately.</summary>
    OrganisationalMeasure = 16,

    /// <summary>纪律处分 (cadres only): decided through the case procedure, recorded here as the form taken.</summary>
    DisciplinarySanction = 32,
}

/// <summary>The organisational measures (组织处理规定 art. 3).</summary>
public enum OrganisationalMeasureKind
{
    SuspendedForInspection,
    PostAdjusted,
    OrderedToResign,
    Dismissed,
    Demoted,
}

/// <summary>Where the failure that caused the accountability was found.</summary>
public enum AccountabilityCause
{
    Clue,
    Rectification,
    DecisionRecord,
    Inspection,
    Other,
}

/// <summary>Whether the decision is announced in a notice (通报), and to whom.</summary>
public enum NoticeScope
{
    None,
    Internal,
    Public,
}

public enum AccountabilityState
{
    /// <summary>Decided; the measures are being carried out.</summary>
    Decided,

    /// <summary>Carried out (检查 received, 通报 issued, measure executed, 组织部门 notified).</summary>
    Executed,

    /// <summary>Revoked or changed on appeal (申诉).</summary>
    Revoked,
}

/// <summary>The facts of an accountability decision as entered (checked by the entity).</summary>
public sealed record AccountabilityFacts(
    AccountabilityTarget Target,
    AccountabilityMethod Methods,
    OrganisationalMeasureKind? Measure,
    AccountabilityCause Cause,
    string Failure,
    string Facts,
    string Basis,
    string DecidedBy,
    DateOnly DecidedOn,
    string? DocumentNumber,
    NoticeScope Notice);

/// <summary>
/// An accountability decision (问责决定) against a unit's party organisation or one of its leading cadres — typically the
/// 一把手 — linked to the failure that caused it (a clue, a ledger item, a decision record, inspection feedback). Holds the
/// impact period (影响期) the later integrity opinion reads and the one-month limit for organisational measures.
/// </summary>
public sealed class AccountabilityDecision : Entity, IOwnedRecord
{
    public const int FailureMaxLength = 200;
    public const int FactsMaxLength = 4000;
    public const int BasisMaxLength = 500;
    public const int DecidedByMaxLength = 64;
    public const int DocumentNumberMaxLength = 64;
    public const int NoteMaxLength = 1000;
    public const int CauseReferenceMaxLength = 200;
    public const int RectificationMeasuresMaxLength = 2000;

    public const AccountabilityMethod OrganisationMethods = AccountabilityMethod.Examination | AccountabilityMethod.Circulation | AccountabilityMethod.Reorganisation;

    public const AccountabilityMethod CadreMethods = AccountabilityMethod.Examination | AccountabilityMethod.Circulation | AccountabilityMethod.Admonishment
        | AccountabilityMethod.OrganisationalMeasure | AccountabilityMethod.DisciplinarySanction;

    private AccountabilityDecision()
    {
    }

    internal AccountabilityDecision(Guid organId, SupervisedSubject subject, AccountabilityFacts facts, CauseLink cause, AccountabilityLimits limits)
    {
        OrganId = organId;
        if (facts.Target == AccountabilityTarget.LeadingCadre && subject.OfficialId is null)
        {
            throw new DomainRuleException("Accountability.OfficialRequired");
        }

        Subject = facts.Target == AccountabilityTarget.LeadingCadre ? subject : subject.UnitOnly();

        Apply(facts, cause, limits);
    }

    /// <summary>The commission (or party committee) that decided.</summary>
    public Guid OrganId { get; private set; }

    /// <summary>The unit, and for a leading cadre the official (一把手 or not, when the decision was made).</summary>
    public SupervisedSubject Subject { get; private set; } = null!;

    public AccountabilityTarget Target { get; private set; }

    public AccountabilityMethod Methods { get; private set; }

    public OrganisationalMeasureKind? Measure { get; private set; }

    public AccountabilityCause Cause { get; private set; }

    /// <summary>The clue, ledger item or decision record the failure was found in.</summary>
    public Guid? CauseId { get; private set; }

    /// <summary>Readable reference of the cause (clue number, ledger problem, decision title).</summary>
    public string? CauseReference { get; private set; }

    /// <summary>The failure in a line (e.g. “单位工作人员工作日饮酒，主体责任落实不力”).</summary>
    public string Failure { get; private set; } = "";

    /// <summary>问责事实.</summary>
    public string Facts { get; private set; } = "";

    /// <summary>The rule applied (e.g. 《中国共产党问责条例》第七条第一项、第八条).</summary>
    public string Basis { get; private set; } = "";

    /// <summary>The body that decided (e.g. 县纪委常委会).</summary>
    public string DecidedBy { get; private set; } = "";

    public DateOnly DecidedOn { get; private set; }

    public string? DocumentNumber { get; private set; }

    public NoticeScope Notice { get; private set; }

    public AccountabilityState State { get; private set; }

    /// <summary>The last day of the impact period (影响期) of 诫勉 or an organisational measure, if any.</summary>
    public DateOnly? ImpactUntil { get; private set; }

    /// <summary>Organisational measures are carried out within a month of the decision.</summary>
    public DateOnly? ExecuteBy { get; private set; }

    /// <summary>The last day the person (or organisation) may appeal.</summary>
    public DateOnly AppealUntil { get; private set; }

    public DateOnly? ExecutedOn { get; private set; }

    public string? ExecutionNote { get; private set; }

    public DateOnly? RevokedOn { get; private set; }

    public string? RevocationReason { get; private set; }

    /// <summary>The ledger item opened for the rectification the decision requires, if any.</summary>
    public Guid? RectificationItemId { get; private set; }

    internal void Update(AccountabilityFacts facts, CauseLink cause, AccountabilityLimits limits)
    {
        AccountabilityWorkflow.Table.EnsureLegal(this, AccountabilityAction.Correct);
        if (facts.Target != Target)
        {
            throw new DomainRuleException("Accountability.TargetFixed");
        }

        Apply(facts, cause, limits);
    }

    internal void LinkRectification(Guid itemId) => RectificationItemId = itemId;

    /// <summary>Records that the decision has been carried out.</summary>
    internal void Execute(DateOnly on, string? note)
    {
        var to = AccountabilityWorkflow.Table.EnsureLegal(this, AccountabilityAction.Execute);
        if (on < DecidedOn)
        {
            throw new DomainRuleException("Accountability.ExecutedBeforeDecided");
        }

        State = to!.Value;
        ExecutedOn = on;
        ExecutionNote = InputRules.Text(note, NoteMaxLength);
    }

    /// <summary>Revokes the decision (e.g. on appeal): the impact period ends with it.</summary>
    internal void Revoke(DateOnly on, string reason)
    {
        var to = AccountabilityWorkflow.Table.EnsureLegal(this, AccountabilityAction.Revoke);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Accountability.RevocationReasonRequired");
        }

        State = to!.Value;
        RevokedOn = on;
        RevocationReason = InputRules.Text(reason, NoteMaxLength);
        ImpactUntil = null;
    }

    /// <summary>Whether the impact period is still running on <paramref name="today"/>.</summary>
    public bool InImpactPeriod(DateOnly today) => State != AccountabilityState.Revoked && ImpactUntil is { } until && today <= until;

    private void Apply(AccountabilityFacts facts, CauseLink cause, AccountabilityLimits limits)
    {
        if (!Enum.IsDefined(facts.Target) || !Enum.IsDefined(facts.Cause) || !Enum.IsDefined(facts.Notice)
            || (facts.Measure is { } m && !Enum.IsDefined(m)))
        {
            throw new DomainRuleException("Accountability.UnknownValue");
        }

        if (facts.Target == AccountabilityTarget.LeadingCadre && Subject.OfficialId is null)
        {
            throw new DomainRuleException("Accountability.OfficialRequired");
        }

        if (facts.Methods == AccountabilityMethod.None)
        {
            throw new DomainRuleException("Accountability.MethodRequired");
        }

        var allowed = facts.Target == AccountabilityTarget.Organisation ? OrganisationMethods : CadreMethods;
        if ((facts.Methods & ~allowed) != 0)
        {
            throw new DomainRuleException(facts.Target == AccountabilityTarget.Organisation ? "Accountability.MethodNotForOrganisation" : "Accountability.MethodNotForCadre");
        }

        var hasMeasure = facts.Methods.HasFlag(AccountabilityMethod.OrganisationalMeasure);
        if (hasMeasure != facts.Measure.HasValue)
        {
            throw new DomainRuleException("Accountability.MeasureMismatch");
        }

        if (facts.Methods.HasFlag(AccountabilityMethod.Circulation) && facts.Notice == NoticeScope.None)
        {
            throw new DomainRuleException("Accountability.CirculationNeedsNotice");
        }

        if (string.IsNullOrWhiteSpace(facts.Failure) || string.IsNullOrWhiteSpace(facts.Facts))
        {
            throw new DomainRuleException("Accountability.FactsRequired");
        }

        if (string.IsNullOrWhiteSpace(facts.Basis) || string.IsNullOrWhiteSpace(facts.DecidedBy))
        {
            throw new DomainRuleException("Accountability.BasisRequired");
        }

        if (facts.Cause is AccountabilityCause.Clue or AccountabilityCause.Rectification or AccountabilityCause.DecisionRecord && cause.Id is null)
        {
            throw new DomainRuleException("Accountability.CauseRequired");
        }

        Target = facts.Target;
        Methods = facts.Methods;
        Measure = facts.Measure;
        Cause = facts.Cause;
        CauseId = cause.Id;
        CauseReference = InputRules.Text(cause.Reference, CauseReferenceMaxLength);
        Failure = InputRules.RequiredText(facts.Failure, FailureMaxLength);
        Facts = InputRules.RequiredText(facts.Facts, FactsMaxLength);
        Basis = InputRules.RequiredText(facts.Basis, BasisMaxLength);
        DecidedBy = InputRules.RequiredText(facts.DecidedBy, DecidedByMaxLength);
        DecidedOn = facts.DecidedOn;
        DocumentNumber = InputRules.Text(facts.DocumentNumber, DocumentNumberMaxLength);
        Notice = facts.Notice;
        ImpactUntil = limits.Options.ImpactUntil(facts.Methods, facts.Measure, facts.DecidedOn);
        ExecuteBy = hasMeasure ? limits.MonthsLater(facts.DecidedOn, limits.Options.MeasureExecutionMonths) : null;
        AppealUntil = limits.MonthsLater(facts.DecidedOn, limits.Options.AppealMonths);
    }
}

/// <summary>The resolved cause of a decision: the record's id and a readable reference.</summary>
public sealed record CauseLink(Guid? Id, string? Reference)
{
    public static readonly CauseLink None = new(null, null);
}
