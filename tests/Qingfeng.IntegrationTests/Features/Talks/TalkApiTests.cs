using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qingfeng.Features.Rectification;
using Qingfeng.Features.Roster;
using Qingfeng.Features.Supervision;
using Qingfeng.Features.Talks;
using Qingfeng.IntegrationTests.Infrastructure;
using Qingfeng.Platform.Data;
using Xunit;

namespace Qingfeng.IntegrationTests.Features.Talks;

/// <summary>Talks and letters of inquiry over the API, on both databases.</summary>
public sealed class TalkApiTests(SharedApps apps)
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_held_talk_with_a_follow_up_opens_a_rectification_item_of_the_official_in_the_same_save(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = await app.ClientForAsync(TestUsers.KaiyangSupervision.UserName);
        var official = await TalkClients.KaiyangOfficialAsync(app, skip: 1);
        var due = TalkClients.Today.AddDays(40);

        var (talkId, itemId) = await TalkClients.PlanAndHoldTalkWithFollowUpAsync(client, official, "单位公务接待超标准，账目不清。", due);

        await using var db = app.CreateDb();
        var item = await db.RectificationItems.AsNoTracking().SingleAsync(i => i.Id == itemId);
        Assert.Equal(RectificationSource.Talk, item.Source);
        Assert.Equal(talkId, item.SourceId);
        Assert.Equal(official, item.Subject.OfficialId);
        Assert.Equal(due, item.DueOn);
        Assert.StartsWith("提醒谈话 ", item.SourceReference, StringComparison.Ordinal);

        var detail = await (await client.GetAsync($"/api/v1/talks/{talkId}")).OkJsonAsync<TalkDetail>();
        Assert.Equal(TalkState.Held, detail.State);
        Assert.Equal(2, detail.Tier);
        Assert.Contains("监督检查室主任", detail.TalkerTitle, StringComparison.Ordinal);
        Assert.Equal(detail.TalkerTitle, detail.Talkers);
        Assert.Equal("表示诚恳接受，立即整改。", detail.Commitments);
        Assert.Equal(itemId, Assert.Single(detail.FollowUps).Id);
        Assert.True(await db.AuditEntries.AsNoTracking().AnyAsync(e => e.Action == "View" && e.EntityType == nameof(Talk) && e.EntityId == talkId.ToString()));

        // Holding it again is an illegal move; closing it records the outcome.
        var again = await client.PostAsync($"/api/v1/talks/{talkId}/hold", new HoldTalkRequest { HeldOn = TalkClients.Today, Record = "再次记录" }.AsJson());
        await again.ProblemAsync(HttpStatusCode.Conflict);
        var closed = await client.PostAsync($"/api/v1/talks/{talkId}/close", new CloseTalkRequest { Note = "谈话完成", Outcome = new SupervisionOutcomeInput { ProblemsFound = 3, FundsRecovered = 6540.5m } }.AsJson());
        Assert.Equal(HttpStatusCode.NoContent, closed.StatusCode);
        var after = await (await client.GetAsync($"/api/v1/talks/{talkId}")).OkJsonAsync<TalkDetail>();
        Assert.Equal(TalkState.Closed, after.State);
        Assert.Equal(654050, after.Outcome.FundsRecoveredFen);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task The_outline_assembled_from_open_problems_lists_the_officials_open_rectification_items_and_earlier_commitments(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = await app.ClientForAsync(TestUsers.KaiyangSupervision.UserName);
        var official = await TalkClients.KaiyangOfficialAsync(app, skip: 2);
        await TalkClients.PlanAndHoldTalkWithFollowUpAsync(client, official, "违规发放津补贴问题尚未整改到位。", TalkClients.Today.AddDays(30));

        var next = await TalkClients.PlanAsync(client, official, TalkType.Summons, null, TalkClients.Today.AddDays(7));
        var assembled = await (await client.PostAsync($"/api/v1/talks/{next}/outline/assemble", null)).OkJsonAsync<OutlineResult>();
        Assert.Contains("违规发放津补贴问题尚未整改到位。", assembled.Outline, StringComparison.Ordinal);
        Assert.Contains("表示诚恳接受，立即整改。", assembled.Outline, StringComparison.Ordinal);

        // The user edits the outline afterwards; the saved text is what the talk shows.
        var edited = assembled.Outline + "\n六、补充：了解“三重一大”决策情况。";
        var put = await client.PutAsync($"/api/v1/talks/{next}/outline", new SetOutlineRequest { Outline = edited }.AsJson());
        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        var detail = await (await client.GetAsync($"/api/v1/talks/{next}")).OkJsonAsync<TalkDetail>();
        Assert.Equal(edited.Trim(), detail.Outline);

        var docx = await client.GetAsync($"/api/v1/talks/{next}/documents/Outline");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal(TalkDocuments.ContentType, docx.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task The_one_click_count_counts_held_talks_by_type_tier_principal_and_date(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = await app.ClientForAsync(TestUsers.KaiyangSupervision.UserName);

        // The counts are of every talk with the official: one no other test talks to.
        var official = await Subjects.NewKaiyangPrincipalAsync(app);
        var today = TalkClients.Today;

        var first = await TalkClients.PlanAsync(client, official, TalkType.Reminder, 1, today.AddDays(-20));
        await TalkClients.HoldAsync(client, first, today.AddDays(-20), "第一次提醒谈话", null);
        var second = await TalkClients.PlanAsync(client, official, TalkType.Reminder, 3, today.AddDays(-5));
        await TalkClients.HoldAsync(client, second, today.AddDays(-5), "第二次提醒谈话", null);
        var summons = await TalkClients.PlanAsync(client, official, TalkType.Summons, null, today.AddDays(-4));
        await TalkClients.HoldAsync(client, summons, today.AddDays(-4), "约谈", "承诺15日内提交廉政承诺书");
        await TalkClients.PlanAsync(client, official, TalkType.Reminder, 2, today);

        var reminders = await (await client.GetAsync($"/api/v1/talks/count?type=Reminder&principalOnly=true&officialId={official}")).OkJsonAsync<TalkCount>();
        Assert.Equal(2, reminders.Talks);
        Assert.Equal(1, reminders.Officials);
        Assert.Equal(["1", "3"], reminders.ByTier.Select(t => t.Key));

        var all = await (await client.GetAsync($"/api/v1/talks/count?officialId={official}")).OkJsonAsync<TalkCount>();
        Assert.Equal(3, all.Talks);
        Assert.Equal(2, all.ByType.Single(t => t.Key == nameof(TalkType.Reminder)).Talks);
        Assert.Equal(1, all.ByType.Single(t => t.Key == nameof(TalkType.Summons)).Talks);
        Assert.Equal(3, Assert.Single(all.ByCategory).Talks);

        var from = today.AddDays(-7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var recent = await (await client.GetAsync($"/api/v1/talks/count?type=Reminder&from={from}&officialId={official}")).OkJsonAsync<TalkCount>();
        Assert.Equal(1, recent.Talks);

        var list = await (await client.GetAsync($"/api/v1/talks?officialId={official}&type=Reminder&sort=date")).OkJsonAsync<Paged<TalkListItem>>();
        Assert.Equal(3, list.Total);
        var export = await client.GetAsync($"/api/v1/talks/export?officialId={official}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task The_inquiry_list_sorts_by_reply_deadline_either_way_and_by_sending_date_newest_first_by_default(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = await app.ClientForAsync(TestUsers.KaiyangSupervision.UserName);
        var official = await TalkClients.KaiyangOfficialAsync(app, skip: 7, principal: false);
        var early = await TalkClients.SendInquiryAsync(client, official, new DateOnly(2026, 3, 2), "说明公务接待有关情况");
        var late = await TalkClients.SendInquiryAsync(client, official, new DateOnly(2026, 6, 1), "说明办公用房有关情况");
        Guid[] ours = [early, late];

        async Task<Guid[]> OrderAsync(string sort) =>
            [.. (await (await client.GetAsync($"/api/v1/inquiries?officialId={official}&pageSize=200{sort}")).OkJsonAsync<Paged<InquiryListItem>>())
                .Items.Select(i => i.Id).Where(ours.Contains)];

        Assert.Equal([early, late], await OrderAsync("&sort=due&descending=false"));
        Assert.Equal([late, early], await OrderAsync("&sort=due&descending=true"));
        Assert.Equal([late, early], await OrderAsync(""));
        var export = await client.GetAsync($"/api/v1/inquiries/export?officialId={official}&sort=due");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_letter_of_inquiry_is_due_fifteen_working_days_later_needs_a_countersign_and_its_follow_ups_become_rectification_items(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = await app.ClientForAsync(TestUsers.KaiyangSupervision.UserName);
        var official = await TalkClients.KaiyangOfficialAsync(app, skip: 4, principal: false);

        var sent = new DateOnly(2026, 9, 21);
        var id = await TalkClients.SendInquiryAsync(client, official, sent, "说明分管工程项目招投标有关情况\n说明亲属经商办企业情况");
        var detail = await (await client.GetAsync($"/api/v1/inquiries/{id}")).OkJsonAsync<InquiryDetail>();
        Assert.Equal(app.Services.GetRequiredService<SupervisionCalendar>().AddWorkingDays(sent, 15), detail.ReplyDueOn);
        Assert.Equal(new DateOnly(2026, 10, 19), detail.ReplyDueOn);
        Assert.True(detail.Overdue);
        Assert.False(detail.ReplyDueProvisional, "2026 has its schedule: the due date is not provisional");

        var overdue = await (await client.GetAsync($"/api/v1/inquiries?overdueOnly=true&officialId={official}")).OkJsonAsync<Paged<InquiryListItem>>();
        Assert.Contains(overdue.Items, i => i.Id == id && i.Overdue && !i.ReplyDueProvisional);

        var unsigned = await client.PostAsync($"/api/v1/inquiries/{id}/reply", new RecordReplyRequest { ReceivedOn = new DateOnly(2026, 10, 16), Text = "书面说明如下……" }.AsJson());
        await unsigned.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        var signed = await client.PostAsync($"/api/v1/inquiries/{id}/reply", new RecordReplyRequest
        {
            ReceivedOn = new DateOnly(2026, 10, 16),
            Text = "书面说明如下……",
            CountersignedBy = "单位主要负责人",
            CountersignNote = "已对其进行教育提醒，要求如实说明。",
        }.AsJson());
        Assert.Equal(HttpStatusCode.NoContent, signed.StatusCode);

        var items = await (await client.PostAsync($"/api/v1/inquiries/{id}/assess", new AssessInquiryRequest
        {
            Assessment = InquiryAssessment.FurtherAction,
            Note = "说明基本属实，但存在管理漏洞。",
            FollowUps = [new FollowUpRequest { Problem = "工程项目招投标管理不规范。", DueOn = TalkClients.Today.AddDays(30) }],
        }.AsJson())).OkJsonAsync<List<Guid>>();
        await using var db = app.CreateDb();
        var item = await db.RectificationItems.AsNoTracking().SingleAsync(i => i.Id == items.Single());
        Assert.Equal(RectificationSource.InquiryLetter, item.Source);
        Assert.Equal(id, item.SourceId);
        Assert.Equal(official, item.Subject.OfficialId);

        var closed = await (await client.GetAsync($"/api/v1/inquiries/{id}")).OkJsonAsync<InquiryDetail>();
        Assert.Equal(InquiryState.Closed, closed.State);
        Assert.False(closed.Overdue);
        var notice = await client.GetAsync($"/api/v1/inquiries/{id}/document");
        Assert.Equal(HttpStatusCode.OK, notice.StatusCode);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Another_countys_commission_gets_not_found_for_Kaiyang_talks_and_inquiries(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var kaiyang = await app.ClientForAsync(TestUsers.KaiyangSupervision.UserName);
        var chishui = await app.ClientForAsync(TestUsers.ChishuiSupervision.UserName);
        var official = await TalkClients.KaiyangOfficialAsync(app, skip: 5);
        var talk = await TalkClients.PlanAsync(kaiyang, official, TalkType.Integrity, null, TalkClients.Today);
        var inquiry = await TalkClients.SendInquiryAsync(kaiyang, official, TalkClients.Today, "说明有关情况");

        await (await chishui.GetAsync($"/api/v1/talks/{talk}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await chishui.GetAsync($"/api/v1/talks/{talk}/documents/Record")).ProblemAsync(HttpStatusCode.NotFound);
        await (await chishui.PostAsync($"/api/v1/talks/{talk}/hold", new HoldTalkRequest { HeldOn = TalkClients.Today, Record = "越权记录" }.AsJson())).ProblemAsync(HttpStatusCode.NotFound);
        await (await chishui.PostAsync($"/api/v1/talks/{talk}/outline/assemble", null)).ProblemAsync(HttpStatusCode.NotFound);
        await (await chishui.GetAsync($"/api/v1/inquiries/{inquiry}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await chishui.PostAsync("/api/v1/talks", new PlanTalkRequest { OfficialId = official, Type = TalkType.Integrity, PlannedOn = TalkClients.Today, Talkers = "某某" }.AsJson())).ProblemAsync(HttpStatusCode.NotFound);
        var list = await (await chishui.GetAsync($"/api/v1/talks?officialId={official}")).OkJsonAsync<Paged<TalkListItem>>();
        Assert.Equal(0, list.Total);
        var count = await (await chishui.GetAsync($"/api/v1/talks/count?officialId={official}")).OkJsonAsync<TalkCount>();
        Assert.Equal(0, count.Talks);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_role_that_only_reads_supervision_records_cannot_plan_or_hold_talks(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var kaiyang = await app.ClientForAsync(TestUsers.KaiyangSupervision.UserName);
        var caseManagement = await app.ClientForAsync(TestUsers.KaiyangCaseManagement.UserName);
        var petition = await app.ClientForAsync(TestUsers.KaiyangPetition.UserName);
        var official = await TalkClients.KaiyangOfficialAsync(app, skip: 6);
        var talk = await TalkClients.PlanAsync(kaiyang, official, TalkType.HeartToHeart, null, TalkClients.Today);

        await (await caseManagement.PostAsync("/api/v1/talks", new PlanTalkRequest { OfficialId = official, Type = TalkType.Integrity, PlannedOn = TalkClients.Today, Talkers = "某某" }.AsJson())).ProblemAsync(HttpStatusCode.Forbidden);
        await (await caseManagement.PostAsync($"/api/v1/talks/{talk}/hold", new HoldTalkRequest { HeldOn = TalkClients.Today, Record = "记录" }.AsJson())).ProblemAsync(HttpStatusCode.Forbidden);
        await (await caseManagement.PostAsync("/api/v1/inquiries", new SendInquiryRequest { OfficialId = official, Matters = "说明" }.AsJson())).ProblemAsync(HttpStatusCode.Forbidden);
        await (await caseManagement.GetAsync($"/api/v1/talks/{talk}")).OkJsonAsync<TalkDetail>();
        await (await petition.GetAsync($"/api/v1/talks/{talk}")).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_reminder_talk_without_a_tier_is_refused_and_the_tier_rule_is_published(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = await app.ClientForAsync(TestUsers.KaiyangSupervision.UserName);
        var official = await TalkClients.KaiyangOfficialAsync(app, skip: 7);
        var refused = await client.PostAsync("/api/v1/talks", new PlanTalkRequest { OfficialId = official, Type = TalkType.Reminder, PlannedOn = TalkClients.Today }.AsJson());
        var problem = await refused.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("层级", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var tiers = await (await client.GetAsync("/api/v1/talks/tiers")).OkJsonAsync<List<TalkTier>>();
        Assert.Equal("纪委书记", tiers.Single(t => t.Tier == 1).Talker);
        var tierOne = await TalkClients.PlanAsync(client, official, TalkType.Reminder, 1, TalkClients.Today);
        var detail = await (await client.GetAsync($"/api/v1/talks/{tierOne}")).OkJsonAsync<TalkDetail>();
        Assert.Equal("纪委书记", detail.Talkers);
        _ = LeaderCategory.CityCountyDepartment;
    }
}
