using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Qingfeng.Features.Audit;
using Qingfeng.IntegrationTests.Infrastructure;
using Qingfeng.Platform.Data;
using Qingfeng.Platform.Security;
using Xunit;

namespace Qingfeng.IntegrationTests.Security;

/// <summary>
/// The write rule of ADR 0008 over the whole OpenAPI document: every unsafe operation with a path id, aimed at a Kaiyang county
/// record, sent by every business role of the Guiyang city commission and of the provincial commission — both of whose
/// jurisdictions cover the county, so they read these records. None may succeed or change anything; afterwards the county's
/// own leader sends the same requests and is never refused for ownership, so the refusals are the rule and not a dead probe.
/// Nothing is listed by hand: a new write joins by being in the document. The app is the test's own (the probes write).
/// </summary>
public sealed class OwningOrganWriteMatrixTests(ITestOutputHelper output)
{
    /// <summary>The document held 33 such operations when this was written; fewer means the harness lost sight of some.</summary>
    private const int MinimumAimedWrites = 25;

    private static readonly string[] EntityWrites = ["Create", "Update", "Delete"];

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task No_role_of_a_higher_commission_changes_a_county_record_through_any_documented_write_while_the_owner_still_can(Provider provider)
    {
        await using var app = await QingfengApp.StartAsync(provider);
        var county = await ForeignRecords.CreateAsync(app, "开阳县", "520121", await app.ClientForAsync(TestUsers.KaiyangPetition.UserName), await app.ClientForAsync(TestUsers.KaiyangSupervision.UserName));
        var probe = await OpenApiProbe.LoadAsync(app.CreateClient());
        var writes = probe.Operations.Where(o => !o.IsSafe && o.PathParameters.Any() && o.Template.StartsWith("/api/", StringComparison.Ordinal)).ToList();
        var aimed = writes.Where(o => AimsAtCountyRecord(o, county)).ToList();
        Assert.True(aimed.Count >= MinimumAimedWrites, $"Only {aimed.Count} writes aimed at a county record: {string.Join(", ", aimed)}");

        var callers = new List<(string Name, HttpClient Client)>();
        foreach (var organ in new[] { "贵阳市纪委监委", "贵州省纪委监委" })
        {
            var organId = await app.OrganIdAsync(organ);
            foreach (var role in Roles.Business)
            {
                callers.Add(($"{organ}/{role}", await app.ClientForOrganAsync(organId, role)));
            }
        }

        // The records themselves (an evidence file, named by its own parameter, is part of its ledger item).
        var recordIds = county.Records.Where(r => !r.Key.EndsWith("Id", StringComparison.Ordinal)).Select(r => r.Value).Append(county.ClueId).Append(county.OfficialId).ToList();
        var before = await VersionsAsync(app, recordIds);
        var failures = new List<string>();
        var statuses = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var byOperation = aimed.ToDictionary(o => o.ToString(), _ => new SortedSet<string>(StringComparer.Ordinal));
        foreach (var (name, client) in callers)
        {
            foreach (var operation in aimed)
            {
                var (status, code, body, changes, uri) = await SendAsync(app, probe, operation, county, client);
                var key = code is null ? status.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{status} {code}";
                statuses[key] = statuses.GetValueOrDefault(key) + 1;
                byOperation[operation.ToString()].Add(key);
                if (status is >= 200 and < 300 || status >= 500 || changes.Count > 0)
                {
                    failures.Add($"{name} {operation.Method} {uri} → {status} {code}; changed [{string.Join(", ", changes)}]. {body[..Math.Min(body.Length, 300)]}");
                }
            }
        }

        var after = await VersionsAsync(app, recordIds);
        var altered = before.Where(b => after.GetValueOrDefault(b.Key) != b.Value).Select(b => b.Key).ToList();

        // The owner sends the same requests: the ownership check lets it through (it may still meet a rule of the record's state).
        var owner = await app.ClientForAsync(TestUsers.KaiyangLeader.UserName);
        var ownerStatuses = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var ownerChanged = new List<string>();
        foreach (var operation in aimed)
        {
            var (status, code, body, changes, uri) = await SendAsync(app, probe, operation, county, owner);
            var key = code is null ? status.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{status} {code}";
            ownerStatuses[key] = ownerStatuses.GetValueOrDefault(key) + 1;
            if (code is "Supervision.NotOwningOrgan" or "Supervision.NotFound" or "Clue.NotFound" or "Rule.NotFound" || status >= 500)
            {
                failures.Add($"owner {operation.Method} {uri} → {status} {code}: the owner was refused. {body[..Math.Min(body.Length, 300)]}");
            }

            if (status is >= 200 and < 300 && changes.Count > 0)
            {
                ownerChanged.Add(operation.ToString());
            }
        }

        var calls = callers.Count * aimed.Count;
        output.WriteLine($"Write matrix ({provider}): {aimed.Count} of {writes.Count} documented writes with a path id are aimed at a county record "
            + $"(the rest at ids of other kinds: {string.Join(", ", writes.Except(aimed))}).");
        output.WriteLine($"{callers.Count} callers (9 business roles × Guiyang city, Guizhou province) × {aimed.Count} = {calls} calls; statuses "
            + string.Join(", ", statuses.Select(s => $"{s.Key} ×{s.Value}")));
        output.WriteLine("By operation: " + string.Join("; ", byOperation.Select(o => $"{o.Key} → {string.Join(", ", o.Value)}")));
        output.WriteLine($"County records unchanged after them: {recordIds.Count - altered.Count} of {recordIds.Count}.");
        output.WriteLine($"Owner (Kaiyang leader), same {aimed.Count} requests: statuses " + string.Join(", ", ownerStatuses.Select(s => $"{s.Key} ×{s.Value}"))
            + $"; {ownerChanged.Count} changed the record: {string.Join(", ", ownerChanged)}");

        Assert.Empty(altered);
        Assert.True(failures.Count == 0, $"{failures.Count} calls failed:\n" + string.Join('\n', failures));

        // Live: most refusals name ownership (not a missing permission or a malformed body), and the owner did change records.
        var ownershipRefusals = statuses.Where(s => s.Key.EndsWith("Supervision.NotOwningOrgan", StringComparison.Ordinal)).Sum(s => s.Value);
        Assert.True(ownershipRefusals >= aimed.Count, $"Only {ownershipRefusals} refusals named ownership");
        // Most generated bodies meet a rule of the record's state or dates (a talk already cancelled, a date before the letter), so few succeed.
        Assert.True(ownerChanged.Count >= 6, $"The owner changed records through only {ownerChanged.Count} writes: {string.Join(", ", ownerChanged)}");
    }

    /// <summary>Whether a path id of the operation names one of the county's records (a clue, an official or a daily-supervision record).</summary>
    private static bool AimsAtCountyRecord(ApiOperation operation, ForeignRecords county)
    {
        var segments = operation.Template.Split('/');
        for (var i = 1; i < segments.Length; i++)
        {
            if (segments[i].StartsWith('{'))
            {
                var name = segments[i].Trim('{', '}').Split(':')[0];
                if (segments[i - 1] is "clues" or "officials" || county.Records.ContainsKey(segments[i - 1]) || county.Records.ContainsKey(name))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Sends the probe's request and reports what it answered and which entities it created, updated or deleted (from the audit trail).</summary>
    private static async Task<(int Status, string? Code, string Body, List<string> Changes, string Uri)> SendAsync(QingfengApp app, OpenApiProbe probe, ApiOperation operation, ForeignRecords county, HttpClient client)
    {
        long last;
        await using (var db = app.CreateDb())
        {
            last = await db.AuditEntries.MaxAsync(e => (long?)e.Sequence) ?? 0;
        }

        using var request = await WithoutVersionAsync(probe.Build(operation, county));
        using var response = await client.SendAsync(request);
        var body = await OpenApiProbe.ReadTextAsync(response);
        string? code = null;
        if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
        {
            code = JsonDocument.Parse(body).RootElement.TryGetProperty("code", out var c) ? c.GetString() : null;
        }

        await using (var db = app.CreateDb())
        {
            var changes = await db.AuditEntries.AsNoTracking()
                .Where(e => e.Sequence > last && EntityWrites.Contains(e.Action) && e.Outcome == AuditOutcome.Success)
                .Select(e => e.Action + " " + e.EntityType + " " + e.EntityId).ToListAsync();
            return ((int)response.StatusCode, code, body, changes, request.RequestUri!.OriginalString);
        }
    }

    /// <summary>
    /// The request without the generated <c>version</c> (a random token that only a concurrency check would answer), so that the owner's
    /// requests reach the record's own rules and the callers' requests are ones the owner could make.
    /// </summary>
    private static async Task<HttpRequestMessage> WithoutVersionAsync(HttpRequestMessage request)
    {
        if (request.Content?.Headers.ContentType?.MediaType == "application/json"
            && JsonNode.Parse(await request.Content.ReadAsStringAsync()) is JsonObject body && body.Remove("version"))
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        return request;
    }

    /// <summary>The concurrency token of each of the records, from whichever table holds it.</summary>
    private static async Task<Dictionary<Guid, Guid>> VersionsAsync(QingfengApp app, List<Guid> ids)
    {
        await using var db = app.CreateDb();
        var versions = new Dictionary<Guid, Guid>();
        var read = typeof(OwningOrganWriteMatrixTests).GetMethod(nameof(VersionsOfAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
        foreach (var type in db.Model.GetEntityTypes().Where(t => !t.IsOwned() && typeof(Entity).IsAssignableFrom(t.ClrType) && t.FindPrimaryKey()?.Properties is [{ Name: "Id" }]))
        {
            var found = await (Task<List<(Guid, Guid)>>)read.MakeGenericMethod(type.ClrType).Invoke(null, [db, ids])!;
            foreach (var (id, version) in found)
            {
                versions[id] = version;
            }
        }

        Assert.Equal(ids.Count, versions.Count);
        return versions;
    }

    private static async Task<List<(Guid, Guid)>> VersionsOfAsync<T>(QingfengDb db, List<Guid> ids)
        where T : Entity =>
        [.. (await db.Set<T>().AsNoTracking().Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.Version }).ToListAsync()).Select(x => (x.Id, x.Version))];
}
