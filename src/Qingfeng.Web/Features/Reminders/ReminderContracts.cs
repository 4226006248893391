using Qingfeng.Features.Supervision;

namespace Qingfeng.Features.Reminders;

public sealed record IssueReminderLetterRequest
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
