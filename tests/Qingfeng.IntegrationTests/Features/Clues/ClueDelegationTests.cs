using System.Net;
using Microsoft.EntityFrameworkCore;
using Qingfeng.Features.Clues;
using Qingfeng.Features.Organs;
using Qingfeng.IntegrationTests.Infrastructure;
using Qingfeng.Platform.Security;
using Xunit;

namespace Qingfeng.IntegrationTests.Features.Clues;

/// <summary>Clues about village 一把手 under 提级监督 and 片区协作 (domain.md A15): who may see follows the delegation.</summary>
public sealed class ClueDelegationTests(SharedApps apps)
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_clue_about_a_village_leader_under_area_collaboration_is_shared_by_the_group_and_hidden_from_the_home_township(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        await using var db = app.CreateDb();
        var delegation = await db.SupervisionDelegations.AsNoTracking().OrderBy(d => d.CreatedAt).FirstAsync(d => d.CollaborationGroupId != null);
        var members = await db.Set<CollaborationGroupMember>().AsNoTracking()
            .Where(m => m.GroupId == delegation.CollaborationGroupId && m.OrganId != delegation.HomeOrganId).Select(m => m.OrganId).ToListAsync();
        var leader = await db.Officials.AsNoTracking().Where(o => o.UnitId == delegation.UnitId && o.IsPrincipal).Select(o => o.Id).FirstAsync();
        var registering = await app.ClientForOrganAsync(members[0], Roles.CaseManagement);
        var partner = await app.ClientForOrganAsync(members[1], Roles.CaseManagement);
        var home = await app.ClientForOrganAsync(delegation.HomeOrganId, Roles.CaseManagement);

        var request = new RegisterClueRequest
        {
            Source = ClueSource.Letter,
            Content = "反映村党支部书记在低保评定中优亲厚友。",
            Persons = [new ReportedPersonRequest { OfficialId = leader }],
        };
        var created = await registering.PostAsync("/api/v1/clues", request.AsJson());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var clue = System.Text.Json.JsonSerializer.Deserialize<RegisterClueResult>(await created.Content.ReadAsStringAsync(), HttpAssertions.Json)!;

        await (await partner.GetAsync($"/api/v1/clues/{clue.Id}")).OkJsonAsync<ClueDetail>();
        await (await home.GetAsync($"/api/v1/clues/{clue.Id}")).ProblemAsync(HttpStatusCode.NotFound);

        // The home township cannot even register about its own recused village leader.
        await (await home.PostAsync("/api/v1/clues", request.AsJson())).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_clue_about_an_escalated_village_leader_is_the_county_commissions_and_not_the_townships(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        await using var db = app.CreateDb();
        var delegation = await db.SupervisionDelegations.AsNoTracking().OrderBy(d => d.CreatedAt).FirstAsync(d => d.DelegateOrganId != null && d.CollaborationGroupId == null);
        var leader = await db.Officials.AsNoTracking().Where(o => o.UnitId == delegation.UnitId && o.IsPrincipal).Select(o => o.Id).FirstAsync();
        var county = await app.ClientForAsync(TestUsers.KaiyangPetition.UserName);
        var countyCaseManager = await app.ClientForAsync(TestUsers.KaiyangCaseManagement.UserName);
        var township = await app.ClientForOrganAsync(delegation.HomeOrganId, Roles.CaseManagement);

        var created = await county.PostAsync("/api/v1/clues", new RegisterClueRequest
        {
            Source = ClueSource.Visit,
            Content = "反映村委会主任虚报冒领扶贫资金。",
            Persons = [new ReportedPersonRequest { OfficialId = leader }],
        }.AsJson());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var clue = System.Text.Json.JsonSerializer.Deserialize<RegisterClueResult>(await created.Content.ReadAsStringAsync(), HttpAssertions.Json)!;

        await (await countyCaseManager.GetAsync($"/api/v1/clues/{clue.Id}")).OkJsonAsync<ClueDetail>();
        await (await township.GetAsync($"/api/v1/clues/{clue.Id}")).ProblemAsync(HttpStatusCode.NotFound);
    }
}
