using System.Net;
using Microsoft.EntityFrameworkCore;
using Qingfeng.Features.Accounts;
using Qingfeng.IntegrationTests.Infrastructure;
using Qingfeng.Platform.Security;
using Xunit;

namespace Qingfeng.IntegrationTests.Features.Accounts;

/// <summary>三员分立: the system admin creates accounts, the security admin grants roles; both audited.</summary>
public sealed class RoleAdministrationTests(SharedApps apps)
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task System_admin_creates_and_security_admin_grants_and_the_grant_is_audited(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var sysadmin = await app.ClientForAsync(TestUsers.SystemAdmin.UserName);
        var secadmin = await app.ClientForAsync(TestUsers.SecurityAdmin.UserName);
        var name = "t.new." + Guid.NewGuid().ToString("N")[..8];

        var created = await sysadmin.PostAsync("/api/v1/users", new CreateUserRequest { UserName = name, DisplayName = "新同志", Password = QingfengApp.Password }.AsJson());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = created.Headers.Location!.OriginalString.Split('/')[^1];

        await (await sysadmin.PutAsync($"/api/v1/users/{id}/roles", new SetRolesRequest { Roles = [Roles.SupervisionOffice] }.AsJson())).ProblemAsync(HttpStatusCode.Forbidden);
        var granted = await secadmin.PutAsync($"/api/v1/users/{id}/roles", new SetRolesRequest { Roles = [Roles.SupervisionOffice] }.AsJson());
        Assert.Equal(HttpStatusCode.NoContent, granted.StatusCode);

        await using var db = app.CreateDb();
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == "RolesChanged" && e.EntityId == id);
        Assert.Equal(TestUsers.SecurityAdmin.UserName, entry.UserName);
        Assert.Contains(Roles.SupervisionOffice, entry.Details, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Administrator_roles_cannot_be_combined_with_any_other_role(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var secadmin = await app.ClientForAsync(TestUsers.SecurityAdmin.UserName);
        var users = await (await secadmin.GetAsync("/api/v1/users")).OkJsonAsync<List<UserListItem>>();
        var target = users.Single(u => u.UserName == TestUsers.ChishuiSupervision.UserName);

        var problem = await (await secadmin.PutAsync($"/api/v1/users/{target.Id}/roles", new SetRolesRequest { Roles = [Roles.AuditAdmin, Roles.SupervisionOffice] }.AsJson()))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("Account.AdminRoleExclusive", problem.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Nobody_changes_their_own_roles(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var secadmin = await app.ClientForAsync(TestUsers.SecurityAdmin.UserName);
        var users = await (await secadmin.GetAsync("/api/v1/users")).OkJsonAsync<List<UserListItem>>();
        var self = users.Single(u => u.UserName == TestUsers.SecurityAdmin.UserName);

        await (await secadmin.PutAsync($"/api/v1/users/{self.Id}/roles", new SetRolesRequest { Roles = [Roles.CommissionLeader] }.AsJson()))
            .ProblemAsync(HttpStatusCode.Conflict);
    }
}
