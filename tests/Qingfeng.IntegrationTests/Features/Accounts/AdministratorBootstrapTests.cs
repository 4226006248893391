using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Qingfeng.IntegrationTests.Infrastructure;
using Qingfeng.Platform;
using Xunit;

namespace Qingfeng.IntegrationTests.Features.Accounts;

/// <summary>A production database starts with administrators created from the command line.</summary>
public sealed class AdministratorBootstrapTests(SharedApps apps)
{
    [Fact]
    public async Task The_first_administrator_is_created_by_command_and_must_enrol_two_factor()
    {
        var app = await apps.GetAsync(Provider.Postgres);
        var user = "t.boot." + Guid.NewGuid().ToString("N")[..6];
        var database = app.CommandSettings;
        var output = new StringWriter();

        Assert.Equal(0, await Commands.RunAsync(["admin", "create", "--user", user, "--role", "sysadmin", .. database], output));
        var password = output.ToString().Trim().Split(' ')[^1];

        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await LoginTests.PostLoginAsync(client, user, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("/account/2fa/setup", response.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var refused = new StringWriter();
        Assert.Equal(1, await Commands.RunAsync(["admin", "create", "--user", user + "x", "--role", "leader", .. database], refused));
        Assert.Contains("Account.BootstrapAdminOnly", refused.ToString(), StringComparison.Ordinal);
    }
}
