using System.Text.Json.Nodes;

namespace Qingfeng.IntegrationTests.Platform.Api;

/// <summary>
/// The changes between two OpenAPI documents that break a client generated from the older one: a removed operation,
/// schema, property or enum value, and a parameter or property that became required.
/// </summary>
internal static class OpenApiDrift
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    public static IReadOnlyList<string> Breaking(JsonNode before, JsonNode after)
    {
        var found = new List<string>();
        foreach (var (path, item) in Objects(before["paths"]))
        {
            foreach (var method in Methods.Where(m => item[m] is not null))
            {
                var name = $"{method.ToUpperInvariant()} {path}";
                var now = after["paths"]?[path]?[method];
                if (now is null)
                {
                    found.Add("operation removed: " + name);
                    continue;
                }

                var required = Parameters(item[method]!).Where(p => p.Required).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
                found.AddRange(Parameters(now).Where(p => p.Required && !required.Contains(p.Key))
                    .Select(p => $"parameter now required: {name} {p.Key}"));
            }
        }

        foreach (var (name, schema) in Objects(before["components"]?["schemas"]))
        {
            var now = after["components"]?["schemas"]?[name];
            if (now is null)
            {
                found.Add("schema removed: " + name);
                continue;
            }

            var properties = Objects(now["properties"]).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            found.AddRange(Objects(schema["properties"]).Where(p => !properties.Contains(p.Name)).Select(p => $"property removed: {name}.{p.Name}"));
            var required = Strings(schema["required"]).ToHashSet(StringComparer.Ordinal);
            found.AddRange(Strings(now["required"]).Where(r => !required.Contains(r)).Select(r => $"property now required: {name}.{r}"));
            var values = Strings(now["enum"]).ToHashSet(StringComparer.Ordinal);
            found.AddRange(Strings(schema["enum"]).Where(v => !values.Contains(v)).Select(v => $"enum value removed: {name}.{v}"));
        }

        return found;
    }

    private static IEnumerable<(string Name, JsonNode Value)> Objects(JsonNode? node) =>
        node is JsonObject o ? o.Where(p => p.Value is not null).Select(p => (p.Key, p.Value!)) : [];

    /// <summary>Enum values and required names as text (an integer enum value as its digits).</summary>
    private static IEnumerable<string> Strings(JsonNode? node) =>
        node is JsonArray a ? a.Select(v => v?.ToJsonString().Trim('"') ?? "null") : [];

    private static IEnumerable<(string Key, bool Required)> Parameters(JsonNode operation) =>
        operation["parameters"] is JsonArray parameters
            ? parameters.OfType<JsonObject>().Select(p => ($"{p["name"]} ({p["in"]})", p["required"]?.GetValue<bool>() == true))
            : [];
}
