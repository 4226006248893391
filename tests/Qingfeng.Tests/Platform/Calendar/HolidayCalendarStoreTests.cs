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
}
