using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;

namespace Qingfeng.IntegrationTests.Platform.Api;

/// <summary>
/// One way an answer departs from the OpenAPI document: a status it does not list, a content type it does not list, or a
/// place in the body where the documented schema refuses it (<see cref="InstanceLocation"/>, with the failing keyword's
/// <see cref="SchemaLocation"/> inside the document).
/// </summary>
internal sealed record ContractViolation(string Problem, string? InstanceLocation = null, string? SchemaLocation = null)
{
    public bool IsUndocumentedStatus => Problem == ResponseContract.NotDocumented;

    public override string ToString() => InstanceLocation is null ? Problem : $"body violates schema at {InstanceLocation}: {Problem}";
}

/// <summary>
/// What the OpenAPI document promises about an operation's answers, checked as a generated client would rely on it: the status
/// is listed in the operation's <c>responses</c> (or a <c>default</c>), the body's content type is one listed for that status,
/// and a JSON body validates against the schema documented for it (JSON Schema 2020-12, the dialect of OpenAPI 3.1; refs into
/// <c>#/components</c> resolve within the registered document, <c>x-</c> keywords are annotations). <c>format</c> is asserted
/// where a client would parse it (uuid, date, date-time); formats the validator does not know (int32, double…) pass.
/// </summary>
internal sealed partial class ResponseContract
{
    public const string NotDocumented = "not documented";

    private static readonly Uri DocumentUri = new("https://qingfeng.test/openapi/v1.json");

    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.Hierarchical, RequireFormatValidation = true };

    private readonly JsonElement _document;
    private readonly BuildOptions _build;
    private readonly ConcurrentDictionary<string, JsonSchema> _schemas = new(StringComparer.Ordinal);
    private int _bodiesValidated;

    public ResponseContract(JsonElement document)
    {
        _document = Closed(document);
        var registry = new SchemaRegistry();
        registry.Register(new JsonElementBaseDocument(_document, DocumentUri));
        _build = new BuildOptions { SchemaRegistry = registry, Dialect = Dialect.Draft202012 };
    }

    /// <summary>
    /// The document with every component object closed (<c>additionalProperties: false</c> where it says nothing): an answer
    /// that carries a member its schema does not declare is a violation, as a strict generated client would see it.
    /// </summary>
    private static JsonElement Closed(JsonElement document)
    {
        var root = System.Text.Json.Nodes.JsonNode.Parse(document.GetRawText())!;
        foreach (var (_, schema) in root["components"]?["schemas"]?.AsObject() ?? [])
        {
            if (schema is System.Text.Json.Nodes.JsonObject { } open && open.ContainsKey("properties") && !open.ContainsKey("additionalProperties"))
            {
                open["additionalProperties"] = false;
            }
        }

        return JsonDocument.Parse(root.ToJsonString()).RootElement.Clone();
    }

    /// <summary>How many bodies were validated against a documented schema (every JSON body of a documented status and content type).</summary>
    public int BodiesValidated => _bodiesValidated;

    /// <summary>How the answer departs from the document (empty when it is what the document says).</summary>
    public IReadOnlyList<ContractViolation> Check(string method, string template, int status, string? contentType, byte[] body)
    {
        var operationPointer = Pointer("paths", template, method.ToLowerInvariant());
        var responses = Follow(At(operationPointer).GetProperty("responses"), operationPointer + "/responses");
        var key = new[] { status.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{status / 100}XX", "default" }
            .FirstOrDefault(k => responses.Node.TryGetProperty(k, out _));
        if (key is null)
        {
            return [new(NotDocumented)];
        }

        var (response, responsePointer) = Follow(responses.Node.GetProperty(key), responses.Pointer + "/" + Escape(key));
        var documented = response.TryGetProperty("content", out var content) ? content.EnumerateObject().Select(c => c.Name).ToList() : [];
        var mediaType = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (body.Length == 0)
        {
            return documented.Count == 0 || status == 204 ? [] : [new($"empty body, but the document lists {string.Join(", ", documented)}")];
        }

        if (documented.Count == 0)
        {
            return [new($"body of type {mediaType ?? "(none)"} not documented: the document lists no content for {key}")];
        }

        var match = documented.FirstOrDefault(d => Matches(d, mediaType));
        if (match is null)
        {
            return [new($"content type {mediaType ?? "(none)"} not documented (the document lists {string.Join(", ", documented)})")];
        }

        if (!IsJson(mediaType) || !content.GetProperty(match).TryGetProperty("schema", out _))
        {
            return [];
        }

        JsonElement instance;
        try
        {
            using var parsed = JsonDocument.Parse(body);
            instance = parsed.RootElement.Clone();
        }
        catch (JsonException e)
        {
            return [new($"body is not JSON: {e.Message}")];
        }

        return Validate(responsePointer + "/content/" + Escape(match) + "/schema", instance);
    }

    /// <summary>Validates the instance against the schema at the document pointer; one violation per failing keyword and place.</summary>
    public IReadOnlyList<ContractViolation> Validate(string schemaPointer, JsonElement instance)
    {
        var schema = _schemas.GetOrAdd(schemaPointer, pointer =>
            JsonSchema.FromText(JsonSerializer.Serialize(new Dictionary<string, string> { ["$ref"] = DocumentUri + "#" + UriFragment(pointer) }), _build));
        Interlocked.Increment(ref _bodiesValidated);
        var results = schema.Evaluate(instance, Evaluation);
        var violations = new List<ContractViolation>();
        Collect(results, violations);
        return [.. violations.Distinct()];
    }

    /// <summary>
    /// The errors of the failing nodes only: a branch of a <c>oneOf</c> that passed elsewhere is no violation. A failing node
    /// whose parts all pass failed on a combinator the validator gives no message for (a <c>oneOf</c> matched more than once).
    /// </summary>
    private static void Collect(EvaluationResults node, List<ContractViolation> violations)
    {
        if (node.IsValid)
        {
            return;
        }

        var at = node.InstanceLocation.ToString();
        var instance = at.Length == 0 ? "(root)" : ArrayIndex().Replace(at, "/*");
        var schema = Fragment(node.SchemaLocation);
        foreach (var (keyword, message) in node.Errors ?? new Dictionary<string, string>())
        {
            violations.Add(new($"{keyword}: {message}", instance, schema + "/" + keyword));
        }

        var details = node.Details ?? [];
        if (node.Errors is not { Count: > 0 } && details.All(d => d.IsValid))
        {
            var matched = details.Count(d => d.EvaluationPath.ToString().Split('/') is [.., "oneOf", _]);
            violations.Add(matched > 1
                ? new($"oneOf: {matched} subschemas match, exactly one must", instance, schema + "/oneOf")
                : new("fails here, and the validator names no keyword", instance, schema));
        }

        foreach (var child in details)
        {
            Collect(child, violations);
        }
    }

    private static string Fragment(Uri location) => Uri.UnescapeDataString(location.Fragment.TrimStart('#'));

    private static bool Matches(string documented, string? mediaType)
    {
        var d = documented.Split(';')[0].Trim().ToLowerInvariant();
        return mediaType is not null && (d == mediaType || d == "*/*" || (d.EndsWith("/*", StringComparison.Ordinal) && mediaType.StartsWith(d[..^1], StringComparison.Ordinal)));
    }

    private static bool IsJson(string? mediaType) => mediaType is "application/json" || mediaType?.EndsWith("+json", StringComparison.Ordinal) == true;

    /// <summary>The node and its pointer, following a local <c>$ref</c> (a response may be one of <c>#/components/responses</c>).</summary>
    private (JsonElement Node, string Pointer) Follow(JsonElement node, string pointer)
    {
        for (var i = 0; i < 10 && node.TryGetProperty("$ref", out var reference) && reference.GetString() is { } target && target.StartsWith("#/", StringComparison.Ordinal); i++)
        {
            pointer = Uri.UnescapeDataString(target[1..]);
            node = At(pointer);
        }

        return (node, pointer);
    }

    private JsonElement At(string pointer) =>
        pointer.Split('/').Skip(1).Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))
            .Aggregate(_document, (node, segment) => node.GetProperty(segment));

    private static string Pointer(params string[] segments) => string.Concat(segments.Select(s => "/" + Escape(s)));

    private static string Escape(string segment) => segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    /// <summary>A JSON pointer written as a URI fragment: each segment percent-encoded (<c>{id}</c>, <c>problem+json</c>).</summary>
    private static string UriFragment(string pointer) => string.Join('/', pointer.Split('/').Select(Uri.EscapeDataString));

    [GeneratedRegex(@"/\d+(?=/|$)")]
    private static partial Regex ArrayIndex();
}
