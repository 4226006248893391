using System.Net;
using Microsoft.EntityFrameworkCore;
using Qingfeng.IntegrationTests.Infrastructure;
using Qingfeng.Platform.Security;
using Xunit;

namespace Qingfeng.IntegrationTests.Security;

/// <summary>
/// Every operation of the OpenAPI document × every persona, each aimed at records of a jurisdiction the
/// persona cannot see. Nothing is listed by hand: a new endpoint joins the matrix by being in the document.
/// The app is the test's own, because the probes write (users, tokens, calendars) wherever a role may.
/// </summary>
public sealed class AuthorizationMatrixTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>The document held 46 operations when this was written; fewer means the harness lost sight of some.</summary>
    private const int MinimumOperations = 40;

    private QingfengApp _app = null!;
    private ForeignRecords _kaiyang = null!;
    private ForeignRecords _chishui = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await QingfengApp.StartAsync(Provider.Sqlite);
        _kaiyang = await ForeignRecords.CreateAsync(_app, "开阳县", "520121", await _app.ClientForAsync(TestUsers.KaiyangPetition.UserName));
        _chishui = await ForeignRecords.CreateAsync(_app, "赤水市", "520381", await _app.ClientForOrganAsync(await OrganIdAsync("赤水市纪委监委"), Roles.PetitionOffice));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task No_role_reads_or_changes_another_jurisdictions_records_through_any_documented_endpoint()
    {
        var probe = await OpenApiProbe.LoadAsync(_app.CreateClient());
        Assert.True(probe.Operations.Count >= MinimumOperations, $"Only {probe.Operations.Count} operations in /openapi/v1.json");

        // Who is foreign to whom. The provincial organ holds the whole province, so no demo record is foreign to it.
        var callers = new List<(string Name, HttpClient Client, ForeignRecords Foreign)> { ("anonymous", _app.CreateClient(), _kaiyang) };
        foreach (var user in TestUsers.All.Where(u => u.Organ == "开阳县纪委监委"))
        {
            callers.Add((user.UserName, await _app.ClientForAsync(user.UserName), _chishui));
        }

        foreach (var user in new[] { TestUsers.ChishuiSupervision, TestUsers.StationedHealth, TestUsers.SystemAdmin, TestUsers.SecurityAdmin, TestUsers.AuditAdmin })
        {
            callers.Add((user.UserName, await _app.ClientForAsync(user.UserName), _kaiyang));
        }

        var failures = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        foreach (var (name, client, foreign) in callers)
        {
            foreach (var operation in probe.Operations)
            {
                using var request = probe.Build(operation, foreign);
                using var response = await client.SendAsync(request);
                var status = (int)response.StatusCode;
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                var body = await OpenApiProbe.ReadTextAsync(response);
                var targetsForeignRecord = operation.PathParameters.Any() && request.RequestUri!.OriginalString.Contains(foreign.ClueId.ToString(), StringComparison.Ordinal)
                    || request.RequestUri!.OriginalString.Contains(foreign.OfficialId.ToString(), StringComparison.Ordinal);
                string? failure = null;
                if (status >= 500)
                {
                    failure = "server error";
                }
                else if (name == "anonymous" && operation.Template.StartsWith("/api/", StringComparison.Ordinal) && response.StatusCode != HttpStatusCode.Unauthorized)
                {
                    failure = "anonymous call not refused with 401";
                }
                else if (response.IsSuccessStatusCode && foreign.LeakIn(body) is { } leaked)
                {
                    failure = $"response contains {foreign.Jurisdiction}'s {leaked}";
                }
                else if (response.IsSuccessStatusCode && !operation.IsSafe && targetsForeignRecord)
                {
                    failure = $"changed {foreign.Jurisdiction}'s record";
                }

                if (failure is not null)
                {
                    failures.Add($"{name} {request.Method} {request.RequestUri} → {status}: {failure}. {body[..Math.Min(body.Length, 300)]}");
                }
            }
        }

        output.WriteLine($"Matrix: {probe.Operations.Count} operations × {callers.Count} callers = {callers.Count * probe.Operations.Count} calls; "
            + "statuses " + string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}")));
        Assert.True(failures.Count == 0, $"{failures.Count} of {callers.Count * probe.Operations.Count} calls failed:\n" + string.Join('\n', failures));
    }

    [Fact]
    public async Task The_owners_reach_their_records_through_every_documented_get_with_an_id_so_the_matrix_is_live()
    {
        var probe = await OpenApiProbe.LoadAsync(_app.CreateClient());
        var leader = await _app.ClientForAsync(TestUsers.KaiyangLeader.UserName);
        var withIds = probe.Operations.Where(o => o.IsSafe && o.PathParameters.Any() && o.Template.StartsWith("/api/", StringComparison.Ordinal)).ToList();
        Assert.True(withIds.Count >= 5, $"Only {withIds.Count} GET operations with path parameters");

        var seen = 0;
        foreach (var operation in withIds)
        {
            using var request = probe.Build(operation, _kaiyang);
            using var response = await leader.SendAsync(request);
            var body = await OpenApiProbe.ReadTextAsync(response);
            Assert.True(response.IsSuccessStatusCode, $"{request.Method} {request.RequestUri} → {(int)response.StatusCode}: {body}");
            if (_kaiyang.LeakIn(body) is not null)
            {
                seen++;
            }
        }

        output.WriteLine($"Owner: {withIds.Count} GET operations with ids answered 2xx, {seen} carried the record's markers");

        // The leak detector recognises the owner's own records in what the owner is shown.
        Assert.True(seen >= 3, $"The records' markers appeared in only {seen} of {withIds.Count} owner responses");
    }

    private async Task<Guid> OrganIdAsync(string name)
    {
        await using var db = _app.CreateDb();
        return await db.Organs.AsNoTracking().Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
    }
}
