namespace Qingfeng.Platform.Data.FullText;

/// <summary>
/// <see cref="IFullTextIndex"/> on PostgreSQL: one row per document with its space-separated tokens and a
/// GIN index on <c>to_tsvector('simple', terms)</c>. The <c>simple</c> configuration only lowercases,
/// which is all opaque <c>[a-z0-9]+</c> tokens need (it would find nothing in unsegmented Chinese).
/// Queries repeat the indexed expression exactly so that the planner uses the GIN index.
/// </summary>
public sealed class PostgresFullTextIndex : FullTextIndex
{
    /// <summary>Creates the index table (for <c>migrationBuilder.Sql</c>).</summary>
    public const string CreateSql = """
        CREATE TABLE search_documents (
            kind text NOT NULL,
            document_id uuid NOT NULL,
            terms text NOT NULL,
            CONSTRAINT pk_search_documents PRIMARY KEY (kind, document_id)
        );
        CREATE INDEX ix_search_documents_terms ON search_documents USING gin (to_tsvector('simple', terms));
        """;

    /// <summary>Drops the index table (for <c>migrationBuilder.Sql</c> in <c>Down</c>).</summary>
    public const string DropSql = "DROP TABLE IF EXISTS search_documents;";

    protected override Task UpsertAsync(QingfengDb db, string kind, Guid documentId, string text, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO search_documents (kind, document_id, terms) VALUES ({kind}, {documentId}, {text})
            ON CONFLICT (kind, document_id) DO UPDATE SET terms = excluded.terms
            """,
            ct);

    protected override Task DeleteAsync(QingfengDb db, string kind, Guid documentId, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"DELETE FROM search_documents WHERE kind = {kind} AND document_id = {documentId}", ct);

    protected override IQueryable<Guid> Query(QingfengDb db, string kind, IReadOnlyList<string> tokens, IReadOnlyList<string>? scopes)
    {
        // 't1 & t2 & (s1 | s2)' from validated [a-z0-9]+ tokens, bound as a parameter.
        var query = string.Join(" & ", tokens) + (scopes is null ? "" : " & (" + string.Join(" | ", scopes) + ")");
        return db.Database.SqlQuery<Guid>(
            $"""
            SELECT document_id AS "Value"
            FROM search_documents
            WHERE kind = {kind} AND to_tsvector('simple', terms) @@ to_tsquery('simple', {query})
            """);
    }

    protected override IQueryable<Guid> None(QingfengDb db) =>
        db.Database.SqlQuery<Guid>($"SELECT document_id AS \"Value\" FROM search_documents WHERE FALSE");
}
