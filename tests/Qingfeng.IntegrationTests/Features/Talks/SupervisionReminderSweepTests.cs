using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Qingfeng.Features.Notifications;
using Qingfeng.Features.Reminders;
using Qingfeng.Features.Supervision;
using Qingfeng.Features.Talks;
using Qingfeng.IntegrationTests.Infrastructure;
using Qingfeng.Platform.Data;
using Qingfeng.Platform.Security;
using Xunit;

namespace Qingfeng.IntegrationTests.Features.Talks;

/// <summary>The pre-holiday reminders and the overdue inquiry replies, on a controllable clock.</summary>
public sealed class SupervisionReminderSweepTests(SharedApps apps)
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Pre_holiday_reminders_go_to_every_principal_two_working_days_before_the_holiday_once_by_text_and_in_the_app(Provider provider)
    {
        // The test's own app: the sweep reminds every 一把手 of the database, and other tests add 一把手 of their own
        // (Subjects), who would be reminded by a second run or be missing from the count.
        await using var app = await QingfengApp.StartAsync(provider);
        var gateway = new RecordingSmsGateway();

        // National Day 2026 starts Thu 1 Oct: two working days before is Tue 29 Sep. Mid-Autumn (25 Sep) has passed by then.
        var calendar = app.Services.GetRequiredService<SupervisionCalendar>();
        var day = calendar.AddWorkingDays(new DateOnly(2026, 10, 1), -calendar.Options.HolidayReminderWorkingDays);
        Assert.Equal(new DateOnly(2026, 9, 29), day);

        var clock = new FakeTimeProvider(At(day.AddDays(-1)));
        Assert.Equal(0, await HolidaySweepAsync(app, gateway, clock));
        Assert.Empty(gateway.Sent);

        clock.SetUtcNow(At(day));
        var sent = await HolidaySweepAsync(app, gateway, clock);
        Assert.True(sent > 0);
        Assert.Equal(sent, gateway.Sent.Count);

        await using var db = app.CreateDb();
        var kaiyangPrincipal = await TalkClients.KaiyangOfficialAsync(app, skip: 0);
        var message = Assert.Single(gateway.Sent, m => m.OfficialId == kaiyangPrincipal);
        Assert.Contains("国庆节", message.Text, StringComparison.Ordinal);
        Assert.Contains("开阳县纪委监委", message.Text, StringComparison.Ordinal);
        var principals = await db.Officials.AsNoTracking().CountAsync(o => o.IsPrincipal && o.UnitId != null && o.RegionKey.StartsWith("520121"));
        var recorded = await db.Reminders.AsNoTracking().Where(r => r.HolidayName == "国庆节" && r.Subject.RegionKey.StartsWith("520121")).ToListAsync();
        Assert.Equal(principals, recorded.Count);
        Assert.All(recorded, r => Assert.Equal(ReminderKind.Holiday, r.Kind));
        Assert.Equal(recorded.Count, recorded.Select(r => r.Subject.OfficialId).Distinct().Count());

        // The Kaiyang supervision office sees the reminders and the in-app summary; Chishui sees none of Kaiyang's.
        var kaiyang = await app.ClientForAsync(TestUsers.KaiyangSupervision.UserName);
        var notes = await (await kaiyang.GetAsync("/api/v1/notifications")).OkJsonAsync<List<NotificationItem>>();
        Assert.Contains(notes, n => n.Message.Contains("国庆节", StringComparison.Ordinal) && n.Message.Contains(recorded.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        var list = await (await kaiyang.GetAsync($"/api/v1/reminders?kind=Holiday&officialId={kaiyangPrincipal}")).OkJsonAsync<Qingfeng.Platform.Data.Paged<ReminderListItem>>();
        // The demo seed gave one 一把手 (which one depends on version-7 id order) a Spring Festival reminder too.
        Assert.Single(list.Items, i => i.HolidayName == "国庆节");
        Assert.All(list.Items, i => Assert.Equal(ReminderKind.Holiday, i.Kind));
        var chishui = await app.ClientForAsync(TestUsers.ChishuiSupervision.UserName);
        var foreign = await (await chishui.GetAsync($"/api/v1/reminders?officialId={kaiyangPrincipal}")).OkJsonAsync<Qingfeng.Platform.Data.Paged<ReminderListItem>>();
        Assert.Equal(0, foreign.Total);

        // Once per holiday and official: the next run (and the next day) sends nothing.
        gateway.Sent.Clear();
        Assert.Equal(0, await HolidaySweepAsync(app, gateway, clock));
        clock.SetUtcNow(At(day.AddDays(1)));
        Assert.Equal(0, await HolidaySweepAsync(app, gateway, clock));
        Assert.Empty(gateway.Sent);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task An_overdue_inquiry_reply_is_notified_to_the_supervision_office_once(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = await app.ClientForAsync(TestUsers.KaiyangSupervision.UserName);
        var official = await TalkClients.KaiyangOfficialAsync(app, skip: 9, principal: false);
        var sent = new DateOnly(2026, 9, 21);
        var id = await TalkClients.SendInquiryAsync(client, official, sent, "说明有关情况");
        var due = app.Services.GetRequiredService<SupervisionCalendar>().AddWorkingDays(sent, 15);

        Assert.Equal(0, await InquirySweepAsync(app, new FakeTimeProvider(At(due)), id));
        var clock = new FakeTimeProvider(At(due.AddDays(1)));
        Assert.True(await InquirySweepAsync(app, clock, id) > 0);
        var notes = await (await client.GetAsync("/api/v1/notifications")).OkJsonAsync<List<NotificationItem>>();
        Assert.Contains(notes, n => n.Link == $"/supervision/inquiries/{id}" && n.Message.Contains("超期", StringComparison.Ordinal));
        var chishui = await (await (await app.ClientForAsync(TestUsers.ChishuiSupervision.UserName)).GetAsync("/api/v1/notifications")).OkJsonAsync<List<NotificationItem>>();
        Assert.DoesNotContain(chishui, n => n.Link == $"/supervision/inquiries/{id}");

        Assert.Equal(0, await InquirySweepAsync(app, clock, id));
    }

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero);

    private static async Task<int> HolidaySweepAsync(QingfengApp app, ISmsGateway gateway, TimeProvider clock)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(UserContext.System);
        var sweep = new HolidayReminderSweep(
            scope.ServiceProvider.GetRequiredService<IDbContextFactory<QingfengDb>>(),
            scope.ServiceProvider.GetRequiredService<SupervisionCalendar>(),
            gateway,
            scope.ServiceProvider.GetRequiredService<NotificationService>(),
            clock);
        return await sweep.RunAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Runs the overdue sweep and returns how many notifications it sent about <paramref name="inquiryId"/>.</summary>
    private static async Task<int> InquirySweepAsync(QingfengApp app, TimeProvider clock, Guid inquiryId)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(UserContext.System);
            var before = await CountAsync(app, inquiryId);
            var sweep = new InquiryReplySweep(
                scope.ServiceProvider.GetRequiredService<IDbContextFactory<QingfengDb>>(),
                scope.ServiceProvider.GetRequiredService<NotificationService>(),
                scope.ServiceProvider.GetRequiredService<IClueCircle>(),
                clock);
            await sweep.RunAsync(TestContext.Current.CancellationToken);
            return await CountAsync(app, inquiryId) - before;
        }
    }

    private static async Task<int> CountAsync(QingfengApp app, Guid inquiryId)
    {
        await using var db = app.CreateDb();
        var prefix = "inquiry:" + inquiryId;
        return await db.Notifications.AsNoTracking().CountAsync(n => n.DedupKey.StartsWith(prefix));
    }

    private sealed class RecordingSmsGateway : ISmsGateway
    {
        public ConcurrentBag<OfficialMessage> Sent { get; } = [];

        public Task SendAsync(OfficialMessage message, CancellationToken cancellationToken)
        {
            Sent.Add(message);
            return Task.CompletedTask;
        }
    }
}
