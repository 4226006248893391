namespace Qingfeng.Platform.Data.FullText;

/// <summary>
/// <see cref="IFullTextIndex"/> on SQLite FTS5.
/// <para>
/// <c>search_documents</c> maps (kind, document id) to an integer id through a unique index, so that
/// replacing or removing one document is an index lookup, not a scan of the full-text table (FTS5 cannot
/// index <c>UNINDEXED</c> columns). <c>search_terms</c> is a contentless FTS5 table whose rowid is that
/// id: tokens are opaque hashes, so storing them again as content would only cost space;
/// <c>contentless_delete=1</c> (SQLite 3.43+) allows deleting and replacing rows; <c>detail=full</c> keeps each
/// token's positions, which phrase queries (<c>"t1 t2 t3"</c>: consecutive positions) need. The <c>ascii</c>
/// tokenizer suffices for <c>[a-z0-9]+</c> tokens.
/// </para>
/// <para>
/// A document's one column is its terms, then each run after the separator token <see cref="RunSeparator"/>, so that
/// no phrase spans two runs (the separator is never a caller's token: those are keyed hashes or prefixed words).
/// </para>
/// <para>
/// Document ids are stored as EF Core stores a <see cref="Guid"/> on SQLite, uppercase text
/// (<c>0198C3B2-…</c>), so that <see cref="FullTextIndex.Matching"/> compares equal to entity key columns.
/// </para>
/// </summary>
public sealed class SqliteFullTextIndex : FullTextIndex
{
    /// <summary>Creates the index tables (for <c>migrationBuilder.Sql</c>).</summary>
    public const string CreateSql = """
        CREATE TABLE search_documents (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            document_id TEXT NOT NULL,
            CONSTRAINT ux_search_documents_kind_document_id UNIQUE (kind, document_id)
        );
        CREATE VIRTUAL TABLE search_terms USING fts5(
            terms,
            content = '',
            contentless_delete = 1,
            detail = full,
            tokenize = 'ascii'
        );
        """;

    /// <summary>Drops the index tables (for <c>migrationBuilder.Sql</c> in <c>Down</c>).</summary>
    public const string DropSql = """
        DROP TABLE IF EXISTS search_terms;
        DROP TABLE IF EXISTS search_documents;
        """;

    /// <summary>Stands between runs so that positions of two runs are never consecutive.</summary>
    internal const string RunSeparator = "0";

    protected override Task UpsertAsync(QingfengDb db, string kind, Guid documentId, IReadOnlyList<string> terms, IReadOnlyList<IReadOnlyList<string>> runs, CancellationToken ct)
    {
        var id = ToEfText(documentId);
        var text = Text(terms, runs);
        return db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO search_documents (kind, document_id) VALUES ({kind}, {id})
                ON CONFLICT (kind, document_id) DO NOTHING;
            INSERT OR REPLACE INTO search_terms (rowid, terms)
                SELECT id, {text} FROM search_documents WHERE kind = {kind} AND document_id = {id};
            """,
            ct);
    }

    protected override Task DeleteAsync(QingfengDb db, string kind, Guid documentId, CancellationToken ct)
    {
        var id = ToEfText(documentId);
        return db.Database.ExecuteSqlAsync(
            $"""
            DELETE FROM search_terms
                WHERE rowid = (SELECT id FROM search_documents WHERE kind = {kind} AND document_id = {id});
            DELETE FROM search_documents WHERE kind = {kind} AND document_id = {id};
            """,
            ct);
    }

    protected override IQueryable<Guid> Query(QingfengDb db, string kind, IReadOnlyList<IReadOnlyList<string>> phrases, IReadOnlyList<string>? scopes)
    {
        // Quoted phrases ("t1 t2" = consecutive positions) separated by AND, and a bracketed OR group for the scopes:
        // an FTS5 query of validated [a-z0-9]+ strings, bound as a parameter.
        var match = string.Join(" AND ", phrases.Select(p => Quote(string.Join(' ', p))))
            + (scopes is null ? "" : " AND (" + string.Join(" OR ", scopes.Select(Quote)) + ")");
        return db.Database.SqlQuery<Guid>(
            $"""
            SELECT d.document_id AS "Value"
            FROM search_terms
            JOIN search_documents AS d ON d.id = search_terms.rowid
            WHERE search_terms MATCH {match} AND d.kind = {kind}
            """);
    }

    protected override IQueryable<Guid> None(QingfengDb db) =>
        db.Database.SqlQuery<Guid>($"SELECT document_id AS \"Value\" FROM search_documents WHERE 0");

    /// <summary>The document's one column: its terms, then each run after <see cref="RunSeparator"/>.</summary>
    internal static string Text(IReadOnlyList<string> terms, IReadOnlyList<IReadOnlyList<string>> runs) =>
        string.Join(' ', terms.Concat(runs.SelectMany(r => r.Prepend(RunSeparator))));

    private static string Quote(string tokens) => "\"" + tokens + "\"";

    /// <summary>EF Core's SQLite representation of a <see cref="Guid"/>: uppercase "D" text.</summary>
    internal static string ToEfText(Guid id) => id.ToString("D", CultureInfo.InvariantCulture).ToUpperInvariant();
}
