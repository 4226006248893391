using AntDesign;
using AntDesign.TableModels;
using Qingfeng.Platform.Data;

namespace Qingfeng.Platform.Ui;

/// <summary>What the user typed or chose on a page, read the same way on every page.</summary>
public static class FormInput
{
    /// <summary>The text trimmed, or null when nothing but white space was typed.</summary>
    public static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The query at the page and page size the table shows (the page size within the API's limit).</summary>
    public static TQuery AtTablePage<TQuery, TItem>(this TQuery query, QueryModel<TItem> model)
        where TQuery : PageRequest =>
        (TQuery)(query with { Page = Math.Max(1, model.PageIndex), PageSize = Math.Clamp(model.PageSize, 1, 200) });

    /// <summary>The field name of the column the table is sorted by and whether descending; (null, null) when unsorted.</summary>
    public static (string? Field, bool? Descending) SortedColumn<TItem>(this QueryModel<TItem> model) =>
        model.SortModel.FirstOrDefault(s => s.SortDirection != SortDirection.None) is { } sorter
            ? (sorter.FieldName, sorter.SortDirection == SortDirection.Descending)
            : (null, null);
}
