namespace Qingfeng.Platform.Calendar;

/// <summary>Times are stored in UTC and shown in China Standard Time (UTC+8, no daylight saving).</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static string Format(DateTimeOffset value) =>
        value.ToOffset(Offset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Format(DateOnly? value) =>
        value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    /// <summary>The calendar date in China at <paramref name="at"/>: "today" for deadlines, delegations and form defaults, whatever the server's time zone.</summary>
    public static DateOnly DateOf(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(Offset).DateTime);

    /// <summary>The first instant of a calendar day in China.</summary>
    public static DateTimeOffset StartOfDay(DateTime day) => new(DateTime.SpecifyKind(day.Date, DateTimeKind.Unspecified), Offset);

    /// <summary>The last instant of a calendar day in China.</summary>
    public static DateTimeOffset EndOfDay(DateTime day) => StartOfDay(day).AddDays(1).AddTicks(-1);
}
