using System.Net.Http.Json;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Qingfeng.Features.Clues;
using Qingfeng.Features.Clues.Pages;
using Qingfeng.IntegrationTests.Features.Clues;
using Qingfeng.IntegrationTests.Infrastructure;
using Qingfeng.Platform.Security;
using Qingfeng.Platform.Ui;
using Xunit;

namespace Qingfeng.IntegrationTests.Components;

/// <summary>
/// The clue detail page offers each person in the clue's need-to-know circle the steps the workflow table offers them, and
/// shows everyone else (another officer of the commission, a recused one, another county, the city above) only that it is
/// not found — rendered over the real app.
/// </summary>
public sealed class ClueDetailPageTests(SharedApps apps) : DetailPageTestBase(apps)
{
    /// <summary>Whoever sees a clue may record its outcome figures and declare a conflict of interest.</summary>
    private static readonly string[] Always = ["clue-outcome-edit", "clue-recuse"];

    [Fact]
    public async Task At_intake_the_petition_office_and_the_case_manager_are_offered_their_steps_the_leader_none_and_outsiders_find_nothing()
    {
        var clues = await ClientsAsync();
        var id = (await clues.RegisterAsync(await ClueClients.KaiyangPrincipalAsync(App, skip: 20), "反映其在单位食堂违规宴请上级检查组（组件测试）。", realName: false)).Id;

        await ActAsAsync(TestUsers.KaiyangPetition);
        Assert.Equal(Offered("action-ForwardUp", "action-MarkRepeat", "action-NotAccept", "action-SubmitToCaseManagement"), Buttons(await OpenAsync(id)));

        await ActAsAsync(TestUsers.KaiyangCaseManagement);
        Assert.Equal(Offered("action-MarkRepeat", "action-SubmitToCaseManagement"), Buttons(await OpenAsync(id)));

        await ActAsAsync(TestUsers.KaiyangLeader);
        Assert.Equal(Always, Buttons(await OpenAsync(id)));

        // A supervision officer of the same commission is not in the circle until named handler.
        await ActAsAsync(TestUsers.KaiyangSupervision);
        AssertNotFound(await OpenAsync(id));

        await ActAsAsync(TestUsers.ChishuiSupervision);
        AssertNotFound(await OpenAsync(id));

        // The city above reads Kaiyang's supervision records, not its clues.
        await ActAsAsync("贵阳市纪委监委", Roles.CommissionLeader);
        AssertNotFound(await OpenAsync(id));
    }

    [Fact]
    public async Task Once_assigned_only_the_named_handler_may_propose_the_disposal_and_a_recused_handler_finds_nothing()
    {
        var clues = await ClientsAsync();
        var id = (await clues.RegisterAsync(await ClueClients.KaiyangPrincipalAsync(App, skip: 21), "反映其违规使用公车接送子女上学（组件测试）。", realName: false)).Id;
        await clues.AssignAsync(id, TestUsers.KaiyangSupervision2.UserName);

        await ActAsAsync(TestUsers.KaiyangSupervision2);
        Assert.Equal(Offered("action-ProposeDisposal"), Buttons(await OpenAsync(id)));

        await ActAsAsync(TestUsers.KaiyangLeader);
        Assert.Equal(Always, Buttons(await OpenAsync(id)));

        await ActAsAsync(TestUsers.KaiyangCaseManagement);
        Assert.Equal(Always, Buttons(await OpenAsync(id)));

        await ActAsAsync(TestUsers.KaiyangSupervision);
        AssertNotFound(await OpenAsync(id));

        // The handler declares a conflict through the page: back to the queue, and the clue is out of sight.
        await ActAsAsync(TestUsers.KaiyangSupervision2);
        var page = await OpenAsync(id);
        await page.Find("[data-testid=clue-recuse]").ClickAsync(new MouseEventArgs());
        await page.Find("[data-testid=recuse-reason]").ChangeAsync(new ChangeEventArgs { Value = "与被反映人系近亲属（组件测试）" });
        await page.Find("[data-testid=recuse-submit]").ClickAsync(new MouseEventArgs());
        await page.WaitForAssertionAsync(() => Assert.EndsWith("/clues", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal));
        AssertNotFound(await OpenAsync(id));
    }

    [Fact]
    public async Task The_petition_office_handing_the_clue_on_through_the_page_is_told_so_and_the_case_manager_may_then_allocate_it()
    {
        var clues = await ClientsAsync();
        var id = (await clues.RegisterAsync(await ClueClients.KaiyangPrincipalAsync(App, skip: 22), "反映其在扶贫项目验收中弄虚作假（组件测试）。", realName: false)).Id;

        await ActAsAsync(TestUsers.KaiyangPetition);
        var page = await OpenAsync(id);
        await TakeAsync(page, "SubmitToCaseManagement");
        await page.WaitForElementAsync("[data-testid=clue-handed-over]");
        Assert.Empty(page.FindAll("[data-testid=clue-content]"));
        Assert.Empty(page.FindAll("[data-testid=clue-not-found]"));

        await ActAsAsync(TestUsers.KaiyangCaseManagement);
        Assert.Equal(Offered("action-MarkRepeat", "action-ProposeAllocation"), Buttons(await OpenAsync(id)));

        await ActAsAsync(TestUsers.KaiyangLeader);
        Assert.Equal(Always, Buttons(await OpenAsync(id)));
    }

    [Fact]
    public async Task A_step_missing_its_input_is_refused_in_the_dialog_which_stays_open_and_changes_nothing()
    {
        var clues = await ClientsAsync();
        var id = (await clues.RegisterAsync(await ClueClients.KaiyangPrincipalAsync(App, skip: 23), "反映其收受工程老板所送高档烟酒（组件测试）。", realName: false)).Id;
        await ClueClients.ActAsync(clues.Petition, id, new() { Action = ClueAction.SubmitToCaseManagement });

        await ActAsAsync(TestUsers.KaiyangCaseManagement);
        var page = await OpenAsync(id);
        await TakeAsync(page, "ProposeAllocation");

        await page.WaitForAssertionAsync(() => Assert.Contains("请填写", page.Find("[data-testid=action-form] [data-testid=action-error]").TextContent, StringComparison.Ordinal));
        Assert.Contains(EnumText.Label(ClueState.CaseManagement), page.Find("[data-testid=clue-state]").TextContent, StringComparison.Ordinal);
        Assert.Contains("action-ProposeAllocation", Buttons(page));
    }

    [Fact]
    public async Task A_step_on_a_clue_someone_else_moved_meanwhile_says_so_in_the_dialog_and_reloads_the_page()
    {
        var clues = await ClientsAsync();
        var id = (await clues.RegisterAsync(await ClueClients.KaiyangPrincipalAsync(App, skip: 24), "反映其违规在企业兼职取酬（组件测试）。", realName: false)).Id;
        await ClueClients.ActAsync(clues.Petition, id, new() { Action = ClueAction.SubmitToCaseManagement });
        var handler = await clues.AssigneeAsync(ClueAction.ProposeAllocation, TestUsers.KaiyangSupervision.UserName);

        await ActAsAsync(TestUsers.KaiyangCaseManagement);
        var page = await OpenAsync(id);

        // Another case manager proposes the allocation first.
        await ClueClients.ActAsync(clues.CaseManager, id, new() { Action = ClueAction.ProposeAllocation, AssigneeId = handler });
        await page.Find("[data-testid=action-ProposeAllocation]").ClickAsync(new MouseEventArgs());
        await (await page.WaitForElementAsync("[data-testid=action-assignee]")).ChangeAsync(new ChangeEventArgs { Value = handler.ToString() });
        await page.Find("[data-testid=action-form]").SubmitAsync(EventArgs.Empty);

        await page.WaitForAssertionAsync(() => Assert.Contains("已重新加载", page.Find("[data-testid=action-form] [data-testid=action-error]").TextContent, StringComparison.Ordinal));
        Assert.Contains(EnumText.Label(ClueState.AllocationProposed), page.Find("[data-testid=clue-state]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=clue-actions]"));
    }

    [Fact]
    public async Task The_page_shows_a_repeat_candidate_with_its_reason_and_passages_and_keeps_a_dismissal()
    {
        var clues = await ClientsAsync();
        var unit = "开阳县" + Guid.NewGuid().ToString("N")[..4] + "交通运输局";
        RegisterClueRequest Request(string content, string name) => new()
        {
            Source = ClueSource.Letter,
            Content = content,
            Persons = [new ReportedPersonRequest { Name = name, UnitName = unit }],
        };
        var first = await (await clues.CaseManager.PostAsync("/api/v1/clues", Request(ClueRepeatTests.Letter, "覃某某").AsJson())).Content.ReadFromJsonAsync<RegisterClueResult>(HttpAssertions.Json);
        var second = await (await clues.CaseManager.PostAsync("/api/v1/clues", Request(ClueRepeatTests.Supplement, "覃松彬").AsJson())).Content.ReadFromJsonAsync<RegisterClueResult>(HttpAssertions.Json);

        await ActAsAsync(TestUsers.KaiyangCaseManagement);
        var page = await OpenAsync(second!.Id);
        await page.WaitForAssertionAsync(() => Assert.Contains(first!.Number, page.Find("[data-testid=clue-repeat-candidates]").TextContent, StringComparison.Ordinal));
        var candidate = page.FindAll("[data-testid=repeat-candidate]").Single(c => c.TextContent.Contains(first!.Number, StringComparison.Ordinal));
        Assert.Contains("相同段落", candidate.QuerySelector("[data-testid=repeat-candidate-reason]")!.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(candidate.QuerySelectorAll("[data-testid=repeat-candidate-passages] mark"));
        Assert.NotNull(candidate.QuerySelector("[data-testid=repeat-confirm]"));

        await candidate.QuerySelector("[data-testid=repeat-dismiss]")!.ClickAsync(new MouseEventArgs());
        await page.Find("[data-testid=repeat-dismiss-reason]").ChangeAsync(new ChangeEventArgs { Value = "另一笔礼金（组件测试）" });
        await page.Find("[data-testid=repeat-dismiss-submit]").ClickAsync(new MouseEventArgs());
        await page.WaitForAssertionAsync(() =>
        {
            var dismissed = page.FindAll("[data-testid=repeat-candidate]").Single(c => c.TextContent.Contains(first!.Number, StringComparison.Ordinal));
            Assert.Contains("另一笔礼金（组件测试）", dismissed.QuerySelector("[data-testid=repeat-candidate-dismissed]")!.TextContent, StringComparison.Ordinal);
            Assert.Null(dismissed.QuerySelector("[data-testid=repeat-dismiss]"));
            Assert.Null(dismissed.QuerySelector("[data-testid=repeat-confirm]"));
        });
    }

    private async Task<ClueClients> ClientsAsync()
    {
        var clues = new ClueClients(App);
        await clues.ConnectAsync();
        return clues;
    }

    private Task<IRenderedComponent<ClueDetailPage>> OpenAsync(Guid id) => RenderLoadedAsync<ClueDetailPage>(p => p.Add(x => x.Id, id));

    /// <summary>Opens the step's dialog and submits it as it comes.</summary>
    private static async Task TakeAsync(IRenderedComponent<ClueDetailPage> page, string action)
    {
        await page.Find($"[data-testid=action-{action}]").ClickAsync(new MouseEventArgs());
        await (await page.WaitForElementAsync("[data-testid=action-form]")).SubmitAsync(EventArgs.Empty);
    }

    /// <summary>The page's buttons: the offered steps and what everyone who sees the clue may do.</summary>
    private static string[] Offered(params string[] steps) => [.. steps.Concat(Always).Order(StringComparer.Ordinal)];

    private static void AssertNotFound(IRenderedComponent<ClueDetailPage> page)
    {
        Assert.NotNull(page.Find("[data-testid=clue-not-found]"));
        Assert.Empty(page.FindAll("[data-testid=clue-content]"));
        Assert.Empty(Buttons(page));
    }
}
