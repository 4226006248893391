using Qingfeng.Features.Supervision;

namespace Qingfeng.Features.Clues;

/// <summary>
/// The <c>Clues</c> configuration section: time limits and approval rules that vary by province
/// (domain.md 1.2–1.7; [P]/[M] figures are defaults, not law).
/// </summary>
public sealed class ClueOptions
{
    /// <summary>Real-name reporter told whether the report is accepted (15 working days, 检举控告规则).</summary>
    public int AcceptanceWorkingDays { get; set; } = 15;

    /// <summary>Disposal proposal within this many months of receipt.</summary>
    public int DisposalProposalMonths { get; set; } = 1;

    /// <summary>Situation report after the talk or reply, in months.</summary>
    public int InquiryReportMonths { get; set; } = 1;

    /// <summary>暂存待查 clues come back for review after this many months ([P]).</summary>
    public int ShelvedReviewMonths { get; set; } = 6;

    /// <summary>审理 within this many months of acceptance.</summary>
    public int ReviewMonths { get; set; } = 1;

    /// <summary>Decision announced within this many months.</summary>
    public int AnnouncementMonths { get; set; } = 1;

    /// <summary>Party-member appeal (复议复查) decided within this many months.</summary>
    public int AppealMonths { get; set; } = 3;

    /// <summary>复审 of a 监察/政务 decision decided within this many months (监察法).</summary>
    public int ReexaminationMonths { get; set; } = 1;

    /// <summary>复核 at the next level decided within this many months (监察法).</summary>
    public int RecheckMonths { get; set; } = 2;

    /// <summary>Real-name reporter told the result within this many working days of the matter's conclusion (检举控告规则).</summary>
    public int ResultFeedbackWorkingDays { get; set; } = 15;

    /// <summary>Items are "due soon" this many working days before their deadline.</summary>
    public int DueSoonWorkingDays { get; set; } = 3;

    /// <summary>初核 of a 一把手 needs the same-level party committee's principal leader (规则 art. 33, [R]).</summary>
    public bool PartyCommitteeApprovesPrincipalVerification { get; set; } = true;

    /// <summary>谈话函询 of a 一把手 reported to the party secretary ("when necessary": a provincial choice).</summary>
    public bool PartyCommitteeApprovesPrincipalTalkInquiry { get; set; }

    /// <summary>立案 approved by the same-level party committee's principal leader for every case (规则 art. 38, [R]).</summary>
    public bool PartyCommitteeApprovesFiling { get; set; } = true;

    public bool NeedsPartyCommittee(DisposalMethod method) => method switch
    {
        DisposalMethod.Verification => PartyCommitteeApprovesPrincipalVerification,
        DisposalMethod.TalkInquiry => PartyCommitteeApprovesPrincipalTalkInquiry,
        _ => false,
    };
}

/// <summary>
/// Computes due dates for the clue lifecycle on the working-day calendar, in China time. The 函询 reply deadline is the one rule
/// of every letter of inquiry (<see cref="SupervisionOptions.InquiryReplyDueOn"/>): a clue's letter is an inquiry of the ledger.
/// </summary>
public sealed class ClueDeadlines(ClueOptions options, WorkingDayCalendar calendar, SupervisionOptions? supervision = null)
{
    private readonly SupervisionOptions _supervision = supervision ?? new SupervisionOptions();

    public ClueOptions Policy => options;

    public WorkingDayCalendar Calendar => calendar;

    /// <summary>
    /// The due date of a limit counted from <paramref name="from"/>: working-day limits on the calendar; a limit in months
    /// that ends on a weekend or holiday moves to the next working day.
    /// </summary>
    public DateOnly Due(DeadlineKind kind, DateOnly from) => kind switch
    {
        DeadlineKind.Acceptance => calendar.AddWorkingDays(from, options.AcceptanceWorkingDays),
        DeadlineKind.ResultFeedback => calendar.AddWorkingDays(from, options.ResultFeedbackWorkingDays),
        DeadlineKind.InquiryReply => _supervision.InquiryReplyDueOn(calendar, from),
        _ => calendar.OnOrNextWorkingDay(from.AddMonths(kind switch
        {
            DeadlineKind.DisposalProposal => options.DisposalProposalMonths,
            DeadlineKind.InquiryReport => options.InquiryReportMonths,
            DeadlineKind.ShelvedReview => options.ShelvedReviewMonths,
            DeadlineKind.Review => options.ReviewMonths,
            DeadlineKind.Announcement => options.AnnouncementMonths,
            DeadlineKind.AppealReexamination => options.ReexaminationMonths,
            DeadlineKind.AppealRecheck => options.RecheckMonths,
            _ => options.AppealMonths,
        })),
    };

    /// <summary>Whether a due date was counted without its year's holiday schedule (the statutory holidays alone).</summary>
    public bool IsProvisional(DateOnly? due) => due is { } day && calendar.IsProvisional(day);

    /// <summary>The last date that counts as due soon: the configured number of working days from today.</summary>
    public DateOnly DueSoonLimit(DateOnly today) => calendar.AddWorkingDays(today, options.DueSoonWorkingDays);

    /// <summary>Overdue before today, due soon up to <see cref="DueSoonLimit"/>, on track after; the queries filter by the same dates.</summary>
    public DueStatus StatusOf(DateOnly? due, DateOnly today) => due switch
    {
        null => DueStatus.None,
        { } d when d < today => DueStatus.Overdue,
        { } d when d <= DueSoonLimit(today) => DueStatus.DueSoon,
        _ => DueStatus.OnTrack,
    };
}
