using Microsoft.Extensions.Logging;
using Qingfeng.Platform.Calendar;
using Qingfeng.Platform.Rules;
using Xunit;

namespace Qingfeng.Tests.Platform.Calendar;

public sealed class HolidayCalendarStoreTests : IDisposable
{
    private const string Valid2027 = """
        {
          "year": 2027,
          "source": "测试用安排",
          "holidays": [
            { "name": "元旦", "nameEn": "New Year's Day", "from": "2027-01-01", "to": "2027-01-03" },
            { "name": "春节", "nameEn": "Spring Festival", "from": "2027-02-05", "to": "2027-02-13" }
          ],
          "workdays": ["2027-02-14"]
        }
        """;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "qf-calendar-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void The_embedded_years_are_2025_and_2026_and_built_in()
    {
        using var store = HolidayCalendarStore.BuiltIn();
        Assert.Equal([2025, 2026], store.Years.Select(y => y.Year));
        Assert.All(store.Years, y => Assert.Equal(CalendarOrigin.BuiltIn, y.Origin));
        Assert.StartsWith("国务院办公厅", store.Find(2026)!.Source, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "year": 2027, "source": "x", "holidays": [ { "name": "元旦", "from": "2026-12-31", "to": "2027-01-01" } ] }""", "Calendar.DateOutsideYear")]
    [InlineData("""{ "year": 2027, "source": "x", "holidays": [ { "name": "元旦", "from": "2027-01-03", "to": "2027-01-01" } ] }""", "Calendar.HolidayReversed")]
    [InlineData("""{ "year": 2027, "source": "x", "holidays": [ { "name": "甲", "from": "2027-01-01", "to": "2027-01-03" }, { "name": "乙", "from": "2027-01-03", "to": "2027-01-04" } ] }""", "Calendar.HolidaysOverlap")]
    [InlineData("""{ "year": 2027, "source": "x", "holidays": [ { "name": "元旦", "from": "2027-01-01", "to": "2027-01-01" } ], "workdays": ["2027-01-04"] }""", "Calendar.WorkdayNotWeekend")]
    [InlineData("""{ "year": 2027, "source": "x", "holidays": [ { "name": "元旦", "from": "2027-01-01", "to": "2027-01-03" } ], "workdays": ["2027-01-02"] }""", "Calendar.WorkdayInHoliday")]
    [InlineData("""{ "year": 2027, "source": "", "holidays": [ { "name": "元旦", "from": "2027-01-01", "to": "2027-01-01" } ] }""", "Calendar.SourceRequired")]
    [InlineData("""{ "year": 2027, "source": "x", "holidays": [] }""", "Calendar.HolidaysRequired")]
    [InlineData("""{ "year": 2027, "source": "x", "holidays": [ { "name": "元旦", "from": "2027-01-01" } ] }""", "Calendar.HolidayIncomplete")]
    [InlineData("""{ "year": 2027, "source": "x", "holidays": [ { "name": "元旦", "from": "2027-01-01", "to": "2027-01-01" } ], "extra": 1 }""", "Calendar.Malformed")]
    [InlineData("""{ "year": 2027, "source": "x", "holidays": [ { "name": "元旦", "from": "2027-13-01", "to": "2027-01-01" } ] }""", "Calendar.Malformed")]
    [InlineData("""{ "year": 1999, "source": "x", "holidays": [ { "name": "元旦", "from": "1999-01-01", "to": "1999-01-01" } ] }""", "Calendar.YearOutOfRange")]
    [InlineData("not json", "Calendar.Malformed")]
    public void Invalid_data_is_rejected_with_the_matching_rule(string json, string code)
    {
        var error = Assert.Throws<DomainRuleException>(() => HolidayYear.Parse(json));
        Assert.Equal(code, error.Code);
        Assert.Equal(422, error.Status);
    }

    [Fact]
    public async Task Saving_a_year_for_another_address_is_rejected_and_writes_nothing()
    {
        using var store = new HolidayCalendarStore(_directory);
        var error = await Assert.ThrowsAsync<DomainRuleException>(() => store.SaveYearAsync(Valid2027, 2028, TestContext.Current.CancellationToken));
        Assert.Equal("Calendar.YearMismatch", error.Code);
        Assert.False(Directory.Exists(_directory) && Directory.EnumerateFileSystemEntries(_directory).Any());
    }

    [Fact]
    public async Task A_saved_year_is_written_to_the_directory_and_used_at_once()
    {
        using var store = new HolidayCalendarStore(_directory);
        var calendar = new WorkingDayCalendar(store);
        Assert.False(calendar.IsKnownYear(2027));

        await store.SaveYearAsync(Valid2027, 2027, TestContext.Current.CancellationToken);

        Assert.True(calendar.IsKnownYear(2027));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2027, 2, 14)), "Sun 14 Feb 2027 is worked in the test data");
        Assert.Equal(CalendarOrigin.Uploaded, store.Years.Single(y => y.Year == 2027).Origin);
        Assert.Equal(["2027.json"], Directory.EnumerateFiles(_directory).Select(Path.GetFileName));
        using var reloaded = new HolidayCalendarStore(_directory);
        Assert.Equal(store.Find(2027)!.Holidays, reloaded.Find(2027)!.Holidays);
    }

    [Fact]
    public void A_directory_file_overrides_the_embedded_year()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "2026.json"), """
            { "year": 2026, "source": "本地修订", "holidays": [ { "name": "元旦", "from": "2026-01-01", "to": "2026-01-01" } ] }
            """);
        using var store = new HolidayCalendarStore(_directory);
        var calendar = new WorkingDayCalendar(store);

        Assert.Equal("本地修订", store.Find(2026)!.Source);
        Assert.Equal(CalendarOrigin.Uploaded, store.Years.Single(y => y.Year == 2026).Origin);
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 2, 16)), "the override has no Spring Festival");
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 2, 14)), "nor the adjusted Saturday");
    }

    [Fact]
    public void An_invalid_directory_file_stops_the_load_naming_the_file()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "2027.json"), """{ "year": 2027, "source": "x", "holidays": [] }""");
        var error = Assert.Throws<InvalidOperationException>(() => new HolidayCalendarStore(_directory));
        Assert.Contains("2027.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("Calendar.HolidaysRequired", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_year_list_gives_each_years_source_origin_and_counts_in_year_order()
    {
        using var store = HolidayCalendarStore.BuiltIn();

        Assert.Equal(
            [
                new CalendarYearInfo(2025, "国务院办公厅关于2025年部分节假日安排的通知", CalendarOrigin.BuiltIn, 6, 5),
                new CalendarYearInfo(2026, "国务院办公厅关于2026年部分节假日安排的通知", CalendarOrigin.BuiltIn, 7, 6),
            ],
            store.Years);
        Assert.Null(store.Find(2027));
        Assert.Null(store.Directory);
    }

    [Fact]
    public async Task A_year_saved_without_an_expected_year_is_written_under_its_own_year_leaving_no_temporary_file()
    {
        var logger = new ListLogger();
        using var store = new HolidayCalendarStore(_directory, logger);

        var saved = await store.SaveYearAsync(Valid2027, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2027, saved.Year);
        Assert.Equal(_directory, store.Directory);
        Assert.Equal(["2027.json"], Directory.EnumerateFileSystemEntries(_directory).Select(Path.GetFileName));
        Assert.Equal(saved.ToJson(), await File.ReadAllTextAsync(Path.Combine(_directory, "2027.json"), TestContext.Current.CancellationToken));
        var bytes = await File.ReadAllBytesAsync(Path.Combine(_directory, "2027.json"), TestContext.Current.CancellationToken);
        Assert.Equal((byte)'{', bytes[0]); // UTF-8 without a byte-order mark, as the embedded years are written
        Assert.Equal(saved.Holidays, store.Find(2027)!.Holidays);
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("2027", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_year_saved_again_replaces_the_earlier_file()
    {
        using var store = new HolidayCalendarStore(_directory);
        await store.SaveYearAsync(Valid2027, 2027, TestContext.Current.CancellationToken);

        var again = Valid2027.Replace("测试用安排", "修订后的安排", StringComparison.Ordinal);
        await store.SaveYearAsync(again, 2027, TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal("修订后的安排", store.Find(2027)!.Source);
        Assert.Equal(["2027.json"], Directory.EnumerateFileSystemEntries(_directory).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_disposed_store_saves_nothing()
    {
        var store = new HolidayCalendarStore(_directory);
        store.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.SaveYearAsync(Valid2027, 2027, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_store_without_a_directory_cannot_save()
    {
        using var store = HolidayCalendarStore.BuiltIn();

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.SaveYearAsync(Valid2027, 2027, TestContext.Current.CancellationToken));
        Assert.Null(store.Find(2027));
    }

    [Fact]
    public async Task An_invalid_year_is_refused_before_anything_is_written()
    {
        using var store = new HolidayCalendarStore(_directory);

        var error = await Assert.ThrowsAsync<DomainRuleException>(() => store.SaveYearAsync("""{ "year": 2027 }""", 2027, TestContext.Current.CancellationToken));

        Assert.Equal("Calendar.SourceRequired", error.Code);
        Assert.False(Directory.Exists(_directory));
    }

    [Fact]
    public async Task A_mismatched_save_names_the_files_year_and_the_expected_one()
    {
        using var store = new HolidayCalendarStore(_directory);

        var error = await Assert.ThrowsAsync<DomainRuleException>(() => store.SaveYearAsync(Valid2027, 2028, TestContext.Current.CancellationToken));

        Assert.Equal(new object[] { 2027, 2028 }, error.Arguments);
    }

    [Fact]
    public void Files_not_named_after_a_year_are_ignored_with_a_warning()
    {
        Directory.CreateDirectory(_directory);
        foreach (var name in new[] { "notes.json", "027.json", "20x7.json", "+202.json", "20277.json" })
        {
            File.WriteAllText(Path.Combine(_directory, name), Valid2027);
        }

        var logger = new ListLogger();
        using var store = new HolidayCalendarStore(_directory, logger);

        Assert.Equal([2025, 2026], store.Years.Select(y => y.Year));
        var warnings = logger.Entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Message).ToList();
        Assert.Equal(5, warnings.Count);
        Assert.Contains(warnings, w => w.Contains("20x7.json", StringComparison.Ordinal) && w.Contains("2026.json", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_holding_another_year_than_its_name_stops_the_load_and_says_how_to_rename_it()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "2028.json"), Valid2027);

        var error = Assert.Throws<InvalidOperationException>(() => new HolidayCalendarStore(_directory));

        Assert.Contains("2027.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reloading_reads_files_written_since_the_last_load()
    {
        using var store = new HolidayCalendarStore(_directory);
        var calendar = new WorkingDayCalendar(store);
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "2027.json"), Valid2027);
        Assert.False(calendar.IsKnownYear(2027));

        store.Reload();

        Assert.True(calendar.IsKnownYear(2027));
        Assert.Equal("春节", calendar.HolidayOn(new DateOnly(2027, 2, 13))?.Name);
        Assert.Equal(["元旦", "春节"], calendar.HolidaysBetween(new DateOnly(2026, 12, 31), new DateOnly(2027, 2, 5)).Select(h => h.Name));
    }

    [Fact]
    public void Holidays_of_several_years_are_listed_in_date_order_across_the_years()
    {
        var calendar = WorkingDayCalendar.BuiltIn();

        var holidays = calendar.HolidaysBetween(new DateOnly(2025, 10, 1), new DateOnly(2026, 1, 3));

        Assert.Equal([new DateOnly(2025, 10, 1), new DateOnly(2026, 1, 1)], holidays.Select(h => h.From));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2025, 9, 28)), "an adjusted Sunday of 2025");
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 1, 4)), "an adjusted Sunday of 2026");
    }

    private sealed class ListLogger : ILogger<HolidayCalendarStore>
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }
}
