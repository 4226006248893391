
namespace Qingfeng.Features.Supervision;

/// <summary>Time limits of daily supervision (configuration section <c>Supervision</c>): local practice, not national rules.</summary>
public sealed class SupervisionOptions
{
    /// <summary>Default time for a rectification item when its source names no deadline, in working days.</summary>
    public int RectificationWorkingDays { get; set; } = 30;

    /// <summary>Working days before a deadline when the responsible office is told it is due soon.</summary>
    public int DueSoonWorkingDays { get; set; } = 3;

    /// <summary>Working days an item may stay overdue before it is escalated to the commission leadership (second level).</summary>
    public int EscalateAfterWorkingDays { get; set; } = 5;

    /// <summary>
    /// Reply time of a letter of inquiry (函询), in working days (监督执纪工作规则: 15): of the ledger's letters and of those a clue's
    /// 谈话函询 sends alike.
    /// </summary>
    public int InquiryReplyWorkingDays { get; set; } = 15;

    /// <summary>Reply time of a supervision recommendation (纪检监察建议书), in calendar days.</summary>
    public int RecommendationReplyDays { get; set; } = 30;

    /// <summary>Default time to revise a returned 述责述廉 report, in working days.</summary>
    public int RevisionWorkingDays { get; set; } = 5;

    /// <summary>Working days before a public holiday when pre-holiday integrity reminders go out.</summary>
    public int HolidayReminderWorkingDays { get; set; } = 2;

    /// <summary>The one reply deadline of a letter of inquiry sent on <paramref name="sentOn"/>: <see cref="InquiryReplyWorkingDays"/> working days later.</summary>
    public DateOnly InquiryReplyDueOn(WorkingDayCalendar calendar, DateOnly sentOn) => calendar.AddWorkingDays(sentOn, InquiryReplyWorkingDays);
}

/// <summary>Working-day arithmetic for supervision deadlines, on the same holiday calendar as the clue deadlines.</summary>
public sealed class SupervisionCalendar(SupervisionOptions options, WorkingDayCalendar calendar)
{
    public SupervisionOptions Options => options;

    public WorkingDayCalendar Calendar => calendar;

    public DateOnly AddWorkingDays(DateOnly from, int days) => calendar.AddWorkingDays(from, days);

    /// <summary>A limit in calendar days (the 30 days to answer a 纪检监察建议书): one that ends on a day off moves to the next working day.</summary>
    public DateOnly AddCalendarDays(DateOnly from, int days) => calendar.OnOrNextWorkingDay(from.AddDays(days));

    /// <inheritdoc cref="SupervisionOptions.InquiryReplyDueOn"/>
    public DateOnly InquiryReplyDueOn(DateOnly sentOn) => options.InquiryReplyDueOn(calendar, sentOn);

    public DateOnly DueSoonLimit(DateOnly today) => calendar.AddWorkingDays(today, options.DueSoonWorkingDays);

    /// <summary>The day an overdue item is escalated to the leadership: the given number of working days after its deadline.</summary>
    public DateOnly EscalationDay(DateOnly dueOn) => calendar.AddWorkingDays(dueOn, options.EscalateAfterWorkingDays);
}
