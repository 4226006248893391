using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Microsoft.EntityFrameworkCore;
using Qingfeng.IntegrationTests.Infrastructure;
using Qingfeng.IntegrationTests.Security;
using Qingfeng.Platform.Api;
using Xunit;

namespace Qingfeng.IntegrationTests.Platform.Api;

/// <summary>
/// What an integrator reads in <c>/openapi/v1.json</c> besides the shapes: every <c>/api/v1</c> operation has a description, and
/// every JSON request body an example that its own schema accepts (JSON Schema 2020-12, formats checked) and that the running app
/// accepts past binding and validation — posted with the ids of real records in place of <see cref="ExampleIds"/>, it is never
/// answered 400 or 5xx, and an example of a create creates the record.
/// </summary>
public sealed class OpenApiExamplesTests(SharedApps apps, ITestOutputHelper output)
{
    /// <summary>The document held 52 JSON request bodies when this was written; far fewer means the test lost sight of them.</summary>
    private const int MinimumJsonBodies = 40;

    /// <summary>
    /// Operations that create a record (their document lists 201) whose example cannot create one in the test, and why. Every
    /// other create must answer 2xx with its example: an example the domain refuses (an unknown category code, forms that do not
    /// suit the target…) is no example.
    /// </summary>
    private static readonly Dictionary<string, string> NotCreated = new(StringComparer.Ordinal)
    {
        ["POST /api/v1/delegations/group-assignments"] = "its unit was escalated by the escalation example just before, and a unit has one delegation at a time",
        ["POST /api/v1/duty-report-campaigns/{id}/reporters"] = "the example's official already reports in the test's campaign, and an official reports once per campaign",
    };

    private static readonly string[] Callers =
    [
        TestUsers.KaiyangLeader.UserName, TestUsers.KaiyangSupervision.UserName, TestUsers.KaiyangPetition.UserName,
        TestUsers.KaiyangCaseManagement.UserName, TestUsers.KaiyangPartyConduct.UserName, TestUsers.SystemAdmin.UserName,
        TestUsers.SecurityAdmin.UserName, TestUsers.AuditAdmin.UserName,
    ];

    [Fact]
    public async Task Every_operation_has_a_description_and_every_JSON_body_an_example_its_schema_accepts()
    {
        var app = await apps.GetAsync(Provider.Sqlite);
        var document = JsonNode.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json"))!.AsObject();
        var schemas = Definitions(document);
        var problems = new List<string>();
        var (operations, bodies) = (0, 0);
        foreach (var (name, operation) in Operations(document))
        {
            operations++;
            var description = operation["description"]?.GetValue<string>();
            if (string.IsNullOrWhiteSpace(description))
            {
                problems.Add($"{name}: no description");
            }
            else if (description == operation["summary"]?.GetValue<string>())
            {
                problems.Add($"{name}: the description repeats the summary");
            }

            if (operation["requestBody"]?["content"]?["application/json"] is not JsonObject json)
            {
                continue;
            }

            bodies++;
            if (json["example"] is not { } example)
            {
                problems.Add($"{name}: no example of the JSON body");
                continue;
            }

            var schema = JsonSchema.FromText(
                new JsonObject { ["$schema"] = "https://json-schema.org/draft/2020-12/schema", ["$defs"] = schemas.DeepClone(), ["allOf"] = new JsonArray(Local(json["schema"]!)) }.ToJsonString(),
                new BuildOptions { SchemaRegistry = new SchemaRegistry() },
                new Uri($"https://qingfeng.test/examples/{bodies}"));
            var options = new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true };
            if (schema.Evaluate(JsonDocument.Parse("[]").RootElement, options).IsValid)
            {
                problems.Add($"{name}: the body schema accepts anything (an array), so it checks no example");
            }

            var result = schema.Evaluate(JsonDocument.Parse(example.ToJsonString()).RootElement, options);
            if (!result.IsValid)
            {
                var errors = (result.Details ?? []).Where(d => d.Errors is not null)
                    .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Value}"));
                problems.Add($"{name}: the example does not match the body schema: {string.Join("; ", errors.Take(5))}");
            }
        }

        output.WriteLine($"{operations} /api/v1 operations, {bodies} with a JSON body; {problems.Count} problems");
        Assert.True(bodies >= MinimumJsonBodies, $"Only {bodies} JSON request bodies in the document");
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public async Task Every_example_posted_to_the_app_with_real_ids_passes_binding_and_validation()
    {
        await using var app = await QingfengApp.StartAsync(Provider.Sqlite);
        var petition = await app.ClientForAsync(TestUsers.KaiyangPetition.UserName);
        var records = await ForeignRecords.CreateAsync(app, "开阳县", "520121", petition, await app.ClientForAsync(TestUsers.KaiyangSupervision.UserName));
        var ids = await RealIdsAsync(app, records);
        var clients = new Dictionary<string, HttpClient>(StringComparer.Ordinal);
        foreach (var caller in Callers)
        {
            clients[caller] = await app.ClientForAsync(caller);
        }

        var probe = await OpenApiProbe.LoadAsync(app.CreateClient());
        var failures = new List<string>();
        var statuses = new SortedDictionary<int, List<string>>();
        foreach (var operation in probe.Operations.Where(o => o.Template.StartsWith("/api/v1/", StringComparison.Ordinal)))
        {
            if (!operation.Description.TryGetProperty("requestBody", out var body) || !body.GetProperty("content").TryGetProperty("application/json", out var json))
            {
                continue;
            }

            var example = ids.Aggregate(json.GetProperty("example").GetRawText(), (text, id) => text.Replace(id.Key.ToString(), id.Value.ToString(), StringComparison.Ordinal));
            var (response, text) = await SendAsync(probe, operation, records, example, clients);
            var status = (int)response.StatusCode;
            statuses.TryAdd(status, []);
            statuses[status].Add(operation.ToString());
            var creates = operation.Description.GetProperty("responses").TryGetProperty("201", out _) && !NotCreated.ContainsKey(operation.ToString());
            if (response.StatusCode == HttpStatusCode.BadRequest || status >= 500 || (creates && !response.IsSuccessStatusCode))
            {
                failures.Add($"{operation}: {status} {text[..Math.Min(text.Length, 400)]}\n  example: {example}");
            }
        }

        foreach (var (status, operations) in statuses)
        {
            output.WriteLine($"{status}: {string.Join(", ", operations)}");
        }

        Assert.True(statuses.Values.Sum(o => o.Count) >= MinimumJsonBodies, "The document lost its JSON request bodies");
        Assert.True(failures.Count == 0, $"{failures.Count} examples were refused as input or broke the app:\n{string.Join('\n', failures)}");
    }

    /// <summary>The <c>/api/v1</c> operations of the document by method and path.</summary>
    private static IEnumerable<(string Name, JsonObject Operation)> Operations(JsonObject document) =>
        from path in document["paths"]!.AsObject()
        where path.Key.StartsWith("/api/v1/", StringComparison.Ordinal)
        from method in path.Value!.AsObject()
        where method.Value is JsonObject && method.Key is "get" or "post" or "put" or "delete" or "patch"
        select ($"{method.Key.ToUpperInvariant()} {path.Key}", method.Value!.AsObject());

    /// <summary>The document's component schemas as the <c>$defs</c> of a standalone JSON Schema.</summary>
    private static JsonNode Definitions(JsonObject document) => Local(document["components"]?["schemas"] ?? new JsonObject());

    /// <summary>A copy of <paramref name="schema"/> whose references to <c>#/components/schemas/</c> point into <c>$defs</c>.</summary>
    private static JsonNode Local(JsonNode schema) =>
        JsonNode.Parse(schema.ToJsonString().Replace("\"#/components/schemas/", "\"#/$defs/", StringComparison.Ordinal))!;

    /// <summary>
    /// The records of the test's jurisdiction that stand in for <see cref="ExampleIds"/> (the version stays made up): organs and
    /// the group are the township commissions of 开阳县's seeded area collaboration group.
    /// </summary>
    private static async Task<Dictionary<Guid, Guid>> RealIdsAsync(QingfengApp app, ForeignRecords records)
    {
        await using var db = app.CreateDb();
        var users = await db.Users.AsNoTracking()
            .Where(u => u.UserName == TestUsers.KaiyangLeader.UserName || u.UserName == TestUsers.KaiyangPartyConduct.UserName)
            .ToDictionaryAsync(u => u.UserName!, u => u.Id);
        var group = await db.CollaborationGroups.AsNoTracking().Where(g => g.Name == "开阳县第一片区协作组")
            .Select(g => new { g.Id, Members = g.Members.Select(m => m.OrganId).ToList() }).SingleAsync();
        return new()
        {
            [ExampleIds.Official] = records.OfficialId,
            [ExampleIds.Unit] = records.UnitId,
            [ExampleIds.Organ] = group.Members[0],
            [ExampleIds.OtherOrgan] = group.Members[1],
            [ExampleIds.Group] = group.Id,
            [ExampleIds.Clue] = records.ClueId,
            [ExampleIds.RectificationItem] = records.Records["rectification"],
            [ExampleIds.User] = users[TestUsers.KaiyangLeader.UserName],
            [ExampleIds.OtherUser] = users[TestUsers.KaiyangPartyConduct.UserName],
        };
    }

    /// <summary>
    /// Sends the example to the operation aimed at the test's records (path and query as the probe writes them), as the first
    /// caller its authorisation lets through: validation runs after authorisation, so a 403 would hide a 400.
    /// </summary>
    private static async Task<(HttpResponseMessage Response, string Text)> SendAsync(
        OpenApiProbe probe, ApiOperation operation, ForeignRecords records, string example, Dictionary<string, HttpClient> clients)
    {
        HttpResponseMessage? response = null;
        foreach (var caller in Callers)
        {
            using var request = probe.Build(operation, records, givenOnly: true);
            request.Content = new StringContent(example, Encoding.UTF8, "application/json");
            response = await clients[caller].SendAsync(request);
            if (response.StatusCode != HttpStatusCode.Forbidden)
            {
                break;
            }
        }

        return (response!, await response!.Content.ReadAsStringAsync());
    }
}
