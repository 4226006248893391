using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Qingfeng.Features.DemoProvince;
using Qingfeng.Features.Roster;
using Qingfeng.Platform.Data;
using Qingfeng.Platform.Security;

// Qingfeng benchmarks. Each measurement runs next to a baseline in the same process, and the
// report gives the ratio. Usage:
//   dotnet run -c Release --project bench/Qingfeng.Benchmarks -- import [--rows 25000] [--runs 3]
//   dotnet run -c Release --project bench/Qingfeng.Benchmarks -- clues [--clues 500000] [--samples 200] [--postgres "Host=…"]
var verb = args.FirstOrDefault() ?? "import";
var rows = Option("--rows", 25_000);
var runs = Option("--runs", 3);
if (verb == "clues")
{
    var postgresIndex = Array.IndexOf(args, "--postgres");
    return await Qingfeng.Benchmarks.ClueBenchmark.RunAsync(Option("--clues", 500_000), Option("--samples", 200), postgresIndex >= 0 ? args[postgresIndex + 1] : null);
}

if (verb != "import")
{
    Console.Error.WriteLine($"Unknown benchmark '{verb}'. Available: import, clues");
    return 2;
}

var app = new List<double>();
var baseline = new List<double>();
for (var run = 1; run <= runs; run++)
{
    app.Add(await ImportThroughAppAsync(rows));
    baseline.Add(await ImportRawSqlAsync(rows));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {run}: app {app[^1]:0.00} s, raw SQL {baseline[^1]:0.00} s"));
}

var appMedian = Median(app);
var rawMedian = Median(baseline);
Console.WriteLine();
Console.WriteLine("| benchmark | rows | Qingfeng import (median) | raw SQL baseline (median) | ratio |");
Console.WriteLine("|---|---|---|---|---|");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| roster import, SQLite | {rows:N0} | {appMedian:0.00} s | {rawMedian:0.00} s | {appMedian / rawMedian:0.0}x |"));
return 0;

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

static string NewDatabase() => Path.Combine(Path.GetTempPath(), $"qf_bench_{Guid.NewGuid():N}.db");

// The template rows: synthetic officials spread over the demo province's villages, townships and counties.
static async Task<(QingfengDatabase Database, List<Dictionary<string, object?>> Rows, Guid Organ)> PrepareAsync(int count)
{
    var file = NewDatabase();
    var database = new QingfengDatabase(new DatabaseOptions { ConnectionString = $"Data Source={file}" }, Path.GetTempPath());
    await database.MigrateAsync();
    await DemoProvinceGenerator.GenerateAsync(database, DemoScale.Demo, TimeProvider.System);
    await using var db = database.Create(DbActor.System);
    var regions = await db.Regions.AsNoTracking().Where(r => r.Level >= RegionLevel.County).Select(r => r.Code).ToListAsync();
    var organ = await db.Organs.AsNoTracking().Where(o => o.Name == "贵州省纪委监委").Select(o => o.Id).SingleAsync();
    string[] surnames = ["赵", "钱", "孙", "李", "周", "吴", "郑", "王"];
    string[] given = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
    var random = new Random(7);
    var rows = Enumerable.Range(0, count).Select(i => new Dictionary<string, object?>
    {
        ["姓名"] = surnames[i % 8] + given[(i / 8) % 10] + given[(i / 80) % 10] + given[(i / 800) % 10],
        ["性别"] = i % 3 == 0 ? "女" : "男",
        ["出生日期"] = new DateOnly(1965 + (i % 30), 1 + (i % 12), 1 + (i % 28)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
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
    return (database, rows, organ);
}

static async Task<double> ImportThroughAppAsync(int count)
{
    var (database, rows, organ) = await PrepareAsync(count);
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
    if (!result.Succeeded || result.OfficialsCreated != count)
    {
        throw new InvalidOperationException($"Import failed: {string.Join("; ", result.Errors.Take(5).Select(e => $"{e.Row}{e.Column} {e.Message}"))}");
    }

    return watch.Elapsed.TotalSeconds;
}

// Baseline: the same rows written by hand-written SQL in one transaction (no parsing of Excel, no validation, no audit).
static async Task<double> ImportRawSqlAsync(int count)
{
    var (database, rows, _) = await PrepareAsync(count);
    var watch = Stopwatch.StartNew();
    await using var connection = new SqliteConnection(database.ConnectionString);
    await connection.OpenAsync();
    await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
    var units = new Dictionary<string, Guid>(StringComparer.Ordinal);
    await using var unit = connection.CreateCommand();
    unit.CommandText = "INSERT INTO Units (Id, Name, Kind, ManagingLevel, Sector, RegionCode, RegionKey, CreatedAt, CreatedBy, Version) VALUES ($id, $name, 11, 3, 'x', $region, $region, 0, 'bench', $v)";
    await using var post = connection.CreateCommand();
    post.CommandText = "INSERT INTO Posts (Id, UnitId, Title, IsPrincipal, Rank, CreatedAt, CreatedBy, Version) VALUES ($id, $unit, $title, 0, 5, 0, 'bench', $v)";
    await using var official = connection.CreateCommand();
    official.CommandText = "INSERT INTO Officials (Id, Name, NamePinyin, NameInitials, Gender, BirthDate, UnitId, RegionKey, Position, IsPrincipal, Rank, CreatedAt, CreatedBy, Version) VALUES ($id, $name, '', '', 1, $birth, $unit, $region, $title, 0, 5, 0, 'bench', $v)";
    await using var tenure = connection.CreateCommand();
    tenure.CommandText = "INSERT INTO Tenures (Id, OfficialId, PostId, Start, CreatedAt, CreatedBy, Version) VALUES ($id, $official, $post, '2024-01-01', 0, 'bench', $v)";
    foreach (var command in new[] { unit, post, official, tenure })
    {
        command.Transaction = transaction;
    }

    var posts = new Dictionary<(Guid, string), Guid>();
    foreach (var row in rows)
    {
        var region = (string)row["区划代码"]!;
        var unitKey = region + "|" + row["单位名称"];
        if (!units.TryGetValue(unitKey, out var unitId))
        {
            unitId = Guid.CreateVersion7();
            units[unitKey] = unitId;
            Execute(unit, ("$id", unitId), ("$name", row["单位名称"]), ("$region", region), ("$v", Guid.NewGuid()));
        }

        var title = (string)row["职务"]!;
        if (!posts.TryGetValue((unitId, title), out var postId))
        {
            postId = Guid.CreateVersion7();
            posts[(unitId, title)] = postId;
            Execute(post, ("$id", postId), ("$unit", unitId), ("$title", title), ("$v", Guid.NewGuid()));
        }

        var officialId = Guid.CreateVersion7();
        Execute(official, ("$id", officialId), ("$name", row["姓名"]), ("$birth", row["出生日期"]), ("$unit", unitId), ("$region", region), ("$title", title), ("$v", Guid.NewGuid()));
        Execute(tenure, ("$id", Guid.CreateVersion7()), ("$official", officialId), ("$post", postId), ("$v", Guid.NewGuid()));
    }

    await transaction.CommitAsync();
    watch.Stop();
    return watch.Elapsed.TotalSeconds;

    static void Execute(SqliteCommand command, params (string Name, object? Value)[] values)
    {
        command.Parameters.Clear();
        foreach (var (name, value) in values)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        command.ExecuteNonQuery();
    }
}
