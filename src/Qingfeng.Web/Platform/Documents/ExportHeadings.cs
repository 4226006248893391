using System.Reflection;
using Qingfeng.Platform.Ui;

namespace Qingfeng.Platform.Documents;

/// <summary>
/// The heading of an export (<see cref="SheetHeading"/>) for the signed-in user: what the table is, the user's organ, the
/// filters of the list's query in words (each member by its <c>Field.&lt;Member&gt;</c> label, enums by their labels), the
/// time of the export in China time and who exported it.
/// </summary>
public sealed class ExportHeadings(CurrentUser currentUser, TimeProvider time)
{
    /// <summary>Members of a list query that are not filters: paging and ordering.</summary>
    private static readonly HashSet<string> NotFilters = new(StringComparer.Ordinal) { "Page", "PageSize", "Sort", "Descending" };

    public SheetHeading For(string title, object? query = null)
    {
        var culture = CultureInfo.CurrentUICulture;
        string T(string key, params object[] arguments) => TextCatalog.Instance.Get(key, culture, arguments);
        var user = currentUser.Context;
        var filters = query is null ? [] : Filters(query, culture);
        return new SheetHeading(title,
        [
            T("Export.Organ", user.OrganName ?? "—"),
            T("Export.Filters", filters.Count == 0 ? T("Export.NoFilters") : string.Join(T("Export.FilterSeparator"), filters)),
            T("Export.ExportedAtBy", ChinaTime.Format(time.GetUtcNow()), user.DisplayName),
        ]);
    }

    /// <summary>
    /// The workbook of an exported list (<see cref="Spreadsheet.Write{TRow}"/>): the heading titled by the text of
    /// <paramref name="titleKey"/>, which also names the sheet, with the filters of <paramref name="query"/>, then the
    /// <paramref name="columns"/> of the <paramref name="rows"/>.
    /// </summary>
    public byte[] Workbook<TRow>(string titleKey, object? query, IEnumerable<TRow> rows, IReadOnlyList<ExportColumn<TRow>> columns, bool markEmpty = false)
    {
        var title = TextCatalog.Instance.Get(titleKey, CultureInfo.CurrentUICulture);
        return Spreadsheet.Write(For(title, query), rows, columns, title, markEmpty);
    }

    /// <summary>The filters set on a query, in words: "状态：逾期", "只看一把手：是", "到期日（起）：2026-01-01".</summary>
    public static IReadOnlyList<string> Filters(object query, CultureInfo culture)
    {
        var filters = new List<string>();
        foreach (var property in query.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.SetMethod is not null && p.GetIndexParameters().Length == 0 && !NotFilters.Contains(p.Name)))
        {
            var value = property.GetValue(query) switch
            {
                null => null,
                string text => string.IsNullOrWhiteSpace(text) ? null : text.Trim(),
                bool yes => TextCatalog.Instance.Get(yes ? "Common.Yes" : "Common.No", culture),
                Enum e => TextCatalog.Instance.Find($"Enum.{e.GetType().Name}.{e}", culture) ?? e.ToString(),
                DateOnly day => ChinaTime.Format(day),
                DateTimeOffset at => ChinaTime.Format(at),
                Guid => TextCatalog.Instance.Get("Export.Chosen", culture),
                IFormattable formattable => formattable.ToString(null, culture),
                var other => other.ToString(),
            };
            if (value is not null)
            {
                var label = TextCatalog.Instance.Find($"Field.{property.Name}", culture) ?? property.Name;
                filters.Add(TextCatalog.Instance.Get("Export.Filter", culture, label, value));
            }
        }

        return filters;
    }
}
