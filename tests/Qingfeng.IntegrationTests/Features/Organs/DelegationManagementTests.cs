using System.Net;
using Microsoft.EntityFrameworkCore;
using Qingfeng.Features.Organs;
using Qingfeng.Features.Roster;
using Qingfeng.Features.Talks;
using Qingfeng.IntegrationTests.Features.Talks;
using Qingfeng.IntegrationTests.Infrastructure;
using Xunit;

namespace Qingfeng.IntegrationTests.Features.Organs;

/// <summary>A county commission's leadership escalates a village and ends it again, through the API.</summary>
public sealed class DelegationManagementTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Escalating_a_village_recuses_its_township_until_the_escalation_ends(Provider provider)
    {
        await using var app = await QingfengApp.StartAsync(provider);
        var (village, leader, homeOrgan) = await UndelegatedVillageAsync(app);
        var leaderClient = await app.ClientForAsync(TestUsers.KaiyangLeader.UserName);
        var township = await app.ClientForOrganAsync(homeOrgan);
        await (await township.GetAsync($"/api/v1/officials/{leader}")).OkJsonAsync<OfficialProfile>();

        var today = TestClock.Today;
        var created = await leaderClient.PostAsync("/api/v1/delegations/escalations", new EscalateRequest { UnitId = village, ValidFrom = today, Reason = "群众反映集中，提级监督" }.AsJson());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await (await township.GetAsync($"/api/v1/officials/{leader}")).ProblemAsync(HttpStatusCode.NotFound);

        var again = await leaderClient.PostAsync("/api/v1/delegations/escalations", new EscalateRequest { UnitId = village, ValidFrom = today, Reason = "重复" }.AsJson());
        await again.ProblemAsync(HttpStatusCode.Conflict);

        var id = created.Headers.Location!.OriginalString.Split('/')[^1];
        var ended = await leaderClient.PostAsync($"/api/v1/delegations/{id}/end", new EndDelegationRequest { ValidTo = today.AddDays(-1) }.AsJson());
        await ended.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(HttpStatusCode.NoContent, (await leaderClient.PostAsync($"/api/v1/delegations/{id}/end", new EndDelegationRequest { ValidTo = today }.AsJson())).StatusCode);
        var list = await (await leaderClient.GetAsync("/api/v1/delegations")).OkJsonAsync<List<DelegationItem>>();
        Assert.Contains(list, d => d.Id.ToString() == id && d.ValidTo == today);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Only_commission_leadership_delegates_and_only_within_its_jurisdiction(Provider provider)
    {
        await using var app = await QingfengApp.StartAsync(provider);
        var (village, _, _) = await UndelegatedVillageAsync(app);
        await using var db = app.CreateDb();
        var chishuiVillage = await db.Units.AsNoTracking().Where(u => u.RegionKey.StartsWith("520381") && u.Kind == UnitKind.VillageOrCommunity).Select(u => u.Id).FirstAsync();
        var request = new EscalateRequest { UnitId = village, ValidFrom = TestClock.Today, Reason = "x" };

        var officer = await app.ClientForAsync(TestUsers.KaiyangSupervision.UserName);
        await (await officer.PostAsync("/api/v1/delegations/escalations", request.AsJson())).ProblemAsync(HttpStatusCode.Forbidden);

        var leader = await app.ClientForAsync(TestUsers.KaiyangLeader.UserName);
        await (await leader.PostAsync("/api/v1/delegations/escalations", (request with { UnitId = chishuiVillage }).AsJson())).ProblemAsync(HttpStatusCode.NotFound);
    }

    /// <summary>ADR 0008: the escalation hands the township's own records about the village to the county, and only while it is in force.</summary>
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Escalating_a_village_hands_the_townships_records_about_it_to_the_county_until_the_escalation_ends(Provider provider)
    {
        await using var app = await QingfengApp.StartAsync(provider);
        var (village, principal, homeOrgan) = await UndelegatedVillageAsync(app);
        var township = await app.ClientForOrganAsync(homeOrgan);
        var county = await app.ClientForAsync(TestUsers.KaiyangSupervision.UserName);
        var leader = await app.ClientForAsync(TestUsers.KaiyangLeader.UserName);
        var today = TestClock.Today;
        var talk = await TalkClients.PlanAsync(township, principal, TalkType.Reminder, tier: 2, today);
        async Task<bool> MayChangeAsync(HttpClient client) => (await (await client.GetAsync($"/api/v1/talks/{talk}")).OkJsonAsync<TalkDetail>()).MayChange;
        HttpContent Outline(string text) => new SetOutlineRequest { Outline = text }.AsJson();

        Assert.False(await MayChangeAsync(county));
        await (await county.PutAsync($"/api/v1/talks/{talk}/outline", Outline("县纪委拟定（未提级）"))).ProblemAsync(HttpStatusCode.Forbidden);

        var created = await leader.PostAsync("/api/v1/delegations/escalations", new EscalateRequest { UnitId = village, ValidFrom = today.AddDays(-10), Reason = "提级监督（写权限测试）" }.AsJson());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.True(await MayChangeAsync(county));
        Assert.Equal(HttpStatusCode.NoContent, (await county.PutAsync($"/api/v1/talks/{talk}/outline", Outline("县纪委提级后拟定"))).StatusCode);
        await (await township.PutAsync($"/api/v1/talks/{talk}/outline", Outline("乡镇纪委（已回避）"))).ProblemAsync(HttpStatusCode.NotFound);

        var id = created.Headers.Location!.OriginalString.Split('/')[^1];
        Assert.Equal(HttpStatusCode.NoContent, (await leader.PostAsync($"/api/v1/delegations/{id}/end", new EndDelegationRequest { ValidTo = today.AddDays(-1) }.AsJson())).StatusCode);
        Assert.False(await MayChangeAsync(county));
        await (await county.PutAsync($"/api/v1/talks/{talk}/outline", Outline("县纪委（提级已结束）"))).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.True(await MayChangeAsync(township));
        Assert.Equal(HttpStatusCode.NoContent, (await township.PutAsync($"/api/v1/talks/{talk}/outline", Outline("乡镇纪委恢复监督后拟定"))).StatusCode);
    }

    private static async Task<(Guid Village, Guid Leader, Guid HomeOrgan)> UndelegatedVillageAsync(QingfengApp app)
    {
        await using var db = app.CreateDb();
        var delegated = await db.SupervisionDelegations.Select(d => d.UnitId).ToListAsync();
        var village = await db.Units.AsNoTracking()
            .Where(u => u.RegionKey.StartsWith("520121") && u.Kind == UnitKind.VillageOrCommunity && !delegated.Contains(u.Id))
            .OrderBy(u => u.RegionCode).Select(u => new { u.Id, u.RegionKey }).FirstAsync();
        var leader = await db.Officials.AsNoTracking().Where(o => o.UnitId == village.Id && o.IsPrincipal).Select(o => o.Id).FirstAsync();
        var township = village.RegionKey[..9];
        var home = await db.JurisdictionGrants.AsNoTracking().Where(g => g.RegionKey == township).Select(g => g.OrganId).SingleAsync();
        return (village.Id, leader, home);
    }

}
