using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Qingfeng.IntegrationTests.Infrastructure;
using Xunit;

namespace Qingfeng.IntegrationTests.Security;

/// <summary>
/// Strict input over every documented <c>/api/v1</c> operation, generated from <c>/openapi/v1.json</c> as the authorisation
/// matrix is: for every JSON body member, form field, query and route parameter the document gives a limit for, one request
/// breaks that limit alone — an enum value no member has (a name and a number), a date outside its window, a number past its
/// minimum or maximum, a text one character over its <c>maxLength</c>, a list one entry over its <c>maxItems</c> — and must be
/// answered 400 with the field named in <c>errors</c> as it was sent: never a 5xx, never a 2xx, never another field. It also
/// fails when the document declares no limit for a text, a number or a date of a request (every input has one).
/// The app is the test's own: a refusal that failed would write (a calendar year, a user) where other tests look.
/// </summary>
public sealed class StrictInputProbeTests(ITestOutputHelper output)
{
    /// <summary>The document held 130 /api/v1 operations when this was written; far fewer means the probe lost sight of some.</summary>
    private const int MinimumOperations = 60;

    private static readonly string[] Callers =
    [
        TestUsers.KaiyangLeader.UserName, TestUsers.KaiyangSupervision.UserName, TestUsers.KaiyangPetition.UserName,
        TestUsers.KaiyangCaseManagement.UserName, TestUsers.KaiyangPartyConduct.UserName, TestUsers.SystemAdmin.UserName,
        TestUsers.SecurityAdmin.UserName, TestUsers.AuditAdmin.UserName,
    ];

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Every_documented_input_past_its_limit_is_a_400_naming_the_field(Provider provider)
    {
        if (provider == Provider.Postgres)
        {
            Requirements.PostgresAdminConnection();
        }

        await using var app = await QingfengApp.StartAsync(provider);
        var probe = await OpenApiProbe.LoadAsync(app.CreateClient());
        var records = new ForeignRecords("开阳县", "520121", Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "测试", Guid.NewGuid(), "开阳县-2026-00001", "PROBE", Guid.NewGuid());
        var clients = new Dictionary<string, HttpClient>(StringComparer.Ordinal);
        foreach (var caller in Callers)
        {
            clients[caller] = await app.ClientForAsync(caller);
        }

        var operations = probe.Operations.Where(o => o.Template.StartsWith("/api/v1/", StringComparison.Ordinal)).ToList();
        Assert.True(operations.Count >= MinimumOperations, $"Only {operations.Count} /api/v1 operations in the document");

        var failures = new List<string>();
        var unbounded = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        var (probed, fields, cases) = (0, 0, 0);
        var kinds = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var operation in operations)
        {
            var input = new OperationInput(probe, operation, records);
            var found = input.Cases(unbounded);
            fields += found.Select(c => c.Field).Distinct(StringComparer.Ordinal).Count();
            if (found.Count == 0)
            {
                continue;
            }

            probed++;
            string? caller = null;
            foreach (var @case in found)
            {
                cases++;
                kinds[@case.Location] = kinds.GetValueOrDefault(@case.Location) + 1;
                var (response, body) = await SendAsync(input, @case, clients, caller);
                caller = response.Caller;
                var status = (int)response.Message.StatusCode;
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                if (Failure(response.Message, body, @case) is { } failure)
                {
                    failures.Add($"{operation} {@case}: {failure} — {body[..Math.Min(body.Length, 300)]}");
                }
            }
        }

        output.WriteLine($"Strict input ({provider}): {operations.Count} /api/v1 operations, {probed} with inputs that have limits, {fields} fields, "
            + $"{cases} cases ({string.Join(", ", kinds.Select(k => $"{k.Key} {k.Value}"))}); statuses {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}; {failures.Count} failures, {unbounded.Distinct().Count()} inputs without a declared limit");
        Assert.True(
            unbounded.Count == 0 && failures.Count == 0,
            $"{failures.Count} of {cases} cases failed:\n{string.Join('\n', failures)}\nInputs without a declared limit:\n{string.Join('\n', unbounded.Distinct(StringComparer.Ordinal))}");
    }

    private static string? Failure(HttpResponseMessage response, string body, InputCase @case)
    {
        if ((int)response.StatusCode >= 500)
        {
            return "server error";
        }

        if (response.StatusCode != HttpStatusCode.BadRequest)
        {
            return $"{(int)response.StatusCode} instead of 400";
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return "not a ProblemDetails";
        }

        var problem = JsonDocument.Parse(body).RootElement;
        if (!problem.TryGetProperty("code", out var code) || code.GetString() != "Validation.Failed")
        {
            return "no code Validation.Failed";
        }

        return problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(@case.Field, out var messages) && messages.GetArrayLength() > 0
            && messages.EnumerateArray().All(m => !string.IsNullOrWhiteSpace(m.GetString()))
            ? null
            : $"errors do not name '{@case.Field}'";
    }

    /// <summary>Sends the case as the first caller the operation's authorisation lets through (validation runs after it).</summary>
    private static async Task<((HttpResponseMessage Message, string Caller) Response, string Body)> SendAsync(
        OperationInput input, InputCase @case, Dictionary<string, HttpClient> clients, string? known)
    {
        HttpResponseMessage? last = null;
        foreach (var caller in known is null ? Callers : [known])
        {
            using var request = input.Build(@case);
            last = await clients[caller].SendAsync(request);
            if (last.StatusCode != HttpStatusCode.Forbidden)
            {
                return ((last, caller), await last.Content.ReadAsStringAsync());
            }
        }

        return ((last!, Callers[0]), await last!.Content.ReadAsStringAsync());
    }

    /// <summary>One input broken on purpose: where it goes, the field name the answer must carry, and the value sent.</summary>
    private sealed record InputCase(string Location, string Field, string Path, JsonNode? Value, string Kind)
    {
        public override string ToString() => $"{Location} {Field} = {Kind}";
    }

    /// <summary>An operation's valid inputs (generated from the document) and the cases that break one limit each.</summary>
    private sealed class OperationInput
    {
        private const string Undefined = "NoSuchMember";
        private readonly OpenApiProbe _probe;
        private readonly ApiOperation _operation;
        private readonly ForeignRecords _records;
        private readonly List<JsonElement> _parameters;
        private readonly JsonElement? _jsonBody;
        private readonly JsonElement? _formBody;

        public OperationInput(OpenApiProbe probe, ApiOperation operation, ForeignRecords records)
        {
            (_probe, _operation, _records) = (probe, operation, records);
            _parameters = operation.Description.TryGetProperty("parameters", out var list) ? [.. list.EnumerateArray()] : [];
            if (operation.Description.TryGetProperty("requestBody", out var body) && body.TryGetProperty("content", out var content))
            {
                _jsonBody = content.TryGetProperty("application/json", out var json) ? json.GetProperty("schema") : null;
                _formBody = content.TryGetProperty("multipart/form-data", out var form) ? form.GetProperty("schema") : null;
            }
        }

        public List<InputCase> Cases(List<string> unbounded)
        {
            var cases = new List<InputCase>();
            foreach (var parameter in _parameters)
            {
                var location = parameter.GetProperty("in").GetString()!;
                var name = parameter.GetProperty("name").GetString()!;
                if (location is "query" or "path" && parameter.TryGetProperty("schema", out var schema))
                {
                    Add(cases, unbounded, location, name, name, schema);
                }
            }

            if (_jsonBody is { } json)
            {
                Walk(cases, unbounded, "body", "", json, 0);
            }

            if (_formBody is { } form)
            {
                foreach (var (name, schema) in FormFields(form))
                {
                    Add(cases, unbounded, "form", name, name, schema);
                }
            }

            return cases;
        }

        public HttpRequestMessage Build(InputCase @case)
        {
            var segments = _operation.Template.Split('/');
            for (var i = 0; i < segments.Length; i++)
            {
                if (segments[i].StartsWith('{'))
                {
                    var name = segments[i].Trim('{', '}').Split(':')[0];
                    segments[i] = Uri.EscapeDataString(@case.Location == "path" && @case.Path == name ? Text(@case.Value) : Text(Valid(Parameter(name, "path"), name)));
                }
            }

            var query = string.Join('&', _parameters
                .Where(p => p.GetProperty("in").GetString() == "query")
                .Select(p => p.GetProperty("name").GetString()!)
                .Select(name => (name, value: @case.Location == "query" && @case.Path == name ? @case.Value : Valid(Parameter(name, "query"), name)))
                .Where(q => q.value is not null)
                .Select(q => $"{Uri.EscapeDataString(q.name)}={Uri.EscapeDataString(Text(q.value))}"));
            var request = new HttpRequestMessage(_operation.Method, string.Join('/', segments) + (query.Length > 0 ? "?" + query : ""));
            if (_jsonBody is { } json)
            {
                var body = _probe.Sample(json, "", _records, 0) ?? new JsonObject();
                if (@case.Location == "body")
                {
                    body = Replace(body, @case.Path, @case.Value);
                }

                request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            }
            else if (_formBody is { } form)
            {
                var content = new MultipartFormDataContent();
                foreach (var (name, schema) in FormFields(form))
                {
                    var value = @case.Location == "form" && @case.Path == name ? @case.Value : Valid(schema, name);
                    if (value is not null)
                    {
                        content.Add(new StringContent(Text(value)), name);
                    }
                }

                request.Content = content;
            }

            return request;
        }

        private void Walk(List<InputCase> cases, List<string> unbounded, string location, string path, JsonElement schema, int depth)
        {
            var resolved = Unwrap(schema);
            if (depth > 6 || OpenApiProbe.TypeOf(resolved) != "object" || !resolved.TryGetProperty("properties", out var properties))
            {
                return;
            }

            foreach (var property in properties.EnumerateObject())
            {
                var member = path.Length == 0 ? property.Name : path + "." + property.Name;
                Add(cases, unbounded, location, member, member, property.Value);
                var value = Unwrap(property.Value);
                if (OpenApiProbe.TypeOf(value) == "object")
                {
                    Walk(cases, unbounded, location, member, value, depth + 1);
                }
                else if (OpenApiProbe.TypeOf(value) == "array" && value.TryGetProperty("items", out var items) && OpenApiProbe.TypeOf(Unwrap(items)) == "object")
                {
                    Walk(cases, unbounded, location, member + "[0]", items, depth + 1);
                }
            }
        }

        /// <summary>The cases that break the limits the schema declares for one input; an input with none is noted.</summary>
        private void Add(List<InputCase> cases, List<string> unbounded, string location, string field, string path, JsonElement schema)
        {
            var s = Unwrap(schema);
            var where = $"{_operation} {location} {field}";
            if (s.TryGetProperty("enum", out _))
            {
                cases.Add(new(location, field, path, Undefined, "undefined enum name"));
                cases.Add(new(location, field, path, 99, "enum as a number"));
                return;
            }

            switch (OpenApiProbe.TypeOf(s))
            {
                case "string" when OpenApiProbe.Format(s) is "date" or "date-time":
                    if (!s.TryGetProperty("x-date-minimum", out var earliest) || !s.TryGetProperty("x-date-maximum", out var latest))
                    {
                        unbounded.Add(where + ": a date without a window");
                        return;
                    }

                    var dateTime = OpenApiProbe.Format(s) == "date-time";
                    cases.Add(new(location, field, path, DateText(DateOnly.Parse(latest.GetString()!, CultureInfo.InvariantCulture).AddDays(1), dateTime), "date after its window"));
                    cases.Add(new(location, field, path, DateText(DateOnly.Parse(earliest.GetString()!, CultureInfo.InvariantCulture).AddDays(-1), dateTime), "date before its window"));
                    return;
                case "string" when OpenApiProbe.Format(s) is "uuid":
                    return;
                case "string":
                    if (OpenApiProbe.Number(s, "maxLength") is not { } maxLength)
                    {
                        unbounded.Add(where + ": a text without maxLength");
                        return;
                    }

                    cases.Add(new(location, field, path, new string('测', (int)maxLength + 1), $"text of {maxLength + 1}"));
                    return;
                case "integer" or "number":
                    var (minimum, maximum) = (OpenApiProbe.Number(s, "minimum"), OpenApiProbe.Number(s, "maximum"));
                    if (minimum is null || maximum is null)
                    {
                        unbounded.Add(where + ": a number without minimum and maximum");
                        return;
                    }

                    cases.Add(new(location, field, path, maximum + 1, $"{maximum + 1} over its maximum"));
                    cases.Add(new(location, field, path, minimum - 1, $"{minimum - 1} under its minimum"));
                    return;
                case "array":
                    var items = s.TryGetProperty("items", out var i) ? Unwrap(i) : default;
                    if (location != "query" && OpenApiProbe.Number(s, "maxItems") is { } maxItems)
                    {
                        var entry = items.ValueKind == JsonValueKind.Object ? _probe.Sample(items, field, _records, 0) : JsonValue.Create("x");
                        cases.Add(new(location, field, path, new JsonArray([.. Enumerable.Range(0, (int)maxItems + 1).Select(_ => entry?.DeepClone())]), $"{maxItems + 1} entries"));
                    }
                    else if (location != "query" && OpenApiProbe.TypeOf(items) != "boolean")
                    {
                        unbounded.Add(where + ": a list without maxItems");
                    }

                    if (items.ValueKind == JsonValueKind.Object && OpenApiProbe.TypeOf(items) != "object")
                    {
                        // The entries of a list of texts or enums: the first entry breaks the limit.
                        foreach (var entry in ItemCases(items, unbounded, where))
                        {
                            var value = location == "query" ? entry.Value : new JsonArray(entry.Value);
                            cases.Add(new(location, location == "query" ? field : field + "[0]", path, value, "entry: " + entry.Kind));
                        }
                    }

                    return;
            }
        }

        private List<(JsonNode? Value, string Kind)> ItemCases(JsonElement items, List<string> unbounded, string where)
        {
            var cases = new List<InputCase>();
            var missing = new List<string>();
            Add(cases, missing, "entry", "", "", items);
            unbounded.AddRange(missing.Select(m => where + "[]" + m[m.IndexOf(':', StringComparison.Ordinal)..]));
            return [.. cases.Select(c => (c.Value, c.Kind))];
        }

        private JsonElement Unwrap(JsonElement schema)
        {
            schema = _probe.Resolve(schema);
            foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
            {
                if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty(combinator, out var choices))
                {
                    var choice = choices.EnumerateArray().Select(_probe.Resolve).FirstOrDefault(c => OpenApiProbe.TypeOf(c) is not (null or "null"));
                    return choice.ValueKind == JsonValueKind.Undefined ? schema : Unwrap(choice);
                }
            }

            return schema;
        }

        private IEnumerable<(string Name, JsonElement Schema)> FormFields(JsonElement form)
        {
            var parts = form.TryGetProperty("allOf", out var all) ? all.EnumerateArray().Select(_probe.Resolve).ToList() : [_probe.Resolve(form)];
            foreach (var part in parts)
            {
                if (part.TryGetProperty("properties", out var properties))
                {
                    foreach (var property in properties.EnumerateObject())
                    {
                        var schema = _probe.Resolve(property.Value);
                        if (!(schema.TryGetProperty("format", out var format) && format.GetString() == "binary") && !property.Name.Equals("files", StringComparison.OrdinalIgnoreCase) && !property.Name.Equals("file", StringComparison.OrdinalIgnoreCase))
                        {
                            yield return (property.Name, property.Value);
                        }
                    }
                }
            }
        }

        private JsonElement Parameter(string name, string location) =>
            _parameters.First(p => p.GetProperty("name").GetString() == name && p.GetProperty("in").GetString() == location).GetProperty("schema");

        /// <summary>A valid value; for a list in the query, its first entry (sent once).</summary>
        private JsonNode? Valid(JsonElement schema, string name)
        {
            var value = _probe.Sample(schema, name, _records, 0);
            return value is JsonArray array ? array.FirstOrDefault()?.DeepClone() : value;
        }

        private static JsonNode Replace(JsonNode body, string path, JsonNode? value)
        {
            var copy = body.DeepClone();
            var parts = path.Replace("[0]", ".0", StringComparison.Ordinal).Split('.');
            var node = copy;
            foreach (var part in parts[..^1])
            {
                node = int.TryParse(part, CultureInfo.InvariantCulture, out var index) ? node![index]! : node![part] ??= new JsonObject();
            }

            var last = parts[^1];
            if (int.TryParse(last, CultureInfo.InvariantCulture, out var at))
            {
                node![at] = value?.DeepClone();
            }
            else
            {
                node![last] = value?.DeepClone();
            }

            return copy;
        }

        private static string Text(JsonNode? value) => value switch
        {
            null => "",
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            _ => value.ToJsonString(),
        };

        private static string DateText(DateOnly date, bool withTime) =>
            date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + (withTime ? "T00:00:00+08:00" : "");
    }
}
