using System.Net;
using Microsoft.EntityFrameworkCore;
using Qingfeng.Features.Organs;
using Qingfeng.Features.Roster;
using Qingfeng.IntegrationTests.Infrastructure;
using Qingfeng.Platform.Data;
using Xunit;

namespace Qingfeng.IntegrationTests.Features.Roster;

/// <summary>
/// The A15 delegations seeded in 开阳县, through the API: an escalated village is hidden from its
/// township's commission, and a village given to an area collaboration group is visible to the other
/// members and hidden from its own township.
/// </summary>
public sealed class DelegationTests(SharedApps apps)
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Escalated_supervision_recuses_the_home_township_commission(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var (delegation, villageLeader, home) = await DelegationAsync(app, DelegationKind.Escalation);
        var homeClient = await app.ClientForOrganAsync(home);
        var county = await app.ClientForAsync(TestUsers.KaiyangSupervision.UserName);

        await (await homeClient.GetAsync($"/api/v1/officials/{villageLeader}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await county.GetAsync($"/api/v1/officials/{villageLeader}")).OkJsonAsync<OfficialProfile>();
        var list = await (await homeClient.GetAsync("/api/v1/officials?pageSize=200")).OkJsonAsync<Paged<OfficialListItem>>();
        Assert.NotEmpty(list.Items);
        Assert.DoesNotContain(list.Items, o => o.Id == villageLeader);
        Assert.NotEqual(Guid.Empty, delegation);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Area_collaboration_opens_the_village_to_the_other_members_only(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var (delegation, villageLeader, home) = await DelegationAsync(app, DelegationKind.AreaCollaboration);
        await using var db = app.CreateDb();
        var groupId = await db.SupervisionDelegations.Where(d => d.Id == delegation).Select(d => d.CollaborationGroupId).SingleAsync();
        var members = await db.Set<CollaborationGroupMember>().Where(m => m.GroupId == groupId).Select(m => m.OrganId).ToListAsync();
        var other = members.First(m => m != home);

        var homeClient = await app.ClientForOrganAsync(home);
        var otherClient = await app.ClientForOrganAsync(other);

        await (await homeClient.GetAsync($"/api/v1/officials/{villageLeader}")).ProblemAsync(HttpStatusCode.NotFound);
        var seen = await (await otherClient.GetAsync($"/api/v1/officials/{villageLeader}")).OkJsonAsync<OfficialProfile>();
        Assert.True(seen.IsPrincipal);
    }

    private static async Task<(Guid Delegation, Guid VillageLeader, Guid HomeOrgan)> DelegationAsync(QingfengApp app, DelegationKind kind)
    {
        await using var db = app.CreateDb();
        var delegation = await db.SupervisionDelegations.AsNoTracking().SingleAsync(d => d.Kind == kind);
        var leader = await db.Officials.AsNoTracking().Where(o => o.UnitId == delegation.UnitId && o.IsPrincipal).Select(o => o.Id).FirstAsync();
        return (delegation.Id, leader, delegation.HomeOrganId);
    }

}
