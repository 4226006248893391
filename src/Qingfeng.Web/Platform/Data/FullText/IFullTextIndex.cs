namespace Qingfeng.Platform.Data.FullText;

/// <summary>
/// Full-text search (全文检索) over opaque tokens: the one place where provider-specific SQL for search
/// lives (<see cref="SqliteFullTextIndex"/> on FTS5, <see cref="PostgresFullTextIndex"/> on
/// <c>tsvector</c>). Callers segment text into words and turn each word into an opaque token matching
/// <c>[a-z0-9]+</c> (a keyed hash, so the index holds no plaintext); the index only stores and matches
/// those tokens. A document is identified by a <c>kind</c> (for example <c>"clue"</c>) and its id.
/// </summary>
public interface IFullTextIndex
{
    /// <summary>
    /// Inserts or replaces the document's tokens (an empty collection removes the document).
    /// Runs on the context's connection, inside its current transaction if there is one.
    /// </summary>
    /// <exception cref="ArgumentException">A token does not match <c>^[a-z0-9]+$</c>.</exception>
    Task IndexAsync(QingfengDb db, string kind, Guid documentId, IReadOnlyCollection<string> terms, CancellationToken ct);

    /// <summary>Removes the document from the index; nothing happens when it is not indexed.</summary>
    Task RemoveAsync(QingfengDb db, string kind, Guid documentId, CancellationToken ct);

    /// <summary>
    /// A composable query of the ids of documents of <paramref name="kind"/> that contain all
    /// <paramref name="terms"/>, meant for <c>Where(x =&gt; index.Matching(db, kind, terms).Contains(x.Id))</c>,
    /// which translates to one statement with an <c>IN (subquery)</c>.
    /// </summary>
    /// <param name="db">The context whose connection runs the query.</param>
    /// <param name="kind">The kind of document.</param>
    /// <param name="terms">Tokens every matching document holds.</param>
    /// <param name="anyOf">
    /// When given, a matching document must also hold at least one of these tokens. Callers index scope tokens
    /// (for example the owning organ) with each document and pass the caller's scopes here, so that the index
    /// intersects a frequent word with a small scope inside the index instead of returning every document that
    /// holds the word. It narrows, it does not authorise: callers still apply their access rule.
    /// </param>
    /// <exception cref="ArgumentException">No terms, or a token does not match <c>^[a-z0-9]+$</c>.</exception>
    IQueryable<Guid> Matching(QingfengDb db, string kind, IReadOnlyCollection<string> terms, IReadOnlyCollection<string>? anyOf = null);
}
