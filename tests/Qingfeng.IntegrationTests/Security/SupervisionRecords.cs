using System.Net.Http.Json;
using Qingfeng.Features.Rectification;
using Qingfeng.IntegrationTests.Features.Decisions;
using Qingfeng.IntegrationTests.Features.Rectification;
using Qingfeng.IntegrationTests.Infrastructure;

namespace Qingfeng.IntegrationTests.Security;

/// <summary>One record of every daily-supervision module about an official, made through the API by the jurisdiction's own staff.</summary>
internal static class SupervisionRecords
{
    public static async Task CreateAsync(HttpClient supervision, Guid officialId, Dictionary<string, Guid> records)
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
        records["decisions"] = await DecisionApiTests.CreateAsync(supervision, DecisionApiTests.CleanRequest(null) with
        {
            OfficialId = officialId,
            Title = "授权矩阵测试决策事项",
            PrincipalSpokeLast = false,
        });
    }
}
