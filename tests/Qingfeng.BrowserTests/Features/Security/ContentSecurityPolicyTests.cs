using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Qingfeng.BrowserTests.Infrastructure;
using Xunit;

namespace Qingfeng.BrowserTests.Features.Security;

/// <summary>The pages work under the content security policy: the browser reports no violation on them, and it does block an injected inline script.</summary>
public sealed class ContentSecurityPolicyTests(BrowserHost host)
{
    [Theory]
    [InlineData("ky.casemgmt", new[] { "/", "/clues", "/clues/statistics", "/roster/officials", "/roster/units", "/notifications" })]
    [InlineData("ky.petition", new[] { "/clues/register" })]
    [InlineData("gz.casemgmt", new[] { "/roster/import" })]
    [InlineData("auditadmin", new[] { "/audit" })]
    public async Task The_main_pages_raise_no_content_security_policy_violation(string user, string[] paths)
    {
        var page = await host.NewPageAsync();
        var watch = await PageWatch.AttachAsync(page);
        await BrowserHost.SignInAsync(page, user);
        foreach (var path in paths)
        {
            await page.GotoAsync(path);
            await BrowserHost.WaitUntilReadyAsync(page);
            await watch.CollectViolationsAsync(page);
        }

        if (user == "ky.casemgmt")
        {
            // A clue's detail page, with its documents and history.
            await page.GotoAsync("/clues");
            await BrowserHost.WaitUntilReadyAsync(page);
            await page.Locator("[data-testid=clue-link]").First.ClickAsync();
            await BrowserHost.WaitForPathAsync(page, new Regex("/clues/[0-9a-f-]{36}$"));
            await BrowserHost.WaitUntilReadyAsync(page);
            await page.WaitForSelectorAsync("[data-testid=clue-content]");
        }

        Assert.Empty(await watch.CollectViolationsAsync(page));
    }

    [Fact]
    public async Task The_sign_in_page_is_clean_and_an_injected_inline_script_on_it_is_blocked_and_reported()
    {
        var page = await host.NewPageAsync();
        var watch = await PageWatch.AttachAsync(page);
        await page.GotoAsync("/account/login");
        Assert.Empty(await watch.CollectViolationsAsync(page));

        var ran = await page.EvaluateAsync<bool>("""
            () => { const s = document.createElement('script'); s.textContent = 'window.__ran = true'; document.body.appendChild(s); return window.__ran === true; }
            """);

        Assert.False(ran);
        await page.WaitForFunctionAsync("() => window.__cspViolations.length > 0");
        Assert.Contains(await watch.CollectViolationsAsync(page), v => v.StartsWith("script-src", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_api_reference_page_renders_under_its_own_policy()
    {
        var page = await host.NewPageAsync();
        var watch = await PageWatch.AttachAsync(page);
        // The reference is one 4.9 MB script; on a busy CI machine parsing it outlasted a 20 s wait for "load".
        // Navigate without waiting for "load" and wait for the rendered operation list, within the patience of a busy machine.
        await page.GotoAsync("/api/reference", new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        await page.GetByText("/api/v1/account/tokens").First.WaitForAsync(new LocatorWaitForOptions { Timeout = BrowserHost.PatienceMs });
        await BrowserHost.ShotAsync(page, "api-reference");

        Assert.Empty(await watch.CollectViolationsAsync(page));
    }
}
