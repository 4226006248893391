using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Qingfeng.Features.Talks;
using Qingfeng.Platform.Data;
using Qingfeng.Platform.Rules;
using Qingfeng.Platform.Ui;
using Qingfeng.Tests.Components;
using Xunit;

namespace Qingfeng.Tests.Platform.Ui;

/// <summary>The list scaffold: filters from the address and back to it, the page and sorting kept in the address, the total, the empty and error states, the export link.</summary>
public sealed class ListPageTests : AntDesignTestBase
{
    private readonly List<TalkQuery> _asked = [];

    public ListPageTests()
    {
        ComponentFactories.AddStub<AntDesign.Alert>(alert => $"<div class=\"alert\">{alert.Get(a => a.Message)}</div>");
    }

    [Fact]
    public void A_filter_the_address_sets_badly_is_ignored_with_a_message_and_the_list_opens_unfiltered()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/supervision/talks?official=x&state=Held");
        var filters = new AddressFilters();

        var page = Render(filters, _ => Task.FromResult(Rows(0)));

        page.WaitForAssertion(() => Assert.Single(_asked));
        Assert.Equal((null, TalkState.Held), (_asked[0].OfficialId, _asked[0].State));
        Assert.Contains("网址中的筛选条件“谈话对象”取值“x”无法识别", page.Find("[data-testid=list-ignored-filter]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_list_says_what_to_do_and_the_export_link_carries_the_filters_shown()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/supervision/talks?state=Held");

        var page = Render(new AddressFilters(), _ => Task.FromResult(Rows(0)));

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=page-ready]")));
        Assert.Contains("共 0 次谈话", page.Find(".qf-table-caption").TextContent, StringComparison.Ordinal);
        Assert.Contains("点击“新建谈话”", page.Find("[data-testid=list-empty]").TextContent, StringComparison.Ordinal);
        Assert.EndsWith("/api/v1/talks/export?state=Held", page.Find("[data-testid=list-export]").GetAttribute("href"), StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=list-ignored-filter]"));
    }

    [Fact]
    public void A_refused_search_shows_its_message_instead_of_rows()
    {
        var page = Render(new AddressFilters(), _ => throw new DomainRuleException());

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=page-ready]")));
        Assert.Equal("不符合业务规则。", page.Find(".alert").TextContent);
        Assert.DoesNotContain("共 0 次谈话", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_search_writes_its_filters_to_the_address_in_place_of_the_history_entry_without_loading_the_page_again()
    {
        var navigation = Services.GetRequiredService<BunitNavigationManager>();
        navigation.NavigateTo("/supervision/talks?state=Held&other=kept");
        var filters = new AddressFilters();
        var page = Render(filters, _ => Task.FromResult(Rows(3)));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=page-ready]")));
        var official = Guid.CreateVersion7();

        (filters.Official, filters.State) = (official, null);
        await page.InvokeAsync(page.Instance.SearchAsync);

        Assert.Equal($"http://localhost/supervision/talks?other=kept&official={official}", navigation.Uri);
        Assert.True(navigation.History.First().Options.ReplaceHistoryEntry);
        Assert.Single(navigation.History);
        Assert.Equal([null, official], _asked.Select(q => q.OfficialId));
    }

    [Fact]
    public async Task The_address_opens_the_list_at_its_page_and_sorting_and_a_search_starts_again_at_the_first_page()
    {
        var navigation = Services.GetRequiredService<BunitNavigationManager>();
        navigation.NavigateTo("/supervision/talks?page=3&sort=Unit&desc=true");
        var page = Render(new AddressFilters(), _ => Task.FromResult(Rows(45)), (q, field, descending) => q with { Sort = field, Descending = descending });
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=page-ready]")));

        await page.InvokeAsync(page.Instance.SearchAsync);

        Assert.Equal((3, "Unit", true), (_asked[0].PageNumber, _asked[0].Sort, _asked[0].Descending));
        Assert.Equal((1, "Unit", true), (_asked[^1].PageNumber, _asked[^1].Sort, _asked[^1].Descending));
        Assert.Equal("http://localhost/supervision/talks?sort=Unit&desc=true", navigation.Uri);
    }

    [Fact]
    public void A_page_or_sorting_the_address_sets_badly_opens_the_first_page_unsorted()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/supervision/talks?page=0&pageSize=999&sort=a%20b&desc=maybe");

        var page = Render(new AddressFilters(), _ => Task.FromResult(Rows(0)), (q, field, descending) => q with { Sort = field, Descending = descending });

        page.WaitForAssertion(() => Assert.Single(_asked));
        Assert.Equal((1, 20, null), (_asked[0].PageNumber, _asked[0].Size, _asked[0].Sort));
    }

    private IRenderedComponent<ListPage<TalkListItem, TalkQuery>> Render(
        AddressFilters filters, Func<TalkQuery, Task<Paged<TalkListItem>>> search, Func<TalkQuery, string?, bool?, TalkQuery>? sorted = null) =>
        Render<ListPage<TalkListItem, TalkQuery>>(p => p
            .Add(l => l.Title, "谈话")
            .Add(l => l.Section, "日常监督")
            .Add(l => l.ExportPath, "/api/v1/talks/export")
            .Add(l => l.TotalKey, "Talks.Total")
            .Add(l => l.EmptyTitleKey, "Talks.EmptyTitle")
            .Add(l => l.EmptyHelpKey, "Talks.EmptyHelp")
            .Add(l => l.RowKey, i => i.Id)
            .Add(l => l.Columns, UnitColumn)
            .Add(l => l.AddressFilters, filters)
            .Add(l => l.Sorted, sorted)
            .Add(l => l.Query, () => new TalkQuery { OfficialId = filters.Official, State = filters.State })
            .Add(l => l.Search, q =>
            {
                _asked.Add(q);
                return search(q);
            }));

    [Fact]
    public async Task A_sortable_header_sorts_ascending_then_descending_then_not_from_the_first_page_and_keeps_it_in_the_address()
    {
        var navigation = Services.GetRequiredService<BunitNavigationManager>();
        navigation.NavigateTo("/supervision/talks?page=2");
        var page = Render(new AddressFilters(), _ => Task.FromResult(Rows(45)), (q, field, descending) => q with { Sort = field, Descending = descending });
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=page-ready]")));

        await page.Find("th.ant-table-column-has-sorters").ClickAsync(new());
        Assert.Equal((1, "Unit", false), (_asked[^1].PageNumber, _asked[^1].Sort, _asked[^1].Descending));
        Assert.Equal("ascending", page.Find("th.ant-table-column-has-sorters").GetAttribute("aria-sort"));
        Assert.Equal("http://localhost/supervision/talks?sort=Unit", navigation.Uri);

        await page.Find("th.ant-table-column-has-sorters").KeyDownAsync(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Enter" });
        Assert.Equal(("Unit", true), (_asked[^1].Sort, _asked[^1].Descending));
        Assert.Equal("descending", page.Find("th.ant-table-column-has-sorters").GetAttribute("aria-sort"));

        await page.Find("th.ant-table-column-has-sorters").ClickAsync(new());
        Assert.Equal((null, null), (_asked[^1].Sort, _asked[^1].Descending));
        Assert.Equal("none", page.Find("th.ant-table-column-has-sorters").GetAttribute("aria-sort"));
        Assert.Equal("http://localhost/supervision/talks", navigation.Uri);
    }

    // One sortable column, as a page declares it.
    private static void UnitColumn(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder builder)
    {
        builder.OpenComponent<GridColumn<TalkListItem>>(0);
        builder.AddComponentParameter(1, nameof(GridColumn<TalkListItem>.Title), "单位");
        builder.AddComponentParameter(2, nameof(GridColumn<TalkListItem>.Sort), "Unit");
        builder.AddComponentParameter(3, nameof(GridColumn<TalkListItem>.ChildContent), (RenderFragment<TalkListItem>)(row => b => b.AddContent(0, row.Subject.UnitName)));
        builder.CloseComponent();
    }

    private static Paged<TalkListItem> Rows(int total) => new([], total, 1, 20);

    private sealed class AddressFilters
    {
        [QueryFilter("official", "Talks.Official")]
        public Guid? Official { get; set; }

        [QueryFilter("state", "Field.State")]
        public TalkState? State { get; set; }
    }
}
