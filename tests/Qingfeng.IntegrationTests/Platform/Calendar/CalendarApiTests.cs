using System.Net;
using System.Text;
using Qingfeng.Features.Clues;
using Qingfeng.Features.Talks;
using Qingfeng.IntegrationTests.Features.Clues;
using Qingfeng.IntegrationTests.Features.Talks;
using Qingfeng.IntegrationTests.Infrastructure;
using Qingfeng.Platform.Calendar;
using Xunit;

namespace Qingfeng.IntegrationTests.Platform.Calendar;

/// <summary>The system administrator maintains the holiday schedules; every signed-in user reads them.</summary>
public sealed class CalendarApiTests
{
    private const string Schedule2027 = """
        {
          "year": 2027,
          "source": "测试用2027年节假日安排",
          "holidays": [ { "name": "春节", "nameEn": "Spring Festival", "from": "2027-02-05", "to": "2027-02-13" } ],
          "workdays": ["2027-02-14"]
        }
        """;

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_system_administrator_uploads_a_year_that_every_user_then_reads(Provider provider)
    {
        await using var app = await QingfengApp.StartAsync(provider);
        var admin = await app.ClientForAsync(TestUsers.SystemAdmin.UserName);
        var officer = await app.ClientForAsync(TestUsers.KaiyangSupervision.UserName, "en");

        await (await officer.PutAsync("/api/v1/calendar/2027", Json(Schedule2027))).ProblemAsync(HttpStatusCode.Forbidden);
        var mismatch = await (await admin.PutAsync("/api/v1/calendar/2028", Json(Schedule2027))).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("Calendar.YearMismatch", mismatch.GetProperty("code").GetString());
        var weekday = await (await admin.PutAsync("/api/v1/calendar/2027", Json(Schedule2027.Replace("2027-02-14", "2027-02-15", StringComparison.Ordinal)))).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("Calendar.WorkdayNotWeekend", weekday.GetProperty("code").GetString());
        Assert.False(File.Exists(Path.Combine(app.CalendarDirectory, "2027.json")));

        var saved = await (await admin.PutAsync("/api/v1/calendar/2027", Json(Schedule2027))).OkJsonAsync<HolidayYearFile>();
        Assert.Equal(2027, saved.Year);
        Assert.True(File.Exists(Path.Combine(app.CalendarDirectory, "2027.json")));

        var years = await (await officer.GetAsync("/api/v1/calendar/years")).OkJsonAsync<List<CalendarYearInfo>>();
        Assert.Equal([2025, 2026, 2027], years.Select(y => y.Year));
        Assert.Equal(CalendarOrigin.BuiltIn, years.Single(y => y.Year == 2026).Origin);
        Assert.Equal(CalendarOrigin.Uploaded, years.Single(y => y.Year == 2027).Origin);

        var year = await (await officer.GetAsync("/api/v1/calendar/2027")).OkJsonAsync<HolidayYearFile>();
        Assert.Equal("春节", year.Holidays!.Single().Name);
        Assert.Equal([new DateOnly(2027, 2, 14)], year.Workdays);
        await (await officer.GetAsync("/api/v1/calendar/2031")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Uploading_a_years_schedule_counts_the_running_deadlines_of_that_year_again(Provider provider)
    {
        await using var app = await QingfengApp.StartAsync(provider);
        var admin = await app.ClientForAsync(TestUsers.SystemAdmin.UserName);
        var clues = new ClueClients(app);
        await clues.ConnectAsync();
        var official = await ClueClients.KaiyangPrincipalAsync(app, 23);
        var today = TestClock.Today;
        Assert.Equal(new DateOnly(2026, 12, 2), today);
        var clue = await clues.RegisterAsync(official, "合成测试数据：反映该局长收受管理对象所送购物卡。", realName: true, receivedOn: today);
        var inquiry = await TalkClients.SendInquiryAsync(clues.Handler, official, today, "请就收受购物卡问题作出说明。");

        // Wed 2 Dec + 15 working days: Wed 23 Dec.
        Assert.Equal(new DateOnly(2026, 12, 23), (await (await clues.Petition.GetAsync($"/api/v1/clues/{clue.Id}")).OkJsonAsync<ClueDetail>()).DueOn);
        Assert.Equal(new DateOnly(2026, 12, 23), (await (await clues.Handler.GetAsync($"/api/v1/inquiries/{inquiry}")).OkJsonAsync<InquiryDetail>()).ReplyDueOn);

        // The year's schedule is replaced by one with a further week off (14–18 Dec): both deadlines move a week on, to Wed 30 Dec.
        var year = await (await admin.GetAsync("/api/v1/calendar/2026")).OkJsonAsync<HolidayYearFile>();
        year.Holidays!.Add(new HolidayFileEntry { Name = "测试假期", NameEn = "Test holiday", From = new DateOnly(2026, 12, 14), To = new DateOnly(2026, 12, 18) });
        await (await admin.PutAsync("/api/v1/calendar/2026", year.AsJson())).OkJsonAsync<HolidayYearFile>();

        Assert.Equal(new DateOnly(2026, 12, 30), (await (await clues.Petition.GetAsync($"/api/v1/clues/{clue.Id}")).OkJsonAsync<ClueDetail>()).DueOn);
        Assert.Equal(new DateOnly(2026, 12, 30), (await (await clues.Handler.GetAsync($"/api/v1/inquiries/{inquiry}")).OkJsonAsync<InquiryDetail>()).ReplyDueOn);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
