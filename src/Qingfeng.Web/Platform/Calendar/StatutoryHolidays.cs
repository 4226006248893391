namespace Qingfeng.Platform.Calendar;

/// <summary>
/// The public holidays the national rules fix (《全国年节及纪念日放假办法》, as revised in 2024, in force from 2025), for a
/// year whose State Council schedule (节假日安排) is not loaded: 元旦 1 day, 春节 4 days (除夕 and 正月初一 to 初三), 清明 1 day,
/// 劳动节 2 days, 端午 1 day, 中秋 1 day, 国庆 3 days. A holiday day that falls on a Saturday or Sunday is made up on the
/// working days right after the holiday (art. 6: 适逢星期六、星期日，应当在工作日补假). The schedule itself adds bridging days and
/// moved working weekends (调休) that nothing can predict, so every day counted on these is provisional until the year's
/// schedule is uploaded.
/// </summary>
public static class StatutoryHolidays
{
    private static readonly ChineseLunisolarCalendar Lunar = new();

    /// <summary>The year's statutory holidays, merged where two meet (中秋 can fall next to 国庆), each marked provisional.</summary>
    public static HolidayYear For(int year)
    {
        if (year is < HolidayYear.MinYear or > HolidayYear.MaxYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"Years {HolidayYear.MinYear}–{HolidayYear.MaxYear}.");
        }

        var springFestival = LunarDate(year, 1, 1);
        List<(string Name, string NameEn, DateOnly From, int Days)> fixedDays =
        [
            ("元旦", "New Year's Day", new DateOnly(year, 1, 1), 1),
            ("春节", "Spring Festival", springFestival.AddDays(-1), 4),
            ("清明节", "Qingming Festival", new DateOnly(year, 4, Qingming(year)), 1),
            ("劳动节", "Labour Day", new DateOnly(year, 5, 1), 2),
            ("端午节", "Dragon Boat Festival", LunarDate(year, 5, 5), 1),
            ("中秋节", "Mid-Autumn Festival", LunarDate(year, 8, 15), 1),
            ("国庆节", "National Day", new DateOnly(year, 10, 1), 3),
        ];

        var periods = new List<HolidayPeriod>();
        foreach (var (name, nameEn, from, days) in fixedDays.OrderBy(d => d.From))
        {
            var to = from.AddDays(days - 1);
            if (periods.Count > 0 && periods[^1].To >= from.AddDays(-1))
            {
                var last = periods[^1];
                periods[^1] = last with { Name = $"{last.Name}、{name}", NameEn = $"{last.NameEn}, {nameEn}", To = to > last.To ? to : last.To };
            }
            else
            {
                periods.Add(new HolidayPeriod(name, nameEn, from, to, Provisional: true));
            }
        }

        // Each weekend day of a holiday is made up on the next weekdays after it that are not holidays themselves.
        for (var i = 0; i < periods.Count; i++)
        {
            var period = periods[i];
            var owed = Enumerable.Range(0, period.Days).Count(d => period.From.AddDays(d).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
            var to = period.To;
            while (owed > 0)
            {
                to = to.AddDays(1);
                if (to.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                {
                    owed--;
                }
            }

            // A made-up day never reaches into the next holiday or the next year.
            var limit = i + 1 < periods.Count ? periods[i + 1].From.AddDays(-1) : new DateOnly(year, 12, 31);
            periods[i] = period with { To = to < limit ? to : limit };
        }

        return new HolidayYear(year, "《全国年节及纪念日放假办法》法定节假日（该年度节假日安排尚未上传，暂按法定假日计算）", periods, []);
    }

    /// <summary>The Gregorian date of a day of the Chinese lunar year that begins in <paramref name="year"/>.</summary>
    private static DateOnly LunarDate(int year, int month, int day)
    {
        // A leap month takes the next month number in .NET's numbering: months after it move up by one.
        var leap = Lunar.GetLeapMonth(year);
        var index = leap != 0 && leap <= month ? month + 1 : month;
        return DateOnly.FromDateTime(Lunar.ToDateTime(year, index, day, 0, 0, 0, 0));
    }

    /// <summary>The April day of 清明 (the solar term at 15° of solar longitude), by the usual formula for 2000–2099.</summary>
    private static int Qingming(int year)
    {
        var y = year % 100;
        return (int)Math.Floor((y * 0.2422) + 4.81) - (y / 4);
    }
}
