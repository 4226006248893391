using System.Net.Http.Json;
using System.Text.Json;
using Qingfeng.Features.DutyReports;
using Qingfeng.Features.Rectification;
using Qingfeng.Features.Reminders;
using Qingfeng.Features.Talks;
using Qingfeng.IntegrationTests.Features.Accountability;
using Qingfeng.IntegrationTests.Features.Decisions;
using Qingfeng.IntegrationTests.Features.Recommendations;
using Qingfeng.IntegrationTests.Features.Rectification;
using Qingfeng.IntegrationTests.Features.Talks;
using Qingfeng.IntegrationTests.Infrastructure;
using Qingfeng.Platform.Security;

namespace Qingfeng.IntegrationTests.Security;

/// <summary>One record of every daily-supervision module about an official, made through the API by the jurisdiction's own staff.</summary>
internal static class SupervisionRecords
{
    public static async Task CreateAsync(QingfengApp app, Guid organId, HttpClient supervision, Guid officialId, Dictionary<string, Guid> records)
    {
        var created = await supervision.PostAsync("/api/v1/rectification", new CreateRectificationItemRequest
        {
            Source = RectificationSource.Inspection,
            OfficialId = officialId,
            Problem = "巡察反馈问题（授权矩阵测试）",
            Measures = "限期整改",
        }.AsJson());
        created.EnsureSuccessStatusCode();
        var item = await created.Content.ReadFromJsonAsync<Guid>();
        await RectificationClients.ReportOkAsync(supervision, item, "进展（授权矩阵测试）", claimsDone: false, RectificationClients.PdfEvidence);
        var detail = await RectificationClients.GetAsync(supervision, item);
        records["rectification"] = item;
        records["evidenceId"] = detail.Progress.Single().Evidence.Single().Id;

        var campaign = await supervision.PostAsync("/api/v1/duty-report-campaigns", new CreateCampaignRequest { Title = "述责述廉（授权矩阵测试）", SessionOn = new DateOnly(2026, 12, 20) }.AsJson());
        campaign.EnsureSuccessStatusCode();
        var campaignId = (await campaign.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var reporter = await supervision.PostAsync($"/api/v1/duty-report-campaigns/{campaignId}/reporters", new AddReporterRequest { OfficialId = officialId }.AsJson());
        reporter.EnsureSuccessStatusCode();
        records["duty-report-campaigns"] = campaignId;
        records["duty-reports"] = (await reporter.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        records["talks"] = await TalkClients.PlanAsync(supervision, officialId, TalkType.Reminder, tier: 2, TalkClients.Today);
        records["inquiries"] = await TalkClients.SendInquiryAsync(supervision, officialId, TalkClients.Today, "请就反映的公务用车问题作出书面说明（授权矩阵测试）");
        var reminder = await supervision.PostAsync("/api/v1/reminders", new IssueReminderLetterRequest { OfficialId = officialId, Problems = "节日期间公务接待问题提示", Suggestions = "严格执行公务接待规定" }.AsJson());
        reminder.EnsureSuccessStatusCode();
        records["reminders"] = (await reminder.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        records["decisions"] = await DecisionApiTests.CreateAsync(supervision, DecisionApiTests.CleanRequest(null) with
        {
            OfficialId = officialId,
            Title = "授权矩阵测试决策事项",
            PrincipalSpokeLast = false,
        });

        var leader = await app.ClientForOrganAsync(organId, Roles.CommissionLeader);
        records["accountability"] = await AccountabilityApiTests.CreateAsync(leader, AccountabilityApiTests.ExaminationOf(officialId) with { DecidedBy = "纪委常委会（授权矩阵测试）" });
        var unit = (await RectificationClients.GetAsync(supervision, item)).Subject.UnitId;
        records["recommendations"] = await RecommendationApiTests.IssueAsync(supervision, RecommendationApiTests.ProcurementRecommendation(unit, TestClock.Today));
    }
}
