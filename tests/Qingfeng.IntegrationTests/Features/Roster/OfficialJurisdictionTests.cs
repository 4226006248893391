using System.Net;
using Microsoft.EntityFrameworkCore;
using Qingfeng.Features.Roster;
using Qingfeng.IntegrationTests.Infrastructure;
using Qingfeng.Platform.Data;
using Xunit;

namespace Qingfeng.IntegrationTests.Features.Roster;

/// <summary>Jurisdiction through the API: lists, guessed ids and delegations, on both databases.</summary>
public sealed class OfficialJurisdictionTests(SharedApps apps)
{
    private const string Kaiyang = "520121";
    private const string Chishui = "520381";

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Unauthenticated_api_calls_get_401_problem_details(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var response = await app.CreateClient().GetAsync("/api/v1/officials");
        var problem = await response.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("未登录或登录已过期", problem.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task County_user_lists_only_officials_of_its_own_county(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = await app.ClientForAsync(TestUsers.KaiyangSupervision.UserName);

        var page = await (await client.GetAsync("/api/v1/officials?pageSize=200")).OkJsonAsync<Paged<OfficialListItem>>();

        Assert.NotEmpty(page.Items);
        Assert.All(page.Items, o => Assert.StartsWith(Kaiyang, o.RegionKey, StringComparison.Ordinal));
        var chishuiPage = await (await client.GetAsync($"/api/v1/officials?regionCode={Chishui}")).OkJsonAsync<Paged<OfficialListItem>>();
        Assert.Equal(0, chishuiPage.Total);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Guessing_the_id_of_another_countys_official_gets_404_like_a_missing_one(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var chishuiOfficial = await FirstOfficialInAsync(app, Chishui);
        var client = await app.ClientForAsync(TestUsers.KaiyangSupervision.UserName);

        var foreign = await (await client.GetAsync($"/api/v1/officials/{chishuiOfficial}")).ProblemAsync(HttpStatusCode.NotFound);
        var missing = await (await client.GetAsync($"/api/v1/officials/{Guid.CreateVersion7()}")).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(missing.GetProperty("detail").GetString(), foreign.GetProperty("detail").GetString());
        var own = await (await client.GetAsync($"/api/v1/officials/{await FirstOfficialInAsync(app, Kaiyang)}")).OkJsonAsync<OfficialProfile>();
        Assert.NotEmpty(own.Tenures);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Province_leader_sees_every_county_and_family_members(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = await app.ClientForAsync(TestUsers.ProvinceLeader.UserName);
        var principal = await FirstPrincipalInAsync(app, Chishui);

        var profile = await (await client.GetAsync($"/api/v1/officials/{principal}")).OkJsonAsync<OfficialProfile>();

        Assert.True(profile.IsPrincipal);
        Assert.NotNull(profile.Family);
        Assert.NotEmpty(profile.Family!);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Family_members_are_withheld_from_roles_that_do_not_need_them(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = await app.ClientForAsync(TestUsers.KaiyangCaseManagement.UserName);
        var principal = await FirstPrincipalInAsync(app, Kaiyang);

        var profile = await (await client.GetAsync($"/api/v1/officials/{principal}")).OkJsonAsync<OfficialProfile>();

        Assert.Null(profile.Family);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Stationed_team_sees_only_the_department_it_is_stationed_in(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = await app.ClientForAsync(TestUsers.StationedHealth.UserName);

        var page = await (await client.GetAsync("/api/v1/officials?pageSize=200")).OkJsonAsync<Paged<OfficialListItem>>();

        Assert.NotEmpty(page.Items);
        Assert.All(page.Items, o => Assert.Equal("贵州省卫生健康委员会", o.UnitName));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Administrators_cannot_read_the_roster(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        foreach (var admin in new[] { TestUsers.SystemAdmin, TestUsers.SecurityAdmin, TestUsers.AuditAdmin })
        {
            var client = await app.ClientForAsync(admin.UserName);
            await (await client.GetAsync("/api/v1/officials")).ProblemAsync(HttpStatusCode.Forbidden);
        }
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Search_finds_officials_by_name_pinyin_and_initials(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = await app.ClientForAsync(TestUsers.ProvinceLeader.UserName);
        await using var db = app.CreateDb();
        var sample = await db.Officials.AsNoTracking().OrderBy(o => o.Id).Select(o => new { o.Id, o.Name, o.NamePinyin, o.NameInitials }).FirstAsync();

        foreach (var term in new[] { sample.Name, sample.NamePinyin, sample.NameInitials })
        {
            var page = await (await client.GetAsync($"/api/v1/officials?search={Uri.EscapeDataString(term)}&pageSize=200")).OkJsonAsync<Paged<OfficialListItem>>();
            Assert.Contains(page.Items, o => o.Id == sample.Id);
        }
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Invalid_paging_gets_a_localised_validation_problem(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var zh = await app.ClientForAsync(TestUsers.ProvinceLeader.UserName);
        var en = await app.ClientForAsync(TestUsers.ProvinceLeader.UserName, "en");

        var zhProblem = await (await zh.GetAsync("/api/v1/officials?pageSize=1000")).ProblemAsync(HttpStatusCode.BadRequest);
        var enProblem = await (await en.GetAsync("/api/v1/officials?pageSize=1000")).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("每页条数", zhProblem.GetProperty("errors").GetProperty("pageSize")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("Page size", enProblem.GetProperty("errors").GetProperty("pageSize")[0].GetString(), StringComparison.Ordinal);
    }

    private static async Task<Guid> FirstOfficialInAsync(QingfengApp app, string county)
    {
        await using var db = app.CreateDb();
        return await db.Officials.AsNoTracking().Where(o => o.RegionKey.StartsWith(county)).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
    }

    private static async Task<Guid> FirstPrincipalInAsync(QingfengApp app, string county)
    {
        await using var db = app.CreateDb();
        return await db.Officials.AsNoTracking().Where(o => o.RegionKey.StartsWith(county) && o.IsPrincipal).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
    }
}
