using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Qingfeng.Features.Organs;
using Qingfeng.IntegrationTests.Infrastructure;
using Qingfeng.IntegrationTests.Security;
using Qingfeng.Platform.Data;
using Xunit;

namespace Qingfeng.IntegrationTests.Platform.Data;

/// <summary>
/// No query is compiled twice: every documented read, called a second time by other users of the same organs and roles, and
/// by the office of a county no first-round caller belongs to, is answered from EF Core's compiled-query cache. The
/// jurisdiction and need-to-know filters send their regions, units and recusals as parameters, so a new user, a new session
/// or another county reuses the query of its shape (issue 17).
/// </summary>
[Collection(ProcessWideCollection.Name)]
public sealed class QueryCompilationTests(ITestOutputHelper output)
{
    private static readonly string[] Roles = [Qingfeng.Platform.Security.Roles.SupervisionOffice, Qingfeng.Platform.Security.Roles.CaseManagement, Qingfeng.Platform.Security.Roles.CommissionLeader];

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Every_documented_read_reuses_its_compiled_queries_for_other_users_and_other_counties(Provider provider)
    {
        await using var app = await QingfengApp.StartAsync(provider);
        var probe = await OpenApiProbe.LoadAsync(app.CreateClient());
        var reads = probe.Reads;
        var own = await ForeignRecords.KaiyangAsync(app);
        var kaiyang = await app.OrganIdAsync("开阳县纪委监委");
        var chishui = await app.OrganIdAsync("赤水市纪委监委");
        var other = await OtherCountyAsync(app);
        using var compilations = new QueryCompilations(app);

        await CallAsync(app, probe, reads, own, [.. Roles.Select(r => (kaiyang, r)), (chishui, Qingfeng.Platform.Security.Roles.SupervisionOffice)]);
        var warmed = compilations.Take().Count;
        await CallAsync(app, probe, reads, own, [.. Roles.Select(r => (kaiyang, r)), (other, Qingfeng.Platform.Security.Roles.SupervisionOffice)]);
        var again = compilations.Take();

        output.WriteLine($"{reads.Count} reads; first round compiled {warmed} queries, second round {again.Count}; EF's cache is {QingfengDatabase.QueryCacheFill:P1} full.");
        Assert.True(await SeesANewQueryAsync(app, compilations), "The counter does not see a query compiled on this app's database.");
        Assert.True(again.Count == 0, $"{again.Count} queries compiled again:\n" + string.Join("\n\n", again.Distinct().Take(5)));
    }

    /// <summary>
    /// A query no request has made (its marker is a constant in the query, so its shape is new) is compiled, and the counter
    /// sees it: the first round may compile nothing when earlier tests of the process already compiled every shape.
    /// </summary>
    private static async Task<bool> SeesANewQueryAsync(QingfengApp app, QueryCompilations compilations)
    {
        var marker = Guid.NewGuid().ToString("N");
        await using var db = app.CreateDb();
        var organ = Expression.Parameter(typeof(Organ), "o");
        var named = Expression.Lambda<Func<Organ, bool>>(Expression.Equal(Expression.Property(organ, nameof(Organ.Name)), Expression.Constant(marker)), organ);
        await db.Organs.AsNoTracking().AnyAsync(named);
        return compilations.Take().Any(q => q.Contains(marker, StringComparison.Ordinal));
    }

    /// <summary>Every read, once, by a new user of each organ and role (a fresh token, session and scope).</summary>
    private static async Task CallAsync(QingfengApp app, OpenApiProbe probe, IReadOnlyList<ApiOperation> reads, ForeignRecords own, IReadOnlyList<(Guid Organ, string Role)> callers)
    {
        foreach (var (organ, role) in callers)
        {
            var (client, _) = await app.ClientForNewUserAsync(organ, role);
            foreach (var read in reads)
            {
                using var response = await client.SendAsync(probe.Build(read, own));
            }
        }
    }

    /// <summary>A county commission other than Kaiyang and Chishui (the demo province's first by name).</summary>
    private static async Task<Guid> OtherCountyAsync(QingfengApp app)
    {
        await using var db = app.CreateDb();
        return await db.Organs.AsNoTracking()
            .Where(o => o.Name.EndsWith("县纪委监委") && o.Name != "开阳县纪委监委")
            .OrderBy(o => o.Name).Select(o => o.Id).FirstAsync();
    }
}
