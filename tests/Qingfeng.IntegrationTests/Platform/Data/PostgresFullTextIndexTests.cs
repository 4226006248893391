using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using Qingfeng.Features.Accounts;
using Qingfeng.IntegrationTests.Infrastructure;
using Qingfeng.Platform.Data;
using Qingfeng.Platform.Data.FullText;
using Xunit;

namespace Qingfeng.IntegrationTests.Platform.Data;

/// <summary>
/// The PostgreSQL implementation on a throwaway database with the full model plus
/// <see cref="PostgresFullTextIndex.CreateSql"/>. Skips without <c>QINGFENG_TEST_POSTGRES</c>.
/// </summary>
public sealed class PostgresFullTextIndexTests : IAsyncLifetime
{
    private static readonly string[] JuzhangAndLijin = ["juzhang", "lijin"];

    private readonly CommandLog _log = new();
    private readonly PostgresFullTextIndex _index = new();
    private readonly string _name = "qf_fts_test_" + Guid.NewGuid().ToString("N")[..12];
    private string? _admin;
    private PostgresQingfengDb _db = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _admin = Requirements.PostgresAdminConnection();
        await using (var connection = new NpgsqlConnection(_admin))
        {
            await connection.OpenAsync(Ct);
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{_name}\"", connection);
            await command.ExecuteNonQueryAsync(Ct);
        }

        var connectionString = new NpgsqlConnectionStringBuilder(_admin) { Database = _name, Pooling = false }.ConnectionString;
        _db = new PostgresQingfengDb(new DbContextOptionsBuilder<PostgresQingfengDb>()
            .UseNpgsql(connectionString)
            .AddInterceptors(_log)
            .Options);
        await _db.Database.EnsureCreatedAsync(Ct);
        await _db.Database.ExecuteSqlRawAsync(PostgresFullTextIndex.CreateSql, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_admin is null)
        {
            return;
        }

        await _db.DisposeAsync();
        await PostgresDatabases.DropAsync(_admin, _name);
    }

    [Fact]
    public async Task A_document_matches_only_when_it_holds_all_terms()
    {
        var both = Guid.CreateVersion7();
        var one = Guid.CreateVersion7();
        await _index.IndexAsync(_db, "clue", both, Doc(["lijin", "shoushou", "juzhang"]), Ct);
        await _index.IndexAsync(_db, "clue", one, Doc(["lijin", "yinjiu"]), Ct);

        Assert.Equal(Sorted(both, one), await MatchingAsync("clue", "lijin"));
        Assert.Equal([both], await MatchingAsync("clue", "lijin", "juzhang"));
        Assert.Equal([one], await MatchingAsync("clue", "yinjiu", "lijin"));
        Assert.Empty(await MatchingAsync("clue", "yinjiu", "juzhang"));
        Assert.Empty(await MatchingAsync("clue", "absent"));
    }

    [Fact]
    public async Task Hex_and_digit_tokens_match_whole()
    {
        var id = Guid.CreateVersion7();
        await _index.IndexAsync(_db, "clue", id, Doc(["3f2a9b0c", "1e10", "2024", "and", "or"]), Ct);

        Assert.Equal([id], await MatchingAsync("clue", "3f2a9b0c", "1e10", "2024", "and", "or"));
        Assert.Empty(await MatchingAsync("clue", "3f2a9b"));
        Assert.Empty(await MatchingAsync("clue", "1e1"));
    }

    [Fact]
    public async Task Kinds_are_kept_apart()
    {
        var clue = Guid.CreateVersion7();
        var talk = Guid.CreateVersion7();
        await _index.IndexAsync(_db, "clue", clue, Doc(["lijin"]), Ct);
        await _index.IndexAsync(_db, "talk", talk, Doc(["lijin"]), Ct);

        Assert.Equal([clue], await MatchingAsync("clue", "lijin"));
        Assert.Equal([talk], await MatchingAsync("talk", "lijin"));
        Assert.Empty(await MatchingAsync("case", "lijin"));
    }

    [Fact]
    public async Task Indexing_again_replaces_the_terms()
    {
        var id = Guid.CreateVersion7();
        await _index.IndexAsync(_db, "clue", id, Doc(["lijin", "juzhang"]), Ct);
        await _index.IndexAsync(_db, "clue", id, Doc(["yinjiu"]), Ct);

        Assert.Empty(await MatchingAsync("clue", "lijin"));
        Assert.Equal([id], await MatchingAsync("clue", "yinjiu"));
        Assert.Equal(1L, await CountAsync());
    }

    [Fact]
    public async Task Removing_a_document_drops_it()
    {
        var kept = Guid.CreateVersion7();
        var removed = Guid.CreateVersion7();
        await _index.IndexAsync(_db, "clue", kept, Doc(["lijin"]), Ct);
        await _index.IndexAsync(_db, "clue", removed, Doc(["lijin"]), Ct);

        await _index.RemoveAsync(_db, "clue", removed, Ct);
        await _index.RemoveAsync(_db, "clue", Guid.CreateVersion7(), Ct);

        Assert.Equal([kept], await MatchingAsync("clue", "lijin"));
        Assert.Equal(1L, await CountAsync());
    }

    [Theory]
    [InlineData("a' OR 1=1 --")]
    [InlineData("lijin | juzhang")]
    [InlineData("lijin:*")]
    [InlineData("!lijin")]
    [InlineData("LiJin")]
    [InlineData("礼金")]
    public async Task Tokens_that_are_not_lowercase_ascii_letters_or_digits_are_rejected(string token)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _index.IndexAsync(_db, "clue", Guid.CreateVersion7(), Doc(["lijin", token]), Ct));
        Assert.Throws<ArgumentException>(() => _index.Matching(_db, "clue", Words(["lijin", token])));
        Assert.Equal(0L, await CountAsync());
    }

    [Fact]
    public async Task Matching_composes_with_a_table_into_one_statement()
    {
        var users = Enumerable.Range(1, 3)
            .Select(i => new QingfengUser { UserName = $"user{i}", NormalizedUserName = $"USER{i}", DisplayName = $"User {i}" })
            .ToList();
        _db.Users.AddRange(users);
        await _db.SaveChangesAsync(Ct);
        await _index.IndexAsync(_db, "user", users[0].Id, Doc(["lijin", "juzhang"]), Ct);
        await _index.IndexAsync(_db, "user", users[1].Id, Doc(["lijin"]), Ct);
        await _index.IndexAsync(_db, "clue", users[2].Id, Doc(["lijin", "juzhang"]), Ct);

        var query = _db.Users
            .Where(u => _index.Matching(_db, "user", Words(JuzhangAndLijin)).Contains(u.Id))
            .Select(u => u.UserName);
        TestContext.Current.TestOutputHelper?.WriteLine(query.ToQueryString());
        _log.Commands.Clear();

        var names = await query.ToListAsync(Ct);

        Assert.Equal(["user1"], names);
        var command = Assert.Single(_log.Commands);
        Assert.Contains("IN (", command, StringComparison.Ordinal);
        Assert.Contains("@@", command, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_query_can_use_the_GIN_index()
    {
        // Many documents of one kind, few holding the terms: as in production, kind alone is unselective.
        await _db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO search_documents (kind, document_id, part, terms)
            SELECT 'clue', gen_random_uuid(), 0, ('common w' || i)::tsvector FROM generate_series(1, 5000) AS i;
            ANALYZE search_documents;
            """,
            Ct);
        await _index.IndexAsync(_db, "clue", Guid.CreateVersion7(), Doc(["lijin", "juzhang"]), Ct);

        await _db.Database.OpenConnectionAsync(Ct);
        await using var command = _index.Matching(_db, "clue", Words(JuzhangAndLijin)).CreateDbCommand();
        command.CommandText = "EXPLAIN " + command.CommandText;
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(Ct))
        {
            while (await reader.ReadAsync(Ct))
            {
                plan.Add(reader.GetString(0));
            }
        }

        Assert.Contains(plan, line => line.Contains("ix_search_documents_terms", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Indexing_takes_part_in_the_callers_transaction()
    {
        var id = Guid.CreateVersion7();
        await using (var transaction = await _db.Database.BeginTransactionAsync(Ct))
        {
            await _index.IndexAsync(_db, "clue", id, Doc(["lijin"]), Ct);
            Assert.Equal([id], await MatchingAsync("clue", "lijin"));
            await transaction.RollbackAsync(Ct);
        }

        Assert.Empty(await MatchingAsync("clue", "lijin"));
    }

    [Fact]
    public async Task A_scoped_query_matches_only_documents_holding_one_of_the_scopes()
    {
        var mine = Guid.CreateVersion7();
        var group = Guid.CreateVersion7();
        var foreign = Guid.CreateVersion7();
        await _index.IndexAsync(_db, "clue", mine, Doc(["lijin", "scopea"]), Ct);
        await _index.IndexAsync(_db, "clue", group, Doc(["lijin", "juzhang", "scopeg"]), Ct);
        await _index.IndexAsync(_db, "clue", foreign, Doc(["lijin", "scopeb"]), Ct);

        Assert.Equal(Sorted(mine, group), await ScopedAsync(["lijin"], ["scopea", "scopeg"]));
        Assert.Equal([group], await ScopedAsync(["lijin", "juzhang"], ["scopea", "scopeg"]));
        Assert.Equal([foreign], await ScopedAsync(["lijin"], ["scopeb"]));
        Assert.Empty(await ScopedAsync(["lijin"], []));
        Assert.Equal(Sorted(mine, group, foreign), await MatchingAsync("clue", "lijin"));
    }

    private async Task<List<Guid>> ScopedAsync(string[] terms, string[] scopes)
    {
        var ids = await _index.Matching(_db, "clue", Words(terms), scopes).ToListAsync(Ct);
        ids.Sort();
        return ids;
    }

    [Fact]
    public async Task A_phrase_matches_consecutive_positions_of_one_run_only()
    {
        var phrase = Guid.CreateVersion7();
        var apart = Guid.CreateVersion7();
        var split = Guid.CreateVersion7();
        await _index.IndexAsync(_db, "clue", phrase, new FullTextDocument(["u1"], [["ab", "bc", "cd"]]), Ct);
        await _index.IndexAsync(_db, "clue", apart, new FullTextDocument(["u1"], [["ab", "xx", "bc", "cd"]]), Ct);
        await _index.IndexAsync(_db, "clue", split, new FullTextDocument(["u1"], [["ab"], ["bc", "cd"]]), Ct);

        Assert.Equal([phrase], await PhrasesAsync(["ab", "bc"]));
        Assert.Equal([phrase], await PhrasesAsync(["ab", "bc", "cd"]));
        Assert.Equal(Sorted(phrase, apart, split), await PhrasesAsync(["bc", "cd"]));
        Assert.Empty(await PhrasesAsync(["bc", "ab"]));
        Assert.Equal(Sorted(phrase, apart, split), await PhrasesAsync(["ab"], ["cd"]));
        Assert.Equal(Sorted(phrase, apart, split), await PhrasesAsync(["u1"]));
        Assert.Equal([apart], await PhrasesAsync(["xx", "bc"], ["ab"]));
    }

    [Fact]
    public async Task A_phrase_of_a_repeated_token_needs_the_repeats()
    {
        var twice = Guid.CreateVersion7();
        var once = Guid.CreateVersion7();
        await _index.IndexAsync(_db, "clue", twice, new FullTextDocument([], [["hh", "hh"]]), Ct);
        await _index.IndexAsync(_db, "clue", once, new FullTextDocument([], [["hh"], ["hh"]]), Ct);

        Assert.Equal([twice], await PhrasesAsync(["hh", "hh"]));
        Assert.Empty(await PhrasesAsync(["hh", "hh", "hh"]));
    }

    private async Task<List<Guid>> PhrasesAsync(params string[][] phrases)
    {
        var ids = await _index.Matching(_db, "clue", [.. phrases.Select(p => (IReadOnlyList<string>)p)]).ToListAsync(Ct);
        ids.Sort();
        return ids;
    }

    [Fact]
    public async Task A_document_longer_than_a_tsvector_keeps_is_found_to_its_end()
    {
        // 20,000 positions, and one token 400 times: beyond both limits of one tsvector, so the document is in parts.
        var run = Enumerable.Range(0, 20_000).Select(i => i % 50 == 0 ? "rep" : "t" + (i % 997).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        run[19_990] = "end1";
        run[19_991] = "end2";
        var id = Guid.CreateVersion7();
        await _index.IndexAsync(_db, "clue", id, new FullTextDocument(["scopea"], [run, ["solo"]]), Ct);

        Assert.Equal([id], await PhrasesAsync(["end1", "end2"]));
        Assert.Equal([id], await PhrasesAsync(["t1", "t2", "t3"], ["end1", "end2", run[19_992]]));
        Assert.Equal([id], [.. await _index.Matching(_db, "clue", [["solo"], [run[16_380], run[16_381], run[16_382], run[16_383], run[16_384]]], ["scopea"]).ToListAsync(Ct)]);
        Assert.Empty(await PhrasesAsync(["end2", "end1"]));
        Assert.True(await CountAsync() > 1);
    }

    /// <summary>A document of unordered terms only.</summary>
    private static FullTextDocument Doc(IReadOnlyCollection<string> terms) => new(terms, []);

    /// <summary>Each term a phrase of its own.</summary>
    private static List<IReadOnlyList<string>> Words(IReadOnlyCollection<string> terms) => [.. terms.Select(t => (IReadOnlyList<string>)[t])];

    private static List<Guid> Sorted(params Guid[] ids) => [.. ids.Order()];

    private async Task<List<Guid>> MatchingAsync(string kind, params string[] terms)
    {
        var ids = await _index.Matching(_db, kind, Words(terms)).ToListAsync(Ct);
        ids.Sort();
        return ids;
    }

    private Task<long> CountAsync() =>
        _db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM search_documents").SingleAsync(Ct);

    private sealed class CommandLog : DbCommandInterceptor
    {
        public List<string> Commands { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands.Add(command.CommandText);
            return ValueTask.FromResult(result);
        }
    }
}
