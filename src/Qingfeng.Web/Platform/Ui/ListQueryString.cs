using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Qingfeng.Platform.Data;

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
