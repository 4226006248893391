using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qingfeng.Features.Accounts;
using Qingfeng.IntegrationTests.Infrastructure;
using Qingfeng.Platform.Security;
using Xunit;

namespace Qingfeng.IntegrationTests.Security;

/// <summary>
/// Every operation of the OpenAPI document × every persona, each aimed at records of a jurisdiction the
/// persona cannot see. Nothing is listed by hand: a new endpoint joins the matrix by being in the document.
/// The app is the test's own, because the probes write (users, tokens, calendars) wherever a role may.
/// </summary>
public sealed partial class AuthorizationMatrixTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>The share of the mapped <c>/api/v1</c> operations the matrix must aim at a foreign record (issue 15).</summary>
    private const double MinimumAimedShare = 0.95;

    /// <summary>
    /// Operations the probe cannot aim at a foreign record, and why. Everything else in the document is aimed; an operation that
    /// becomes aimed must leave this list, and a new one that is not must join it with its reason.
    /// </summary>
    private static readonly Dictionary<string, string> NotAimed = new(StringComparer.Ordinal)
    {
        // User accounts are administered province-wide by the provincial system and security administrators: no account is
        // foreign to them and no other role may call these at all (403 for every other caller, whatever the id).
        ["PUT /api/v1/users/{id}/roles"] = UsersAreProvinceWide,
        ["POST /api/v1/users/{id}/sign-out"] = UsersAreProvinceWide,
        ["POST /api/v1/users/{id}/unlock"] = UsersAreProvinceWide,

        // The demo province seeds delegations in 开阳县 only: the 开阳县 one is aimed at every caller from elsewhere, while the
        // 开阳县 callers aimed at 赤水市 get a made-up id.
        ["POST /api/v1/delegations/{id}/end"] = "赤水市 has no delegation to aim at",
    };

    private const string UsersAreProvinceWide = "accounts have no jurisdiction: only the provincial administrators manage them, for every organ";

    private QingfengApp _app = null!;
    private ForeignRecords _kaiyang = null!;
    private ForeignRecords _chishui = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await QingfengApp.StartAsync(Provider.Sqlite);
        var kaiyangPetition = await _app.ClientForAsync(TestUsers.KaiyangPetition.UserName);
        var chishuiPetition = await _app.ClientForOrganAsync(await _app.OrganIdAsync("赤水市纪委监委"), Roles.PetitionOffice);
        _kaiyang = await WithJurisdictionRecordsAsync(await ForeignRecords.CreateAsync(_app, "开阳县", "520121", kaiyangPetition, await _app.ClientForAsync(TestUsers.KaiyangSupervision.UserName)), kaiyangPetition);
        _chishui = await WithJurisdictionRecordsAsync(await ForeignRecords.CreateAsync(_app, "赤水市", "520381", chishuiPetition, await _app.ClientForAsync(TestUsers.ChishuiSupervision.UserName)), chishuiPetition);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task No_role_reads_or_changes_another_jurisdictions_records_through_any_documented_endpoint()
    {
        var probe = await OpenApiProbe.LoadAsync(_app.CreateClient());

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
                var uri = request.RequestUri!.OriginalString;
                var targetsForeignRecord = operation.PathParameters.Any() && uri.Contains(foreign.ClueId.ToString(), StringComparison.Ordinal)
                    || uri.Contains(foreign.OfficialId.ToString(), StringComparison.Ordinal)
                    || foreign.Records.Values.Any(r => uri.Contains(r.ToString(), StringComparison.Ordinal));
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
    public async Task The_matrix_aims_at_a_foreign_record_in_nearly_every_mapped_api_operation()
    {
        var probe = await OpenApiProbe.LoadAsync(_app.CreateClient());
        var documented = probe.Operations.Where(o => o.Template.StartsWith("/api/v1/", StringComparison.Ordinal)).Select(o => o.ToString()).ToHashSet(StringComparer.Ordinal);

        // What the app maps (its routing), against what the document shows: the matrix sees only what is documented.
        var mapped = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith("/api/v1/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {Template(e.RoutePattern.RawText!)}"))
            .ToHashSet(StringComparer.Ordinal);
        var undocumented = mapped.Except(documented).Order(StringComparer.Ordinal).ToList();
        Assert.True(undocumented.Count == 0, "Mapped API operations missing from /openapi/v1.json, so no matrix probes them:\n" + string.Join('\n', undocumented));

        var unaimed = probe.Operations.Where(o => documented.Contains(o.ToString()))
            .Select(o => (Operation: o.ToString(), Reasons: (IReadOnlyList<string>)[.. OpenApiProbe.Unaimed(o, _kaiyang).Select(r => $"{_kaiyang.Jurisdiction}: {r}"),
                .. OpenApiProbe.Unaimed(o, _chishui).Select(r => $"{_chishui.Jurisdiction}: {r}")]))
            .Where(x => x.Reasons.Count > 0).ToList();
        var aimed = documented.Count - unaimed.Count;
        output.WriteLine($"{aimed} of {mapped.Count} mapped /api/v1 operations aimed at a foreign record ({(double)aimed / mapped.Count:P1}); not aimed:\n"
            + string.Join('\n', unaimed.Select(u => $"{u.Operation}: {string.Join("; ", u.Reasons)}")));

        Assert.True(aimed >= MinimumAimedShare * mapped.Count, $"Only {aimed} of {mapped.Count} mapped API operations aimed at a foreign record");
        var unexplained = unaimed.Where(u => !NotAimed.ContainsKey(u.Operation)).Select(u => $"{u.Operation}: {string.Join("; ", u.Reasons)}").ToList();
        Assert.True(unexplained.Count == 0, "Operations not aimed at a foreign record (give the probe a record for them, or list them in NotAimed with the reason):\n" + string.Join('\n', unexplained));
        var stale = NotAimed.Keys.Where(k => !unaimed.Any(u => u.Operation == k)).ToList();
        Assert.True(stale.Count == 0, "Listed in NotAimed but aimed now, or gone (remove them): " + string.Join(", ", stale));
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

    /// <summary>A route pattern as the document writes it: parameters without their constraints (<c>{id:guid}</c> → <c>{id}</c>), no trailing slash.</summary>
    private static string Template(string pattern) => RouteConstraint().Replace(pattern, "{$1}").TrimEnd('/');

    [GeneratedRegex(@"\{\*?([A-Za-z0-9_]+)(:[^}]*)?\??\}")]
    private static partial Regex RouteConstraint();

    /// <summary>
    /// The records of the jurisdiction's staff and organs that this matrix aims at besides the supervision records: an API token of
    /// its petition officer (nobody else may revoke it) and a delegation of one of its organs (nobody outside may end it), when the
    /// demo province seeded one there.
    /// </summary>
    private async Task<ForeignRecords> WithJurisdictionRecordsAsync(ForeignRecords foreign, HttpClient petition)
    {
        var records = new Dictionary<string, Guid>(foreign.Records, StringComparer.Ordinal)
        {
            ["tokens"] = (await (await petition.GetAsync("/api/v1/account/tokens")).OkJsonAsync<List<ApiTokenItem>>()).First(t => t.RevokedAt is null).Id,
        };
        return await (foreign with { Records = records }).WithDelegationAsync(_app);
    }
}
