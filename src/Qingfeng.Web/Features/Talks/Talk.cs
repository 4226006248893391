using Qingfeng.Features.Supervision;

namespace Qingfeng.Features.Talks;

/// <summary>The kinds of supervision talk (domain.md §6).</summary>
public enum TalkType
{
    /// <summary>谈话提醒 / 提醒谈话: tiered, for tendency-type or minor problems.</summary>
    Reminder = 1,

    /// <summary>约谈: called about a problem; a 廉政承诺书 is due within a configurable number of days.</summary>
    Summons = 2,

    /// <summary>廉政谈话 (routine, at least yearly).</summary>
    Integrity = 3,

    /// <summary>任前廉政谈话: on taking office.</summary>
    PreAppointment = 4,

    /// <summary>谈心谈话.</summary>
    HeartToHeart = 5,

    /// <summary>诫勉谈话.</summary>
    Admonishment = 6,

    /// <summary>谈话函询 by talk: held on a clue disposed of by 谈话函询 (<see cref="Talk.HeldOnClue"/>), never planned on the ledger.</summary>
    ClueTalk = 7,
}

/// <summary>Planned → Held → Closed, or Planned → Cancelled.</summary>
public enum TalkState
{
    Planned = 1,
    Held = 2,
    Closed = 3,
    Cancelled = 4,
}

/// <summary>When, where and with whom a talk is to be held.</summary>
public sealed record TalkPlan(DateOnly PlannedOn, string? Place, string Talkers, string? Participants, string? Recorder);

/// <summary>
/// A supervision talk (谈话) with an official, usually a 一把手: the plan, an outline (谈话提纲) that can be assembled from
/// the official's open problems, the record, the official's explanation or commitments, follow-up items (opened as
/// rectification items by the service in the same save) and the outcome.
/// </summary>
public sealed class Talk : Entity, IOwnedRecord
{
    public const int TextMaxLength = 8000;
    public const int ShortMaxLength = 200;
    public const int RecorderMaxLength = 64;
    public const int NoteMaxLength = 1000;

    private Talk()
    {
    }

    public Talk(Guid organId, SupervisedSubject subject, TalkType type, int? tier, string? talkerTitle, TalkPlan plan, string? outline)
    {
        if (subject.OfficialId is null)
        {
            throw new DomainRuleException("Talks.OfficialRequired");
        }

        if (type == TalkType.Reminder && tier is null)
        {
            throw new DomainRuleException("Talks.TierRequired");
        }

        OrganId = organId;
        Subject = subject.WithOfficialTexts();
        Type = type;
        Tier = type == TalkType.Reminder ? tier : null;
        TalkerTitle = InputRules.Text(talkerTitle, ShortMaxLength);
        State = TalkState.Planned;
        ApplyPlan(plan);
        Outline = InputRules.Text(outline, TextMaxLength);
    }

    /// <summary>
    /// The talk a clue disposed of by 谈话函询 records (<c>RecordTalk</c>): the same record as the ledger's talks, linked to its
    /// clue, held on <paramref name="heldOn"/> with <paramref name="record"/> by <paramref name="talkers"/>.
    /// </summary>
    public static Talk HeldOnClue(Guid clueId, Guid organId, SupervisedSubject subject, DateOnly heldOn, string talkers, string record, DateOnly today)
    {
        var talk = new Talk(organId, subject, TalkType.ClueTalk, null, null, new TalkPlan(heldOn, null, talkers, null, null), null) { ClueId = clueId };
        talk.Hold(heldOn, record, null, today, 0);
        return talk;
    }

    public Guid OrganId { get; private set; }

    /// <summary>The unit and official the record is about.</summary>
    public SupervisedSubject Subject { get; private set; } = null!;

    /// <summary>The clue whose 谈话函询 held this talk; null for a talk of daily supervision.</summary>
    public Guid? ClueId { get; private set; }

    public TalkType Type { get; private set; }

    /// <summary>Severity tier of a reminder talk (1 = most serious); decides who talks (<see cref="TalkTierRule"/>).</summary>
    public int? Tier { get; private set; }

    /// <summary>Who should talk according to the tier rule when the talk was planned (e.g. "纪委书记").</summary>
    public string? TalkerTitle { get; private set; }

    public TalkState State { get; private set; }

    public DateOnly PlannedOn { get; private set; }

    public string? Place { get; private set; }

    /// <summary>谈话人: names (and posts) of whoever talks.</summary>
    public string Talkers { get; private set; } = "";

    /// <summary>Other participants (e.g. a leader of the official's party committee).</summary>
    public string? Participants { get; private set; }

    public string? Recorder { get; private set; }

    /// <summary>谈话提纲.</summary>
    public string? Outline { get; private set; }

    public DateOnly? HeldOn { get; private set; }

    /// <summary>谈话记录.</summary>
    public string? Record { get; private set; }

    /// <summary>The official's explanation or commitments (表态、承诺).</summary>
    public string? Commitments { get; private set; }

    /// <summary>约谈: the day the 廉政承诺书 is due.</summary>
    public DateOnly? PledgeDueOn { get; private set; }

    public DateOnly? PledgeReceivedOn { get; private set; }

    public DateOnly? ClosedOn { get; private set; }

    public string? ClosingNote { get; private set; }

    public string? CancelReason { get; private set; }

    public SupervisionOutcome Outcome { get; private set; } = new();

    /// <summary>The date the talk counts on: held, else planned.</summary>
    public DateOnly TalkDate => HeldOn ?? PlannedOn;

    public bool IsHeld => State is TalkState.Held or TalkState.Closed;

    /// <summary>A 约谈 is followed by a 廉政承诺书 (<see cref="TalkWorkflow.Summons"/>).</summary>
    public bool TakesPledge => Type == TalkType.Summons;

    public void Replan(TalkPlan plan)
    {
        Move(TalkAction.Replan);
        ApplyPlan(plan);
    }

    public void SetOutline(string? outline)
    {
        Move(TalkAction.SetOutline);
        Outline = InputRules.Text(outline, TextMaxLength);
    }

    /// <summary>Records the talk as held; a 约谈 sets the pledge deadline <paramref name="pledgeDays"/> days later.</summary>
    public void Hold(DateOnly heldOn, string record, string? commitments, DateOnly today, int pledgeDays)
    {
        var target = Move(TalkAction.Hold);
        if (string.IsNullOrWhiteSpace(record))
        {
            throw new DomainRuleException("Talks.RecordRequired");
        }

        if (heldOn > today)
        {
            throw new DomainRuleException("Talks.HeldInFuture");
        }

        HeldOn = heldOn;
        Record = InputRules.Text(record, TextMaxLength);
        Commitments = InputRules.Text(commitments, TextMaxLength);
        if (TakesPledge)
        {
            PledgeDueOn = heldOn.AddDays(pledgeDays);
        }

        State = target;
    }

    /// <summary>Follow-up items (rectification) may be added once the talk is held and until it is closed.</summary>
    public void EnsureFollowUpsAllowed() => Move(TalkAction.AddFollowUps);

    public void RecordPledge(DateOnly receivedOn)
    {
        Move(TalkAction.RecordPledge);
        if (!TakesPledge)
        {
            throw new DomainRuleException("Talks.PledgeOnlyForSummons");
        }

        if (HeldOn is { } held && receivedOn < held)
        {
            throw new DomainRuleException("Talks.PledgeBeforeTalk");
        }

        PledgeReceivedOn = receivedOn;
    }

    public void Close(string? note, SupervisionOutcome outcome, DateOnly today)
    {
        var target = Move(TalkAction.Close);
        ClosingNote = InputRules.Text(note, NoteMaxLength);
        Outcome = outcome;
        ClosedOn = today;
        State = target;
    }

    public void Cancel(string reason)
    {
        var target = Move(TalkAction.Cancel);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Talks.ReasonRequired");
        }

        CancelReason = InputRules.Text(reason, NoteMaxLength);
        State = target;
    }

    public void RecordOutcome(SupervisionOutcome outcome)
    {
        Move(TalkAction.RecordOutcome);
        Outcome = outcome;
    }

    /// <summary>The readable source reference of follow-up items, e.g. "提醒谈话 2026-03-02".</summary>
    public string SourceReference(string typeLabel) =>
        typeLabel + " " + TalkDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private void ApplyPlan(TalkPlan plan)
    {
        if (string.IsNullOrWhiteSpace(plan.Talkers))
        {
            throw new DomainRuleException("Talks.TalkersRequired");
        }

        PlannedOn = plan.PlannedOn;
        Place = InputRules.Text(plan.Place, ShortMaxLength);
        Talkers = InputRules.RequiredText(plan.Talkers, ShortMaxLength);
        Participants = InputRules.Text(plan.Participants, ShortMaxLength);
        Recorder = InputRules.Text(plan.Recorder, RecorderMaxLength);
    }

    /// <summary>Checks <paramref name="action"/> against <see cref="TalkWorkflow.Table"/>; returns the state the talk moves to (its own when the row keeps it).</summary>
    private TalkState Move(TalkAction action) => TalkWorkflow.Table.EnsureLegal(this, action) ?? State;
}
