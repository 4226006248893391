using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Qingfeng.Features.DemoProvince;
using Qingfeng.Features.Roster;
using Qingfeng.Platform.Data;
using Qingfeng.Platform.Security;

namespace Qingfeng.Benchmarks;

/// <summary>
/// A 25,000-row roster import into a fresh demo database: through the app (Excel parsing, row-by-row validation,
/// units and posts found or created, tenures, one audit entry per official, atomic commit) next to the same rows
/// written by hand-written SQL in one transaction (no Excel, no validation, no audit). Each run gets its own
/// database (a temporary SQLite file or PostgreSQL database), so the figures are in seconds per import.
/// </summary>
internal static class RosterImportBenchmark
{
    public static async Task<Measurement> RunAsync(int rows, int runs, string? postgres)
    {
        var app = new List<double>();
        var raw = new List<double>();
        var loop = Stopwatch.StartNew();
        for (var run = 1; run <= runs; run++)
        {
            app.Add(await WithDatabaseAsync(postgres, rows, ImportThroughAppAsync));
            raw.Add(await WithDatabaseAsync(postgres, rows, ImportRawSqlAsync));
            Console.WriteLine($"roster import run {run}: app {app[^1]:0.00} s, raw SQL {raw[^1]:0.00} s");
        }

        // Samples are in milliseconds like every other row; the report prints this row in seconds.
        return new Measurement($"roster import ({rows:N0} rows, Excel)", new Samples([.. app.Select(s => s * 1000)], app.Sum()), new Samples([.. raw.Select(s => s * 1000)], raw.Sum()), Target: new Target(15_000));
    }

    private static async Task<double> WithDatabaseAsync(string? postgres, int rows, Func<QingfengDatabase, List<Dictionary<string, object?>>, Guid, Task<double>> import)
    {
        var root = Path.Combine(Path.GetTempPath(), $"qf_import_{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        var name = "qf_import_" + Guid.NewGuid().ToString("N")[..10];
        try
        {
            QingfengDatabase database;
            if (postgres is null)
            {
                database = new QingfengDatabase(new DatabaseOptions { ConnectionString = $"Data Source={Path.Combine(root, "import.db")}" }, root);
            }
            else
            {
                await using (var admin = new Npgsql.NpgsqlConnection(postgres))
                {
                    await admin.OpenAsync();
                    await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
                    await create.ExecuteNonQueryAsync();
                }

                database = new QingfengDatabase(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = new Npgsql.NpgsqlConnectionStringBuilder(postgres) { Database = name }.ConnectionString }, root);
            }

            await database.MigrateAsync();
            await DemoProvinceGenerator.GenerateAsync(database, DemoScale.Demo, TimeProvider.System);
            var (template, organ) = await TemplateAsync(database, rows);
            return await import(database, template, organ);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Npgsql.NpgsqlConnection.ClearAllPools();
            if (postgres is not null)
            {
                await using var admin = new Npgsql.NpgsqlConnection(postgres);
                await admin.OpenAsync();
                await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
            }

            Directory.Delete(root, recursive: true);
        }
    }

    // The template rows: synthetic officials spread over the demo province's villages, townships and counties.
    private static async Task<(List<Dictionary<string, object?>> Rows, Guid Organ)> TemplateAsync(QingfengDatabase database, int count)
    {
        await using var db = database.Create(DbActor.System);
        var regions = await db.Regions.AsNoTracking().Where(r => r.Level >= RegionLevel.County).OrderBy(r => r.Code).Select(r => r.Code).ToListAsync();
        var organ = await db.Organs.AsNoTracking().Where(o => o.Name == "贵州省纪委监委").Select(o => o.Id).SingleAsync();
        string[] surnames = ["赵", "钱", "孙", "李", "周", "吴", "郑", "王"];
        string[] given = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
        var random = new Random(7);
        var rows = Enumerable.Range(0, count).Select(i => new Dictionary<string, object?>
        {
            ["姓名"] = surnames[i % 8] + given[(i / 8) % 10] + given[(i / 80) % 10] + given[(i / 800) % 10],
            ["性别"] = i % 3 == 0 ? "女" : "男",
            ["出生日期"] = new DateOnly(1965 + (i % 30), 1 + (i % 12), 1 + (i % 28)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["区划代码"] = regions[random.Next(regions.Count)],
            ["单位名称"] = $"基准测试单位{i / 25:D4}",
            ["单位类型"] = "事业单位",
            ["管理层级"] = "县管",
            ["行业领域"] = "基准",
            ["职务"] = $"工作人员{i % 25:D2}",
            ["是否一把手"] = "否",
            ["一把手类别"] = null,
            ["职级"] = "一般干部及其他",
            ["任职开始日期"] = "2024-01-01",
        }).ToList();
        return (rows, organ);
    }

    private static async Task<double> ImportThroughAppAsync(QingfengDatabase database, List<Dictionary<string, object?>> rows, Guid organ)
    {
        using var file = new MemoryStream();
        file.SaveAs(rows);
        file.Position = 0;
        var user = new CurrentUser();
        user.Set(new UserContext(Guid.CreateVersion7(), "bench", "bench", organ, "贵州省纪委监委", new HashSet<string> { Roles.CaseManagement }, "127.0.0.1"));
        var factory = new QingfengDbFactory(database, user, TimeProvider.System);
        var importer = new RosterImporter(factory, user, new JurisdictionService(factory, user, TimeProvider.System), TimeProvider.System);
        var watch = Stopwatch.StartNew();
        var result = await importer.ImportAsync(file, "bench.xlsx");
        watch.Stop();
        if (!result.Succeeded || result.OfficialsCreated != rows.Count)
        {
            throw new InvalidOperationException($"Import failed: {string.Join("; ", result.Errors.Take(5).Select(e => $"{e.Row}{e.Column} {e.Message}"))}");
        }

        return watch.Elapsed.TotalSeconds;
    }

    // Baseline: the same rows written by hand-written SQL in one transaction (no parsing of Excel, no validation, no audit).
    private static async Task<double> ImportRawSqlAsync(QingfengDatabase database, List<Dictionary<string, object?>> rows, Guid organ)
    {
        var raw = new RawSql(database);
        var watch = Stopwatch.StartNew();
        await using var connection = await raw.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var now = DateTimeOffset.UtcNow;
        var units = new Dictionary<string, Guid>(StringComparer.Ordinal);
        var posts = new Dictionary<(Guid, string), Guid>();
        async Task ExecuteAsync(string sql, params (string, object?)[] parameters)
        {
            await using var command = raw.Command(connection, sql, parameters);
            command.Transaction = transaction;
            await command.ExecuteNonQueryAsync();
        }

        foreach (var row in rows)
        {
            var region = (string)row["区划代码"]!;
            var unitKey = region + "|" + row["单位名称"];
            if (!units.TryGetValue(unitKey, out var unitId))
            {
                unitId = Guid.CreateVersion7();
                units[unitKey] = unitId;
                await ExecuteAsync(
                    """INSERT INTO "Units" ("Id", "Name", "Kind", "ManagingLevel", "Sector", "RegionCode", "RegionKey", "CreatedAt", "CreatedBy", "Version") VALUES (@id, @name, 11, 3, 'x', @region, @region, @now, 'bench', @v)""",
                    ("@id", unitId), ("@name", row["单位名称"]), ("@region", region), ("@now", now), ("@v", Guid.NewGuid()));
            }

            var title = (string)row["职务"]!;
            if (!posts.TryGetValue((unitId, title), out var postId))
            {
                postId = Guid.CreateVersion7();
                posts[(unitId, title)] = postId;
                await ExecuteAsync(
                    """INSERT INTO "Posts" ("Id", "UnitId", "Title", "IsPrincipal", "Rank", "CreatedAt", "CreatedBy", "Version") VALUES (@id, @unit, @title, FALSE, 5, @now, 'bench', @v)""",
                    ("@id", postId), ("@unit", unitId), ("@title", title), ("@now", now), ("@v", Guid.NewGuid()));
            }

            var officialId = Guid.CreateVersion7();
            await ExecuteAsync(
                """INSERT INTO "Officials" ("Id", "Name", "NamePinyin", "NameInitials", "Gender", "BirthDate", "UnitId", "RegionKey", "Position", "IsPrincipal", "Rank", "CreatedAt", "CreatedBy", "Version") VALUES (@id, @name, '', '', 1, @birth, @unit, @region, @title, FALSE, 5, @now, 'bench', @v)""",
                ("@id", officialId), ("@name", row["姓名"]), ("@birth", DateOnly.Parse((string)row["出生日期"]!, System.Globalization.CultureInfo.InvariantCulture)), ("@unit", unitId), ("@region", region), ("@title", title), ("@now", now), ("@v", Guid.NewGuid()));
            await ExecuteAsync(
                """INSERT INTO "Tenures" ("Id", "OfficialId", "PostId", "Start", "CreatedAt", "CreatedBy", "Version") VALUES (@id, @official, @post, @start, @now, 'bench', @v)""",
                ("@id", Guid.CreateVersion7()), ("@official", officialId), ("@post", postId), ("@start", new DateOnly(2024, 1, 1)), ("@now", now), ("@v", Guid.NewGuid()));
        }

        await transaction.CommitAsync();
        return watch.Elapsed.TotalSeconds;
    }
}
