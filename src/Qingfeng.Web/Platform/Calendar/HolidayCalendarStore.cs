using System.Collections.Frozen;
using System.Text;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging.Abstractions;

namespace Qingfeng.Platform.Calendar;

/// <summary>Where a loaded year came from: shipped with the app, or a file in the calendar directory.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CalendarOrigin>))]
public enum CalendarOrigin
{
    BuiltIn,
    Uploaded,
}

/// <summary>A loaded year, for the administration list.</summary>
public sealed record CalendarYearInfo(int Year, string Source, CalendarOrigin Origin, int HolidayCount, int WorkdayCount);

/// <summary>
/// The holiday schedules the calendar knows: the embedded defaults, overridden or extended by
/// <c>{year}.json</c> files in the calendar directory (<c>Calendar:Directory</c>). Loads are immutable
/// snapshots swapped atomically, so readers never see half a reload.
/// </summary>
public sealed class HolidayCalendarStore : IDisposable
{
    private const string ResourcePrefix = "Qingfeng.Platform.Calendar.Data.";

    private readonly ILogger _logger;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private volatile CalendarSnapshot _current;

    /// <param name="directory">The directory of administrator files, or null for the embedded data alone.</param>
    /// <param name="logger">Where loads and saves are logged.</param>
    public HolidayCalendarStore(string? directory, ILogger<HolidayCalendarStore>? logger = null)
    {
        Directory = directory;
        _logger = logger ?? NullLogger<HolidayCalendarStore>.Instance;
        _current = Load();
    }

    public string? Directory { get; }

    internal CalendarSnapshot Current => _current;

    public IReadOnlyList<CalendarYearInfo> Years =>
        [.. _current.Years.Values.OrderBy(y => y.Data.Year).Select(y => new CalendarYearInfo(y.Data.Year, y.Data.Source, y.Origin, y.Data.Holidays.Count, y.Data.Workdays.Count))];

    /// <summary>The embedded years only.</summary>
    public static HolidayCalendarStore BuiltIn() => new(null);

    public HolidayYear? Find(int year) => _current.Years.TryGetValue(year, out var loaded) ? loaded.Data : null;

    /// <summary>
    /// Validates a year's JSON, writes it to the calendar directory (temporary file, then an atomic
    /// move) and reloads. <paramref name="expectedYear"/>, when given, must match the file's year.
    /// </summary>
    public async Task<HolidayYear> SaveYearAsync(string json, int? expectedYear = null, CancellationToken cancellationToken = default)
    {
        var year = HolidayYear.Parse(json);
        if (expectedYear is { } expected && expected != year.Year)
        {
            throw new DomainRuleException("Calendar.YearMismatch", year.Year, expected);
        }

        var directory = Directory ?? throw new InvalidOperationException("This calendar store has no directory to save into.");
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            System.IO.Directory.CreateDirectory(directory);
            var target = Path.Combine(directory, FileName(year.Year));
            var temporary = Path.Combine(directory, $".{year.Year}.{Guid.NewGuid():N}.tmp");
            try
            {
                await File.WriteAllTextAsync(temporary, year.ToJson(), new UTF8Encoding(false), cancellationToken);
                File.Move(temporary, target, overwrite: true);
            }
            finally
            {
                File.Delete(temporary);
            }

            _current = Load();
            _logger.LogInformation("Holiday schedule for {Year} saved to {File}.", year.Year, target);
            return year;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Reads the embedded data and the directory again.</summary>
    public void Reload() => _current = Load();

    public void Dispose() => _writeLock.Dispose();

    private static string FileName(int year) => year.ToString(CultureInfo.InvariantCulture) + ".json";

    private CalendarSnapshot Load()
    {
        var years = new Dictionary<int, LoadedYear>();
        var assembly = typeof(HolidayCalendarStore).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var year = ParseNamed(reader.ReadToEnd(), name);
            years[year.Year] = new LoadedYear(year, CalendarOrigin.BuiltIn);
        }

        if (Directory is { } directory && System.IO.Directory.Exists(directory))
        {
            foreach (var path in System.IO.Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
            {
                var stem = Path.GetFileNameWithoutExtension(path);
                if (stem.Length != 4 || !int.TryParse(stem, NumberStyles.None, CultureInfo.InvariantCulture, out var fileYear))
                {
                    _logger.LogWarning("Ignoring {File}: calendar files are named after their year, e.g. 2026.json.", path);
                    continue;
                }

                var year = ParseNamed(File.ReadAllText(path), path);
                if (year.Year != fileYear)
                {
                    throw new InvalidOperationException($"Calendar file {path} holds year {year.Year}; rename it to {FileName(year.Year)}.");
                }

                years[year.Year] = new LoadedYear(year, CalendarOrigin.Uploaded);
            }
        }

        return new CalendarSnapshot(years.ToFrozenDictionary());
    }

    private static HolidayYear ParseNamed(string json, string name)
    {
        try
        {
            return HolidayYear.Parse(json);
        }
        catch (DomainRuleException e)
        {
            // At load time a bad file is a configuration error: deadlines must not be computed from it.
            var message = Ui.TextCatalog.Instance.Get(e.Code, CultureInfo.InvariantCulture, [.. e.Arguments]);
            throw new InvalidOperationException($"Calendar file {name} is invalid: {message} ({e.Code})", e);
        }
    }
}

internal sealed record LoadedYear(HolidayYear Data, CalendarOrigin Origin);

/// <summary>
/// An immutable view of all loaded years, indexed by day; every other year of the supported range has its statutory
/// holidays (<see cref="StatutoryHolidays"/>), marked provisional.
/// </summary>
internal sealed class CalendarSnapshot
{
    public CalendarSnapshot(FrozenDictionary<int, LoadedYear> years)
    {
        Years = years;
        var holidays = new Dictionary<DateOnly, HolidayPeriod>();
        var workdays = new HashSet<DateOnly>();
        var all = Enumerable.Range(HolidayYear.MinYear, HolidayYear.MaxYear - HolidayYear.MinYear + 1)
            .Select(y => years.TryGetValue(y, out var loaded) ? loaded.Data : StatutoryHolidays.For(y))
            .ToList();
        foreach (var year in all)
        {
            foreach (var period in year.Holidays)
            {
                for (var day = period.From; day <= period.To; day = day.AddDays(1))
                {
                    holidays[day] = period;
                }
            }

            workdays.UnionWith(year.Workdays);
        }

        HolidayDays = holidays.ToFrozenDictionary();
        AdjustedWorkdays = workdays.ToFrozenSet();
        Periods = [.. all.SelectMany(y => y.Holidays).OrderBy(p => p.From)];
    }

    public FrozenDictionary<int, LoadedYear> Years { get; }

    public FrozenDictionary<DateOnly, HolidayPeriod> HolidayDays { get; }

    public FrozenSet<DateOnly> AdjustedWorkdays { get; }

    public IReadOnlyList<HolidayPeriod> Periods { get; }
}
