using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Qingfeng.Platform.Calendar;

/// <summary>
/// One public holiday (法定节假日) including the days moved next to it by 调休; <paramref name="Provisional"/> when it comes
/// from the national rules alone because the year's schedule is not loaded (<see cref="StatutoryHolidays"/>).
/// </summary>
public sealed record HolidayPeriod(string Name, string NameEn, DateOnly From, DateOnly To, bool Provisional = false)
{
    public int Days => To.DayNumber - From.DayNumber + 1;

    public bool Contains(DateOnly date) => date >= From && date <= To;
}

/// <summary>
/// One year of the State Council's holiday schedule (节假日安排): the holidays and the adjusted
/// working weekends (调休上班). The JSON form is the data file format (<c>2026.json</c>).
/// </summary>
public sealed record HolidayYear(int Year, string Source, IReadOnlyList<HolidayPeriod> Holidays, IReadOnlyList<DateOnly> Workdays)
{
    public const int MinYear = 2000;
    public const int MaxYear = 2099;

    private static readonly JsonSerializerOptions ReadOptions = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly JsonSerializerOptions WriteOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>Parses and validates a data file; every problem is a <see cref="DomainRuleException"/> with a <c>Calendar.*</c> code.</summary>
    public static HolidayYear Parse(string json) => Validate(ReadFile(json));

    /// <summary>Reads a data file without validating the schedule; malformed JSON is a <c>Calendar.Malformed</c> rule.</summary>
    public static HolidayYearFile ReadFile(string json)
    {
        HolidayYearFile? file;
        try
        {
            file = JsonSerializer.Deserialize<HolidayYearFile>(json, ReadOptions);
        }
        catch (JsonException e)
        {
            throw new DomainRuleException("Calendar.Malformed", e.Path ?? "$", e.LineNumber is { } line ? line + 1 : 0);
        }

        return file ?? throw new DomainRuleException("Calendar.Malformed", "$", 1);
    }

    public string ToJson() => JsonSerializer.Serialize(ToFile(), WriteOptions);

    public HolidayYearFile ToFile() => new()
    {
        Year = Year,
        Source = Source,
        Holidays = [.. Holidays.Select(h => new HolidayFileEntry { Name = h.Name, NameEn = h.NameEn, From = h.From, To = h.To })],
        Workdays = [.. Workdays],
    };

    private static HolidayYear Validate(HolidayYearFile file)
    {
        var year = file.Year ?? throw new DomainRuleException("Calendar.YearRequired");
        if (year is < MinYear or > MaxYear)
        {
            throw new DomainRuleException("Calendar.YearOutOfRange", year, MinYear, MaxYear);
        }

        if (string.IsNullOrWhiteSpace(file.Source))
        {
            throw new DomainRuleException("Calendar.SourceRequired");
        }

        if (file.Holidays is not { Count: > 0 })
        {
            throw new DomainRuleException("Calendar.HolidaysRequired");
        }

        var holidays = new List<HolidayPeriod>();
        foreach (var entry in file.Holidays)
        {
            if (string.IsNullOrWhiteSpace(entry.Name) || entry.From is not { } from || entry.To is not { } to)
            {
                throw new DomainRuleException("Calendar.HolidayIncomplete", entry.Name ?? "");
            }

            RequireInYear(from, year);
            RequireInYear(to, year);
            if (from > to)
            {
                throw new DomainRuleException("Calendar.HolidayReversed", entry.Name, Text(from), Text(to));
            }

            holidays.Add(new HolidayPeriod(entry.Name.Trim(), entry.NameEn?.Trim() ?? "", from, to));
        }

        holidays.Sort((a, b) => a.From.CompareTo(b.From));
        for (var i = 1; i < holidays.Count; i++)
        {
            if (holidays[i].From <= holidays[i - 1].To)
            {
                throw new DomainRuleException("Calendar.HolidaysOverlap", holidays[i - 1].Name, holidays[i].Name);
            }
        }

        var workdays = new SortedSet<DateOnly>();
        foreach (var day in file.Workdays ?? [])
        {
            RequireInYear(day, year);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                throw new DomainRuleException("Calendar.WorkdayNotWeekend", Text(day));
            }

            if (holidays.Find(h => h.Contains(day)) is { } holiday)
            {
                throw new DomainRuleException("Calendar.WorkdayInHoliday", Text(day), holiday.Name);
            }

            if (!workdays.Add(day))
            {
                throw new DomainRuleException("Calendar.WorkdayDuplicated", Text(day));
            }
        }

        return new HolidayYear(year, file.Source.Trim(), holidays, [.. workdays]);
    }

    private static void RequireInYear(DateOnly date, int year)
    {
        if (date.Year != year)
        {
            throw new DomainRuleException("Calendar.DateOutsideYear", Text(date), year);
        }
    }

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>The data file as written by administrators; <see cref="HolidayYear.Parse"/> validates it.</summary>
public sealed class HolidayYearFile : IRequestExample<HolidayYearFile>
{
    [System.ComponentModel.DataAnnotations.Range(HolidayYear.MinYear, HolidayYear.MaxYear)]
    public int? Year { get; set; }

    [System.ComponentModel.DataAnnotations.StringLength(200)]
    public string? Source { get; set; }

    [System.ComponentModel.DataAnnotations.MaxLength(40)]
    public List<HolidayFileEntry>? Holidays { get; set; }

    [System.ComponentModel.DataAnnotations.MaxLength(40)]
    public List<DateOnly>? Workdays { get; set; }

    /// <summary>The built-in schedule of 2026, as an administrator would upload next year's.</summary>
    public static HolidayYearFile Example => HolidayCalendarStore.BuiltIn().Find(2026)!.ToFile();
}

public sealed class HolidayFileEntry
{
    [System.ComponentModel.DataAnnotations.StringLength(32)]
    public string? Name { get; set; }

    [System.ComponentModel.DataAnnotations.StringLength(64)]
    public string? NameEn { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }
}
