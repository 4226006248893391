using Microsoft.Playwright;

namespace Qingfeng.BrowserTests.Features.Security;

/// <summary>
/// Records what an attack would show in a page: JavaScript dialogs (alert, confirm, prompt) and content
/// security policy violations (the browser's <c>securitypolicyviolation</c> events, from the first script on).
/// </summary>
internal sealed class PageWatch
{
    private const string ViolationScript = """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', e =>
            window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' @ ' + location.pathname));
        """;

    private readonly List<string> _dialogs = [];
    private readonly List<string> _violations = [];

    public IReadOnlyList<string> Dialogs => _dialogs;

    public static async Task<PageWatch> AttachAsync(IPage page)
    {
        var watch = new PageWatch();
        page.Dialog += async (_, dialog) =>
        {
            watch._dialogs.Add($"{dialog.Type}: {dialog.Message} @ {page.Url}");
            await dialog.DismissAsync();
        };
        await page.Context.AddInitScriptAsync(ViolationScript);
        return watch;
    }

    /// <summary>The violations reported so far by the current document (call before leaving it).</summary>
    public async Task<IReadOnlyList<string>> CollectViolationsAsync(IPage page)
    {
        _violations.AddRange(await page.EvaluateAsync<string[]>("() => window.__cspViolations || []"));
        await page.EvaluateAsync("() => { window.__cspViolations = []; }");
        return _violations;
    }
}
