using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qingfeng.Features.Clues;
using Qingfeng.Features.Clues.Text;
using Qingfeng.Features.Organs;
using Qingfeng.Features.Roster;
using Qingfeng.Platform.Data;
using Qingfeng.Platform.Data.FullText;
using Qingfeng.Platform.Security;

namespace Qingfeng.Benchmarks;

/// <summary>
/// The main operations at province scale, each through the app's own services (as a page or an API call runs
/// them, minus HTTP) next to the same work by hand-written SQL through the raw driver, in the same run, on one
/// dataset. The measured user is a case manager of the county commission with the most clues.
/// </summary>
internal static class ProvinceBenchmark
{
    /// <summary>Searches as officers type them: two-character words, longer phrases, single characters (frequent ones: a surname, 酒).</summary>
    private static readonly string[] SearchWords = ["礼金", "公车私用", "工程", "送的红包", "公款吃喝", "购物卡", "大操大办", "王", "酒", "饮酒"];

    private static readonly string[] OfficialSearches = ["王", "李", "wang", "zh"];

    public static async Task<List<Measurement>> RunAsync(ProvinceDataset data, int samples, bool searchOnly, List<string> notes)
    {
        var services = data.Services;
        var raw = new RawSql(data.Database);
        var organ = data.Organ;
        var officer = new UserContext(Guid.CreateVersion7(), "bench.casemgmt", "基准测试案管", organ.Id, organ.Name, new HashSet<string> { Roles.CaseManagement }, "127.0.0.1");
        var petition = officer with { UserName = "bench.petition", Roles = new HashSet<string> { Roles.PetitionOffice } };
        var groups = await GroupsAsync(data.Database, organ.Id);
        var results = new List<Measurement>();
        if (!searchOnly)
        {
            // 1. The queue: the first page of the organ's active clues, 一把手 first, then deadline, with the total.
            var queue = new ClueQuery { ActiveOnly = true, PageSize = 20 };
            results.Add(new Measurement(
                "clue queue (active, 一把手 first, page 1 + count)",
                await Samples.MeasureAsync(samples, _ => InScopeAsync(services, officer, s => s.GetRequiredService<ClueQueries>().SearchAsync(queue))),
                await Samples.MeasureAsync(samples, _ => RawQueueAsync(raw, officer, groups, "", [])),
                Target: Target.List));

            // 2. The queue with filters: 一把手 only, eight-point-rules categories, received in the last two years.
            var since = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-2);
            var filtered = new ClueQuery { ActiveOnly = true, PrincipalOnly = true, Category = "EP", From = since, PageSize = 20 };
            const string Filters = """
                AND c."IsPrincipal" = TRUE AND c."ReceivedOn" >= @since
                AND EXISTS (SELECT 1 FROM "ClueCategories" k WHERE k."ClueId" = c."Id" AND (k."Code" = 'EP' OR k."Code" LIKE 'EP.%'))
                """;
            results.Add(new Measurement(
                "clue queue with filters (一把手, category, since)",
                await Samples.MeasureAsync(samples, _ => InScopeAsync(services, officer, s => s.GetRequiredService<ClueQueries>().SearchAsync(filtered))),
                await Samples.MeasureAsync(samples, _ => RawQueueAsync(raw, officer, groups, Filters, [("@since", since)])),
                Target: Target.List));

            // 3. Official search by name or pinyin within the organ's jurisdiction, page 1 with the total.
            var scope = await InScopeAsync(services, officer, s => s.GetRequiredService<JurisdictionService>().ScopeAsync());
            results.Add(new Measurement(
                "official search (name or pinyin, page 1 + count)",
                await Samples.MeasureAsync(samples, i => InScopeAsync(services, officer, s => s.GetRequiredService<RosterQueries>().SearchOfficialsAsync(new OfficialQuery { Search = OfficialSearches[i % OfficialSearches.Length] }))),
                await Samples.MeasureAsync(samples, i => RawOfficialSearchAsync(raw, scope, OfficialSearches[i % OfficialSearches.Length])),
                Target: Target.List));

            // 4. An official's profile: record, tenures, region path; the view is audited.
            var profiles = await ProfileIdsAsync(data.Database, organ);
            results.Add(new Measurement(
                "official profile (with tenures, audited view)",
                await Samples.MeasureAsync(samples, i => InScopeAsync(services, officer, s => s.GetRequiredService<RosterQueries>().GetOfficialAsync(profiles[i % profiles.Count]))),
                await Samples.MeasureAsync(samples, i => RawProfileAsync(raw, officer, scope, profiles[i % profiles.Count]))));
        }

        // 5. Full-text search within what the officer may see: page 1 with count, snippets, audited.
        var protection = services.GetRequiredService<ClueProtection>();
        results.Add(new Measurement(
            "clue full-text search (page 1 + count + snippets, audited)",
            await Samples.MeasureAsync(samples, i => InScopeAsync(services, officer, s => s.GetRequiredService<ClueQueries>().SearchAsync(new ClueQuery { Search = SearchWords[i % SearchWords.Length], PageSize = 20 }))),
            await Samples.MeasureAsync(samples, i => RawSearchAsync(raw, protection, officer, groups, SearchWords[i % SearchWords.Length])),
            Target: new Target(100)));

        // 5b. The engines side by side: the organ's clues holding the phrase, top 20 by 一把手 then date, with the total.
        using var lucene = await LuceneBaseline.OpenAsync(data);
        var scopes = ClueProtection.ScopeTokens(organ.Id, null);
        results.Add(new Measurement(
            "search engine (phrase in the organ, top 20 + total)",
            await Samples.MeasureAsync(samples, i => EngineSearchAsync(data.Database, protection, scopes, SearchWords[i % SearchWords.Length])),
            await Samples.MeasureAsync(samples, i => RawEngineSearchAsync(raw, protection, scopes, SearchWords[i % SearchWords.Length])),
            await Samples.MeasureAsync(samples, i => Task.FromResult(lucene.Search(organ.Id, SearchWords[i % SearchWords.Length]))),
            Target: new Target(AtMostLucene: true)));
        notes.Add(await SearchRecall.MeasureAsync(data, protection, lucene, scopes, queries: 200));
        if (searchOnly)
        {
            return results;
        }

        // 6. Funnel statistics by month over the organ's clues.
        results.Add(new Measurement(
            "funnel statistics (by month, all of the organ's clues)",
            await Samples.MeasureAsync(samples, _ => InScopeAsync(services, officer, s => s.GetRequiredService<ClueStatistics>().FunnelAsync(new FunnelQuery { Dimension = FunnelDimension.Month }))),
            await Samples.MeasureAsync(samples, _ => RawFunnelAsync(raw, officer, groups)),
            Target: new Target(300)));

        // 7. Intake: one registration (validation, numbering, encryption, index, repeat check, history, audit).
        var official = await data.PrincipalOfficialAsync();
        var texts = services.GetRequiredService<ClueTextGenerator>();
        var random = new Random(11);
        var intakeSamples = Math.Min(samples, 100);
        results.Add(new Measurement(
            "clue intake (one registration)",
            await Samples.MeasureAsync(intakeSamples, _ => InScopeAsync(services, petition, s => s.GetRequiredService<ClueService>().RegisterAsync(new RegisterClueRequest
            {
                Source = ClueSource.Online12388,
                Content = texts.Generate(random, official.Name, official.UnitName, official.Position, ClueTextGenerator.CommonCategoryCodes[random.Next(ClueTextGenerator.CommonCategoryCodes.Count)]),
                Persons = [new ReportedPersonRequest { OfficialId = official.Id }],
            }))),
            await Samples.MeasureAsync(intakeSamples, _ => RawIntakeAsync(raw, protection, petition, official, texts.Generate(random, official.Name, official.UnitName, official.Position, "EP.GIFTS")))));
        return results;
    }

    private static async Task<T> InScopeAsync<T>(ServiceProvider services, UserContext user, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(user);
        return await work(scope.ServiceProvider);
    }

    private static async Task<List<Guid>> GroupsAsync(QingfengDatabase database, Guid organ)
    {
        await using var db = database.Create(DbActor.System);
        return await db.Set<CollaborationGroupMember>().AsNoTracking().Where(m => m.OrganId == organ).Select(m => m.GroupId).ToListAsync();
    }

    private static async Task<List<Guid>> ProfileIdsAsync(QingfengDatabase database, BenchOrgan organ)
    {
        await using var db = database.Create(DbActor.System);
        var key = organ.RegionCode[..6];
        return await db.Officials.AsNoTracking().Where(o => o.RegionKey.StartsWith(key)).OrderBy(o => o.Id).Select(o => o.Id).Take(50).ToListAsync();
    }

    /// <summary>The need-to-know rule of <see cref="ClueViewer.Visible"/> for a case manager, by hand.</summary>
    private static string Visible(IReadOnlyList<Guid> groups) => $"""
        (c."OrganId" = @organ{(groups.Count == 0 ? "" : $" OR c.\"CollaborationGroupId\" IN ({string.Join(", ", groups.Select((_, i) => $"@g{i}"))})")})
        AND (c."RecusedOrganId" IS NULL OR c."RecusedOrganId" <> @organ)
        AND NOT EXISTS (SELECT 1 FROM "ClueRecusals" r WHERE r."ClueId" = c."Id" AND r."UserId" = @user)
        """;

    private static (string, object?)[] VisibleParameters(UserContext user, IReadOnlyList<Guid> groups) =>
        [("@organ", user.OrganId), ("@user", user.UserId), .. groups.Select((g, i) => ($"@g{i}", (object?)g))];

    private static string Terminal => string.Join(", ", ClueWorkflow.Terminal.Select(s => ((int)s).ToString(CultureInfo.InvariantCulture)));

    /// <summary>Count and first page of the queue, then the reported persons of the page's clues.</summary>
    private static async Task RawQueueAsync(RawSql raw, UserContext user, IReadOnlyList<Guid> groups, string filters, (string, object?)[] extra)
    {
        await using var connection = await raw.OpenAsync();
        var where = $"""{Visible(groups)} AND c."State" NOT IN ({Terminal}) {filters}""";
        (string, object?)[] parameters = [.. VisibleParameters(user, groups), .. extra];
        await using (var count = raw.Command(connection, $"""SELECT COUNT(*) FROM "Clues" c WHERE {where}""", parameters))
        {
            await count.ExecuteScalarAsync();
        }

        var ids = new List<object>();
        await using (var page = raw.Command(
            connection,
            $"""
            SELECT c."Id", c."Number", c."ReceivedOn", c."Source", c."State", c."IsPrincipal", c."LeaderCategory", c."HandlerName", c."DueOn", c."DueKind"
            FROM "Clues" c WHERE {where}
            ORDER BY c."IsPrincipal" DESC, c."DueOn" IS NULL, c."DueOn", c."ReceivedOn" DESC, c."Number" DESC
            LIMIT 20
            """,
            parameters))
        await using (var reader = await page.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                ids.Add(reader.GetValue(0));
                for (var i = 1; i < reader.FieldCount; i++)
                {
                    _ = reader.GetValue(i);
                }
            }
        }

        await PersonsAsync(raw, connection, ids);
    }

    private static async Task PersonsAsync(RawSql raw, System.Data.Common.DbConnection connection, List<object> ids)
    {
        if (ids.Count == 0)
        {
            return;
        }

        await using var persons = raw.Command(
            connection,
            $"""SELECT p."ClueId", p."Name", p."UnitName" FROM "ClueReportedPersons" p WHERE p."ClueId" IN ({string.Join(", ", ids.Select((_, i) => $"@p{i}"))})""",
            [.. ids.Select((id, i) => ($"@p{i}", (object?)id))]);
        await RawSql.DrainAsync(persons);
    }

    /// <summary>The jurisdiction predicate of <see cref="JurisdictionScope.Predicate{T}"/>, by hand.</summary>
    private static (string Sql, (string, object?)[] Parameters) InScope(RawSql raw, JurisdictionScope scope, string alias)
    {
        // A prefix as a range, so that the index on the key serves it (LIKE with a bound pattern cannot).
        var parts = scope.RegionKeys.Select((_, i) => $"({alias}.\"RegionKey\" >= @k{i} AND {alias}.\"RegionKey\" < @kk{i})").ToList();
        if (scope.UnitIds.Count > 0)
        {
            parts.Add($"{alias}.\"UnitId\" IN ({string.Join(", ", scope.UnitIds.Select((_, i) => $"@u{i}"))})");
        }

        var sql = "(" + (parts.Count == 0 ? "FALSE" : string.Join(" OR ", parts)) + ")";
        if (scope.RecusedUnitIds.Count > 0)
        {
            sql += $" AND ({alias}.\"UnitId\" IS NULL OR {alias}.\"UnitId\" NOT IN ({string.Join(", ", scope.RecusedUnitIds.Select((_, i) => $"@r{i}"))}))";
        }

        (string, object?)[] parameters =
        [
            .. scope.RegionKeys.Select((k, i) => ($"@k{i}", (object?)k)),
            .. scope.RegionKeys.Select((k, i) => ($"@kk{i}", (object?)(k[..^1] + (char)(k[^1] + 1)))),
            .. scope.UnitIds.Select((u, i) => ($"@u{i}", (object?)u)),
            .. scope.RecusedUnitIds.Select((u, i) => ($"@r{i}", (object?)u)),
        ];
        return (sql, parameters);
    }

    private static async Task RawOfficialSearchAsync(RawSql raw, JurisdictionScope scope, string search)
    {
        await using var connection = await raw.OpenAsync();
        var (inScope, parameters) = InScope(raw, scope, "o");
        var latin = search.All(char.IsAsciiLetter);
        var where = $"""{inScope} AND {(latin ? "(o.\"NamePinyin\" LIKE @s OR o.\"NameInitials\" LIKE @s)" : "o.\"Name\" LIKE @s")}""";
        (string, object?)[] all = [.. parameters, ("@s", latin ? search + "%" : "%" + search + "%")];
        await using (var count = raw.Command(connection, $"""SELECT COUNT(*) FROM "Officials" o WHERE {where}""", all))
        {
            await count.ExecuteScalarAsync();
        }

        await using var page = raw.Command(
            connection,
            $"""
            SELECT o."Id", o."Name", o."Gender", o."BirthDate", u."Name", o."Position", o."IsPrincipal", o."LeaderCategory", o."Rank", o."RegionKey"
            FROM "Officials" o LEFT JOIN "Units" u ON u."Id" = o."UnitId"
            WHERE {where} ORDER BY o."NamePinyin", o."Id" LIMIT 20
            """,
            all);
        await RawSql.DrainAsync(page);
    }

    private static async Task RawProfileAsync(RawSql raw, UserContext user, JurisdictionScope scope, Guid id)
    {
        await using var connection = await raw.OpenAsync();
        var (inScope, parameters) = InScope(raw, scope, "o");
        string? regionCode = null;
        await using (var official = raw.Command(
            connection,
            $"""
            SELECT o."Id", o."Name", o."NamePinyin", o."Gender", o."BirthDate", o."UnitId", u."Name", u."RegionCode", o."Position", o."IsPrincipal", o."LeaderCategory", o."Rank"
            FROM "Officials" o LEFT JOIN "Units" u ON u."Id" = o."UnitId" WHERE o."Id" = @id AND {inScope}
            """,
            [.. parameters, ("@id", id)]))
        await using (var reader = await official.ExecuteReaderAsync())
        {
            if (await reader.ReadAsync())
            {
                regionCode = reader.IsDBNull(7) ? null : reader.GetString(7);
            }
        }

        await using (var tenures = raw.Command(
            connection,
            """
            SELECT t."Id", u."Name", p."Title", p."IsPrincipal", t."Start", t."End"
            FROM "Tenures" t JOIN "Posts" p ON p."Id" = t."PostId" JOIN "Units" u ON u."Id" = p."UnitId"
            WHERE t."OfficialId" = @id ORDER BY t."Start" DESC
            """,
            ("@id", id)))
        {
            await RawSql.DrainAsync(tenures);
        }

        if (user.Has(Permission.RosterFamilyRead))
        {
            await using var family = raw.Command(connection, """SELECT "Relation", "Name", "Employer", "Position" FROM "FamilyMembers" WHERE "OfficialId" = @id ORDER BY "Relation" """, ("@id", id));
            await RawSql.DrainAsync(family);
        }

        if (regionCode is not null)
        {
            await using var path = raw.Command(
                connection,
                """
                WITH RECURSIVE path("Code", "Name", "ParentCode", "Depth") AS (
                    SELECT "Code", "Name", "ParentCode", 0 FROM "Regions" WHERE "Code" = @code
                    UNION ALL
                    SELECT r."Code", r."Name", r."ParentCode", path."Depth" + 1 FROM "Regions" r JOIN path ON r."Code" = path."ParentCode" WHERE path."Depth" < 6)
                SELECT "Name" FROM path ORDER BY "Depth" DESC
                """,
                ("@code", regionCode));
            await RawSql.DrainAsync(path);
        }

        await raw.AppendAuditAsync(connection, user, "View", "Official", id.ToString(), null);
    }

    /// <summary>The index's statement for one query (as <c>SqliteFullTextIndex</c>/<c>PostgresFullTextIndex</c> write it) and its parameter.</summary>
    private static (string Sql, string Match) IndexStatement(RawSql raw, ClueProtection protection, IReadOnlyList<string> scopes, IReadOnlyList<string> phrases)
    {
        var grams = protection.BlindPhrases(phrases);
        if (raw.IsSqlite)
        {
            return (
                """SELECT d."document_id" FROM search_terms JOIN search_documents AS d ON d.id = search_terms.rowid WHERE search_terms MATCH @match AND d.kind = 'clue'""",
                string.Join(" AND ", grams.Select(p => $"\"{string.Join(' ', p)}\"")) + " AND (" + string.Join(" OR ", scopes.Select(s => $"\"{s}\"")) + ")");
        }

        // One phrase per query here (the searches measured have one).
        return (
            """SELECT DISTINCT document_id FROM search_documents WHERE kind = 'clue' AND terms @@ @match::tsquery""",
            "(" + string.Join(" <-> ", grams[0]) + ") & (" + string.Join(" | ", scopes) + ")");
    }

    /// <summary>Per search word: the median of each engine, and the SQL the app's engine runs (for finding slow plans).</summary>
    public static async Task ProbeAsync(ProvinceDataset data)
    {
        var protection = data.Services.GetRequiredService<ClueProtection>();
        var raw = new RawSql(data.Database);
        using var lucene = await LuceneBaseline.OpenAsync(data);
        var scopes = ClueProtection.ScopeTokens(data.Organ.Id, null);
        await using (var db = data.Database.Create(DbActor.System))
        {
            var matching = protection.Matching(db, protection.QueryPhrases("礼金"), scopes);
            var sql = db.Clues.AsNoTracking().Where(c => matching.Contains(c.Id)).Select(c => new { c.Id, c.IsPrincipal, c.ReceivedOn }).ToQueryString();
            Console.WriteLine(sql);
            var body = sql[sql.IndexOf("SELECT", StringComparison.Ordinal)..];
            var (_, expression) = IndexStatement(raw, protection, scopes, protection.QueryPhrases("公车私用"));
            await using var connection = await raw.OpenAsync();
            foreach (var text in new[] { body, $"""SELECT c."Id" FROM "Clues" c WHERE c."Id" IN ({IndexStatement(raw, protection, scopes, ["x"]).Sql.Replace("@match", "@p0", StringComparison.Ordinal)})""" })
            {
                await using var plan = raw.Command(connection, "EXPLAIN QUERY PLAN " + text, ("@p0", expression), ("@p1", "clue"));
                await using var reader = await plan.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    Console.WriteLine(reader.GetValue(3));
                }

                Console.WriteLine("--");
            }
        }

        foreach (var word in SearchWords)
        {
            var app = await Samples.MeasureAsync(20, _ => EngineSearchAsync(data.Database, protection, scopes, word));
            var rawSql = await Samples.MeasureAsync(20, _ => RawEngineSearchAsync(raw, protection, scopes, word));
            var luc = await Samples.MeasureAsync(20, _ => Task.FromResult(lucene.Search(data.Organ.Id, word)));
            var hits = await EngineSearchAsync(data.Database, protection, scopes, word);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{word}: hits {hits} / lucene {lucene.Search(data.Organ.Id, word)}; app {app.P(50):0.00} ms, raw {rawSql.P(50):0.00} ms, lucene {luc.P(50):0.00} ms"));
        }
    }

    /// <summary>The engine through the app's index (<see cref="ClueProtection.Matching(QingfengDb, IReadOnlyList{string}, IReadOnlyCollection{string})"/>), composed by EF Core.</summary>
    private static async Task<int> EngineSearchAsync(QingfengDatabase database, ClueProtection protection, IReadOnlyCollection<string> scopes, string text)
    {
        await using var db = database.Create(DbActor.System);
        var matching = protection.Matching(db, protection.QueryPhrases(text), scopes);
        var rows = await db.Clues.AsNoTracking().Where(c => matching.Contains(c.Id)).Select(c => new { c.Id, c.IsPrincipal, c.ReceivedOn }).ToListAsync();
        _ = rows.OrderByDescending(r => r.IsPrincipal).ThenByDescending(r => r.ReceivedOn).Take(20).Select(r => r.Id).ToList();
        return rows.Count;
    }

    private static async Task<int> RawEngineSearchAsync(RawSql raw, ClueProtection protection, IReadOnlyList<string> scopes, string text)
    {
        await using var connection = await raw.OpenAsync();
        var (match, expression) = IndexStatement(raw, protection, scopes, protection.QueryPhrases(text));
        await using var command = raw.Command(connection, $"""SELECT c."Id", c."IsPrincipal", c."ReceivedOn" FROM "Clues" c WHERE c."Id" IN ({match})""", ("@match", expression));
        var rows = new List<(object Id, bool Principal, object Received)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetValue(0), reader.GetBoolean(1), reader.GetValue(2)));
            }
        }

        _ = rows.OrderByDescending(r => r.Principal).ThenByDescending(r => r.Received.ToString()).Take(20).ToList();
        return rows.Count;
    }

    private static async Task RawSearchAsync(RawSql raw, ClueProtection protection, UserContext user, IReadOnlyList<Guid> groups, string word)
    {
        await using var connection = await raw.OpenAsync();
        var terms = protection.QueryPhrases(word);
        var scopes = new[] { user.OrganId!.Value }.Concat(groups).Select(ClueProtection.ScopeToken).ToList();
        var (match, expression) = IndexStatement(raw, protection, scopes, terms);
        var where = $"""{Visible(groups)} AND c."Id" IN ({match})""";
        (string, object?)[] parameters = [.. VisibleParameters(user, groups), ("@match", expression)];
        int total;
        await using (var count = raw.Command(connection, $"""SELECT COUNT(*) FROM "Clues" c WHERE {where}""", parameters))
        {
            total = Convert.ToInt32(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }

        var page = new List<(object Id, Guid Key, string Cipher)>();
        await using (var command = raw.Command(
            connection,
            $"""
            SELECT c."Id", c."Number", c."ReceivedOn", c."Source", c."State", c."IsPrincipal", c."LeaderCategory", c."HandlerName", c."DueOn", c."DueKind", c."ContentCipher"
            FROM "Clues" c WHERE {where}
            ORDER BY c."IsPrincipal" DESC, c."DueOn" IS NULL, c."DueOn", c."ReceivedOn" DESC, c."Number" DESC
            LIMIT 20
            """,
            parameters))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                for (var i = 1; i < reader.FieldCount - 1; i++)
                {
                    _ = reader.GetValue(i);
                }

                var id = reader.GetValue(0);
                page.Add((id, id is Guid g ? g : Guid.Parse((string)id), reader.GetString(10)));
            }
        }

        await PersonsAsync(raw, connection, [.. page.Select(p => p.Id)]);
        foreach (var (_, key, cipher) in page)
        {
            _ = protection.Snippet(key, cipher, terms);
        }

        await raw.AppendAuditAsync(connection, user, "Search", "Clue", null, string.Create(CultureInfo.InvariantCulture, $"terms={terms.Count} results={total}"));
    }

    private static async Task RawFunnelAsync(RawSql raw, UserContext user, IReadOnlyList<Guid> groups)
    {
        await using var connection = await raw.OpenAsync();
        var month = raw.IsSqlite
            ? """CAST(substr(c."ReceivedOn", 1, 4) AS INTEGER) * 100 + CAST(substr(c."ReceivedOn", 6, 2) AS INTEGER)"""
            : """CAST(EXTRACT(YEAR FROM c."ReceivedOn") * 100 + EXTRACT(MONTH FROM c."ReceivedOn") AS INTEGER)""";
        string Method(DisposalMethod method) => $"""SUM(CASE WHEN c."DisposedOn" IS NOT NULL AND c."Method" = {(int)method} THEN 1 ELSE 0 END)""";
        var sums = $"""
            COUNT(*), {Method(DisposalMethod.TalkInquiry)}, {Method(DisposalMethod.Verification)}, {Method(DisposalMethod.Shelve)}, {Method(DisposalMethod.Close)},
            SUM(CASE WHEN c."FiledOn" IS NOT NULL THEN 1 ELSE 0 END), SUM(CASE WHEN c."IsSanctioned" THEN 1 ELSE 0 END), SUM(CASE WHEN c."TransferredOn" IS NOT NULL THEN 1 ELSE 0 END),
            SUM(c."ProblemsFound"), SUM(c."FurtherClues"), SUM(c."FundsPaidOutFen"), SUM(c."FundsRecoveredFen")
            """;
        var parameters = VisibleParameters(user, groups);
        await using (var grouped = raw.Command(connection, $"""SELECT {month} AS m, {sums} FROM "Clues" c WHERE {Visible(groups)} GROUP BY m""", parameters))
        {
            await RawSql.DrainAsync(grouped);
        }

        await using var totals = raw.Command(connection, $"""SELECT {sums} FROM "Clues" c WHERE {Visible(groups)}""", parameters);
        await RawSql.DrainAsync(totals);
    }

    /// <summary>
    /// The rows of one registration by hand: number sequence, clue, reported person, category, participant, history,
    /// index document and audit entry, in one transaction. (Validation, linking and the repeat check are not repeated.)
    /// </summary>
    private static async Task RawIntakeAsync(RawSql raw, ClueProtection protection, UserContext user, BenchOfficial official, string text)
    {
        var clue = new Clue("RAW-" + Guid.NewGuid().ToString("N")[..12], user.OrganId!.Value, ClueSource.Online12388, DateOnly.FromDateTime(DateTime.UtcNow), false,
            [new ReportedPerson(official.Id, official.Name, official.UnitName, official.Position, official.IsPrincipal, official.Category, official.RegionKey, official.UnitId)], ["EP.GIFTS"]);
        protection.Protect(clue, text, null);
        var document = protection.IndexDocument(text, [ClueProtection.ScopeToken(clue.OrganId)]);
        var now = DateTimeOffset.UtcNow;
        await using var connection = await raw.OpenAsync();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            async Task ExecuteAsync(string sql, params (string, object?)[] parameters)
            {
                await using var command = raw.Command(connection, sql, parameters);
                command.Transaction = transaction;
                await command.ExecuteNonQueryAsync();
            }

            await ExecuteAsync(
                """
                INSERT INTO "Clues" ("Id", "Number", "OrganId", "Source", "ReceivedOn", "IsRealName", "ContentCipher", "Fingerprint",
                    "RegionKey", "UnitId", "IsPrincipal", "State", "IsSanctioned", "ProblemsFound", "FurtherClues", "FundsPaidOutFen", "FundsRecoveredFen",
                    "CreatedAt", "CreatedBy", "Version")
                VALUES (@id, @number, @organ, 4, @received, FALSE, @content, @fingerprint, @region, @unit, @principal, 1, FALSE, 0, 0, 0, 0, @now, 'bench', @version)
                """,
                ("@id", clue.Id), ("@number", clue.Number), ("@organ", clue.OrganId), ("@received", clue.ReceivedOn), ("@content", clue.ContentCipher),
                ("@fingerprint", clue.Fingerprint), ("@region", clue.RegionKey), ("@unit", official.UnitId), ("@principal", official.IsPrincipal), ("@now", now), ("@version", Guid.NewGuid()));
            await ExecuteAsync(
                """INSERT INTO "ClueReportedPersons" ("Id", "ClueId", "OfficialId", "Name", "IsPrincipal", "RegionKey") VALUES (@id, @clue, @official, @name, @principal, @region)""",
                ("@id", Guid.CreateVersion7()), ("@clue", clue.Id), ("@official", official.Id), ("@name", official.Name), ("@principal", official.IsPrincipal), ("@region", official.RegionKey));
            await ExecuteAsync("""INSERT INTO "ClueCategories" ("ClueId", "Code") VALUES (@clue, 'EP.GIFTS')""", ("@clue", clue.Id));
            await ExecuteAsync(
                """INSERT INTO "ClueParticipants" ("Id", "ClueId", "UserId", "Name", "Role") VALUES (@id, @clue, @user, @name, 1)""",
                ("@id", Guid.CreateVersion7()), ("@clue", clue.Id), ("@user", user.UserId), ("@name", user.DisplayName));
            await ExecuteAsync(
                """INSERT INTO "ClueHistory" ("Id", "ClueId", "At", "UserId", "UserName", "Action", "To") VALUES (@id, @clue, @at, @user, @name, 'Register', 1)""",
                ("@id", Guid.CreateVersion7()), ("@clue", clue.Id), ("@at", now), ("@user", user.UserId), ("@name", user.DisplayName));
            if (raw.IsSqlite)
            {
                await ExecuteAsync(
                    "INSERT INTO search_documents (kind, document_id) VALUES ('clue', @id); INSERT INTO search_terms (rowid, terms) VALUES (last_insert_rowid(), @terms)",
                    ("@id", clue.Id), ("@terms", SqliteFullTextIndex.Text([.. document.Terms], document.Runs)));
            }
            else
            {
                foreach (var (part, i) in PostgresFullTextIndex.Parts([.. document.Terms], document.Runs).Select((p, i) => (p, i)))
                {
                    await ExecuteAsync("INSERT INTO search_documents (kind, document_id, part, terms) VALUES ('clue', @id, @part, @terms::tsvector)", ("@id", clue.Id), ("@part", i), ("@terms", part));
                }
            }
            await transaction.CommitAsync();
        }

        await raw.AppendAuditAsync(connection, user, "Create", "Clue", clue.Id.ToString(), null);
    }
}
