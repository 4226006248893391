using Bunit;
using Qingfeng.Platform.Rules;
using Qingfeng.Platform.Ui;
using Xunit;

namespace Qingfeng.Tests.Components;

/// <summary>The detail-page scaffold on a record of its own: which actions it renders, its not-found state, acting and reloading, a concurrency conflict.</summary>
public sealed class DetailScaffoldTests : AntDesignTestBase
{
    private sealed record Thing(Guid Id, int Version, IReadOnlyList<string> Actions, bool MayChange);

    private enum ThingAction
    {
        Execute,
        Revoke,
    }

    private readonly Guid _id = Guid.NewGuid();
    private int _loads;

    private IRenderedComponent<DetailScaffold<Thing>> Render(Func<Task<Thing>> load, params DetailAction<Thing>[] actions)
    {
        JSInterop.Setup<AntDesign.JsInterop.HtmlElement>(_ => true, isCatchAllHandler: true).SetResult(new AntDesign.JsInterop.HtmlElement());
        var scaffold = Render<DetailScaffold<Thing>>(p => p
            .Add(s => s.Key, _id)
            .Add(s => s.Name, "thing")
            .Add(s => s.Load, load)
            .Add(s => s.Available, t => t.Actions)
            .Add(s => s.MayChange, t => t.MayChange)
            .Add(s => s.Actions, actions)
            .Add(s => s.BackHref, "/things")
            .Add(s => s.ChildContent, view => b => b.AddMarkupContent(0, $"<p data-testid=\"body\">v{view.Record.Version}</p>")));
        scaffold.WaitForElement("[data-testid=page-ready]");
        return scaffold;
    }

    private Task<Thing> Load(IReadOnlyList<string> actions, bool mayChange = true)
    {
        _loads++;
        return Task.FromResult(new Thing(_id, _loads, actions, mayChange));
    }

    private static DetailAction<Thing> Action(string name, Func<Thing, Task> run) => new(name, name, run) { TestId = $"do-{name}" };

    [Fact]
    public void Only_the_actions_the_record_offers_are_rendered_and_a_record_the_organ_only_reads_says_so()
    {
        var scaffold = Render(() => Load(["Execute"]), Action("Execute", _ => Task.CompletedTask), Action("Revoke", _ => Task.CompletedTask));
        Assert.Single(scaffold.FindAll("[data-testid=do-Execute]"));
        Assert.Empty(scaffold.FindAll("[data-testid=do-Revoke]"));
        Assert.Empty(scaffold.FindAll("[data-testid=read-only-notice]"));

        var readOnly = Render(() => Load([], mayChange: false), Action("Execute", _ => Task.CompletedTask));
        Assert.Empty(readOnly.FindAll("button"));
        Assert.Single(readOnly.FindAll("[data-testid=read-only-notice]"));
    }

    [Fact]
    public void A_record_not_found_or_out_of_jurisdiction_shows_the_not_found_state_with_a_way_back()
    {
        var scaffold = Render(() => Task.FromException<Thing>(DomainRuleException.NotFound("Supervision.NotFound")));
        var notFound = scaffold.Find("[data-testid=thing-not-found]");
        Assert.Contains("记录不存在或不在本机关管辖范围内", notFound.TextContent, StringComparison.Ordinal);
        Assert.Equal("/things", notFound.QuerySelector("a")!.GetAttribute("href"));
        Assert.Empty(scaffold.FindAll("[data-testid=body]"));
    }

    [Fact]
    public void Acting_passes_the_record_as_loaded_and_reloads_it()
    {
        var versions = new List<int>();
        var scaffold = Render(() => Load(["Execute"]), Action("Execute", t =>
        {
            versions.Add(t.Version);
            return Task.CompletedTask;
        }));
        Assert.Equal("v1", scaffold.Find("[data-testid=body]").TextContent);

        scaffold.Find("[data-testid=do-Execute]").Click();

        scaffold.WaitForAssertion(() => Assert.Equal("v2", scaffold.Find("[data-testid=body]").TextContent));
        Assert.Equal([1], versions);
    }

    [Fact]
    public void A_refusal_is_shown_in_the_callers_language_and_a_concurrency_conflict_reloads_the_record()
    {
        var refusal = new DomainRuleException("Supervision.NotPermitted") { Status = 403 };
        var scaffold = Render(() => Load(["Execute", "Revoke"]),
            Action("Execute", _ => Task.FromException(refusal)),
            Action("Revoke", _ => Task.FromException(new DomainRuleException("Rule.Concurrency") { Status = 409 })));

        scaffold.Find("[data-testid=do-Execute]").Click();
        scaffold.WaitForAssertion(() => Assert.Contains("您无权进行此项日常监督操作", scaffold.Find("[data-testid=thing-error]").TextContent, StringComparison.Ordinal));
        Assert.Equal("v1", scaffold.Find("[data-testid=body]").TextContent);

        scaffold.Find("[data-testid=do-Revoke]").Click();
        scaffold.WaitForAssertion(() => Assert.Equal("v2", scaffold.Find("[data-testid=body]").TextContent));
        Assert.Contains("已重新加载", scaffold.Find("[data-testid=thing-error]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_asks_by_its_workflows_action_whether_it_is_offered_and_may_show_and_clear_its_own_message()
    {
        JSInterop.Setup<AntDesign.JsInterop.HtmlElement>(_ => true, isCatchAllHandler: true).SetResult(new AntDesign.JsInterop.HtmlElement());
        var scaffold = Render<DetailScaffold<Thing>>(p => p
            .Add(s => s.Key, _id)
            .Add(s => s.Name, "thing")
            .Add(s => s.Load, () => Load([nameof(ThingAction.Execute)]))
            .Add(s => s.Available, t => t.Actions)
            .Add(s => s.ChildContent, view => b => b.AddMarkupContent(0, $"<p data-testid=\"offers\">{view.Offers(ThingAction.Execute)} {view.Offers(ThingAction.Revoke)}</p>")));
        scaffold.WaitForElement("[data-testid=page-ready]");
        Assert.Equal("True False", scaffold.Find("[data-testid=offers]").TextContent);

        await scaffold.InvokeAsync(() => scaffold.Instance.ShowError("请先选择佐证材料"));
        Assert.Contains("请先选择佐证材料", scaffold.Find("[data-testid=thing-error]").TextContent, StringComparison.Ordinal);
        await scaffold.InvokeAsync(() => scaffold.Instance.ShowError(null));
        Assert.Empty(scaffold.FindAll("[data-testid=thing-error]"));
    }

    [Fact]
    public void The_not_found_state_carries_the_pages_help_line()
    {
        JSInterop.Setup<AntDesign.JsInterop.HtmlElement>(_ => true, isCatchAllHandler: true).SetResult(new AntDesign.JsInterop.HtmlElement());
        var scaffold = Render<DetailScaffold<Thing>>(p => p
            .Add(s => s.Key, _id)
            .Add(s => s.Name, "thing")
            .Add(s => s.Load, () => Task.FromException<Thing>(DomainRuleException.NotFound("Supervision.NotFound")))
            .Add(s => s.Available, t => t.Actions)
            .Add(s => s.NotFoundHelp, "该谈话不存在，或不在本机关管辖范围内。"));
        scaffold.WaitForElement("[data-testid=page-ready]");
        Assert.Contains("该谈话不存在，或不在本机关管辖范围内。", scaffold.Find("[data-testid=thing-not-found]").TextContent, StringComparison.Ordinal);
    }
}
