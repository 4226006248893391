using System.Collections;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace Qingfeng.Platform.Ui;

/// <summary>A list query as the query string of its API (<c>?state=Open&amp;from=2026-01-01</c>), e.g. for the export link.</summary>
public static class ListQueryString
{
    /// <summary>The query's filters and sorting by their camel-case names (the page and page size left out, unset ones null).</summary>
    public static Dictionary<string, object?> Of(PageRequest query)
    {
        Dictionary<string, object?> parameters = [];
        foreach (var property in query.GetType().GetProperties(BindingFlags.Instance | BindingFlags.Public))
        {
            if (property.SetMethod is null || property.Name is nameof(PageRequest.Page) or nameof(PageRequest.PageSize))
            {
                continue;
            }

            parameters[JsonNamingPolicy.CamelCase.ConvertName(property.Name)] = Value(property.GetValue(query));
        }

        return parameters;
    }

    private static object? Value(object? value) => value switch
    {
        null or string or bool or int or long or Guid or DateOnly or DateTime or decimal or double => value,
        Enum e => e.ToString(),
        IEnumerable many => many.Cast<object?>().Select(Value).ToArray(),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}

/// <summary>
/// Where a list page stands, as its address keeps it beside the page's filters: the page number, the page size when not the
/// list's own, and the column the table is sorted by (<c>?page=3&amp;sort=UnitName&amp;desc=true</c>). A value that does not
/// parse is ignored (the first page, unsorted).
/// </summary>
public sealed record ListPosition(int Page, int? PageSize, string? Sort, bool Descending)
{
    private const int MaxSortLength = 64;

    /// <summary>The position an address names.</summary>
    public static ListPosition Read(string uri)
    {
        var question = uri.IndexOf('?', StringComparison.Ordinal);
        if (question < 0)
        {
            return new(1, null, null, false);
        }

        var hash = uri.IndexOf('#', question);
        var query = QueryHelpers.ParseQuery(hash < 0 ? uri[question..] : uri[question..hash]);
        string? Last(string name) => query.TryGetValue(name, out var values) && values.Count > 0 ? values[^1] : null;
        int? Number(string name, int max) =>
            int.TryParse(Last(name), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= max ? n : null;
        var sort = Last("sort");
        return new(
            Number("page", 100_000) ?? 1,
            Number("pageSize", 200),
            sort is { Length: > 0 and <= MaxSortLength } && sort.All(char.IsAsciiLetterOrDigit) ? sort : null,
            bool.TryParse(Last("desc"), out var descending) && descending);
    }

    /// <summary>The position's parameters for the address (null leaves one out: the first page, the list's page size, unsorted).</summary>
    public Dictionary<string, object?> Parameters(int listPageSize) => new()
    {
        ["page"] = Page > 1 ? Page : null,
        ["pageSize"] = PageSize is { } size && size != listPageSize ? size : null,
        ["sort"] = Sort,
        ["desc"] = Sort is not null && Descending ? "true" : null,
    };
}
