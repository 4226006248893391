using Qingfeng.Features.Supervision;

namespace Qingfeng.Features.Talks;

/// <summary>Sent → Replied → Closed (assessed).</summary>
public enum InquiryState
{
    Sent = 1,
    Replied = 2,
    Closed = 3,
}

/// <summary>How the commission assessed the reply.</summary>
public enum InquiryAssessment
{
    /// <summary>说明属实、予以采信.</summary>
    Accepted = 1,

    /// <summary>需进一步处理 (follow-ups, another talk or a clue).</summary>
    FurtherAction = 2,
}

/// <summary>
/// A letter of inquiry (函询) in daily supervision: sent to an official with the matters to explain, a reply deadline in
/// working days, the written reply countersigned by the unit's principal leader (unless the official is that leader),
/// the assessment, and follow-up items opened as rectification items.
/// </summary>
public sealed class Inquiry : Entity, IOwnedRecord
{
    public const int TextMaxLength = 8000;
    public const int DocumentNumberMaxLength = 64;
    public const int SignatoryMaxLength = 64;
    public const int CountersignNoteMaxLength = 1000;
    public const int AssessmentNoteMaxLength = 2000;

    private Inquiry()
    {
    }

    public Inquiry(Guid organId, SupervisedSubject subject, string matters, DateOnly sentOn, DateOnly replyDueOn, string? documentNumber)
    {
        if (subject.OfficialId is null)
        {
            throw new DomainRuleException("Talks.OfficialRequired");
        }

        if (string.IsNullOrWhiteSpace(matters))
        {
            throw new DomainRuleException("Inquiries.MattersRequired");
        }

        if (replyDueOn <= sentOn)
        {
            throw new DomainRuleException("Inquiries.DueBeforeSent");
        }

        OrganId = organId;
        Subject = subject.WithOfficialTexts();
        Matters = InputRules.RequiredText(matters, TextMaxLength);
        SentOn = sentOn;
        ReplyDueOn = replyDueOn;
        DocumentNumber = InputRules.Text(documentNumber, DocumentNumberMaxLength);
        State = InquiryState.Sent;
    }

    /// <summary>
    /// The letter a clue disposed of by 谈话函询 sends (<c>SendInquiryLetter</c>): the same record as any letter of the ledger,
    /// linked to its clue; its reply is recorded through the clue's workflow.
    /// </summary>
    public static Inquiry ForClue(Guid clueId, Guid organId, SupervisedSubject subject, string matters, DateOnly sentOn, DateOnly replyDueOn, string? documentNumber) =>
        new(organId, subject, matters, sentOn, replyDueOn, documentNumber) { ClueId = clueId };

    public Guid OrganId { get; private set; }

    /// <summary>The unit and official the record is about.</summary>
    public SupervisedSubject Subject { get; private set; } = null!;

    /// <summary>The clue whose 谈话函询 sent this letter; null for a letter of daily supervision.</summary>
    public Guid? ClueId { get; private set; }

    public string? DocumentNumber { get; private set; }

    /// <summary>The matters to explain, one per line.</summary>
    public string Matters { get; private set; } = "";

    public DateOnly SentOn { get; private set; }

    public DateOnly ReplyDueOn { get; private set; }

    public InquiryState State { get; private set; }

    public DateOnly? ReplyReceivedOn { get; private set; }

    public string? ReplyText { get; private set; }

    /// <summary>Name of the principal leader who countersigned the reply.</summary>
    public string? CountersignedBy { get; private set; }

    /// <summary>The countersigner's education and reminder note (not "一签了之").</summary>
    public string? CountersignNote { get; private set; }

    public InquiryAssessment? Assessment { get; private set; }

    public string? AssessmentNote { get; private set; }

    public DateOnly? ClosedOn { get; private set; }

    public SupervisionOutcome Outcome { get; private set; } = new();

    public bool IsOverdueOn(DateOnly today) => State == InquiryState.Sent && ReplyDueOn < today;

    /// <summary>
    /// Counts the reply deadline again by the one rule of every letter (<see cref="SupervisionOptions.InquiryReplyDueOn"/>) while
    /// the reply is awaited: after a year's holiday schedule is uploaded, a provisional date moves to its final one. Returns whether it moved.
    /// </summary>
    public bool RecountReplyDue(SupervisionCalendar calendar)
    {
        var before = ReplyDueOn;
        if (State == InquiryState.Sent)
        {
            ReplyDueOn = calendar.InquiryReplyDueOn(SentOn);
        }

        return ReplyDueOn != before;
    }

    /// <summary>Records the written reply; unless the official is the principal leader, it must be countersigned with a note.</summary>
    public void RecordReply(DateOnly receivedOn, string text, string? countersignedBy, string? countersignNote, DateOnly today)
    {
        var target = Move(InquiryAction.RecordReply);

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainRuleException("Inquiries.ReplyRequired");
        }

        if (receivedOn < SentOn || receivedOn > today)
        {
            throw new DomainRuleException("Inquiries.ReplyDateInvalid");
        }

        if (!Subject.IsPrincipal && (string.IsNullOrWhiteSpace(countersignedBy) || string.IsNullOrWhiteSpace(countersignNote)))
        {
            throw new DomainRuleException("Inquiries.CountersignRequired");
        }

        ReplyReceivedOn = receivedOn;
        ReplyText = InputRules.Text(text, TextMaxLength);
        CountersignedBy = InputRules.Text(countersignedBy, SignatoryMaxLength);
        CountersignNote = InputRules.Text(countersignNote, CountersignNoteMaxLength);
        State = target;
    }

    /// <summary>Whether the reply came in after its deadline.</summary>
    public bool RepliedLate => ReplyReceivedOn is { } received && received > ReplyDueOn;

    public void Assess(InquiryAssessment assessment, string? note, SupervisionOutcome outcome, DateOnly today)
    {
        var target = Move(InquiryAction.Assess);

        if (assessment == InquiryAssessment.FurtherAction && string.IsNullOrWhiteSpace(note))
        {
            throw new DomainRuleException("Inquiries.AssessmentNoteRequired");
        }

        Assessment = assessment;
        AssessmentNote = InputRules.Text(note, AssessmentNoteMaxLength);
        Outcome = outcome;
        ClosedOn = today;
        State = target;
    }

    /// <summary>Checks <paramref name="action"/> against <see cref="InquiryWorkflow.Table"/>; returns the state the letter moves to.</summary>
    private InquiryState Move(InquiryAction action) => InquiryWorkflow.Table.EnsureLegal(this, action) ?? State;
}
