using Qingfeng.Features.Talks;
using Qingfeng.Platform.Ui;
using Xunit;

namespace Qingfeng.Tests.Platform.Ui;

/// <summary>The one parser of list pages' query strings: what it takes, what it ignores and says so, and the export link's parameters.</summary>
public sealed class QueryFiltersTests
{
    [Fact]
    public void Well_formed_values_set_their_filters_and_nothing_is_ignored()
    {
        var page = new Filters();
        var id = Guid.CreateVersion7();

        var ignored = QueryFilters.Bind(page, $"https://qf.test/list?official={id}&mine=TRUE&tier=2&from=2026-12-01&state=held&q=%E7%A4%BC%E9%87%91");

        Assert.Empty(ignored);
        Assert.Equal((id, true, 2, new DateOnly(2026, 12, 1), TalkState.Held, "礼金"), (page.Official, page.Mine, page.Tier, page.From, page.State, page.Text));
    }

    [Theory]
    [InlineData("official", "x")]
    [InlineData("mine", "xyz")]
    [InlineData("mine", "1")]
    [InlineData("tier", "-1")]
    [InlineData("tier", "2.5")]
    [InlineData("from", "2026-13-01")]
    [InlineData("from", "12/01/2026")]
    [InlineData("state", "Bogus")]
    [InlineData("state", "99")]
    [InlineData("q", "一二三四五六七八九")]
    public void A_value_that_does_not_parse_leaves_its_filter_unset_and_is_reported(string name, string value)
    {
        var page = new Filters { Text = "before" };

        var ignored = QueryFilters.Bind(page, $"/list?{name}={Uri.EscapeDataString(value)}");

        var only = Assert.Single(ignored);
        Assert.Equal((name, $"Label.{name}", value), (only.Name, only.LabelKey, only.Value));
        Assert.Equal((null, false, null, null, null, "before"), (page.Official, page.Mine, page.Tier, page.From, page.State, page.Text));
    }

    [Fact]
    public void A_long_ignored_value_is_shortened_in_the_message_and_an_address_without_a_query_binds_nothing()
    {
        var page = new Filters();

        var ignored = QueryFilters.Bind(page, "/list?official=" + new string('x', 200));

        Assert.Equal(new string('x', 32) + "…", Assert.Single(ignored).Value);
        Assert.Empty(QueryFilters.Bind(page, "/list#official=x"));
    }

    [Fact]
    public void The_export_link_carries_the_querys_filters_and_sorting_by_their_api_names_without_the_page()
    {
        var official = Guid.CreateVersion7();
        var query = new TalkQuery { State = TalkState.Held, From = new DateOnly(2026, 1, 2), OfficialId = official, Sort = "unit", Page = 3, PageSize = 50 };

        var parameters = ListQueryString.Of(query);

        Assert.Equal("Held", parameters["state"]);
        Assert.Equal(new DateOnly(2026, 1, 2), parameters["from"]);
        Assert.Equal(official, parameters["officialId"]);
        Assert.Equal("unit", parameters["sort"]);
        Assert.Null(parameters["text"]);
        Assert.DoesNotContain("page", parameters.Keys);
        Assert.DoesNotContain("pageSize", parameters.Keys);
    }

    private sealed class Filters
    {
        [QueryFilter("official", "Label.official")]
        public Guid? Official { get; set; }

        [QueryFilter("mine", "Label.mine")]
        public bool Mine { get; set; }

        [QueryFilter("tier", "Label.tier")]
        public int? Tier { get; set; }

        [QueryFilter("from", "Label.from")]
        public DateOnly? From { get; set; }

        [QueryFilter("state", "Label.state")]
        public TalkState? State { get; set; }

        [QueryFilter("q", "Label.q", MaxLength = 8)]
        public string? Text { get; set; }
    }
}
