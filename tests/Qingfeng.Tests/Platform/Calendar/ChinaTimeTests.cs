using System.Globalization;
using Qingfeng.Platform.Calendar;
using Xunit;

namespace Qingfeng.Tests.Platform.Calendar;

public sealed class ChinaTimeTests
{
    [Theory]
    [InlineData("2026-03-02T15:59:59Z", "2026-03-02")]
    [InlineData("2026-03-02T16:00:00Z", "2026-03-03")]
    [InlineData("2026-03-03T07:30:00+08:00", "2026-03-03")]
    [InlineData("2026-12-31T20:00:00Z", "2027-01-01")]
    public void Today_is_the_date_in_China_whatever_the_offset_of_the_instant(string instant, string expected)
    {
        var at = DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture);

        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), ChinaTime.DateOf(at));
    }

    [Fact]
    public void Times_are_shown_in_China_standard_time()
    {
        Assert.Equal("2026-03-03 00:15:00", ChinaTime.Format(new DateTimeOffset(2026, 3, 2, 16, 15, 0, TimeSpan.Zero)));
    }
}
