using System.Reflection;
using Microsoft.AspNetCore.WebUtilities;

namespace Qingfeng.Platform.Ui;

/// <summary>
/// Marks a page's property as a filter the address may set (<c>?name=value</c>). Pages declare their filters with it
/// instead of <c>[SupplyParameterFromQuery]</c>, whose binding fails the whole page on a value it cannot parse:
/// <see cref="QueryFilters.Bind"/> reads them all in one place and ignores what it cannot understand.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class QueryFilterAttribute(string name, string labelKey) : Attribute
{
    /// <summary>The query-string parameter's name.</summary>
    public string Name { get; } = name;

    /// <summary>The catalog key of the filter's label, named in the message when a value is ignored.</summary>
    public string LabelKey { get; } = labelKey;

    /// <summary>The longest text a text filter takes from the address.</summary>
    public int MaxLength { get; init; } = 64;
}

/// <summary>A value in the address that a filter could not take: the filter stays unset.</summary>
public sealed record IgnoredFilter(string Name, string LabelKey, string Value);

/// <summary>Binds the address's query string to a page's <see cref="QueryFilterAttribute"/> properties.</summary>
public static class QueryFilters
{
    private const int ShownValueLength = 32;

    /// <summary>The filters a page type declares.</summary>
    public static IReadOnlyList<(PropertyInfo Property, QueryFilterAttribute Filter)> Of(Type pageType) =>
        [.. pageType.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Select(p => (Property: p, Filter: p.GetCustomAttribute<QueryFilterAttribute>()))
            .Where(p => p.Filter is not null)
            .Select(p => (p.Property, p.Filter!))];

    /// <summary>
    /// Sets each declared filter of <paramref name="page"/> from the address; a value that does not parse (or a text over the
    /// filter's length) leaves the filter as it was and is returned, so the page can say which filter it ignored.
    /// </summary>
    public static IReadOnlyList<IgnoredFilter> Bind(object page, string uri)
    {
        var question = uri.IndexOf('?', StringComparison.Ordinal);
        if (question < 0)
        {
            return [];
        }

        var hash = uri.IndexOf('#', question);
        var query = QueryHelpers.ParseQuery(hash < 0 ? uri[question..] : uri[question..hash]);
        List<IgnoredFilter> ignored = [];
        foreach (var (property, filter) in Of(page.GetType()))
        {
            if (!query.TryGetValue(filter.Name, out var values) || values.Count == 0 || string.IsNullOrEmpty(values[^1]))
            {
                continue;
            }

            var text = values[^1]!;
            if (TryParse(text, property.PropertyType, filter.MaxLength, out var value))
            {
                property.SetValue(page, value);
            }
            else
            {
                ignored.Add(new IgnoredFilter(filter.Name, filter.LabelKey, text.Length > ShownValueLength ? text[..ShownValueLength] + "…" : text));
            }
        }

        return ignored;
    }

    /// <summary>
    /// The current value of each declared filter of <paramref name="page"/> as the address writes it (the reverse of
    /// <see cref="Bind"/>); an unset filter, an empty text or a "no" is null, which leaves the parameter out of the address.
    /// </summary>
    public static Dictionary<string, object?> Values(object page) =>
        Of(page.GetType()).ToDictionary(f => f.Filter.Name, f => (object?)Text(f.Property.GetValue(page)));

    /// <summary>Parses a query-string value as a filter of <paramref name="type"/> takes it (text, yes/no, id, number, date, enum name).</summary>
    public static bool TryParse(string text, Type type, int maxLength, out object? value)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        (bool Parsed, object? Value) result = target switch
        {
            _ when target == typeof(string) => (text.Length <= maxLength, text),
            _ when target == typeof(bool) => (bool.TryParse(text, out var b), b),
            _ when target == typeof(Guid) => (Guid.TryParse(text, out var g), g),
            _ when target == typeof(int) => (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var i), i),
            _ when target == typeof(DateOnly) => (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d), d),
            { IsEnum: true } => ParseEnum(text, target),
            _ => throw new NotSupportedException($"A query filter of type {type} is not supported."),
        };
        value = result.Parsed ? result.Value : null;
        return result.Parsed;
    }

    private static string? Text(object? value) => value switch
    {
        null or false or "" => null,
        true => "true",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    // Names only: Enum.TryParse also takes numbers, which would let ?state=99 through as an undefined value.
    private static (bool, object?) ParseEnum(string text, Type type) =>
        text.Length > 0 && char.IsLetter(text[0]) && Enum.TryParse(type, text, ignoreCase: true, out var value) && Enum.IsDefined(type, value!)
            ? (true, value)
            : (false, null);
}
