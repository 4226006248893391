using Qingfeng.Features.Supervision;

namespace Qingfeng.Features.Reminders;

public sealed record IssueReminderLetterRequest : IRequestExample<IssueReminderLetterRequest>
{
    [Required]
    public Guid? OfficialId { get; init; }

    [StringLength(Reminder.TitleMaxLength)]
    public string? Title { get; init; }

    /// <summary>The problems the letter points out (问题提示).</summary>
    [Required]
    [StringLength(Reminder.TextMaxLength, MinimumLength = 2)]
    public string? Problems { get; init; }

    /// <summary>The suggestions (工作建议).</summary>
    [Required]
    [StringLength(Reminder.TextMaxLength, MinimumLength = 2)]
    public string? Suggestions { get; init; }

    [StringLength(Reminder.DocumentNumberMaxLength)]
    public string? DocumentNumber { get; init; }

    /// <summary>Issued on; today by default.</summary>
    public DateOnly? SentOn { get; init; }

    public static IssueReminderLetterRequest Example => new()
    {
        OfficialId = ExampleIds.Official,
        Title = "关于严守节日期间廉洁纪律的提醒函",
        Problems = "近期收到反映你单位在节日期间存在公务接待超标准的问题。",
        Suggestions = "严格执行公务接待规定，组织开展一次自查自纠，并于一个月内将情况报县纪委监委。",
        DocumentNumber = "开纪提〔2026〕8号",
        SentOn = new DateOnly(2026, 11, 28),
    };
}

public sealed record ReminderQuery : PageRequest
{
    public ReminderKind? Kind { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    /// <summary>Official name, unit name or title contains.</summary>
    [StringLength(64)]
    public string? Text { get; init; }

    public Guid? OfficialId { get; init; }

    [StringLength(32)]
    public string? Holiday { get; init; }

    /// <summary>sent (default), official, kind, title.</summary>
    [StringLength(16)]
    public string? Sort { get; init; }

    public bool? Descending { get; init; }
}

public sealed record ReminderListItem(
    Guid Id,
    ReminderKind Kind,
    ReminderChannel Channel,
    DateOnly SentOn,
    SubjectView Subject,
    string Title,
    string? HolidayName);

public sealed record ReminderDetail(
    Guid Id,
    ReminderKind Kind,
    ReminderChannel Channel,
    DateOnly SentOn,
    SubjectView Subject,
    string Title,
    string Text,
    string? Suggestions,
    string? DocumentNumber,
    string? HolidayName);
