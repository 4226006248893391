using System.IO.Compression;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Qingfeng.Features.Clues;
using Qingfeng.IntegrationTests.Features.Clues;
using Qingfeng.IntegrationTests.Infrastructure;

namespace Qingfeng.IntegrationTests.Security;

/// <summary>One operation of the OpenAPI document: method, path template and its description.</summary>
internal sealed record ApiOperation(HttpMethod Method, string Template, JsonElement Description)
{
    public bool IsSafe => Method == HttpMethod.Get || Method == HttpMethod.Head;

    public IEnumerable<string> PathParameters =>
        Template.Split('/').Where(s => s.StartsWith('{')).Select(s => s.Trim('{', '}').Split(':')[0]);

    public override string ToString() => $"{Method} {Template}";
}

/// <summary>Records of one jurisdiction that a caller from elsewhere must never see or touch.</summary>
internal sealed record ForeignRecords(
    string Jurisdiction,
    string RegionCode,
    Guid OrganId,
    Guid UnitId,
    Guid OfficialId,
    string OfficialName,
    Guid ClueId,
    string ClueNumber,
    string ClueMarker,
    Guid AttachmentId)
{
    /// <summary>
    /// The daily-supervision records of the jurisdiction, by the route segment before their <c>{id}</c>
    /// (e.g. "rectification") or by the name of another path parameter (e.g. "evidenceId").
    /// </summary>
    public IReadOnlyDictionary<string, Guid> Records { get; init; } = new Dictionary<string, Guid>();

    /// <summary>Strings whose presence in a response proves that the record leaked.</summary>
    public IReadOnlyList<string> Markers =>
        [OfficialId.ToString(), ClueId.ToString(), AttachmentId.ToString(), ClueNumber, ClueMarker, .. Records.Values.Select(v => v.ToString())];

    public string? LeakIn(string body) => Markers.FirstOrDefault(m => body.Contains(m, StringComparison.OrdinalIgnoreCase));

    /// <summary>These records and a delegation (<c>delegations/{id}</c>) of one of the jurisdiction's organs, where the demo province seeded one.</summary>
    public async Task<ForeignRecords> WithDelegationAsync(QingfengApp app)
    {
        await using var db = app.CreateDb();
        var delegation = await (from d in db.SupervisionDelegations.AsNoTracking()
                                join o in db.Organs.AsNoTracking() on d.HomeOrganId equals o.Id
                                where o.RegionCode.StartsWith(RegionCode)
                                orderby d.Id
                                select (Guid?)d.Id).FirstOrDefaultAsync();
        return delegation is { } id ? this with { Records = new Dictionary<string, Guid>(Records, StringComparer.Ordinal) { ["delegations"] = id } } : this;
    }

    /// <summary>Kaiyang's own records of every module, made by the demo's Kaiyang petition and supervision officers.</summary>
    public static async Task<ForeignRecords> KaiyangAsync(QingfengApp app) =>
        await CreateAsync(app, "开阳县", "520121",
            await app.ClientForAsync(TestUsers.KaiyangPetition.UserName), await app.ClientForAsync(TestUsers.KaiyangSupervision.UserName));

    /// <summary>
    /// A principal official of the county, and a clue about them with an attachment, registered by the county's petition office;
    /// with <paramref name="supervision"/> (a supervision-office client of the county) also a record of every daily-supervision module.
    /// </summary>
    public static async Task<ForeignRecords> CreateAsync(QingfengApp app, string county, string regionCode, HttpClient petition, HttpClient? supervision = null)
    {
        await using var db = app.CreateDb();
        var official = await db.Officials.AsNoTracking()
            .Where(o => o.IsPrincipal && o.RegionKey.StartsWith(regionCode) && o.UnitId != null)
            .OrderBy(o => o.Id).Select(o => new { o.Id, o.Name, UnitId = o.UnitId!.Value }).FirstAsync();
        var organ = await db.Organs.AsNoTracking().Where(o => o.Name == county + "纪委监委").Select(o => o.Id).SingleAsync();
        var marker = "MATRIX" + Guid.NewGuid().ToString("N")[..10];
        var request = new RegisterClueRequest
        {
            Source = ClueSource.Letter,
            Content = $"反映该同志违规收受礼金，线索标记{marker}，请核查。",
            Persons = [new ReportedPersonRequest { OfficialId = official.Id }],
        };
        var registered = await (await petition.PostAsync("/api/v1/clues", request.AsJson())).Content.ReadFromJsonAsync<RegisterClueResult>(HttpAssertions.Json);
        var attachment = await ClueClients.AttachAsync(petition, registered!.Id);
        await ClueClients.ActAsync(petition, registered.Id, new() { Action = ClueAction.SubmitToCaseManagement });
        var records = new Dictionary<string, Guid>(StringComparer.Ordinal)
        {
            ["personId"] = await db.Clues.AsNoTracking().Where(c => c.Id == registered.Id).SelectMany(c => c.ReportedPersons).Select(p => p.Id).SingleAsync(),
        };
        if (supervision is not null)
        {
            await SupervisionRecords.CreateAsync(app, organ, supervision, official.Id, records);
        }

        return new ForeignRecords(county, regionCode, organ, official.UnitId, official.Id, official.Name, registered.Id, registered.Number, marker, attachment) { Records = records };
    }
}

/// <summary>
/// Reads <c>/openapi/v1.json</c> and turns every operation into a concrete request aimed at the given
/// foreign records: path ids are real foreign ids, query values and JSON bodies are generated from the
/// schemas (names, numbers and ids of the foreign jurisdiction where a field asks for one).
/// </summary>
internal sealed partial class OpenApiProbe
{
    private static readonly string[] Methods = ["get", "post", "put", "delete", "patch"];
    private readonly JsonElement _root;

    private OpenApiProbe(JsonElement root) => _root = root;

    public IReadOnlyList<ApiOperation> Operations { get; private set; } = [];

    /// <summary>The documented reads (GET).</summary>
    public IReadOnlyList<ApiOperation> Reads => [.. Operations.Where(o => o.IsSafe)];

    public static async Task<OpenApiProbe> LoadAsync(HttpClient client)
    {
        var root = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        var probe = new OpenApiProbe(root);
        probe.Operations =
        [
            .. from path in root.GetProperty("paths").EnumerateObject()
               from method in path.Value.EnumerateObject()
               where Methods.Contains(method.Name)
               orderby path.Name, method.Name
               select new ApiOperation(new HttpMethod(method.Name.ToUpperInvariant()), path.Name, method.Value),
        ];
        return probe;
    }

    /// <summary>
    /// A concrete request for the operation; <paramref name="values"/> fixes chosen query parameters by name. With
    /// <paramref name="givenOnly"/> the optional query parameters not in <paramref name="values"/> are left out (the unfiltered view).
    /// </summary>
    public HttpRequestMessage Build(ApiOperation operation, ForeignRecords foreign, IReadOnlyDictionary<string, string>? values = null, bool givenOnly = false)
    {
        var parameters = operation.Description.TryGetProperty("parameters", out var list) ? list.EnumerateArray().ToList() : [];
        var segments = operation.Template.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (!segments[i].StartsWith('{'))
            {
                continue;
            }

            var name = segments[i].Trim('{', '}');
            var schema = parameters.FirstOrDefault(p => p.GetProperty("name").GetString() == name && p.GetProperty("in").GetString() == "path");
            segments[i] = Uri.EscapeDataString(RecordFor(name, segments[i - 1], foreign)?.ToString()
                ?? Scalar(schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("schema", out var s) ? s : default, name, foreign));
        }

        var query = string.Join('&', parameters
            .Where(p => p.GetProperty("in").GetString() == "query")
            .Where(p => !givenOnly || values?.ContainsKey(p.GetProperty("name").GetString()!) == true
                || (p.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.True))
            .Select(p => p.GetProperty("name").GetString()!)
            .Select(name => (name, value: values?.GetValueOrDefault(name) ?? Scalar(parameters.First(p => p.GetProperty("name").GetString() == name).TryGetProperty("schema", out var s) ? s : default, name, foreign)))
            .Select(q => $"{Uri.EscapeDataString(q.name)}={Uri.EscapeDataString(q.value)}"));
        var request = new HttpRequestMessage(operation.Method, string.Join('/', segments) + (query.Length > 0 ? "?" + query : ""));
        if (!operation.IsSafe && operation.Method != HttpMethod.Delete)
        {
            request.Content = Body(operation, foreign);
        }

        return request;
    }

    /// <summary>
    /// Why the request <see cref="Build"/> makes for the operation would not reach a record of <paramref name="foreign"/>: each
    /// path parameter that no foreign record answers (it gets a made-up value), and a body of a media type the probe does not
    /// write. Empty when the operation is aimed.
    /// </summary>
    public static IReadOnlyList<string> Unaimed(ApiOperation operation, ForeignRecords foreign)
    {
        var segments = operation.Template.Split('/');
        var parameters = operation.Description.TryGetProperty("parameters", out var list) ? list.EnumerateArray().ToList() : [];
        var reasons = new List<string>();
        for (var i = 1; i < segments.Length; i++)
        {
            // An id must name a foreign record; a value (a year, a quarter, a document kind) is written valid from its schema.
            var name = segments[i].Trim('{', '}');
            if (segments[i].StartsWith('{') && IsId(parameters, name) && RecordFor(name, segments[i - 1], foreign) is null)
            {
                reasons.Add($"no foreign record for path parameter {segments[i]}");
            }
        }

        if (!operation.IsSafe && operation.Method != HttpMethod.Delete && operation.Description.TryGetProperty("requestBody", out var body)
            && body.TryGetProperty("content", out var content) && !content.TryGetProperty("multipart/form-data", out _) && !content.TryGetProperty("application/json", out _))
        {
            reasons.Add("body of type " + string.Join(", ", content.EnumerateObject().Select(c => c.Name)) + " not written");
        }

        return reasons;
    }

    private static bool IsId(List<JsonElement> parameters, string name) =>
        parameters.FirstOrDefault(p => p.GetProperty("name").GetString() == name && p.GetProperty("in").GetString() == "path") is { ValueKind: JsonValueKind.Object } parameter
        && parameter.TryGetProperty("schema", out var schema) && Format(schema) == "uuid";

    /// <summary>The foreign record a path parameter names, by its name or by the route segment before it (<c>clues/{id}</c>).</summary>
    private static Guid? RecordFor(string name, string before, ForeignRecords foreign) => name switch
    {
        "attachmentId" => foreign.AttachmentId,
        "id" when before == "clues" => foreign.ClueId,
        "id" when before == "officials" => foreign.OfficialId,
        "id" when foreign.Records.TryGetValue(before, out var record) => record,
        _ when foreign.Records.TryGetValue(name, out var named) => named,
        _ => null,
    };

    /// <summary>The operation's query parameters; <paramref name="freeTextOnly"/> keeps plain strings (no enum, number, date or id).</summary>
    public IReadOnlyList<string> QueryParameters(ApiOperation operation, bool freeTextOnly) =>
        operation.Description.TryGetProperty("parameters", out var list)
            ? [.. list.EnumerateArray()
                .Where(p => p.GetProperty("in").GetString() == "query")
                .Where(p => !freeTextOnly || (p.TryGetProperty("schema", out var s) && IsFreeText(Resolve(s))))
                .Select(p => p.GetProperty("name").GetString()!)]
            : [];

    /// <summary>The response as text; Office files (zip) are unpacked so that their XML is searched too.</summary>
    public static async Task<string> ReadTextAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (bytes.Length > 4 && bytes[0] == 'P' && bytes[1] == 'K')
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            var text = new StringBuilder();
            foreach (var entry in zip.Entries)
            {
                using var reader = new StreamReader(entry.Open());
                text.Append(await reader.ReadToEndAsync());
            }

            // A spreadsheet's heading (Spreadsheet/ExportHeadings) states when it was exported and repeats the filters the
            // caller sent: neither is data about records, and the time differs between two identical requests.
            return ExportHeadingLines().Replace(text.ToString(), "");
        }

        return Encoding.UTF8.GetString(bytes);
    }

    private HttpContent Body(ApiOperation operation, ForeignRecords foreign)
    {
        if (operation.Description.TryGetProperty("requestBody", out var body) && body.TryGetProperty("content", out var content))
        {
            if (content.TryGetProperty("multipart/form-data", out var multipart))
            {
                var form = new MultipartFormDataContent();
                var file = new ByteArrayContent(Encoding.UTF8.GetBytes("matrix probe " + foreign.Jurisdiction));
                file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
                form.Add(file, "file", "probe.txt");

                // The form's other fields (a progress report's text…), so that the request reaches the record it aims at.
                var formSchema = Resolve(multipart.GetProperty("schema"));
                var parts = formSchema.TryGetProperty("allOf", out var all) ? all.EnumerateArray().Select(Resolve).ToList() : [formSchema];
                foreach (var field in parts.Where(p => p.TryGetProperty("properties", out _)).SelectMany(p => p.GetProperty("properties").EnumerateObject())
                    .Where(f => f.Name is not ("file" or "files")))
                {
                    if (Sample(field.Value, field.Name, foreign, 0) is JsonValue value)
                    {
                        form.Add(new StringContent(value.ToString()), field.Name);
                    }
                }

                return form;
            }

            if (content.TryGetProperty("application/json", out var json) && json.TryGetProperty("schema", out var schema))
            {
                return new StringContent(Sample(schema, "", foreign, 0)?.ToJsonString() ?? "{}", Encoding.UTF8, "application/json");
            }
        }

        return new StringContent("{}", Encoding.UTF8, "application/json");
    }

    private string Scalar(JsonElement schema, string name, ForeignRecords foreign) =>
        Sample(schema, name, foreign, 0) is JsonValue value ? value.ToString() : "1";

    /// <summary>A valid value for a schema (names, numbers and ids of the foreign jurisdiction where a field asks for one).</summary>
    internal JsonNode? Sample(JsonElement schema, string name, ForeignRecords foreign, int depth)
    {
        schema = Resolve(schema);
        if (schema.ValueKind != JsonValueKind.Object || depth > 6)
        {
            return null;
        }

        if (schema.TryGetProperty("enum", out var values))
        {
            var first = values.EnumerateArray().FirstOrDefault(v => v.ValueKind != JsonValueKind.Null);
            return first.ValueKind == JsonValueKind.Undefined ? null : JsonNode.Parse(first.GetRawText());
        }

        foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema.TryGetProperty(combinator, out var choices))
            {
                var choice = choices.EnumerateArray().Select(Resolve).FirstOrDefault(c => TypeOf(c) != "null");
                return Sample(choice, name, foreign, depth + 1);
            }
        }

        var lower = name.ToLowerInvariant();
        return TypeOf(schema) switch
        {
            "object" when schema.TryGetProperty("properties", out var properties) => new JsonObject(
                properties.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, Sample(p.Value, p.Name, foreign, depth + 1)))),
            "object" => new JsonObject(),
            "array" => new JsonArray(schema.TryGetProperty("items", out var items) ? Sample(items, name, foreign, depth + 1) : null),
            "integer" or "number" when lower.Contains("year", StringComparison.Ordinal) => 2026,
            "integer" or "number" when lower.Contains("size", StringComparison.Ordinal) => Number(schema, "maximum") ?? 50,
            "integer" or "number" => Number(schema, "minimum") ?? 1,
            "boolean" => false,
            "string" => Format(schema) switch
            {
                "uuid" => GuidFor(lower, foreign).ToString(),
                "date" => "2026-03-02",
                "date-time" => "2026-03-02T08:00:00+08:00",
                _ => TextFor(schema, lower, foreign),
            },
            _ => null,
        };
    }

    private bool IsFreeText(JsonElement schema)
    {
        foreach (var combinator in new[] { "oneOf", "anyOf" })
        {
            if (schema.TryGetProperty(combinator, out var choices))
            {
                return choices.EnumerateArray().Select(Resolve).Where(c => TypeOf(c) != "null").All(IsFreeText);
            }
        }

        return TypeOf(schema) == "string" && !schema.TryGetProperty("enum", out _) && Format(schema) is null;
    }

    private static Guid GuidFor(string name, ForeignRecords foreign) =>
        name.Contains("official", StringComparison.Ordinal) ? foreign.OfficialId
        : name.Contains("clue", StringComparison.Ordinal) ? foreign.ClueId
        : name.Contains("unit", StringComparison.Ordinal) ? foreign.UnitId
        : name.Contains("organ", StringComparison.Ordinal) ? foreign.OrganId
        : name.Contains("attachment", StringComparison.Ordinal) ? foreign.AttachmentId
        : name == "id" ? foreign.ClueId
        : Guid.NewGuid();

    private static string TextFor(JsonElement schema, string name, ForeignRecords foreign)
    {
        var text = name switch
        {
            _ when name.Contains("region", StringComparison.Ordinal) => foreign.RegionCode,
            _ when name.Contains("number", StringComparison.Ordinal) => foreign.ClueNumber,
            _ when name.Contains("name", StringComparison.Ordinal) || name.Contains("person", StringComparison.Ordinal)
                || name.Contains("search", StringComparison.Ordinal) || name.Contains("text", StringComparison.Ordinal) || name == "q" => foreign.OfficialName,
            _ => "矩阵探测 matrix probe",
        };
        var min = (int?)Number(schema, "minLength") ?? 0;
        var max = (int?)Number(schema, "maxLength") ?? int.MaxValue;
        text = text.PadRight(min, '测');
        return text.Length > max ? text[..max] : text;
    }

    internal static long? Number(JsonElement schema, string property) =>
        schema.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) ? n
        : schema.TryGetProperty(property, out value) && value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), out n) ? n
        : null;

    internal static string? Format(JsonElement schema) => schema.TryGetProperty("format", out var f) ? f.GetString() : null;

    /// <summary>The schema's type other than <c>null</c> ("object" for a schema with properties and no type).</summary>
    internal static string? TypeOf(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("type", out var type))
        {
            return schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out _) ? "object" : null;
        }

        return type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t != "null") ?? "null"
            : type.GetString();
    }

    /// <summary>The schema a <c>$ref</c> points to (the schema itself when it is none).</summary>
    internal JsonElement Resolve(JsonElement schema)
    {
        for (var i = 0; i < 10 && schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference); i++)
        {
            var path = reference.GetString()!.TrimStart('#', '/').Split('/');
            schema = path.Aggregate(_root, (node, part) => node.GetProperty(part));
        }

        return schema;
    }

    [GeneratedRegex("(导出时间|筛选条件|Exported|Filters)[：:][^<]*")]
    private static partial Regex ExportHeadingLines();
}
