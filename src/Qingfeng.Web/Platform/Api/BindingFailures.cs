using System.Text.Json;
using System.Text.RegularExpressions;
using Qingfeng.Platform.Ui;

namespace Qingfeng.Platform.Api;

/// <summary>
/// What binding could not read, by field: a JSON value of the wrong kind or an enum name no member has (the serializer's
/// path, <c>$.persons[0].officialId</c> → <c>persons[0].officialId</c>), a query or route value that does not parse, a required
/// query or route value missing. Binding throws these (<c>ThrowOnBadRequest</c>) so that they become the same validation
/// problem as the rules checked after binding; anything else stays a plain 400.
/// </summary>
internal static partial class BindingFailures
{
    private const int MaxMemberLength = 200;

    private static readonly HashSet<string> EnumNames =
        [.. typeof(BindingFailures).Assembly.GetTypes().Where(t => t.IsEnum).Select(t => t.Name)];

    public static IReadOnlyDictionary<string, string[]>? Of(BadHttpRequestException? exception, HttpContext http)
    {
        if (exception is null)
        {
            return null;
        }

        var culture = CultureInfo.CurrentUICulture;
        if (exception.InnerException is JsonException { Path: { } path } json && MemberOf(path) is { } member)
        {
            var key = json is UndefinedEnumException ? "Validation.Enum" : "Validation.Invalid";
            return One(member, TextCatalog.Instance.Get(key, culture, InputRules.Label(LastName(member), culture)));
        }

        if (FailedToBind().Match(exception.Message) is { Success: true } failed)
        {
            var name = failed.Groups["name"].Value;
            var key = EnumNames.Contains(failed.Groups["type"].Value.TrimEnd('?')) ? "Validation.Enum" : "Validation.Invalid";
            return One(Sent(http, name), TextCatalog.Instance.Get(key, culture, InputRules.Label(name, culture)));
        }

        if (Missing().Match(exception.Message) is { Success: true } missing && missing.Groups["source"].Value is "query string" or "route")
        {
            var name = missing.Groups["name"].Value;
            return One(Sent(http, name), TextCatalog.Instance.Get("Validation.Required", culture, InputRules.Label(name, culture)));
        }

        return null;
    }

    /// <summary>A JSON path as a member name, or null for the whole body (or a path too deep to be a field).</summary>
    internal static string? MemberOf(string path) =>
        path.StartsWith("$.", StringComparison.Ordinal) && path.Length <= MaxMemberLength ? path[2..] : null;

    private static string LastName(string member)
    {
        var last = member[(member.LastIndexOf('.') + 1)..];
        var bracket = last.IndexOf('[', StringComparison.Ordinal);
        return bracket > 0 ? last[..bracket] : last;
    }

    private static string Sent(HttpContext http, string name) =>
        http.Request.RouteValues.ContainsKey(name) ? name : ValidationFilter.SentName(http.Request.Query.Keys, name);

    private static Dictionary<string, string[]> One(string member, string message) => new(StringComparer.Ordinal) { [member] = [message] };

    [GeneratedRegex("^Failed to bind parameter \"(?<type>[^\" ]+) (?<name>[^\" ]+)\" from \"", RegexOptions.CultureInvariant)]
    private static partial Regex FailedToBind();

    [GeneratedRegex("^Required parameter \"(?<type>[^\" ]+) (?<name>[^\" ]+)\" was not provided from (?<source>[a-z ]+)\\.$", RegexOptions.CultureInvariant)]
    private static partial Regex Missing();
}
