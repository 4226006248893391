using Qingfeng.Features.Clues;
using Qingfeng.Features.Supervision;
using Qingfeng.Platform.Calendar;
using Xunit;

namespace Qingfeng.Tests.Features.Clues;

/// <summary>Due dates of the clue lifecycle and their status, on fixed dates of the 2026 calendar.</summary>
public sealed class ClueDeadlinesTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.BuiltIn();
    private static readonly ClueDeadlines Default = new(new ClueOptions(), Calendar);

    /// <summary>Thu 12 Mar 2026; three working days later is Tue 17 Mar (Fri 13, Mon 16, Tue 17).</summary>
    private static readonly DateOnly Today = new(2026, 3, 12);

    /// <summary>A policy with a different figure for every limit, so that no limit can stand in for another.</summary>
    private static readonly ClueOptions Distinct = new()
    {
        AcceptanceWorkingDays = 2,
        DisposalProposalMonths = 2,
        InquiryReportMonths = 3,
        ShelvedReviewMonths = 4,
        ReviewMonths = 5,
        AnnouncementMonths = 7,
        AppealMonths = 8,
        ReexaminationMonths = 9,
        RecheckMonths = 10,
        ResultFeedbackWorkingDays = 3,
        DueSoonWorkingDays = 1,
    };

    /// <summary>The 函询 reply time is the one rule of every letter of inquiry, configured with daily supervision.</summary>
    private static readonly SupervisionOptions DistinctReply = new() { InquiryReplyWorkingDays = 4 };

    [Fact]
    public void Overdue_starts_the_day_after_the_due_day()
    {
        Assert.Equal(DueStatus.Overdue, Default.StatusOf(new DateOnly(2026, 3, 11), Today));
        Assert.Equal(DueStatus.DueSoon, Default.StatusOf(Today, Today));
    }

    [Fact]
    public void Due_soon_runs_to_the_third_working_day_ahead_and_on_track_starts_the_day_after()
    {
        Assert.Equal(new DateOnly(2026, 3, 17), Default.DueSoonLimit(Today));
        Assert.Equal(DueStatus.DueSoon, Default.StatusOf(new DateOnly(2026, 3, 14), Today));
        Assert.Equal(DueStatus.DueSoon, Default.StatusOf(new DateOnly(2026, 3, 17), Today));
        Assert.Equal(DueStatus.OnTrack, Default.StatusOf(new DateOnly(2026, 3, 18), Today));
    }

    [Fact]
    public void Due_soon_counts_working_days_so_a_holiday_stretches_it()
    {
        // Thu 12 Feb 2026: Fri 13, Sat 14 (调休上班), then the Spring Festival 15–23 Feb, then Tue 24 Feb.
        var today = new DateOnly(2026, 2, 12);
        Assert.Equal(new DateOnly(2026, 2, 24), Default.DueSoonLimit(today));
        Assert.Equal(DueStatus.DueSoon, Default.StatusOf(new DateOnly(2026, 2, 24), today));
        Assert.Equal(DueStatus.OnTrack, Default.StatusOf(new DateOnly(2026, 2, 25), today));
    }

    [Fact]
    public void Nothing_due_has_no_status()
    {
        Assert.Equal(DueStatus.None, Default.StatusOf(null, Today));
    }

    [Fact]
    public void The_due_soon_window_follows_the_configured_number_of_working_days()
    {
        var deadlines = new ClueDeadlines(Distinct, Calendar, DistinctReply);

        Assert.Equal(new DateOnly(2026, 3, 13), deadlines.DueSoonLimit(Today));
        Assert.Equal(DueStatus.OnTrack, deadlines.StatusOf(new DateOnly(2026, 3, 16), Today));
    }

    [Theory]
    [InlineData(DeadlineKind.Acceptance, "2026-03-23")]
    [InlineData(DeadlineKind.DisposalProposal, "2026-04-02")]
    [InlineData(DeadlineKind.InquiryReply, "2026-03-23")]
    [InlineData(DeadlineKind.InquiryReport, "2026-04-02")]
    [InlineData(DeadlineKind.ShelvedReview, "2026-09-02")]
    [InlineData(DeadlineKind.Review, "2026-04-02")]
    [InlineData(DeadlineKind.Announcement, "2026-04-02")]
    [InlineData(DeadlineKind.Appeal, "2026-06-02")]
    [InlineData(DeadlineKind.AppealReexamination, "2026-04-02")]
    [InlineData(DeadlineKind.AppealRecheck, "2026-05-06")] // Sat 2 May is in 劳动节 (1–5 May)
    [InlineData(DeadlineKind.ResultFeedback, "2026-03-23")]
    public void The_default_limits_are_the_rule_figures(DeadlineKind kind, string due)
    {
        // From Mon 2 Mar 2026: 15 working days end on Mon 23 Mar; months count by calendar.
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), Default.Due(kind, new DateOnly(2026, 3, 2)));
    }

    [Theory]
    [InlineData(DeadlineKind.Acceptance, "2026-03-04")]
    [InlineData(DeadlineKind.DisposalProposal, "2026-05-06")] // Sat 2 May is in 劳动节 (1–5 May)
    [InlineData(DeadlineKind.InquiryReply, "2026-03-06")]
    [InlineData(DeadlineKind.InquiryReport, "2026-06-02")]
    [InlineData(DeadlineKind.ShelvedReview, "2026-07-02")]
    [InlineData(DeadlineKind.Review, "2026-08-03")] // Sun 2 Aug moves to Monday
    [InlineData(DeadlineKind.Announcement, "2026-10-08")] // 2 Oct is in 国庆 (1–7 Oct)
    [InlineData(DeadlineKind.Appeal, "2026-11-02")]
    [InlineData(DeadlineKind.AppealReexamination, "2026-12-02")]
    [InlineData(DeadlineKind.AppealRecheck, "2027-01-04")] // Sat 2 Jan 2027, a year without a schedule: after the weekend
    [InlineData(DeadlineKind.ResultFeedback, "2026-03-05")]
    public void Each_deadline_uses_its_own_configured_limit(DeadlineKind kind, string due)
    {
        var deadlines = new ClueDeadlines(Distinct, Calendar, DistinctReply);

        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), deadlines.Due(kind, new DateOnly(2026, 3, 2)));
    }

    [Fact]
    public void A_clues_letter_and_a_letter_of_the_ledger_have_one_reply_deadline_rule()
    {
        // Thu 12 Feb 2026 + 7 working days: Fri 13, Sat 14 (调休上班), the Spring Festival, then Tue 24 – Fri 27, Sat 28 (调休上班).
        var supervision = new SupervisionOptions { InquiryReplyWorkingDays = 7 };
        var sent = new DateOnly(2026, 2, 12);

        var clue = new ClueDeadlines(new ClueOptions(), Calendar, supervision).Due(DeadlineKind.InquiryReply, sent);

        Assert.Equal(new SupervisionCalendar(supervision, Calendar).InquiryReplyDueOn(sent), clue);
        Assert.Equal(Calendar.AddWorkingDays(sent, 7), clue);
    }

    [Fact]
    public void Working_day_limits_skip_holidays_and_month_limits_end_on_a_working_day()
    {
        // Thu 12 Feb 2026 + 2 working days: Fri 13, Sat 14 (调休上班); + 4: Tue 24, Wed 25 after the Spring Festival;
        // + 2 months: Sun 12 Apr, moved to Mon 13 Apr.
        var deadlines = new ClueDeadlines(Distinct, Calendar, DistinctReply);
        var from = new DateOnly(2026, 2, 12);

        Assert.Equal(new DateOnly(2026, 2, 14), deadlines.Due(DeadlineKind.Acceptance, from));
        Assert.Equal(new DateOnly(2026, 2, 25), deadlines.Due(DeadlineKind.InquiryReply, from));
        Assert.Equal(new DateOnly(2026, 4, 13), deadlines.Due(DeadlineKind.DisposalProposal, from));
    }

    [Fact]
    public void The_default_policy_is_the_rule_text()
    {
        var options = new ClueOptions();

        Assert.Equal(
            (15, 1, 15, 1, 6, 1, 1, 3, 3),
            (options.AcceptanceWorkingDays, options.DisposalProposalMonths, new SupervisionOptions().InquiryReplyWorkingDays, options.InquiryReportMonths,
                options.ShelvedReviewMonths, options.ReviewMonths, options.AnnouncementMonths, options.AppealMonths, options.DueSoonWorkingDays));
        Assert.True(options.PartyCommitteeApprovesPrincipalVerification);
        Assert.False(options.PartyCommitteeApprovesPrincipalTalkInquiry);
        Assert.True(options.PartyCommitteeApprovesFiling);
    }

    [Theory]
    [InlineData(DisposalMethod.Verification, true, false, true)]
    [InlineData(DisposalMethod.Verification, false, true, false)]
    [InlineData(DisposalMethod.TalkInquiry, false, true, true)]
    [InlineData(DisposalMethod.TalkInquiry, true, false, false)]
    [InlineData(DisposalMethod.Shelve, true, true, false)]
    [InlineData(DisposalMethod.Close, true, true, false)]
    public void Only_verification_and_talk_inquiry_can_need_the_party_committee_each_by_its_own_setting(
        DisposalMethod method, bool verification, bool talkInquiry, bool needed)
    {
        var options = new ClueOptions { PartyCommitteeApprovesPrincipalVerification = verification, PartyCommitteeApprovesPrincipalTalkInquiry = talkInquiry };

        Assert.Equal(needed, options.NeedsPartyCommittee(method));
    }

    [Fact]
    public void The_deadlines_expose_the_policy_and_calendar_they_were_built_with()
    {
        var options = new ClueOptions();
        var deadlines = new ClueDeadlines(options, Calendar);

        Assert.Same(options, deadlines.Policy);
        Assert.Same(Calendar, deadlines.Calendar);
    }

    [Fact]
    public void A_real_name_report_must_be_answered_within_fifteen_working_days_of_receipt()
    {
        var scenario = new ClueScenario();

        var clue = scenario.Registered(realName: true);

        // Received Mon 9 Feb 2026: 10–14 Feb (5, Sat 14 is 调休上班), Spring Festival 15–23 Feb,
        // 24–28 Feb (10, Sat 28 is 调休上班), 2–6 Mar (15).
        Assert.Equal(DeadlineKind.Acceptance, clue.DueKind);
        Assert.Equal(new DateOnly(2026, 3, 6), clue.DueOn);
    }

    [Fact]
    public void An_anonymous_report_has_no_acceptance_deadline()
    {
        var scenario = new ClueScenario();

        var clue = scenario.Registered(realName: false);

        Assert.Null(clue.DueKind);
        Assert.Null(clue.DueOn);
    }
}
