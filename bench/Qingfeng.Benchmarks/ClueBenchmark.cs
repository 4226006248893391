using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
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

/// <summary>
/// Clue intake, queue listing and full-text search at province scale, each next to the same work done by
/// hand-written SQL through the raw driver in the same run. SQLite by default; PostgreSQL with
/// <c>--postgres "connection string"</c> (a new database is created and dropped).
/// </summary>
internal static class ClueBenchmark
{
    private static readonly string[] SearchWords = ["礼金", "饮酒", "公车", "工程"];

    public static async Task<int> RunAsync(int clueCount, int samples, string? postgres)
    {
        var (database, root, cleanup) = await CreateDatabaseAsync(postgres);
        try
        {
            var services = Compose(database, root);
            var generated = Stopwatch.StartNew();
            var organ = await GenerateAsync(services, database, clueCount);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dataset: {clueCount:N0} clues generated in {generated.Elapsed.TotalSeconds:0} s ({database.Provider})"));

            var rows = new List<string>();
            var officer = new UserContext(Guid.CreateVersion7(), "bench.casemgmt", "bench", organ.Id, organ.Name, new HashSet<string> { Roles.CaseManagement }, "127.0.0.1");
            var petition = officer with { UserName = "bench.petition", Roles = new HashSet<string> { Roles.PetitionOffice } };

            // Queue listing: the first page of the organ's active clues, 一把手 first, with the total.
            var queue = new ClueQuery { ActiveOnly = true, PageSize = 20 };
            var app = await MeasureAsync(samples, async () => await InScopeAsync(services, officer, s => s.GetRequiredService<ClueQueries>().SearchAsync(queue)));
            var raw = await MeasureAsync(samples, () => RawQueueAsync(database, organ.Id));
            rows.Add(Row("queue listing (page 1 of active, 一把手 first, with count)", app, raw));

            // Full-text search of a two-character word within what the officer may see.
            var word = 0;
            app = await MeasureAsync(samples, async () => await InScopeAsync(services, officer, s => s.GetRequiredService<ClueQueries>().SearchAsync(new ClueQuery { Search = SearchWords[word++ % SearchWords.Length], PageSize = 20 })));
            var protection = services.GetRequiredService<ClueProtection>();
            word = 0;
            raw = await MeasureAsync(samples, () => RawSearchAsync(database, organ.Id, protection, SearchWords[word++ % SearchWords.Length]));
            rows.Add(Row("full-text search (one word, visible clues, page 1 with count)", app, raw));

            // Intake: registering one clue (validation, numbering, encryption, index, repeat check, audit).
            var official = await FirstOfficialAsync(database, organ);
            var texts = services.GetRequiredService<ClueTextGenerator>();
            var random = new Random(11);
            app = await MeasureAsync(Math.Min(samples, 100), async () => await InScopeAsync(services, petition, s => s.GetRequiredService<ClueService>().RegisterAsync(new RegisterClueRequest
            {
                Source = ClueSource.Online12388,
                Content = texts.Generate(random, official.Name, official.UnitName, official.Position, ClueTextGenerator.CommonCategoryCodes[random.Next(ClueTextGenerator.CommonCategoryCodes.Count)]),
                Persons = [new ReportedPersonRequest { OfficialId = official.Id }],
            })));
            raw = await MeasureAsync(Math.Min(samples, 100), () => RawIntakeAsync(database, organ.Id, official, protection, texts.Generate(random, official.Name, official.UnitName, official.Position, "EP.GIFTS")));
            rows.Add(Row("clue intake (one registration)", app, raw));

            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| operation ({database.Provider}, {clueCount:N0} clues, organ with {organ.Clues:N0}) | app p50 | app p95 | app p99 | raw SQL p50 | raw SQL p95 | ratio p50 |"));
            Console.WriteLine("|---|---|---|---|---|---|---|");
            rows.ForEach(Console.WriteLine);
            return 0;
        }
        finally
        {
            await cleanup();
        }
    }

    private static string Row(string name, List<double> app, List<double> raw) =>
        string.Create(CultureInfo.InvariantCulture, $"| {name} | {P(app, 50):0.0} ms | {P(app, 95):0.0} ms | {P(app, 99):0.0} ms | {P(raw, 50):0.0} ms | {P(raw, 95):0.0} ms | {P(app, 50) / P(raw, 50):0.00}x |");

    private static double P(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private static async Task<List<double>> MeasureAsync(int samples, Func<Task> work)
    {
        for (var i = 0; i < 3; i++)
        {
            await work();
        }

        var times = new List<double>(samples);
        for (var i = 0; i < samples; i++)
        {
            var watch = Stopwatch.StartNew();
            await work();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return times;
    }

    private static async Task InScopeAsync<T>(ServiceProvider services, UserContext user, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(user);
        await work(scope.ServiceProvider);
    }

    private static ServiceProvider Compose(QingfengDatabase database, string root)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["Database:ConnectionString"] = database.ConnectionString,
            ["Encryption:CurrentKeyId"] = "bench",
            ["Encryption:Keys:bench"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)),
            ["Encryption:IndexKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Calendar:Directory"] = Path.Combine(root, "calendar"),
        }).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(TimeProvider.System);
        services
            .AddQingfengData(configuration, root)
            .AddQingfengSecurity()
            .AddAudit()
            .AddOrgans()
            .AddRoster()
            .AddNotifications()
            .AddWorkingDayCalendar(configuration, root)
            .AddFieldEncryption(configuration, root)
            .AddFullTextIndex()
            .AddChineseText()
            .AddClues(configuration);
        services.AddSingleton<DemoClues>();
        return services.BuildServiceProvider();
    }

    private static async Task<(QingfengDatabase Database, string Root, Func<Task> Cleanup)> CreateDatabaseAsync(string? postgres)
    {
        var root = Path.Combine(Path.GetTempPath(), $"qf_bench_{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        if (postgres is null)
        {
            var database = new QingfengDatabase(new DatabaseOptions { ConnectionString = $"Data Source={Path.Combine(root, "bench.db")}" }, root);
            await database.MigrateAsync();
            return (database, root, () =>
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(root, recursive: true);
                return Task.CompletedTask;
            }
            );
        }

        var name = "qf_bench_" + Guid.NewGuid().ToString("N")[..10];
        await using (var admin = new Npgsql.NpgsqlConnection(postgres))
        {
            await admin.OpenAsync();
            await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        var connection = new Npgsql.NpgsqlConnectionStringBuilder(postgres) { Database = name }.ConnectionString;
        var pg = new QingfengDatabase(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = connection }, root);
        await pg.MigrateAsync();
        return (pg, root, async () =>
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await using var admin = new Npgsql.NpgsqlConnection(postgres);
            await admin.OpenAsync();
            await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
            Directory.Delete(root, recursive: true);
        }
        );
    }

    private sealed record BenchOrgan(Guid Id, string Name, int Clues);

    private sealed record BenchOfficial(Guid Id, string Name, string UnitName, string Position, bool IsPrincipal, LeaderCategory? Category, string RegionKey, Guid UnitId);

    /// <summary>
    /// The province-scale roster, then <paramref name="count"/> clues over every county commission in proportion to
    /// its officials, in states spread like a working register. Returns the organ with the most clues.
    /// </summary>
    private static async Task<BenchOrgan> GenerateAsync(ServiceProvider services, QingfengDatabase database, int count)
    {
        await DemoProvinceGenerator.GenerateAsync(database, DemoScale.Province, TimeProvider.System);
        var protection = services.GetRequiredService<ClueProtection>();
        var deadlines = services.GetRequiredService<ClueDeadlines>();
        var texts = services.GetRequiredService<ClueTextGenerator>();
        List<(Organ Organ, List<BenchOfficial> Officials)> organs;
        await using (var db = database.Create(DbActor.System))
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
        var today = deadlines.Today(DateTimeOffset.UtcNow);
        var states = new[] { ClueAction.SubmitToCaseManagement, ClueAction.ProposeAllocation, ClueAction.ApproveAllocation };
        var most = new BenchOrgan(Guid.Empty, "", 0);
        const int Batch = 5_000;
        var pending = new List<(Clue Clue, string Text)>(Batch);
        foreach (var (organ, officials) in organs)
        {
            var share = (int)Math.Round((double)count * officials.Count / total);
            if (share > most.Clues)
            {
                most = new BenchOrgan(organ.Id, organ.Name, share);
            }

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
                var steps = random.Next(4);
                for (var s = 0; s < steps; s++)
                {
                    clue.Apply(states[s], new ClueActionInput { AssigneeId = actor.UserId, AssigneeName = actor.Name }, actor, at.AddDays(s + 1), deadlines);
                }

                pending.Add((clue, text));
                if (pending.Count == Batch)
                {
                    await FlushAsync(database, protection, pending);
                }
            }
        }

        await FlushAsync(database, protection, pending);
        await using (var db = database.Create(DbActor.System))
        {
            if (database.Provider == DatabaseProvider.Sqlite)
            {
                await db.Database.ExecuteSqlRawAsync("ANALYZE");
            }
            else
            {
                await db.Database.ExecuteSqlRawAsync("ANALYZE");
            }
        }

        return most;
    }

    private static async Task FlushAsync(QingfengDatabase database, ClueProtection protection, List<(Clue Clue, string Text)> pending)
    {
        await using var db = database.Create(DbActor.System);
        await db.InTransactionAsync(
            async ct =>
            {
                db.BulkAuditSummary = new AuditEntry("Seed", "BenchClues", null, $"clues={pending.Count}");
                db.Clues.AddRange(pending.Select(p => p.Clue));
                await db.SaveChangesAsync(ct);
                foreach (var (clue, text) in pending)
                {
                    await protection.IndexAsync(db, clue.Id, text, ct);
                }

                return true;
            },
            CancellationToken.None);
        pending.Clear();
    }

    private static async Task<BenchOfficial> FirstOfficialAsync(QingfengDatabase database, BenchOrgan organ)
    {
        await using var db = database.Create(DbActor.System);
        var region = await db.Organs.AsNoTracking().Where(o => o.Id == organ.Id).Select(o => o.RegionCode).SingleAsync();
        return await db.Officials.AsNoTracking().Where(o => o.RegionKey.StartsWith(region) && o.UnitId != null && o.IsPrincipal)
            .OrderBy(o => o.Id)
            .Select(o => new BenchOfficial(o.Id, o.Name, o.Unit!.Name, o.Position, o.IsPrincipal, o.LeaderCategory, o.RegionKey, o.UnitId!.Value))
            .FirstAsync();
    }

    private static DbConnection Open(QingfengDatabase database) => database.Provider == DatabaseProvider.Sqlite
        ? new Microsoft.Data.Sqlite.SqliteConnection(database.ConnectionString)
        : new Npgsql.NpgsqlConnection(database.ConnectionString);

    private static string Q(QingfengDatabase database, string identifier) => database.Provider == DatabaseProvider.Sqlite ? identifier : $"\"{identifier}\"";

    private static object IdParameter(QingfengDatabase database, Guid id) =>
        database.Provider == DatabaseProvider.Sqlite ? id.ToString().ToUpperInvariant() : id;

    /// <summary>Baseline of the queue: the same filter, order, page and count in one hand-written statement pair.</summary>
    private static async Task RawQueueAsync(QingfengDatabase database, Guid organ)
    {
        await using var connection = Open(database);
        await connection.OpenAsync();
        var terminal = string.Join(',', ClueWorkflow.Terminal.Select(s => ((int)s).ToString(CultureInfo.InvariantCulture)));
        string C(string name) => Q(database, name);
        var where = $"{C("OrganId")} = @organ AND {C("State")} NOT IN ({terminal})";
        await using var count = connection.CreateCommand();
        count.CommandText = $"SELECT COUNT(*) FROM {C("Clues")} WHERE {where}";
        Add(count, "@organ", IdParameter(database, organ));
        await count.ExecuteScalarAsync();
        await using var page = connection.CreateCommand();
        page.CommandText = $"""
            SELECT c.{C("Id")}, c.{C("Number")}, c.{C("ReceivedOn")}, c.{C("State")}, c.{C("IsPrincipal")}, c.{C("DueOn")}, c.{C("HandlerName")},
                   (SELECT p.{C("Name")} FROM {C("ClueReportedPersons")} p WHERE p.{C("ClueId")} = c.{C("Id")} LIMIT 1)
            FROM {C("Clues")} c WHERE {where}
            ORDER BY c.{C("IsPrincipal")} DESC, c.{C("DueOn")} IS NULL, c.{C("DueOn")}, c.{C("ReceivedOn")} DESC, c.{C("Number")} DESC
            LIMIT 20
            """;
        Add(page, "@organ", IdParameter(database, organ));
        await using var reader = await page.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
        }
    }

    /// <summary>Baseline of search: the index lookup joined to the organ's clues, page and count, by hand.</summary>
    private static async Task RawSearchAsync(QingfengDatabase database, Guid organ, ClueProtection protection, string word)
    {
        await using var connection = Open(database);
        await connection.OpenAsync();
        string C(string name) => Q(database, name);
        var token = protection.BlindTerms([word])[0];
        var match = database.Provider == DatabaseProvider.Sqlite
            ? "SELECT d.document_id FROM search_terms JOIN search_documents AS d ON d.id = search_terms.rowid WHERE search_terms MATCH @token AND d.kind = 'clue'"
            : "SELECT document_id FROM search_documents WHERE kind = 'clue' AND to_tsvector('simple', terms) @@ to_tsquery('simple', @token)";
        var where = $"c.{C("OrganId")} = @organ AND c.{C("Id")} IN ({match})";
        await using var count = connection.CreateCommand();
        count.CommandText = $"SELECT COUNT(*) FROM {C("Clues")} c WHERE {where}";
        Add(count, "@organ", IdParameter(database, organ));
        Add(count, "@token", database.Provider == DatabaseProvider.Sqlite ? $"\"{token}\"" : token);
        await count.ExecuteScalarAsync();
        await using var page = connection.CreateCommand();
        page.CommandText = $"SELECT c.{C("Id")}, c.{C("Number")}, c.{C("ContentCipher")} FROM {C("Clues")} c WHERE {where} ORDER BY c.{C("IsPrincipal")} DESC, c.{C("ReceivedOn")} DESC LIMIT 20";
        Add(page, "@organ", IdParameter(database, organ));
        Add(page, "@token", database.Provider == DatabaseProvider.Sqlite ? $"\"{token}\"" : token);
        await using var reader = await page.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
        }
    }

    /// <summary>Baseline of intake: the same rows (clue, person, category, index entry) inserted by hand in one transaction.</summary>
    private static async Task RawIntakeAsync(QingfengDatabase database, Guid organ, BenchOfficial official, ClueProtection protection, string text)
    {
        await using var db = database.Create(DbActor.System);
        var clue = new Clue("RAW-" + Guid.NewGuid().ToString("N")[..12], organ, ClueSource.Online12388, DateOnly.FromDateTime(DateTime.UtcNow), false,
            [new ReportedPerson(official.Id, official.Name, official.UnitName, official.Position, official.IsPrincipal, official.Category, official.RegionKey, official.UnitId)], ["EP.GIFTS"]);
        protection.Protect(clue, text, null);
        await using var connection = Open(database);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        string C(string name) => Q(database, name);
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"""
            INSERT INTO {C("Clues")} ({C("Id")}, {C("Number")}, {C("OrganId")}, {C("Source")}, {C("ReceivedOn")}, {C("IsRealName")}, {C("ContentCipher")}, {C("Fingerprint")},
                {C("RegionKey")}, {C("UnitId")}, {C("IsPrincipal")}, {C("State")}, {C("IsSanctioned")}, {C("ProblemsFound")}, {C("FurtherClues")}, {C("FundsPaidOutFen")}, {C("FundsRecoveredFen")},
                {C("CreatedAt")}, {C("CreatedBy")}, {C("Version")})
            VALUES (@id, @number, @organ, 4, @received, FALSE, @content, @fingerprint, @region, @unit, @principal, 1, FALSE, 0, 0, 0, 0, @now, 'bench', @version)
            """;
        Add(insert, "@id", IdParameter(database, clue.Id));
        Add(insert, "@number", clue.Number);
        Add(insert, "@organ", IdParameter(database, organ));
        Add(insert, "@received", database.Provider == DatabaseProvider.Sqlite ? clue.ReceivedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : clue.ReceivedOn);
        Add(insert, "@content", clue.ContentCipher!);
        Add(insert, "@fingerprint", clue.Fingerprint!);
        Add(insert, "@region", clue.RegionKey);
        Add(insert, "@unit", IdParameter(database, official.UnitId));
        Add(insert, "@principal", official.IsPrincipal);
        Add(insert, "@now", database.Provider == DatabaseProvider.Sqlite ? DateTimeOffset.UtcNow.UtcTicks : DateTimeOffset.UtcNow);
        Add(insert, "@version", IdParameter(database, Guid.NewGuid()));
        await insert.ExecuteNonQueryAsync();
        await using var person = connection.CreateCommand();
        person.Transaction = transaction;
        person.CommandText = $"INSERT INTO {C("ClueReportedPersons")} ({C("Id")}, {C("ClueId")}, {C("OfficialId")}, {C("Name")}, {C("IsPrincipal")}, {C("RegionKey")}) VALUES (@id, @clue, @official, @name, @principal, @region)";
        Add(person, "@id", IdParameter(database, Guid.CreateVersion7()));
        Add(person, "@clue", IdParameter(database, clue.Id));
        Add(person, "@official", IdParameter(database, official.Id));
        Add(person, "@name", official.Name);
        Add(person, "@principal", official.IsPrincipal);
        Add(person, "@region", official.RegionKey);
        await person.ExecuteNonQueryAsync();
        await using var index = connection.CreateCommand();
        index.Transaction = transaction;
        index.CommandText = database.Provider == DatabaseProvider.Sqlite
            ? "INSERT INTO search_documents (kind, document_id) VALUES (@kind, @id); INSERT INTO search_terms (rowid, terms) VALUES (last_insert_rowid(), @terms)"
            : "INSERT INTO search_documents (kind, document_id, terms) VALUES (@kind, @id, @terms)";
        Add(index, "@kind", ClueProtection.IndexKind);
        Add(index, "@id", IdParameter(database, clue.Id));
        Add(index, "@terms", string.Join(' ', protection.IndexTokens(text)));
        await index.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
