using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Qingfeng.Platform.Ui;

/// <summary>
/// A column of a <see cref="ListTable{TItem}"/>: its header and how a row's cell shows. Declared once; the table renders
/// the cells of every row itself. The column renders nothing: each time the table renders, it adds itself to the table's
/// columns in the order it is declared (a column left out by an <c>@if</c> is left out of the table).
/// </summary>
public sealed class GridColumn<TItem> : ComponentBase
{
    [CascadingParameter] private ListTable<TItem>? Table { get; set; }

    [Parameter, EditorRequired] public string Title { get; set; } = "";

    /// <summary>The field the page's sorting receives when this column sorts the rows; none: the column does not sort.</summary>
    [Parameter] public string? Sort { get; set; }

    /// <summary>The width in pixels; none: as the content needs.</summary>
    [Parameter] public int? Width { get; set; }

    /// <summary>Figures: aligned right.</summary>
    [Parameter] public bool AlignRight { get; set; }

    /// <summary>Long text is cut with an ellipsis to the column's width (the cell's title should then hold it all).</summary>
    [Parameter] public bool Ellipsis { get; set; }

    /// <summary>The cell of a row.</summary>
    [Parameter, EditorRequired] public RenderFragment<TItem> ChildContent { get; set; } = _ => _ => { };

    protected override void BuildRenderTree(RenderTreeBuilder builder) =>
        (Table ?? throw new InvalidOperationException($"{nameof(GridColumn<TItem>)} is declared in the Columns of a {nameof(ListTable<TItem>)}.")).Add(this);
}
