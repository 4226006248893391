using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Qingfeng.Features.Accounts;
using Qingfeng.Platform.Data;
using Qingfeng.Platform.Data.FullText;
using Xunit;

namespace Qingfeng.Tests.Platform.Data;

/// <summary>The SQLite FTS5 implementation on an in-memory database with the full model plus <see cref="SqliteFullTextIndex.CreateSql"/>.</summary>
public sealed class FullTextIndexTests : IAsyncLifetime
{
    private static readonly string[] JuzhangAndLijin = ["juzhang", "lijin"];

    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly CommandLog _log = new();
    private readonly SqliteFullTextIndex _index = new();
    private SqliteQingfengDb _db = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _connection.OpenAsync(Ct);
        _db = new SqliteQingfengDb(new DbContextOptionsBuilder<SqliteQingfengDb>()
            .UseSqlite(_connection)
            .AddInterceptors(_log)
            .Options);
        await _db.Database.EnsureCreatedAsync(Ct);
        await _db.Database.ExecuteSqlRawAsync(SqliteFullTextIndex.CreateSql, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        await _connection.DisposeAsync();
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
    public async Task The_same_id_under_two_kinds_is_two_documents()
    {
        var id = Guid.CreateVersion7();
        await _index.IndexAsync(_db, "clue", id, Doc(["lijin"]), Ct);
        await _index.IndexAsync(_db, "talk", id, Doc(["yinjiu"]), Ct);
        await _index.RemoveAsync(_db, "talk", id, Ct);

        Assert.Equal([id], await MatchingAsync("clue", "lijin"));
        Assert.Empty(await MatchingAsync("talk", "yinjiu"));
    }

    [Fact]
    public async Task Indexing_again_replaces_the_terms()
    {
        var id = Guid.CreateVersion7();
        await _index.IndexAsync(_db, "clue", id, Doc(["lijin", "juzhang"]), Ct);
        await _index.IndexAsync(_db, "clue", id, Doc(["yinjiu"]), Ct);

        Assert.Empty(await MatchingAsync("clue", "lijin"));
        Assert.Equal([id], await MatchingAsync("clue", "yinjiu"));
        Assert.Equal(1L, await CountAsync("SELECT count(*) AS \"Value\" FROM search_documents"));
    }

    [Fact]
    public async Task Removing_a_document_drops_it_and_its_terms()
    {
        var kept = Guid.CreateVersion7();
        var removed = Guid.CreateVersion7();
        await _index.IndexAsync(_db, "clue", kept, Doc(["lijin"]), Ct);
        await _index.IndexAsync(_db, "clue", removed, Doc(["lijin"]), Ct);

        await _index.RemoveAsync(_db, "clue", removed, Ct);
        await _index.RemoveAsync(_db, "clue", Guid.CreateVersion7(), Ct);

        Assert.Equal([kept], await MatchingAsync("clue", "lijin"));
        Assert.Equal(1L, await CountAsync("SELECT count(*) AS \"Value\" FROM search_documents"));
    }

    [Fact]
    public async Task Indexing_no_terms_removes_the_document()
    {
        var id = Guid.CreateVersion7();
        await _index.IndexAsync(_db, "clue", id, Doc(["lijin"]), Ct);
        await _index.IndexAsync(_db, "clue", id, Doc([]), Ct);

        Assert.Empty(await MatchingAsync("clue", "lijin"));
        Assert.Equal(0L, await CountAsync("SELECT count(*) AS \"Value\" FROM search_documents"));
    }

    [Theory]
    [InlineData("a' OR 1=1 --")]
    [InlineData("lijin\" OR \"x")]
    [InlineData("LiJin")]
    [InlineData("礼金")]
    [InlineData("li jin")]
    [InlineData("lijin*")]
    [InlineData("")]
    public async Task Tokens_that_are_not_lowercase_ascii_letters_or_digits_are_rejected(string token)
    {
        var id = Guid.CreateVersion7();
        await Assert.ThrowsAsync<ArgumentException>(() => _index.IndexAsync(_db, "clue", id, Doc(["lijin", token]), Ct));
        Assert.Throws<ArgumentException>(() => _index.Matching(_db, "clue", Words(["lijin", token])));
        Assert.Equal(0L, await CountAsync("SELECT count(*) AS \"Value\" FROM search_documents"));
    }

    [Fact]
    public void A_query_without_terms_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => _index.Matching(_db, "clue", Words([])));
    }

    [Fact]
    public async Task A_kind_with_quotes_is_only_a_parameter()
    {
        var id = Guid.CreateVersion7();
        await _index.IndexAsync(_db, "x' OR '1'='1", id, Doc(["lijin"]), Ct);

        Assert.Empty(await MatchingAsync("clue", "lijin"));
        Assert.Equal([id], await MatchingAsync("x' OR '1'='1", "lijin"));
    }

    [Fact]
    public async Task Document_ids_are_stored_as_EF_stores_a_Guid()
    {
        var user = new QingfengUser { UserName = "stored", NormalizedUserName = "STORED", DisplayName = "Stored" };
        _db.Users.Add(user);
        await _db.SaveChangesAsync(Ct);
        await _index.IndexAsync(_db, "user", user.Id, Doc(["lijin"]), Ct);

        // Text equality with the column EF wrote, not a parse: this is what IN (subquery) compares.
        Assert.Equal(1L, await CountAsync("SELECT count(*) AS \"Value\" FROM AspNetUsers AS u JOIN search_documents AS d ON d.document_id = u.Id"));
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
        var sql = query.ToQueryString();
        TestContext.Current.TestOutputHelper?.WriteLine(sql);
        _log.Commands.Clear();

        var names = await query.ToListAsync(Ct);

        Assert.Equal(["user1"], names);
        var command = Assert.Single(_log.Commands);
        Assert.Contains("IN (", command, StringComparison.Ordinal);
        Assert.Contains("MATCH", command, StringComparison.Ordinal);
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

    private async Task<List<Guid>> MatchingAsync(string kind, params string[] terms)
    {
        var ids = await _index.Matching(_db, kind, Words(terms)).ToListAsync(Ct);
        ids.Sort();
        return ids;
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

    /// <summary>A document of unordered terms only.</summary>
    private static FullTextDocument Doc(IReadOnlyCollection<string> terms) => new(terms, []);

    /// <summary>Each term a phrase of its own.</summary>
    private static List<IReadOnlyList<string>> Words(IReadOnlyCollection<string> terms) => [.. terms.Select(t => (IReadOnlyList<string>)[t])];

    private static List<Guid> Sorted(params Guid[] ids) => [.. ids.Order()];

    private Task<long> CountAsync(string sql) =>
        _db.Database.SqlQueryRaw<long>(sql).SingleAsync(Ct);

    private sealed class CommandLog : DbCommandInterceptor
    {
        public List<string> Commands { get; } = [];

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Commands.Add(command.CommandText);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands.Add(command.CommandText);
            return ValueTask.FromResult(result);
        }
    }
}
