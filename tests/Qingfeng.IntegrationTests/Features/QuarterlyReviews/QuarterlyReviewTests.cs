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
            // Read by case management, which sees every clue of the commission (a clue at intake is outside the supervision office's circle).
            var before = await DossierRowAsync(clues.CaseManager, official, app);
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

            var after = await DossierRowAsync(clues.CaseManager, official, app);
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

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Clue_figures_count_only_clues_the_caller_may_see_and_roles_without_clue_access_get_none(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var clues = new ClueClients(app);
        await clues.ConnectAsync();
        var official = await Subjects.NewKaiyangPrincipalAsync(app);

        // Three reports this quarter: one still at intake (the supervision office is not in its circle), one assigned to the
        // supervision office, and one assigned to it from which it is then recused.
        await clues.RegisterAsync(official, "反映其违规收受下属单位负责人礼金。", realName: false);
        var handled = await clues.RegisterAsync(official, "反映其在干部选拔中打招呼，为亲属谋取职位。", realName: false);
        await clues.AssignAsync(handled.Id, TestUsers.KaiyangSupervision.UserName);
        var withdrawn = await clues.RegisterAsync(official, "反映其公车私用，周末驾驶公车回老家。", realName: false);
        await clues.AssignAsync(withdrawn.Id, TestUsers.KaiyangSupervision.UserName);
        var recused = await clues.Handler.PostAsync($"/api/v1/clues/{withdrawn.Id}/recusals", new Qingfeng.Features.Clues.RecuseRequest { Reason = "与被反映人系同学" }.AsJson());
        Assert.Equal(HttpStatusCode.NoContent, recused.StatusCode);

        var query = await DossierQueryAsync(app, official);
        var supervision = await (await clues.Handler.GetAsync($"/api/v1/quarterly-reviews?{query}")).OkJsonAsync<QuarterlyDossier>();
        Assert.Equal(1, Assert.Single(supervision.Rows.Items, r => r.OfficialId == official).CluesReceived);

        // Case management sees every clue of the commission: the same row counts all three.
        var caseManagement = await (await clues.CaseManager.GetAsync($"/api/v1/quarterly-reviews?{query}")).OkJsonAsync<QuarterlyDossier>();
        Assert.Equal(3, Assert.Single(caseManagement.Rows.Items, r => r.OfficialId == official).CluesReceived);

        // The party-conduct office may not read clues (403 on /api/v1/clues): no clue figure at all, not zeros.
        var partyConduct = await app.ClientForAsync(TestUsers.KaiyangPartyConduct.UserName);
        Assert.Equal(HttpStatusCode.Forbidden, (await partyConduct.GetAsync("/api/v1/clues")).StatusCode);
        var json = await (await partyConduct.GetAsync($"/api/v1/quarterly-reviews?{query}")).Content.ReadAsStringAsync();
        var row = System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("rows").GetProperty("items").EnumerateArray()
            .Single(r => r.GetProperty("officialId").GetGuid() == official);
        var totals = System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("totals");
        foreach (var field in new[] { "cluesReceived", "cluesDisposed", "casesFiled", "sanctioned", "eightPointClues" })
        {
            Assert.False(row.TryGetProperty(field, out _), $"The row gives {field} to a role without clue access: {row}");
            Assert.False(totals.TryGetProperty(field, out _), $"The totals give {field} to a role without clue access: {totals}");
        }

        Assert.True(row.TryGetProperty("rectificationOpen", out _), $"The row lost the figures the role may see: {row}");

        // Nor in the report or the workbook.
        var docx = await partyConduct.GetAsync($"/api/v1/quarterly-reviews/document?{query}");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using (var stream = new MemoryStream(await docx.Content.ReadAsByteArrayAsync()))
        using (var word = WordprocessingDocument.Open(stream, false))
        {
            var text = word.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.DoesNotContain("线索", text, StringComparison.Ordinal);
            Assert.DoesNotContain("立案", text, StringComparison.Ordinal);
            Assert.Contains("整改", text, StringComparison.Ordinal);
        }

        var xlsx = await partyConduct.GetAsync($"/api/v1/quarterly-reviews/export?{query}");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var sheet = await Security.OpenApiProbe.ReadTextAsync(xlsx);
        Assert.DoesNotContain("受理线索", sheet, StringComparison.Ordinal);
        Assert.DoesNotContain("立案", sheet, StringComparison.Ordinal);
        var leaderSheet = await Security.OpenApiProbe.ReadTextAsync(await clues.Leader.GetAsync($"/api/v1/quarterly-reviews/export?{query}"));
        Assert.Contains("受理线索", leaderSheet, StringComparison.Ordinal);
    }

    /// <summary>The query of the current quarter's dossier narrowed to one official by name.</summary>
    private static async Task<string> DossierQueryAsync(QingfengApp app, Guid official)
    {
        var today = TestClock.Today;
        await using var db = app.CreateDb();
        var name = await db.Officials.AsNoTracking().Where(o => o.Id == official).Select(o => o.Name).SingleAsync();
        return $"year={today.Year}&quarter={((today.Month - 1) / 3) + 1}&regionCode=520121&text={Uri.EscapeDataString(name)}";
    }

    private static async Task<(int Year, int Quarter, int CluesReceived, int EightPointClues, int RectificationOpen, int Talks, int Accountability)> DossierRowAsync(HttpClient client, Guid official, QingfengApp app)
    {
        var today = TestClock.Today;
        var (year, quarter) = (today.Year, ((today.Month - 1) / 3) + 1);
        await using var db = app.CreateDb();
        var name = await db.Officials.AsNoTracking().Where(o => o.Id == official).Select(o => o.Name).SingleAsync();
        var dossier = await (await client.GetAsync($"/api/v1/quarterly-reviews?year={year}&quarter={quarter}&regionCode=520121&text={Uri.EscapeDataString(name)}")).OkJsonAsync<QuarterlyDossier>();
        var row = Assert.Single(dossier.Rows.Items, r => r.OfficialId == official);
        return (year, quarter, Assert.NotNull(row.CluesReceived), Assert.NotNull(row.EightPointClues), row.RectificationOpen, row.Talks, row.Accountability);
    }
}
