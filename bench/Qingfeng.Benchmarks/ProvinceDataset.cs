using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Qingfeng.Features.Audit;
using Qingfeng.Features.Clues;
using Qingfeng.Features.Clues.Text;
using Qingfeng.Features.DemoProvince;
using Qingfeng.Features.Notifications;
using Qingfeng.Features.Organs;
using Qingfeng.Features.Roster;
using Qingfeng.Platform.Calendar;
using Qingfeng.Platform.Data;
using Qingfeng.Platform.Data.FullText;
using Qingfeng.Platform.Security;
using Qingfeng.Platform.Text;

namespace Qingfeng.Benchmarks;

/// <summary>The size of a benchmark dataset.</summary>
internal sealed record BenchScale(string Name, DemoScale Roster, int Clues, long AuditRows)
{
    public static readonly BenchScale Province = new("province", DemoScale.Province, 500_000, 10_000_000);

    /// <summary>A fifth of the clues and audit rows, for databases where generating the full set takes over an hour.</summary>
    public static readonly BenchScale Medium = new("medium", DemoScale.Province, 100_000, 2_000_000);

    public static readonly BenchScale Quick = new("quick", DemoScale.Province, 20_000, 200_000);

    public static BenchScale Parse(string name) => name switch
    {
        "province" => Province,
        "medium" => Medium,
        "quick" => Quick,
        _ => throw new ArgumentException($"Unknown scale '{name}' (province, medium or quick).", nameof(name)),
    };
}

/// <summary>The organ measured: the county commission holding the most clues.</summary>
internal sealed record BenchOrgan(Guid Id, string Name, string RegionCode, int Clues);

internal sealed record BenchOfficial(Guid Id, string Name, string UnitName, string Position, bool IsPrincipal, LeaderCategory? Category, string RegionKey, Guid UnitId);

/// <summary>
/// A province-scale dataset in SQLite or PostgreSQL: the demo province's roster (≈25,000 officials), clues with
/// generated Chinese text spread over the 88 county commissions, and millions of hash-chained audit rows. Generated
/// once per scale and provider and kept (under <c>artifacts/bench-data</c>, or as a PostgreSQL database) with the
/// encryption keys it was written with, so that later runs measure without regenerating (<c>--fresh</c> regenerates).
/// </summary>
internal sealed class ProvinceDataset : IAsyncDisposable
{
    private ProvinceDataset(QingfengDatabase database, ServiceProvider services, BenchScale scale, string dataDirectory)
    {
        Database = database;
        Services = services;
        Scale = scale;
        DataDirectory = dataDirectory;
    }

    public QingfengDatabase Database { get; }

    public ServiceProvider Services { get; }

    public BenchScale Scale { get; }

    public string DataDirectory { get; }

    public BenchOrgan Organ { get; private set; } = new(Guid.Empty, "", "", 0);

    public int Officials { get; private set; }

    public int Clues { get; private set; }

    public long AuditRows { get; private set; }

    public TimeSpan? GeneratedIn { get; private set; }

    public string Label => Database.Provider == DatabaseProvider.Sqlite ? "SQLite" : "PostgreSQL";

    public static async Task<ProvinceDataset> OpenAsync(BenchScale scale, string? postgres, string dataDirectory, bool fresh)
    {
        Directory.CreateDirectory(dataDirectory);
        var keys = LoadOrCreateKeys(Path.Combine(dataDirectory, "keys.json"));
        var auditKey = new AuditKey(Convert.FromBase64String(keys.AuditKey!));
        var database = postgres is null
            ? await SqliteAsync(Path.Combine(dataDirectory, $"{scale.Name}.db"), fresh, auditKey)
            : await PostgresAsync(postgres, $"qf_bench_{scale.Name}", fresh, auditKey);
        var dataset = new ProvinceDataset(database, Compose(database, dataDirectory, keys), scale, dataDirectory);
        if (!await dataset.IsCompleteAsync())
        {
            var watch = Stopwatch.StartNew();
            await dataset.GenerateAsync();
            dataset.GeneratedIn = watch.Elapsed;
        }

        // Datasets written before the search index held scope tokens are brought up to date, as the app does at start.
        var upgraded = await dataset.Services.GetRequiredService<ClueSearchIndexUpgrade>().UpgradeAsync(CancellationToken.None);
        if (upgraded > 0)
        {
            Console.WriteLine($"search index: {upgraded:N0} clues re-indexed with scope tokens");
        }

        await dataset.DescribeAsync();
        return dataset;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();
    }

    public DbConnection OpenConnection() => Open(Database);

    public static DbConnection Open(QingfengDatabase database) => database.Provider == DatabaseProvider.Sqlite
        ? new Microsoft.Data.Sqlite.SqliteConnection(database.ConnectionString)
        : new Npgsql.NpgsqlConnection(database.ConnectionString);

    /// <summary>An official of the measured organ, for intake and profiles.</summary>
    public async Task<BenchOfficial> PrincipalOfficialAsync()
    {
        await using var db = Database.Create(DbActor.System);
        var key = Organ.RegionCode[..6];
        return await db.Officials.AsNoTracking().Where(o => o.RegionKey.StartsWith(key) && o.UnitId != null && o.IsPrincipal)
            .OrderBy(o => o.Id)
            .Select(o => new BenchOfficial(o.Id, o.Name, o.Unit!.Name, o.Position, o.IsPrincipal, o.LeaderCategory, o.RegionKey, o.UnitId!.Value))
            .FirstAsync();
    }

    private static async Task<QingfengDatabase> SqliteAsync(string file, bool fresh, AuditKey auditKey)
    {
        if (fresh && File.Exists(file))
        {
            File.Delete(file);
        }

        var database = new QingfengDatabase(new DatabaseOptions { ConnectionString = $"Data Source={file}" }, Path.GetDirectoryName(file)!, auditKey);
        await database.MigrateAsync();
        return database;
    }

    private static async Task<QingfengDatabase> PostgresAsync(string admin, string name, bool fresh, AuditKey auditKey)
    {
        await using (var connection = new Npgsql.NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var exists = new Npgsql.NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
            exists.Parameters.AddWithValue("name", name);
            var found = await exists.ExecuteScalarAsync() is not null;
            if (found && fresh)
            {
                await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE \"{name}\" WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
                found = false;
            }

            if (!found)
            {
                await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                await create.ExecuteNonQueryAsync();
            }
        }

        var database = new QingfengDatabase(
            new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = new Npgsql.NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString },
            Path.GetTempPath(),
            auditKey);
        await database.MigrateAsync();
        return database;
    }

    /// <summary>The field-encryption keys and the audit key (added to key files written before the audit chain was keyed).</summary>
    private sealed record BenchKeys(string Key, string IndexKey, string? AuditKey = null);

    private static BenchKeys LoadOrCreateKeys(string file)
    {
        if (File.Exists(file))
        {
            var stored = JsonSerializer.Deserialize<BenchKeys>(File.ReadAllText(file))!;
            if (stored.AuditKey is null)
            {
                stored = stored with { AuditKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(AuditKey.KeyBytes)) };
                File.WriteAllText(file, JsonSerializer.Serialize(stored));
            }

            return stored;
        }

        var keys = new BenchKeys(
            Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)),
            Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(AuditKey.KeyBytes)));
        File.WriteAllText(file, JsonSerializer.Serialize(keys));
        return keys;
    }

    private static ServiceProvider Compose(QingfengDatabase database, string root, BenchKeys keys)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["Database:ConnectionString"] = database.ConnectionString,
            ["Encryption:CurrentKeyId"] = "bench",
            ["Encryption:Keys:bench"] = keys.Key,
            ["Encryption:IndexKey"] = keys.IndexKey,
            ["Audit:Key"] = keys.AuditKey,
            ["Calendar:Directory"] = Path.Combine(root, "calendar"),
        }).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(TimeProvider.System);
        services
            .AddQingfengData(configuration, root)
            .AddQingfengSecurity()
            .AddAudit(configuration, root)
            .AddOrgans()
            .AddRoster()
            .AddNotifications()
            .AddWorkingDayCalendar(configuration, root)
            .AddFieldEncryption(configuration, root)
            .AddFullTextIndex()
            .AddChineseText()
            .AddClues(configuration);
        return services.BuildServiceProvider();
    }

    private const string MarkerTable = "bench_dataset";

    private async Task<bool> IsCompleteAsync()
    {
        await using var connection = OpenConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = Database.Provider == DatabaseProvider.Sqlite
            ? $"SELECT COUNT(*) FROM sqlite_master WHERE name = '{MarkerTable}'"
            : $"SELECT COUNT(*) FROM information_schema.tables WHERE table_name = '{MarkerTable}'";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) > 0;
    }

    private async Task DescribeAsync()
    {
        await using var db = Database.Create(DbActor.System);
        Officials = await db.Officials.CountAsync();
        Clues = await db.Clues.CountAsync();
        AuditRows = await db.AuditEntries.LongCountAsync();
        var top = await db.Clues.AsNoTracking().GroupBy(c => c.OrganId).Select(g => new { OrganId = g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count).FirstAsync();
        var organ = await db.Organs.AsNoTracking().SingleAsync(o => o.Id == top.OrganId);
        Organ = new BenchOrgan(organ.Id, organ.Name, organ.RegionCode, top.Count);
    }

    /// <summary>
    /// The roster, then the clues over every county commission in proportion to its officials, in states spread like
    /// a working register, then the audit rows; a marker table last, so that an interrupted generation starts again.
    /// </summary>
    private async Task GenerateAsync()
    {
        Console.WriteLine($"generating the {Scale.Name} dataset in {Label} ({Scale.Clues:N0} clues, {Scale.AuditRows:N0} audit rows): this takes a while once");
        await using (var db = Database.Create(DbActor.System))
        {
            if (await db.Officials.AnyAsync())
            {
                throw new InvalidOperationException($"The {Label} benchmark database holds an incomplete dataset: rerun with --fresh.");
            }
        }

        await DemoProvinceGenerator.GenerateAsync(Database, Scale.Roster, TimeProvider.System);
        await GenerateCluesAsync();
        await AuditRowGenerator.AppendAsync(Database, Scale.AuditRows);
        await using (var db = Database.Create(DbActor.System))
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
            await db.Database.ExecuteSqlRawAsync($"CREATE TABLE {MarkerTable} (scale TEXT NOT NULL)");
        }
    }

    private async Task GenerateCluesAsync()
    {
        var protection = Services.GetRequiredService<ClueProtection>();
        var deadlines = Services.GetRequiredService<ClueDeadlines>();
        var texts = Services.GetRequiredService<ClueTextGenerator>();
        List<(Organ Organ, List<BenchOfficial> Officials)> organs;
        await using (var db = Database.Create(DbActor.System))
        {
            var commissions = await db.Organs.AsNoTracking().Where(o => o.Kind == OrganKind.Commission && !o.RegionCode.EndsWith("00")).ToListAsync();
            var officials = await db.Officials.AsNoTracking().Where(o => o.UnitId != null)
                .Select(o => new BenchOfficial(o.Id, o.Name, o.Unit!.Name, o.Position, o.IsPrincipal, o.LeaderCategory, o.RegionKey, o.UnitId!.Value))
                .ToListAsync();
            organs = [.. commissions.Select(c => (c, officials.Where(o => o.RegionKey.StartsWith(c.RegionCode, StringComparison.Ordinal)).ToList())).Where(x => x.Item2.Count > 0)];
        }

        var random = new Random(20_261_128);
        var total = organs.Sum(o => o.Officials.Count);
        var actor = new ClueActor(Guid.CreateVersion7(), "bench", new HashSet<string> { Roles.PetitionOffice, Roles.CaseManagement, Roles.CommissionLeader, Roles.SupervisionOffice });
        var today = ChinaTime.DateOf(DateTimeOffset.UtcNow);
        var steps = new[] { ClueAction.SubmitToCaseManagement, ClueAction.ProposeAllocation, ClueAction.ApproveAllocation };
        const int Batch = 5_000;
        var pending = new List<(Clue Clue, string Text)>(Batch);
        var written = 0;
        var watch = Stopwatch.StartNew();
        foreach (var (organ, officials) in organs)
        {
            var share = (int)Math.Round((double)Scale.Clues * officials.Count / total);
            var prefix = ClueNumbering.PrefixFor(organ.Name);
            for (var i = 0; i < share; i++)
            {
                var official = officials[random.Next(officials.Count)];
                var received = today.AddDays(-random.Next(1, 1_500));
                var person = new ReportedPerson(official.Id, official.Name, official.UnitName, official.Position, official.IsPrincipal, official.Category, official.RegionKey, official.UnitId);
                var category = ClueTextGenerator.CommonCategoryCodes[random.Next(ClueTextGenerator.CommonCategoryCodes.Count)];
                var clue = new Clue(string.Create(CultureInfo.InvariantCulture, $"{prefix}-{received.Year}-B{i:0000000}"), organ.Id, ClueSource.Online12388, received, false, [person], [category]);
                var text = texts.Generate(random, official.Name, official.UnitName, official.Position, category);
                protection.Protect(clue, text, null);
                var at = new DateTimeOffset(received.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero);
                clue.Registered(actor, at, deadlines);
                var count = random.Next(4);
                for (var s = 0; s < count; s++)
                {
                    clue.Apply(steps[s], new ClueActionInput { AssigneeId = actor.UserId, AssigneeName = actor.Name }, actor, at.AddDays(s + 1), deadlines);
                }

                pending.Add((clue, text));
                if (pending.Count == Batch)
                {
                    written += await FlushAsync(protection, pending);
                    Console.Write($"\rclues: {written:N0} / {Scale.Clues:N0} ({watch.Elapsed.TotalSeconds:0} s)");
                }
            }
        }

        written += await FlushAsync(protection, pending);
        Console.WriteLine($"\rclues: {written:N0} in {watch.Elapsed.TotalSeconds:0} s");
    }

    private async Task<int> FlushAsync(ClueProtection protection, List<(Clue Clue, string Text)> pending)
    {
        var count = pending.Count;
        await using var db = Database.Create(DbActor.System);
        await db.InTransactionAsync(
            async ct =>
            {
                db.BulkAuditSummary = new AuditEntry("Seed", "BenchClues", null, $"clues={pending.Count}");
                db.Clues.AddRange(pending.Select(p => p.Clue));
                await db.SaveChangesAsync(ct);
                foreach (var (clue, text) in pending)
                {
                    await protection.IndexAsync(db, clue, text, ct);
                }

                return true;
            },
            CancellationToken.None);
        pending.Clear();
        return count;
    }
}
