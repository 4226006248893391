using Qingfeng.Features.Supervision;

namespace Qingfeng.Features.Reminders;

/// <summary>The kinds of reminder to a 一把手 (domain.md A16).</summary>
public enum ReminderKind
{
    /// <summary>提醒函 with a problem notice and suggestions.</summary>
    Letter = 1,

    /// <summary>节前廉洁提醒: a text message before a public holiday.</summary>
    Holiday = 2,
}

/// <summary>How the reminder reached the official.</summary>
public enum ReminderChannel
{
    /// <summary>A printed letter (.docx).</summary>
    Letter = 1,

    Sms = 2,
}

/// <summary>
/// A reminder sent to an official: a 提醒函 issued by a supervision office, or a pre-holiday integrity text sent by the
/// sweep. <see cref="DedupKey"/> makes the sweep idempotent (one reminder per holiday per official).
/// </summary>
public sealed class Reminder : Entity, IOwnedRecord
{
    public const int TextMaxLength = 4000;
    public const int TitleMaxLength = 200;
    public const int DocumentNumberMaxLength = 64;

    private Reminder()
    {
    }

    private Reminder(Guid organId, SupervisedSubject subject, ReminderKind kind, ReminderChannel channel, DateOnly sentOn, string title, string text)
    {
        if (subject.OfficialId is null)
        {
            throw new DomainRuleException("Reminders.OfficialRequired");
        }

        OrganId = organId;
        Subject = subject.WithOfficialTexts() with { LeaderCategory = null };
        Kind = kind;
        Channel = channel;
        SentOn = sentOn;
        Title = InputRules.RequiredText(title, TitleMaxLength);
        Text = InputRules.RequiredText(text, TextMaxLength);
    }

    public Guid OrganId { get; private set; }

    /// <summary>The unit and official the record is about.</summary>
    public SupervisedSubject Subject { get; private set; } = null!;

    public ReminderKind Kind { get; private set; }

    public ReminderChannel Channel { get; private set; }

    public DateOnly SentOn { get; private set; }

    public string Title { get; private set; } = "";

    /// <summary>The text message, or the letter's problem notice.</summary>
    public string Text { get; private set; } = "";

    /// <summary>提醒函: the suggestions.</summary>
    public string? Suggestions { get; private set; }

    public string? DocumentNumber { get; private set; }

    /// <summary>The holiday a pre-holiday reminder is for.</summary>
    public string? HolidayName { get; private set; }

    public DateOnly? HolidayFrom { get; private set; }

    /// <summary>Unique for sweep-made reminders ("holiday:2026-10-01:{official}"); null for letters.</summary>
    public string? DedupKey { get; private set; }

    /// <summary>A 提醒函 with a problem notice and suggestions.</summary>
    public static Reminder Letter(Guid organId, SupervisedSubject subject, DateOnly sentOn, string title, string problems, string suggestions, string? documentNumber)
    {
        if (string.IsNullOrWhiteSpace(problems) || string.IsNullOrWhiteSpace(suggestions))
        {
            throw new DomainRuleException("Reminders.LetterIncomplete");
        }

        return new Reminder(organId, subject, ReminderKind.Letter, ReminderChannel.Letter, sentOn, string.IsNullOrWhiteSpace(title) ? "提醒函" : title, problems)
        {
            Suggestions = InputRules.RequiredText(suggestions, TextMaxLength),
            DocumentNumber = string.IsNullOrWhiteSpace(documentNumber) ? null : InputRules.Text(documentNumber, DocumentNumberMaxLength),
        };
    }

    /// <summary>A pre-holiday integrity text to a 一把手.</summary>
    public static Reminder Holiday(Guid organId, SupervisedSubject subject, DateOnly sentOn, string holidayName, DateOnly holidayFrom, string text) =>
        new(organId, subject, ReminderKind.Holiday, ReminderChannel.Sms, sentOn, holidayName + "前廉洁提醒", text)
        {
            HolidayName = holidayName,
            HolidayFrom = holidayFrom,
            DedupKey = HolidayKey(holidayFrom, subject.OfficialId!.Value),
        };

    public static string HolidayKey(DateOnly holidayFrom, Guid officialId) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"holiday:{holidayFrom:yyyy-MM-dd}:{officialId}");
}
