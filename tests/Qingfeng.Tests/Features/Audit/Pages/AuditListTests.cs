using Bunit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Qingfeng.Features.Audit;
using Qingfeng.Features.Audit.Pages;
using Qingfeng.Platform.Data;
using Qingfeng.Platform.Security;
using Qingfeng.Tests.Components;
using Xunit;

namespace Qingfeng.Tests.Features.Audit.Pages;

/// <summary>The audit page's verify button shows what verification found, on a real (temporary SQLite) database.</summary>
public sealed class AuditListTests : AntDesignTestBase
{
    private readonly string _directory = Directory.CreateTempSubdirectory("qf_audit_page_").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 2, 2, 0, 0, TimeSpan.Zero));
    private readonly QingfengDatabase _database;
    private readonly AuditOptions _options;

    public AuditListTests()
    {
        _database = new QingfengDatabase(new DatabaseOptions { ConnectionString = $"Data Source={Path.Combine(_directory, "audit.db")}" }, _directory, AuditKey.Generate());
        _options = new AuditOptions { CheckpointFile = Path.Combine(_directory, "checkpoints.jsonl") };
        var auditor = new CurrentUser();
        auditor.Set(new UserContext(Guid.CreateVersion7(), "auditadmin", "安全审计员", Guid.CreateVersion7(), "贵州省纪委监委", new HashSet<string> { Roles.AuditAdmin }, null));
        Services.AddSingleton(_database);
        Services.AddSingleton(_options);
        Services.AddSingleton<TimeProvider>(_clock);
        Services.AddSingleton(auditor);
        Services.AddScoped<IDbContextFactory<QingfengDb>, QingfengDbFactory>();
        Services.AddScoped<AuditLog>();
        Services.AddScoped<Qingfeng.Platform.Documents.ExportHeadings>();

        // AntDesign's drop-downs and alerts measure themselves through JavaScript, which bUnit does not run: the filters are
        // not under test, and an alert is its message.
        ComponentFactories.AddStub(type => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(AntDesign.Select<,>));
        ComponentFactories.AddStub<AntDesign.Alert>(alert => $"<div class=\"alert\">{alert.Get(a => a.Message)}</div>");
    }

    [Fact]
    public async Task Verifying_after_the_newest_entries_were_deleted_shows_the_truncation_against_the_checkpoint()
    {
        await _database.MigrateAsync(Xunit.TestContext.Current.CancellationToken);
        for (var i = 0; i < 6; i++)
        {
            await using var db = _database.Create(new DbActor(_clock, () => UserContext.System));
            db.AuditEntries.Add(new AuditEntry("View", "Clue", $"c-{i}", null));
            await db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
        }

        await new AuditCheckpointWriter(_database, _options, _clock).WriteAsync(Xunit.TestContext.Current.CancellationToken);
        await using (var connection = new SqliteConnection(_database.ConnectionString))
        {
            await connection.OpenAsync(Xunit.TestContext.Current.CancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = AppendOnlyAudit.SqliteDropSql + """DELETE FROM "AuditEntries" WHERE "Sequence" > 4""";
            await command.ExecuteNonQueryAsync(Xunit.TestContext.Current.CancellationToken);
        }

        var page = Render<AuditList>();
        page.WaitForElement("[data-testid=page-ready]");
        page.Find("[data-testid=audit-verify]").Click();

        page.WaitForAssertion(() => Assert.Contains("审计日志校验失败", page.Find("[data-testid=audit-verify-result]").TextContent, StringComparison.Ordinal));
        var findings = page.Find("[data-testid=audit-verify-findings]").TextContent;
        Assert.Contains("审计链末尾的记录被删除", findings, StringComparison.Ordinal);
        Assert.Contains("审计链止于序号 4，但 2026-12-02 02:00:00Z 的锚点 #1 记录的末条为序号 6：序号 4 之后的记录被删除（2 条）。", findings, StringComparison.Ordinal);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
