using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Qingfeng.Features.QuarterlyReviews;
using Qingfeng.Features.Rectification;
using Qingfeng.Features.Talks;
using Qingfeng.IntegrationTests.Features.Accountability;
using Qingfeng.IntegrationTests.Features.Clues;
using Qingfeng.IntegrationTests.Features.Talks;
using Qingfeng.IntegrationTests.Infrastructure;
using Xunit;

namespace Qingfeng.IntegrationTests.Features.QuarterlyReviews;

/// <summary>The quarterly dossier: figures drawn from clues and the ledger, the office's notes and conclusion, the report.</summary>
public sealed class QuarterlyReviewTests(SharedApps apps)
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task The_dossier_counts_the_quarters_clues_and_open_items_of_a_principal_leader_and_only_in_jurisdiction(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var clues = new ClueClients(app);
        await clues.ConnectAsync();

        // The row counts everything recorded about the official this quarter: one no other test records anything about.
        var official = await Subjects.NewKaiyangPrincipalAsync(app);
        await using (var db = app.CreateDb())
        {
            var before = await DossierRowAsync(clues.Handler, official, app);
            await clues.RegisterAsync(official, "反映其在春节期间收受管理服务对象礼金。", realName: false);
            var created = await clues.Handler.PostAsync("/api/v1/rectification", new CreateRectificationItemRequest
            {
                Source = RectificationSource.Audit,
                OfficialId = official,
                Problem = "审计发现专项资金管理不规范",
            }.AsJson());
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);

            await TalkClients.PlanAsync(clues.Handler, official, TalkType.Reminder, tier: 1, TalkClients.Today);
            var leader = await app.ClientForAsync(TestUsers.KaiyangLeader.UserName);
            await AccountabilityApiTests.CreateAsync(leader, AccountabilityApiTests.ExaminationOf(official) with { DecidedOn = TalkClients.Today });

            var after = await DossierRowAsync(clues.Handler, official, app);
            Assert.Equal(before.CluesReceived + 1, after.CluesReceived);
            Assert.Equal(before.Talks + 1, after.Talks);
            Assert.Equal(before.Accountability + 1, after.Accountability);
            Assert.Equal(before.EightPointClues + 1, after.EightPointClues);
            Assert.Equal(before.RectificationOpen + 1, after.RectificationOpen);
            var name = await db.Officials.AsNoTracking().Where(o => o.Id == official).Select(o => o.Name).SingleAsync();
            var chishui = await app.ClientForAsync(TestUsers.ChishuiSupervision.UserName);
            var foreign = await (await chishui.GetAsync($"/api/v1/quarterly-reviews?year={after.Year}&quarter={after.Quarter}&text={Uri.EscapeDataString(name)}")).OkJsonAsync<QuarterlyDossier>();
            Assert.DoesNotContain(foreign.Rows.Items, r => r.OfficialId == official);
        }
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task The_office_records_notes_and_a_conclusion_finalises_them_and_exports_the_report(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var office = await app.ClientForAsync(TestUsers.KaiyangSupervision.UserName);
        var official = await ClueClients.KaiyangPrincipalAsync(app, skip: 15);
        var (year, quarter) = (2025, provider == Provider.Sqlite ? 1 : 2);

        var saved = await office.PutAsync($"/api/v1/quarterly-reviews/{year}/{quarter}", new SaveQuarterlyReviewRequest
        {
            Conclusion = "本季度联系单位“一把手”总体情况良好。\n下一步重点关注工程项目领域。",
            Notes = [new ReviewNoteInput { OfficialId = official, Assessment = ReviewAssessment.NeedsAttention, Text = "整改推进较慢，拟开展提醒谈话。" }],
        }.AsJson());
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var dossier = await (await office.GetAsync($"/api/v1/quarterly-reviews?year={year}&quarter={quarter}&notableOnly=true")).OkJsonAsync<QuarterlyDossier>();
        var row = Assert.Single(dossier.Rows.Items, r => r.OfficialId == official);
        Assert.Equal(ReviewAssessment.NeedsAttention, row.Assessment);
        Assert.Equal(new DateOnly(year, (quarter * 3) - 2, 1), dossier.From);

        var document = await office.GetAsync($"/api/v1/quarterly-reviews/document?year={year}&quarter={quarter}&notableOnly=true");
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        using (var stream = new MemoryStream(await document.Content.ReadAsByteArrayAsync()))
        using (var word = WordprocessingDocument.Open(stream, false))
        {
            var text = word.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains($"{year}年第", text, StringComparison.Ordinal);
            Assert.Contains("整改推进较慢，拟开展提醒谈话。", text, StringComparison.Ordinal);
            Assert.Contains("下一步重点关注工程项目领域。", text, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NoContent, (await office.PostAsync($"/api/v1/quarterly-reviews/{year}/{quarter}/finalise", null)).StatusCode);
        var late = await office.PutAsync($"/api/v1/quarterly-reviews/{year}/{quarter}", new SaveQuarterlyReviewRequest { Conclusion = "改" }.AsJson());
        await late.ProblemAsync(HttpStatusCode.Conflict);

        var petition = await app.ClientForAsync(TestUsers.KaiyangPetition.UserName);
        Assert.Equal(HttpStatusCode.Forbidden, (await petition.GetAsync($"/api/v1/quarterly-reviews?year={year}&quarter={quarter}")).StatusCode);
    }

    private static async Task<(int Year, int Quarter, int CluesReceived, int EightPointClues, int RectificationOpen, int Talks, int Accountability)> DossierRowAsync(HttpClient client, Guid official, QingfengApp app)
    {
        var today = TestClock.Today;
        var (year, quarter) = (today.Year, ((today.Month - 1) / 3) + 1);
        await using var db = app.CreateDb();
        var name = await db.Officials.AsNoTracking().Where(o => o.Id == official).Select(o => o.Name).SingleAsync();
        var dossier = await (await client.GetAsync($"/api/v1/quarterly-reviews?year={year}&quarter={quarter}&regionCode=520121&text={Uri.EscapeDataString(name)}")).OkJsonAsync<QuarterlyDossier>();
        var row = Assert.Single(dossier.Rows.Items, r => r.OfficialId == official);
        return (year, quarter, row.CluesReceived, row.EightPointClues, row.RectificationOpen, row.Talks, row.Accountability);
    }
}
