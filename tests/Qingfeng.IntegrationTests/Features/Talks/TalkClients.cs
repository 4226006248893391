using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Qingfeng.Features.Talks;
using Qingfeng.IntegrationTests.Infrastructure;
using Qingfeng.Platform.Api;

namespace Qingfeng.IntegrationTests.Features.Talks;

/// <summary>Talk steps over the API, for these tests and the end-to-end ledger test.</summary>
public static class TalkClients
{
    /// <summary>Today in China, as the app counts it.</summary>
    public static DateOnly Today => TestClock.Today;

    /// <summary>
    /// Plans a tier-2 reminder talk with the official, holds it today with a record, commitments and one follow-up, and
    /// returns the talk and the rectification item the follow-up opened.
    /// </summary>
    public static async Task<(Guid TalkId, Guid RectificationItemId)> PlanAndHoldTalkWithFollowUpAsync(HttpClient client, Guid officialId, string problem, DateOnly dueOn)
    {
        var talkId = await PlanAsync(client, officialId, TalkType.Reminder, tier: 2, Today);
        var held = await HoldAsync(client, talkId, Today, "谈话指出其单位存在的问题，要求限期整改。", "表示诚恳接受，立即整改。", new FollowUpRequest { Problem = problem, Measures = "制定整改方案，逐项销号。", DueOn = dueOn });
        return (talkId, held.RectificationItemIds.Single());
    }

    public static async Task<Guid> PlanAsync(HttpClient client, Guid officialId, TalkType type, int? tier, DateOnly plannedOn)
    {
        var response = await client.PostAsync("/api/v1/talks", new PlanTalkRequest
        {
            OfficialId = officialId,
            Type = type,
            Tier = tier,
            PlannedOn = plannedOn,
            Talkers = tier is null ? "县纪委监督检查室主任" : null,
            Place = "县纪委谈话室",
            Participants = "派驻纪检监察组组长",
            Recorder = "记录员",
        }.AsJson());
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != System.Net.HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Planning a talk answered {(int)response.StatusCode}: {body}");
        }

        return System.Text.Json.JsonSerializer.Deserialize<IdResult>(body, HttpAssertions.Json)!.Id;
    }

    public static async Task<HoldTalkResult> HoldAsync(HttpClient client, Guid talkId, DateOnly heldOn, string record, string? commitments, params FollowUpRequest[] followUps) =>
        await (await client.PostAsync($"/api/v1/talks/{talkId}/hold", new HoldTalkRequest
        {
            HeldOn = heldOn,
            Record = record,
            Commitments = commitments,
            FollowUps = followUps,
        }.AsJson())).OkJsonAsync<HoldTalkResult>();

    public static async Task<Guid> SendInquiryAsync(HttpClient client, Guid officialId, DateOnly sentOn, string matters)
    {
        var response = await client.PostAsJsonAsync("/api/v1/inquiries", new SendInquiryRequest { OfficialId = officialId, SentOn = sentOn, Matters = matters }, HttpAssertions.Json);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != System.Net.HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Sending an inquiry answered {(int)response.StatusCode}: {body}");
        }

        return System.Text.Json.JsonSerializer.Deserialize<IdResult>(body, HttpAssertions.Json)!.Id;
    }

    /// <summary>
    /// A Kaiyang official of the demo roster (not a village one) picked by index: principals or, with <paramref name="principal"/>
    /// false, others. Shared with other tests, as <see cref="Clues.ClueClients.KaiyangPrincipalAsync"/> explains.
    /// </summary>
    public static async Task<Guid> KaiyangOfficialAsync(QingfengApp app, int skip, bool principal = true)
    {
        await using var db = app.CreateDb();
        var ids = await db.Officials.AsNoTracking()
            .Where(o => o.IsPrincipal == principal && o.UnitId != null && o.RegionKey.StartsWith("520121") && o.Unit!.Kind != Qingfeng.Features.Roster.UnitKind.VillageOrCommunity && o.Unit.Sector != Subjects.Sector)
            .OrderByDescending(o => o.Id).Select(o => o.Id).ToListAsync();
        return ids[skip % ids.Count];
    }
}
