using System.Globalization;
using Qingfeng.Platform.Calendar;
using Xunit;

namespace Qingfeng.Tests.Platform.Calendar;

/// <summary>The holidays of a year without a schedule, from the national rules (《全国年节及纪念日放假办法》).</summary>
public sealed class StatutoryHolidaysTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Theory]
    [InlineData(2025)]
    [InlineData(2026)]
    public void Every_statutory_day_is_a_holiday_of_the_State_Councils_own_schedule_for_the_year(int year)
    {
        var schedule = HolidayCalendarStore.BuiltIn().Find(year)!;
        var statutory = StatutoryHolidays.For(year);

        // The fixed days themselves (made-up days aside: the schedule places those by 调休, not by the rule).
        foreach (var day in Fixed(statutory))
        {
            Assert.True(schedule.Holidays.Any(h => h.Contains(day)), $"{day:yyyy-MM-dd} is statutory but not a holiday in the {year} schedule");
        }

        Assert.Equal(13, Fixed(statutory).Count());
    }

    [Theory]
    [InlineData(2023, "2023-01-21", "2023-04-05", "2023-06-22", "2023-09-29")]
    [InlineData(2024, "2024-02-09", "2024-04-04", "2024-06-10", "2024-09-17")]
    [InlineData(2027, "2027-02-05", "2027-04-05", "2027-06-09", "2027-09-15")]
    public void The_lunar_and_solar_term_holidays_fall_on_their_days(int year, string eve, string qingming, string dragonBoat, string midAutumn)
    {
        var holidays = StatutoryHolidays.For(year).Holidays;

        Assert.Equal(DateOnly.Parse(eve, CultureInfo.InvariantCulture), holidays.Single(h => h.Name.StartsWith("春节", StringComparison.Ordinal)).From);
        Assert.Contains(holidays, h => h.Name.Contains("清明", StringComparison.Ordinal) && h.From == DateOnly.Parse(qingming, CultureInfo.InvariantCulture));
        Assert.Contains(holidays, h => h.Name.Contains("端午", StringComparison.Ordinal) && h.From == DateOnly.Parse(dragonBoat, CultureInfo.InvariantCulture));
        Assert.Contains(holidays, h => h.Name.Contains("中秋", StringComparison.Ordinal) && h.Contains(DateOnly.Parse(midAutumn, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Holiday_days_on_a_weekend_are_made_up_on_the_working_days_right_after()
    {
        var holidays = StatutoryHolidays.For(2027).Holidays;

        // 国庆 2027: Fri 1, Sat 2, Sun 3 October; the weekend days are made up on Mon 4 and Tue 5.
        var national = holidays.Single(h => h.Name == "国庆节");
        Assert.Equal((D(2027, 10, 1), D(2027, 10, 5)), (national.From, national.To));
        Assert.All(holidays, h => Assert.True(h.Provisional));

        // 元旦 2028 is a Saturday: made up on Monday 3 January.
        Assert.Equal((D(2028, 1, 1), D(2028, 1, 3)), StatutoryHolidays.For(2028).Holidays.Select(h => (h.From, h.To)).First());
    }

    [Fact]
    public void Mid_Autumn_next_to_National_Day_is_one_holiday()
    {
        // 中秋 2028 is 3 October, inside 国庆.
        var holidays = StatutoryHolidays.For(2028).Holidays;

        var merged = Assert.Single(holidays, h => h.Contains(D(2028, 10, 3)));
        Assert.Equal("国庆节、中秋节", merged.Name);
        Assert.Equal(D(2028, 10, 1), merged.From);
        Assert.DoesNotContain(holidays, h => h != merged && (h.Name.Contains("国庆", StringComparison.Ordinal) || h.Name.Contains("中秋", StringComparison.Ordinal)));
    }

    [Fact]
    public void Every_year_of_the_supported_range_has_its_holidays_in_order_without_overlap_within_the_year()
    {
        for (var year = HolidayYear.MinYear; year <= HolidayYear.MaxYear; year++)
        {
            var holidays = StatutoryHolidays.For(year).Holidays;
            Assert.True(holidays.Zip(holidays.Skip(1)).All(p => p.First.To < p.Second.From), $"{year}: holidays overlap");
            Assert.All(holidays, h => Assert.Equal(year, h.From.Year));
            // 13 days (fewer when 中秋 falls on a 国庆 day), and at most one made-up day per weekend day among them.
            Assert.InRange(holidays.Sum(h => h.Days), 12, 13 + 10);
        }
    }

    private static IEnumerable<DateOnly> Fixed(HolidayYear year)
    {
        var springFestival = year.Holidays.Single(h => h.Name.StartsWith("春节", StringComparison.Ordinal)).From;
        DateOnly[] single = [D(year.Year, 1, 1), D(year.Year, 5, 1), D(year.Year, 5, 2), D(year.Year, 10, 1), D(year.Year, 10, 2), D(year.Year, 10, 3)];
        return single.Concat(Enumerable.Range(0, 4).Select(springFestival.AddDays))
            .Concat(year.Holidays.Where(h => h.Name is "清明节" or "端午节" or "中秋节").Select(h => h.From)).Distinct().Order();
    }
}
