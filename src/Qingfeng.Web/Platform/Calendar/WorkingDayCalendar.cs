namespace Qingfeng.Platform.Calendar;

/// <summary>
/// Working days (工作日) under the State Council's holiday schedule: weekends and public holidays are off,
/// adjusted weekends (调休上班) are on. A year without a schedule counts its statutory holidays
/// (<see cref="StatutoryHolidays"/>), and a date in such a year is <see cref="IsProvisional">provisional</see> until the
/// year's schedule is uploaded. Thread-safe; every call reads one consistent snapshot of the <see cref="HolidayCalendarStore"/>.
/// </summary>
public sealed class WorkingDayCalendar(HolidayCalendarStore store)
{
    /// <summary>A calendar over the embedded years only (tests, command-line tools).</summary>
    public static WorkingDayCalendar BuiltIn() => new(HolidayCalendarStore.BuiltIn());

    public bool IsKnownYear(int year) => store.Current.Years.ContainsKey(year);

    /// <summary>Whether a date (a deadline) was counted without its year's schedule: only the statutory holidays are known.</summary>
    public bool IsProvisional(DateOnly date) => !IsKnownYear(date.Year);

    /// <summary>The date itself when it is a working day, else the next working day: a limit that ends on a day off moves there.</summary>
    public DateOnly OnOrNextWorkingDay(DateOnly date)
    {
        var snapshot = store.Current;
        while (!IsWorkingDay(snapshot, date))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    public bool IsWorkingDay(DateOnly date) => IsWorkingDay(store.Current, date);

    /// <summary>
    /// The day <paramref name="days"/> working days after <paramref name="start"/>; the start day itself
    /// does not count. Negative values count backwards; zero returns the start.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        var snapshot = store.Current;
        var step = days < 0 ? -1 : 1;
        var remaining = Math.Abs((long)days);
        var day = start;
        while (remaining > 0)
        {
            day = day.AddDays(step);
            if (IsWorkingDay(snapshot, day))
            {
                remaining--;
            }
        }

        return day;
    }

    /// <summary>
    /// Working days after <paramref name="from"/> up to and including <paramref name="to"/>
    /// (so <c>WorkingDaysBetween(d, AddWorkingDays(d, n)) == n</c>); negative when <paramref name="to"/> is earlier.
    /// </summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -WorkingDaysBetween(to, from);
        }

        var snapshot = store.Current;
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(snapshot, day))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The holiday that <paramref name="date"/> belongs to, if any.</summary>
    public HolidayPeriod? HolidayOn(DateOnly date) => store.Current.HolidayDays.GetValueOrDefault(date);

    /// <summary>Holidays overlapping the inclusive range, in date order.</summary>
    public IReadOnlyList<HolidayPeriod> HolidaysBetween(DateOnly from, DateOnly to) =>
        [.. store.Current.Periods.Where(p => p.From <= to && p.To >= from)];

    private static bool IsWorkingDay(CalendarSnapshot snapshot, DateOnly date)
    {
        if (snapshot.HolidayDays.ContainsKey(date))
        {
            return false;
        }

        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) || snapshot.AdjustedWorkdays.Contains(date);
    }
}
