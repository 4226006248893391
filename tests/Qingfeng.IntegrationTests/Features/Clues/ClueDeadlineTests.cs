using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Qingfeng.Features.Clues;
using Qingfeng.Features.Notifications;
using Qingfeng.IntegrationTests.Infrastructure;
using Qingfeng.Platform.Data;
using Qingfeng.Platform.Security;
using Xunit;

namespace Qingfeng.IntegrationTests.Features.Clues;

/// <summary>The deadline sweep on a controllable clock: due soon, overdue with escalation, each sent once.</summary>
public sealed class ClueDeadlineTests(SharedApps apps)
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task An_unanswered_letter_of_inquiry_is_announced_due_soon_then_overdue_to_the_handler_and_escalated_to_the_leaders(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var clues = new ClueClients(app);
        await clues.ConnectAsync();
        var official = await ClueClients.KaiyangPrincipalAsync(app, skip: 5);
        var registered = await clues.RegisterAsync(official, "反映其在工作日中午多次饮酒，影响工作。", realName: false);
        await clues.AssignAsync(registered.Id, TestUsers.KaiyangSupervision.UserName);
        await ClueClients.ActAsync(clues.Handler, registered.Id, new() { Action = ClueAction.ProposeDisposal, Method = DisposalMethod.TalkInquiry, Comment = "函询了解" });
        await ClueClients.ActAsync(clues.Leader, registered.Id, new() { Action = ClueAction.ApproveDisposal });

        // Sent Mon 21 Sep 2026: the 15 working days run over the National Day week (the calendar's own tests pin the dates).
        var sent = new DateOnly(2026, 9, 21);
        await ClueClients.ActAsync(clues.Handler, registered.Id, new() { Action = ClueAction.SendInquiryLetter, Date = sent });
        var detail = await (await clues.Handler.GetAsync($"/api/v1/clues/{registered.Id}")).OkJsonAsync<ClueDetail>();
        var due = detail.DueOn!.Value;
        Assert.Equal(DeadlineKind.InquiryReply, detail.DueKind);
        Assert.Equal(app.Services.GetRequiredService<ClueDeadlines>().Calendar.AddWorkingDays(sent, 15), due);

        var clock = new FakeTimeProvider(new DateTimeOffset(due.AddDays(-1).ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero));
        await SweepAsync(app, clock);
        var soon = await NotificationsAsync(clues.Handler);
        Assert.Contains(soon, n => n.Message.Contains(registered.Number, StringComparison.Ordinal) && n.Message.Contains("即将到期", StringComparison.Ordinal));

        clock.SetUtcNow(new DateTimeOffset(due.AddDays(3).ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero));
        await SweepAsync(app, clock);
        Assert.Contains(await NotificationsAsync(clues.Handler), n => n.Message.Contains(registered.Number, StringComparison.Ordinal) && n.Message.Contains("已超期", StringComparison.Ordinal));
        Assert.DoesNotContain(await NotificationsAsync(await app.ClientForAsync(TestUsers.ChishuiSupervision.UserName)), n => n.Message.Contains(registered.Number, StringComparison.Ordinal));

        // The leaders are told too. Read from the table, not from the leader's list: the list shows the latest 50, and the
        // same sweep escalates every overdue demo clue of the county to the leaders at the same instant.
        await using var db = app.CreateDb();
        var leader = await db.Users.AsNoTracking().Where(u => u.UserName == TestUsers.KaiyangLeader.UserName).Select(u => u.Id).SingleAsync();
        var prefix = "clue:" + registered.Id + ":";
        Assert.True(await db.Notifications.AsNoTracking().AnyAsync(n => n.UserId == leader && n.DedupKey.StartsWith(prefix) && n.MessageKey == "Notify.ClueOverdue"));

        // A second sweep sends nothing new about the clue: one overdue message per person and deadline. (Counted for this
        // clue alone: the sweep covers every clue of the shared database, and other tests register clues meanwhile.)
        var notified = await db.Notifications.AsNoTracking().CountAsync(n => n.DedupKey.StartsWith(prefix));
        await SweepAsync(app, clock);
        Assert.Equal(notified, await db.Notifications.AsNoTracking().CountAsync(n => n.DedupKey.StartsWith(prefix)));
        var overdueMessages = await db.Notifications.AsNoTracking().Where(n => n.DedupKey.StartsWith(prefix) && n.DedupKey.Contains(":overdue:")).ToListAsync();
        Assert.Equal(overdueMessages.Count, overdueMessages.Select(n => n.UserId).Distinct().Count());

        // On the app's clock (TestClock: December 2026) the reply is overdue too, and the handler's queue says so.
        var overdue = await (await clues.Handler.GetAsync($"/api/v1/clues?due=Overdue&mine=true&number={registered.Number}")).OkJsonAsync<Qingfeng.Platform.Data.Paged<ClueListItem>>();
        var item = Assert.Single(overdue.Items, i => i.Id == registered.Id);
        Assert.Equal(DueStatus.Overdue, item.DueStatus);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task The_queue_sorts_by_deadline_receipt_or_number_in_the_direction_asked(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var clues = new ClueClients(app);
        await clues.ConnectAsync();
        var official = await ClueClients.KaiyangPrincipalAsync(app, skip: 7);

        // Three clues received on different days, each due a month after receipt once submitted, found by a word of their own.
        var marker = "排序" + Guid.NewGuid().ToString("N")[..6];
        foreach (var daysAgo in new[] { 20, 5, 40 })
        {
            var registered = await clues.RegisterAsync(official, $"反映其违规收受礼金，线索标记{marker}。", realName: false, TestClock.Today.AddDays(-daysAgo));
            await ClueClients.ActAsync(clues.Petition, registered.Id, new() { Action = ClueAction.SubmitToCaseManagement });
        }

        async Task<List<ClueListItem>> PageAsync(string sort, bool? descending) =>
            [.. (await (await clues.CaseManager.GetAsync($"/api/v1/clues?search={marker}&sort={sort}{(descending is { } d ? $"&descending={d.ToString().ToLowerInvariant()}" : "")}")).OkJsonAsync<Paged<ClueListItem>>()).Items];

        var dueUp = (await PageAsync("DueOn", false)).Select(i => i.DueOn!.Value).ToList();
        var dueDown = (await PageAsync("DueOn", true)).Select(i => i.DueOn!.Value).ToList();
        Assert.Equal(3, dueUp.Count);
        Assert.Equal(dueUp.Order(), dueUp);
        Assert.Equal(dueUp.AsEnumerable().Reverse(), dueDown);
        Assert.True(dueUp[0] < dueUp[2]);

        var receivedDefault = (await PageAsync("ReceivedOn", null)).Select(i => i.ReceivedOn).ToList();
        Assert.Equal(receivedDefault.OrderDescending(), receivedDefault);
        Assert.Equal(receivedDefault.AsEnumerable().Reverse(), (await PageAsync("ReceivedOn", false)).Select(i => i.ReceivedOn));
        var numbersDown = (await PageAsync("Number", true)).Select(i => i.Number).ToList();
        Assert.Equal(numbersDown.OrderDescending(StringComparer.Ordinal), numbersDown);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_deadline_in_a_year_without_a_holiday_schedule_skips_the_statutory_days_and_is_marked_provisional(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var clues = new ClueClients(app);
        await clues.ConnectAsync();
        var official = await ClueClients.KaiyangPrincipalAsync(app, skip: 6);
        var registered = await clues.RegisterAsync(official, "反映其在项目验收中收受购物卡，情况属实。", realName: true);

        // Received Wed 2 Dec 2026 (TestClock): a real-name reporter is told of acceptance within 15 working days, still in
        // 2026, whose schedule is loaded.
        var accepted = await (await clues.Petition.GetAsync($"/api/v1/clues/{registered.Id}")).OkJsonAsync<ClueDetail>();
        Assert.Equal((DeadlineKind.Acceptance, false), (accepted.DueKind, accepted.DueProvisional));
        Assert.Equal(2026, accepted.DueOn!.Value.Year);

        // The disposal proposal is due a month after receipt: Sat 2 Jan 2027. 2027 has no schedule, so its statutory days
        // count (元旦, 1 January) and the limit moves past the weekend to Monday 4 January, marked provisional.
        await ClueClients.ActAsync(clues.Petition, registered.Id, new() { Action = ClueAction.SubmitToCaseManagement });
        var detail = await (await clues.CaseManager.GetAsync($"/api/v1/clues/{registered.Id}")).OkJsonAsync<ClueDetail>();
        Assert.Equal((DeadlineKind.DisposalProposal, new DateOnly(2027, 1, 4), true), (detail.DueKind, detail.DueOn, detail.DueProvisional));
        var listed = await (await clues.CaseManager.GetAsync($"/api/v1/clues?number={registered.Number}&pageSize=5")).OkJsonAsync<Paged<ClueListItem>>();
        Assert.True(Assert.Single(listed.Items, i => i.Id == registered.Id).DueProvisional);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_recused_handler_is_told_nothing_more_about_the_clue_and_its_earlier_notices_disappear(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var clues = new ClueClients(app);
        await clues.ConnectAsync();
        Guid kaiyang;
        await using (var db = app.CreateDb())
        {
            kaiyang = await db.Organs.AsNoTracking().Where(o => o.Name == "开阳县纪委监委").Select(o => o.Id).SingleAsync();
        }

        // A handler of its own, so that everything it is told is about this clue.
        var (officer, officerName) = await app.ClientForNewUserAsync(kaiyang, Roles.SupervisionOffice);
        var official = await ClueClients.KaiyangPrincipalAsync(app, skip: 9);
        var registered = await clues.RegisterAsync(official, "反映其长期在管理服务对象开办的酒店免费用餐。", realName: false);
        await clues.AssignAsync(registered.Id, officerName);
        await ClueClients.ActAsync(officer, registered.Id, new() { Action = ClueAction.ProposeDisposal, Method = DisposalMethod.TalkInquiry, Comment = "函询了解" });
        await ClueClients.ActAsync(clues.Leader, registered.Id, new() { Action = ClueAction.ApproveDisposal });
        var sent = new DateOnly(2026, 9, 21);
        await ClueClients.ActAsync(officer, registered.Id, new() { Action = ClueAction.SendInquiryLetter, Date = sent });
        var due = app.Services.GetRequiredService<ClueDeadlines>().Calendar.AddWorkingDays(sent, 15);

        var clock = new FakeTimeProvider(new DateTimeOffset(due.AddDays(-1).ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero));
        await SweepAsync(app, clock);
        Assert.Contains(await NotificationsAsync(officer), n => n.Message.Contains(registered.Number, StringComparison.Ordinal));
        var user = await UserAsync(app, officerName);
        // The sweep also tells every supervision officer of the county about other tests' clues in the shared database
        // (those with no handler yet), so the badge is compared by what this clue contributes to it.
        var unreadBefore = await UnreadCountAsync(app, user);
        int aboutThisClue;
        await using (var db = app.CreateDb())
        {
            var link = ClueLinks.Of(registered.Id);
            aboutThisClue = await db.Notifications.AsNoTracking().CountAsync(n => n.UserId == user.UserId && n.ReadAt == null && n.Link == link);
        }

        Assert.True(aboutThisClue > 0);

        // The officer declares a conflict: what it was told about the clue leaves its list and its badge at once.
        var recused = await officer.PostAsync($"/api/v1/clues/{registered.Id}/recusals", new RecuseRequest { Reason = "被反映人系其表兄" }.AsJson());
        Assert.Equal(System.Net.HttpStatusCode.NoContent, recused.StatusCode);
        var list = await (await officer.GetAsync("/api/v1/notifications")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(registered.Number, list, StringComparison.Ordinal);
        Assert.DoesNotContain(registered.Id.ToString(), list, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(unreadBefore - aboutThisClue, await UnreadCountAsync(app, user));

        // The overdue sweep tells it nothing; the step falls to case management, which must hand it to someone else.
        clock.SetUtcNow(new DateTimeOffset(due.AddDays(3).ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero));
        await SweepAsync(app, clock);
        await using (var db = app.CreateDb())
        {
            var prefix = "clue:" + registered.Id + ":";
            var overdue = await db.Notifications.AsNoTracking().Where(n => n.DedupKey.StartsWith(prefix) && n.DedupKey.Contains(":overdue:")).Select(n => n.UserId).ToListAsync();
            Assert.DoesNotContain(user.UserId, overdue);
            var caseManager = await db.Users.AsNoTracking().Where(u => u.UserName == TestUsers.KaiyangCaseManagement.UserName).Select(u => u.Id).SingleAsync();
            Assert.Contains(caseManager, overdue);
        }

        Assert.DoesNotContain(registered.Number, await (await officer.GetAsync("/api/v1/notifications")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<UserContext> UserAsync(QingfengApp app, string userName)
    {
        await using var db = app.CreateDb();
        var user = await db.Users.AsNoTracking().Where(u => u.UserName == userName).Select(u => new { u.Id, u.OrganId }).SingleAsync();
        return new UserContext(user.Id, userName, userName, user.OrganId, null, new HashSet<string> { Roles.SupervisionOffice }, null);
    }

    /// <summary>The bell's count, as the layout reads it for the user.</summary>
    private static async Task<int> UnreadCountAsync(QingfengApp app, UserContext user)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(user);
        return await scope.ServiceProvider.GetRequiredService<NotificationService>().UnreadCountAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<int> SweepAsync(QingfengApp app, TimeProvider clock)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(UserContext.System);
        var sweep = new ClueDeadlineSweep(
            scope.ServiceProvider.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<QingfengDb>>(),
            scope.ServiceProvider.GetRequiredService<ClueDeadlines>(),
            scope.ServiceProvider.GetRequiredService<NotificationService>(),
            clock);
        return await sweep.RunAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<List<NotificationItem>> NotificationsAsync(HttpClient client) =>
        await (await client.GetAsync("/api/v1/notifications")).OkJsonAsync<List<NotificationItem>>();
}
