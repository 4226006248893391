using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qingfeng.Features.Audit;
using Qingfeng.Features.Roster;
using Qingfeng.IntegrationTests.Infrastructure;
using Qingfeng.Platform;
using Qingfeng.Platform.Data;
using Qingfeng.Platform.Jobs;
using Qingfeng.Platform.Security;
using Xunit;

namespace Qingfeng.IntegrationTests.Features.Audit;

/// <summary>The hash-chained audit trail: what gets recorded, who may read it, and tamper detection.</summary>
public sealed class AuditTrailTests(SharedApps apps)
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Viewing_a_profile_is_recorded_with_user_organ_and_outcome(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        await using var db = app.CreateDb();
        var id = await db.Officials.AsNoTracking().Where(o => o.RegionKey.StartsWith("520121")).Select(o => o.Id).FirstAsync();
        var foreign = await db.Officials.AsNoTracking().Where(o => o.RegionKey.StartsWith("520381")).Select(o => o.Id).FirstAsync();

        // Other tests share this app and view the same officials as the shared personas: the viewer is this test's own.
        var kaiyang = await db.Organs.AsNoTracking().Where(o => o.Name == "开阳县纪委监委").Select(o => o.Id).SingleAsync();
        var (client, user) = await app.ClientForNewUserAsync(kaiyang, Roles.SupervisionOffice);
        var idText = id.ToString();
        var foreignText = foreign.ToString();

        await (await client.GetAsync($"/api/v1/officials/{id}")).OkJsonAsync<OfficialProfile>();
        await (await client.GetAsync($"/api/v1/officials/{foreign}")).ProblemAsync(HttpStatusCode.NotFound);

        await using var check = app.CreateDb();
        var entries = await check.AuditEntries.AsNoTracking()
            .Where(e => e.Action == "View" && e.UserName == user && (e.EntityId == idText || e.EntityId == foreignText))
            .ToListAsync();
        var seen = Assert.Single(entries, e => e.EntityId == idText);
        Assert.Equal(AuditOutcome.Success, seen.Outcome);
        Assert.Equal("开阳县纪委监委", seen.OrganName);
        Assert.Equal(AuditChain.KeyedAlgorithm, seen.Algorithm);
        Assert.Equal(AuditOutcome.Denied, Assert.Single(entries, e => e.EntityId == foreignText).Outcome);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Only_the_audit_administrator_reads_the_audit_trail(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var auditor = await app.ClientForAsync(TestUsers.AuditAdmin.UserName);
        var page = await (await auditor.GetAsync("/api/v1/audit?pageSize=10")).OkJsonAsync<Paged<AuditItem>>();
        Assert.NotEmpty(page.Items);

        foreach (var other in new[] { TestUsers.ProvinceLeader, TestUsers.SystemAdmin, TestUsers.SecurityAdmin })
        {
            var client = await app.ClientForAsync(other.UserName);
            await (await client.GetAsync("/api/v1/audit")).ProblemAsync(HttpStatusCode.Forbidden);
        }
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Verification_passes_on_a_clean_log_and_names_the_first_altered_entry(Provider provider)
    {
        await using var app = await QingfengApp.StartAsync(provider);
        var auditor = await app.ClientForAsync(TestUsers.AuditAdmin.UserName);
        var clean = await (await auditor.GetAsync("/api/v1/audit/verify")).OkJsonAsync<AuditVerification>();
        Assert.True(clean.Intact);
        Assert.True(clean.EntriesChecked > 1);

        long victim;
        await using (var db = app.CreateDb())
        {
            victim = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).Skip(1).Select(e => e.Sequence).FirstAsync();
            await DropAppendOnlyTriggersAsync(db);
            await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"UserName\" = 'intruder' WHERE \"Sequence\" = {victim}");
        }

        var broken = await (await auditor.GetAsync("/api/v1/audit/verify")).OkJsonAsync<AuditVerification>();
        Assert.False(broken.Intact);
        Assert.Equal(victim, broken.Break!.Sequence);
        Assert.Equal("Audit.Verify.Hash", broken.Break.Reason);

        var output = new StringWriter();
        var exit = await Commands.RunAsync(["audit", "verify", .. app.CommandSettings], output);
        Assert.Equal(1, exit);
        Assert.Contains($"#{victim}", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Deleting_an_entry_breaks_the_chain_at_the_gap(Provider provider)
    {
        await using var app = await QingfengApp.StartAsync(provider);
        long victim;
        await using (var db = app.CreateDb())
        {
            var output = new StringWriter();
            Assert.Equal(0, await Commands.RunAsync(["audit", "checkpoint", .. app.CommandSettings], output, app.Clock));
            Assert.True(await Commands.RunAsync(["audit", "verify", .. app.CommandSettings], output, app.Clock) == 0, output.ToString());
            victim = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).Skip(2).Select(e => e.Sequence).FirstAsync();
            await DropAppendOnlyTriggersAsync(db);
            await db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = {victim}");
        }

        var auditor = await app.ClientForAsync(TestUsers.AuditAdmin.UserName);
        var broken = await (await auditor.GetAsync("/api/v1/audit/verify")).OkJsonAsync<AuditVerification>();
        Assert.Equal(victim, broken.Break!.Sequence);
        Assert.Equal("Audit.Verify.Gap", broken.Break.Reason);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task The_periodic_checkpoint_anchors_the_head_and_the_api_reports_the_newest_entries_deleted_after_it(Provider provider)
    {
        // The test's own app: it deletes entries of the whole trail.
        await using var app = await QingfengApp.StartAsync(provider);
        Assert.Equal(TimeSpan.FromMinutes(30), app.Services.GetRequiredService<SweepSchedule<AuditCheckpointSweep>>().Interval);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<AuditCheckpointSweep>().RunAsync(TestContext.Current.CancellationToken));
        }

        long head;
        await using (var db = app.CreateDb())
        {
            var checkpoint = await db.AuditCheckpoints.AsNoTracking().SingleAsync();
            head = await db.AuditEntries.AsNoTracking().MaxAsync(e => e.Sequence);
            Assert.Equal((head, head), (checkpoint.HeadSequence, checkpoint.EntryCount));
            var filed = Assert.Single(new AuditCheckpointFile(app.AuditSettings["Audit:CheckpointFile"]).Read().Checkpoints);
            Assert.True(filed.SameAs(checkpoint));
        }

        var auditor = await app.ClientForAsync(TestUsers.AuditAdmin.UserName);
        var clean = await (await auditor.GetAsync("/api/v1/audit/verify")).OkJsonAsync<AuditVerification>();
        Assert.True(clean.Current, string.Join("; ", clean.Findings.Select(f => f.Code)));
        Assert.Equal((1L, head), (clean.LatestCheckpoint!.Number, clean.LatestCheckpoint.HeadSequence));

        // Verifying is itself recorded (head + 1); the owner then deletes the three newest entries before the checkpoint's head.
        await using (var db = app.CreateDb())
        {
            await DropAppendOnlyTriggersAsync(db);
            await db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Sequence\" > {head - 3}");
        }

        var broken = await (await auditor.GetAsync("/api/v1/audit/verify")).OkJsonAsync<AuditVerification>();
        Assert.False(broken.Intact);
        Assert.Null(broken.Break);
        var truncated = Assert.Single(broken.Findings, f => f.Code == "Audit.Verify.Truncated");
        Assert.Equal(AuditFindingSeverity.Broken, truncated.Severity);
        Assert.Equal([(head - 3).ToString(CultureInfo.InvariantCulture), "1"], truncated.Arguments.Take(2));
        Assert.Equal([head.ToString(CultureInfo.InvariantCulture), "3"], truncated.Arguments.Skip(3));
    }

    /// <summary>What the database's owner can do first: drop the triggers that refuse UPDATE and DELETE of audit rows.</summary>
    private static async Task DropAppendOnlyTriggersAsync(QingfengDb db) =>
        await db.Database.ExecuteSqlRawAsync(db is PostgresQingfengDb ? AppendOnlyAudit.PostgresDropSql : AppendOnlyAudit.SqliteDropSql);
}
