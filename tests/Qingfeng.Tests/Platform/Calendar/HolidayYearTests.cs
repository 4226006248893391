using Qingfeng.Platform.Calendar;
using Qingfeng.Platform.Rules;
using Xunit;

namespace Qingfeng.Tests.Platform.Calendar;

/// <summary>The holiday data file: what it accepts, what it refuses (with which arguments) and how it is written back.</summary>
public sealed class HolidayYearTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void A_holiday_contains_its_first_and_last_day_and_counts_them_both()
    {
        var holiday = new HolidayPeriod("春节", "Spring Festival", D(2026, 2, 15), D(2026, 2, 23));

        Assert.Equal(9, holiday.Days);
        Assert.True(holiday.Contains(D(2026, 2, 15)));
        Assert.True(holiday.Contains(D(2026, 2, 23)));
        Assert.False(holiday.Contains(D(2026, 2, 14)));
        Assert.False(holiday.Contains(D(2026, 2, 24)));
        Assert.Equal(1, new HolidayPeriod("元旦", "", D(2027, 1, 1), D(2027, 1, 1)).Days);
    }

    [Fact]
    public void A_file_with_comments_and_trailing_commas_is_read_with_names_trimmed_holidays_sorted_and_workdays_ordered()
    {
        var year = HolidayYear.Parse("""
            {
              // 管理员按通知录入
              "year": 2027,
              "source": "  测试用安排  ",
              "holidays": [
                { "name": " 春节 ", "nameEn": " Spring Festival ", "from": "2027-02-05", "to": "2027-02-13" },
                { "name": "元旦", "from": "2027-01-01", "to": "2027-01-01" },
              ],
              "workdays": ["2027-02-20", "2027-02-14",],
            }
            """);

        Assert.Equal((2027, "测试用安排"), (year.Year, year.Source));
        Assert.Equal(
            [new HolidayPeriod("元旦", "", D(2027, 1, 1), D(2027, 1, 1)), new HolidayPeriod("春节", "Spring Festival", D(2027, 2, 5), D(2027, 2, 13))],
            year.Holidays);
        Assert.Equal([D(2027, 2, 14), D(2027, 2, 20)], year.Workdays);
    }

    [Fact]
    public void A_file_without_workdays_has_none()
    {
        var year = HolidayYear.Parse("""{ "year": 2027, "source": "x", "holidays": [ { "name": "元旦", "from": "2027-01-01", "to": "2027-01-01" } ] }""");

        Assert.Empty(year.Workdays);
    }

    [Fact]
    public void Holidays_on_consecutive_days_do_not_overlap()
    {
        var year = HolidayYear.Parse("""
            { "year": 2027, "source": "x", "holidays": [
              { "name": "甲", "from": "2027-01-01", "to": "2027-01-03" },
              { "name": "乙", "from": "2027-01-04", "to": "2027-01-05" } ] }
            """);

        Assert.Equal(2, year.Holidays.Count);
    }

    [Theory]
    [InlineData(2000)]
    [InlineData(2099)]
    public void The_first_and_last_supported_years_are_accepted(int year)
    {
        Assert.Equal(year, HolidayYear.Parse(Minimal(year)).Year);
    }

    [Theory]
    [InlineData(1999)]
    [InlineData(2100)]
    public void A_year_outside_the_supported_range_is_refused_naming_the_range(int year)
    {
        var error = Refusal(Minimal(year));

        Assert.Equal("Calendar.YearOutOfRange", error.Code);
        Assert.Equal(new object[] { year, 2000, 2099 }, error.Arguments);
    }

    [Fact]
    public void A_file_without_year_is_refused()
    {
        Assert.Equal("Calendar.YearRequired", Refusal("""{ "source": "x", "holidays": [ { "name": "元旦", "from": "2027-01-01", "to": "2027-01-01" } ] }""").Code);
    }

    [Fact]
    public void A_blank_source_is_refused()
    {
        Assert.Equal("Calendar.SourceRequired", Refusal("""{ "year": 2027, "source": "   ", "holidays": [ { "name": "元旦", "from": "2027-01-01", "to": "2027-01-01" } ] }""").Code);
        Assert.Equal("Calendar.SourceRequired", Refusal("""{ "year": 2027, "holidays": [ { "name": "元旦", "from": "2027-01-01", "to": "2027-01-01" } ] }""").Code);
    }

    [Fact]
    public void A_file_without_holidays_is_refused()
    {
        Assert.Equal("Calendar.HolidaysRequired", Refusal("""{ "year": 2027, "source": "x" }""").Code);
    }

    [Theory]
    [InlineData("""{ "name": " ", "from": "2027-01-01", "to": "2027-01-01" }""", " ")]
    [InlineData("""{ "from": "2027-01-01", "to": "2027-01-01" }""", "")]
    [InlineData("""{ "name": "元旦", "to": "2027-01-01" }""", "元旦")]
    [InlineData("""{ "name": "元旦", "from": "2027-01-01" }""", "元旦")]
    public void A_holiday_without_name_or_either_date_is_refused_by_its_name(string holiday, string name)
    {
        var error = Refusal($$"""{ "year": 2027, "source": "x", "holidays": [ {{holiday}} ] }""");

        Assert.Equal(("Calendar.HolidayIncomplete", name), (error.Code, error.Arguments.Single()));
    }

    [Theory]
    [InlineData("2026-12-31", "2027-01-01", "2026-12-31")]
    [InlineData("2027-12-31", "2028-01-01", "2028-01-01")]
    public void A_holiday_reaching_into_another_year_is_refused_naming_the_date(string from, string to, string outside)
    {
        var error = Refusal($$"""{ "year": 2027, "source": "x", "holidays": [ { "name": "元旦", "from": "{{from}}", "to": "{{to}}" } ] }""");

        Assert.Equal("Calendar.DateOutsideYear", error.Code);
        Assert.Equal(new object[] { outside, 2027 }, error.Arguments);
    }

    [Fact]
    public void A_holiday_ending_before_it_starts_is_refused_with_both_dates()
    {
        var error = Refusal("""{ "year": 2027, "source": "x", "holidays": [ { "name": "元旦", "from": "2027-01-03", "to": "2027-01-01" } ] }""");

        Assert.Equal(new object[] { "元旦", "2027-01-03", "2027-01-01" }, error.Arguments);
    }

    [Fact]
    public void Overlapping_holidays_are_refused_naming_both_in_date_order()
    {
        var error = Refusal("""
            { "year": 2027, "source": "x", "holidays": [
              { "name": "乙", "from": "2027-01-03", "to": "2027-01-04" },
              { "name": "甲", "from": "2027-01-01", "to": "2027-01-03" } ] }
            """);

        Assert.Equal(("Calendar.HolidaysOverlap", "甲", "乙"), (error.Code, error.Arguments[0], error.Arguments[1]));
    }

    [Fact]
    public void A_workday_in_another_year_a_weekday_a_holiday_or_twice_is_refused_naming_it()
    {
        const string Holidays = """ "holidays": [ { "name": "元旦", "from": "2027-01-01", "to": "2027-01-03" } ] """;

        var outside = Refusal($$"""{ "year": 2027, "source": "x", {{Holidays}}, "workdays": ["2026-12-26"] }""");
        Assert.Equal(("Calendar.DateOutsideYear", "2026-12-26"), (outside.Code, outside.Arguments[0]));

        var weekday = Refusal($$"""{ "year": 2027, "source": "x", {{Holidays}}, "workdays": ["2027-01-04"] }""");
        Assert.Equal(("Calendar.WorkdayNotWeekend", "2027-01-04"), (weekday.Code, weekday.Arguments.Single()));

        var holiday = Refusal($$"""{ "year": 2027, "source": "x", {{Holidays}}, "workdays": ["2027-01-02"] }""");
        Assert.Equal(new object[] { "2027-01-02", "元旦" }, holiday.Arguments);

        var twice = Refusal($$"""{ "year": 2027, "source": "x", {{Holidays}}, "workdays": ["2027-01-09", "2027-01-09"] }""");
        Assert.Equal(("Calendar.WorkdayDuplicated", "2027-01-09"), (twice.Code, twice.Arguments.Single()));
    }

    [Fact]
    public void A_sunday_may_be_a_workday()
    {
        var year = HolidayYear.Parse("""{ "year": 2027, "source": "x", "holidays": [ { "name": "元旦", "from": "2027-01-01", "to": "2027-01-01" } ], "workdays": ["2027-01-10"] }""");

        Assert.Equal([D(2027, 1, 10)], year.Workdays);
    }

    [Fact]
    public void Malformed_json_is_refused_with_the_path_and_the_line_counted_from_one()
    {
        var error = Refusal("{\n  \"year\": 2027,\n  \"source\": 5\n}");

        Assert.Equal("Calendar.Malformed", error.Code);
        Assert.Equal(new object[] { "$.source", 3L }, error.Arguments);
    }

    [Fact]
    public void A_json_null_is_refused_as_malformed_at_the_root()
    {
        var error = Refusal("null");

        Assert.Equal(new object[] { "$", 1 }, error.Arguments);
        Assert.Equal("Calendar.Malformed", error.Code);
    }

    [Fact]
    public void A_year_is_written_back_indented_in_plain_chinese_and_reads_back_the_same()
    {
        using var store = HolidayCalendarStore.BuiltIn();
        var year = store.Find(2026)!;

        var json = year.ToJson();

        Assert.Contains("\n", json, StringComparison.Ordinal);
        Assert.Contains("\"name\": \"春节\"", json, StringComparison.Ordinal);
        Assert.Contains("\"nameEn\": \"Spring Festival\"", json, StringComparison.Ordinal);
        Assert.Contains("\"workdays\": [", json, StringComparison.Ordinal);
        var again = HolidayYear.Parse(json);
        Assert.Equal((year.Year, year.Source), (again.Year, again.Source));
        Assert.Equal(year.Holidays, again.Holidays);
        Assert.Equal(year.Workdays, again.Workdays);
    }

    [Fact]
    public void The_file_form_carries_every_holiday_and_workday()
    {
        using var store = HolidayCalendarStore.BuiltIn();
        var year = store.Find(2026)!;

        var file = year.ToFile();

        Assert.Equal((2026, year.Source), (file.Year, file.Source));
        Assert.Equal(year.Holidays.Select(h => (h.Name, h.NameEn, h.From, h.To)), file.Holidays!.Select(h => (h.Name!, h.NameEn!, h.From!.Value, h.To!.Value)));
        Assert.Equal(year.Workdays, file.Workdays!);
    }

    private static string Minimal(int year) =>
        $$"""{ "year": {{year}}, "source": "x", "holidays": [ { "name": "元旦", "from": "{{year}}-01-01", "to": "{{year}}-01-01" } ] }""";

    private static DomainRuleException Refusal(string json) => Assert.Throws<DomainRuleException>(() => HolidayYear.Parse(json));
}
