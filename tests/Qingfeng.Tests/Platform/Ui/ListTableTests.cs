using Bunit;
using Microsoft.AspNetCore.Components;
using Qingfeng.Platform.Ui;
using Qingfeng.Tests.Components;
using Xunit;

namespace Qingfeng.Tests.Platform.Ui;

/// <summary>The table of the list pages: rows as markup of one component, columns declared once.</summary>
public sealed class ListTableTests : AntDesignTestBase
{
    private sealed record Row(int Id, string Name, int Count);

    [Fact]
    public void Every_row_is_drawn_by_the_table_itself_with_the_columns_in_their_declared_order_not_a_component_per_row_or_cell()
    {
        var rows = Enumerable.Range(1, 30).Select(i => new Row(i, $"单位{i}", i * 10)).ToList();

        var table = Render<ListTable<Row>>(p => p
            .Add(t => t.Items, rows)
            .Add(t => t.RowKey, r => r.Id)
            .Add(t => t.RowClass, r => r.Count > 250 ? "qf-row-principal" : "")
            .Add(t => t.Columns, Columns(withCount: true)));

        Assert.Equal(["名称", "数量"], table.FindAll("thead th").Select(th => th.TextContent.Trim()));
        var drawn = table.FindAll("tbody tr.ant-table-row");
        Assert.Equal(30, drawn.Count);
        Assert.Equal(["单位30", "300"], drawn[^1].QuerySelectorAll("td").Select(td => td.TextContent));
        Assert.Equal("30", drawn[^1].GetAttribute("data-row-key"));
        Assert.Equal(5, table.FindAll("tr.qf-row-principal").Count);
        Assert.Contains("qf-cell-right", drawn[0].QuerySelectorAll("td")[1].ClassList);

        // Two columns and the one component that draws the rows, whatever the number of rows.
        Assert.Equal(2, table.FindComponents<GridColumn<Row>>().Count);
        Assert.Single(table.FindComponents<Deferred>());
    }

    [Fact]
    public void A_column_left_out_leaves_the_table_and_one_put_back_returns_to_its_place()
    {
        var table = Render<ListTable<Row>>(p => p
            .Add(t => t.Items, [new Row(1, "甲", 1)])
            .Add(t => t.RowKey, r => r.Id)
            .Add(t => t.Columns, Columns(withCount: false)));
        Assert.Equal(["名称"], table.FindAll("thead th").Select(th => th.TextContent.Trim()));

        table.Render(p => p.Add(t => t.Columns, Columns(withCount: true)));

        Assert.Equal(["名称", "数量"], table.FindAll("thead th").Select(th => th.TextContent.Trim()));
        Assert.Equal(["甲", "1"], table.FindAll("tbody td").Select(td => td.TextContent));
    }

    [Fact]
    public void No_rows_show_the_empty_state_across_all_columns()
    {
        var table = Render<ListTable<Row>>(p => p
            .Add(t => t.Items, [])
            .Add(t => t.RowKey, r => r.Id)
            .Add(t => t.Columns, Columns(withCount: true))
            .Add(t => t.Empty, b => b.AddMarkupContent(0, "<p>暂无数据</p>")));

        var cell = table.Find("tr.ant-table-placeholder td");
        Assert.Equal(("2", "暂无数据"), (cell.GetAttribute("colspan"), cell.TextContent));
    }

    [Theory]
    [InlineData(AntDesign.TagColor.Red, "ant-tag ant-tag-red")]
    [InlineData(AntDesign.TagColor.GeekBlue, "ant-tag ant-tag-geekblue")]
    [InlineData(AntDesign.TagColor.RedInverse, "ant-tag ant-tag-red-inverse")]
    [InlineData(AntDesign.TagColor.Default, "ant-tag ant-tag-default")]
    public void A_tag_in_a_cell_is_markup_with_the_classes_AntDesign_gives_the_same_tag(AntDesign.TagColor color, string classes)
    {
        var tag = Render<AntDesign.Tag>(p => p.Add(t => t.Color, color));

        Assert.Equal(classes, TagMarkup.Class(color));
        Assert.Equal(classes.Split(' ').Order(), tag.Find("span").ClassList.Where(c => c.StartsWith("ant-tag", StringComparison.Ordinal) && c != "ant-tag-has-color").Order());
    }

    private static RenderFragment Columns(bool withCount) => builder =>
    {
        builder.AddContent(0, Column("名称", alignRight: false, r => r.Name));
        if (withCount)
        {
            builder.AddContent(1, Column("数量", alignRight: true, r => r.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    };

    private static RenderFragment Column(string title, bool alignRight, Func<Row, string> cell) => builder =>
    {
        builder.OpenComponent<GridColumn<Row>>(0);
        builder.AddComponentParameter(1, nameof(GridColumn<Row>.Title), title);
        builder.AddComponentParameter(2, nameof(GridColumn<Row>.AlignRight), alignRight);
        builder.AddComponentParameter(3, nameof(GridColumn<Row>.ChildContent), (RenderFragment<Row>)(row => b => b.AddContent(0, cell(row))));
        builder.CloseComponent();
    };
}
