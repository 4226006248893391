using Qingfeng.Platform.Calendar;
using Xunit;

namespace Qingfeng.Tests.Platform.Calendar;

public class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.BuiltIn();

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void Spring_Festival_2026_week_is_skipped_and_the_adjusted_Saturdays_count()
    {
        Assert.True(Calendar.IsWorkingDay(D(2026, 2, 14)), "Sat 14 Feb is 调休上班");
        for (var day = D(2026, 2, 15); day <= D(2026, 2, 23); day = day.AddDays(1))
        {
            Assert.False(Calendar.IsWorkingDay(day), $"{day:yyyy-MM-dd} is in the Spring Festival holiday");
            Assert.Equal("春节", Calendar.HolidayOn(day)?.Name);
        }

        Assert.True(Calendar.IsWorkingDay(D(2026, 2, 24)));
        Assert.True(Calendar.IsWorkingDay(D(2026, 2, 28)), "Sat 28 Feb is 调休上班");
        Assert.False(Calendar.IsWorkingDay(D(2026, 3, 1)), "an ordinary Sunday");
        Assert.Equal(9, Calendar.HolidayOn(D(2026, 2, 18))!.Days);
    }

    [Fact]
    public void Spring_Festival_2025_week_is_skipped_and_the_adjusted_weekend_days_count()
    {
        Assert.True(Calendar.IsWorkingDay(D(2025, 1, 26)), "Sun 26 Jan is 调休上班");
        Assert.True(Calendar.IsWorkingDay(D(2025, 1, 27)));
        for (var day = D(2025, 1, 28); day <= D(2025, 2, 4); day = day.AddDays(1))
        {
            Assert.False(Calendar.IsWorkingDay(day), $"{day:yyyy-MM-dd} is in the Spring Festival holiday");
        }

        Assert.True(Calendar.IsWorkingDay(D(2025, 2, 5)));
        Assert.True(Calendar.IsWorkingDay(D(2025, 2, 8)), "Sat 8 Feb is 调休上班");
        Assert.False(Calendar.IsWorkingDay(D(2025, 2, 9)));
        Assert.Equal(8, Calendar.HolidayOn(D(2025, 1, 30))!.Days);
    }

    [Fact]
    public void National_Day_2025_takes_eight_days_with_Sunday_28_September_and_Saturday_11_October_worked()
    {
        var holiday = Calendar.HolidayOn(D(2025, 10, 1))!;
        Assert.Equal(D(2025, 10, 1), holiday.From);
        Assert.Equal(D(2025, 10, 8), holiday.To);
        Assert.Equal(8, holiday.Days);
        Assert.True(Calendar.IsWorkingDay(D(2025, 9, 28)));
        Assert.True(Calendar.IsWorkingDay(D(2025, 10, 11)));
        Assert.False(Calendar.IsWorkingDay(D(2025, 10, 8)));
        Assert.True(Calendar.IsWorkingDay(D(2025, 10, 9)));
    }

    [Fact]
    public void National_Day_2026_takes_seven_days_with_Sunday_20_September_and_Saturday_10_October_worked()
    {
        Assert.Equal(7, Calendar.HolidayOn(D(2026, 10, 7))!.Days);
        Assert.Equal("国庆节", Calendar.HolidayOn(D(2026, 10, 1))!.Name);
        Assert.Equal("中秋节", Calendar.HolidayOn(D(2026, 9, 26))!.Name);
        Assert.True(Calendar.IsWorkingDay(D(2026, 9, 20)));
        Assert.True(Calendar.IsWorkingDay(D(2026, 10, 10)));
        Assert.False(Calendar.IsWorkingDay(D(2026, 10, 11)));
        Assert.True(Calendar.IsWorkingDay(D(2026, 10, 8)));
    }

    [Fact]
    public void A_15_working_day_reply_period_started_before_Spring_Festival_2026_ends_on_11_March()
    {
        // Thu 12 Feb: 13, 14 (Sat, 调休) = 2; holiday 15–23; 24, 25, 26, 27, 28 (Sat, 调休) = 7;
        // 2, 3, 4, 5, 6 Mar = 12; 9, 10, 11 Mar = 15.
        Assert.Equal(D(2026, 3, 11), Calendar.AddWorkingDays(D(2026, 2, 12), 15));
        Assert.Equal(15, Calendar.WorkingDaysBetween(D(2026, 2, 12), D(2026, 3, 11)));
    }

    [Fact]
    public void A_15_working_day_reply_period_started_before_National_Day_2026_ends_on_26_October()
    {
        // Tue 29 Sep: 30 Sep = 1; holiday 1–7 Oct; 8, 9, 10 (Sat, 调休) = 4; 12–16 = 9; 19–23 = 14; 26 Oct = 15.
        Assert.Equal(D(2026, 10, 26), Calendar.AddWorkingDays(D(2026, 9, 29), 15));
        Assert.Equal(15, Calendar.WorkingDaysBetween(D(2026, 9, 29), D(2026, 10, 26)));
    }

    [Fact]
    public void A_15_working_day_reply_period_started_before_National_Day_2025_ends_on_23_October()
    {
        // Fri 26 Sep: 28 (Sun, 调休), 29, 30 = 3; holiday 1–8 Oct; 9, 10, 11 (Sat, 调休) = 6; 13–17 = 11; 20, 21, 22, 23 = 15.
        Assert.Equal(D(2025, 10, 23), Calendar.AddWorkingDays(D(2025, 9, 26), 15));
    }

    [Fact]
    public void The_start_day_does_not_count_and_zero_days_is_the_start()
    {
        Assert.Equal(D(2026, 3, 10), Calendar.AddWorkingDays(D(2026, 3, 9), 1));
        Assert.Equal(D(2026, 3, 9), Calendar.AddWorkingDays(D(2026, 3, 9), 0));
        Assert.Equal(0, Calendar.WorkingDaysBetween(D(2026, 3, 9), D(2026, 3, 9)));
        Assert.Equal(D(2026, 2, 24), Calendar.AddWorkingDays(D(2026, 2, 14), 1));
    }

    [Fact]
    public void Counting_backwards_mirrors_counting_forwards()
    {
        Assert.Equal(D(2026, 2, 12), Calendar.AddWorkingDays(D(2026, 2, 24), -3));
        Assert.Equal(-15, Calendar.WorkingDaysBetween(D(2026, 3, 11), D(2026, 2, 12)));
    }

    [Fact]
    public void Holidays_between_lists_the_periods_overlapping_the_range()
    {
        var holidays = Calendar.HolidaysBetween(D(2026, 9, 1), D(2026, 10, 1));
        Assert.Equal(["中秋节", "国庆节"], holidays.Select(h => h.Name));
        Assert.Empty(Calendar.HolidaysBetween(D(2026, 3, 1), D(2026, 3, 31)));
    }

    [Fact]
    public void Holidays_between_includes_a_period_touching_either_end_of_the_range()
    {
        var national = Calendar.HolidaysBetween(D(2026, 9, 1), D(2026, 10, 1)).Single(h => h.Name == "国庆节");

        Assert.Equal([national], Calendar.HolidaysBetween(national.To, national.To.AddDays(3)));
        Assert.Equal([national], Calendar.HolidaysBetween(national.From.AddDays(-1), national.From));
        Assert.Empty(Calendar.HolidaysBetween(national.To.AddDays(1), national.To.AddDays(3)));
    }

    [Fact]
    public void A_year_without_a_schedule_counts_its_statutory_holidays_and_every_day_of_it_is_provisional()
    {
        Assert.False(Calendar.IsKnownYear(2031));
        Assert.True(Calendar.IsProvisional(D(2031, 1, 1)));
        Assert.False(Calendar.IsProvisional(D(2026, 12, 31)));
        Assert.False(Calendar.IsWorkingDay(D(2031, 1, 1)), "New Year's Day 2031 (a Wednesday) is a statutory holiday");
        Assert.True(Calendar.HolidayOn(D(2031, 1, 1))!.Provisional);
        Assert.False(Calendar.HolidayOn(D(2026, 1, 1))!.Provisional);
        Assert.False(Calendar.IsWorkingDay(D(2031, 10, 1)));

        // Tue 31 Dec 2030 + 5 working days: 1 Jan off, Thu 2, Fri 3, Mon 6, Tue 7, Wed 8.
        Assert.Equal(D(2031, 1, 8), Calendar.AddWorkingDays(D(2030, 12, 31), 5));
    }

    [Fact]
    public void A_limit_that_ends_on_a_day_off_moves_to_the_next_working_day()
    {
        Assert.Equal(D(2026, 10, 8), Calendar.OnOrNextWorkingDay(D(2026, 10, 1)));
        Assert.Equal(D(2026, 2, 14), Calendar.OnOrNextWorkingDay(D(2026, 2, 14)));
        Assert.Equal(D(2026, 3, 2), Calendar.OnOrNextWorkingDay(D(2026, 2, 28).AddDays(1)));
        Assert.Equal(D(2026, 12, 7), Calendar.OnOrNextWorkingDay(D(2026, 12, 7)));
    }
}
