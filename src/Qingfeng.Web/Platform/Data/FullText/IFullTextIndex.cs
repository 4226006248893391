namespace Qingfeng.Platform.Data.FullText;

/// <summary>
/// What a document is indexed by: <paramref name="Terms"/>, opaque tokens found anywhere (for example the keyed hashes
/// of its characters, and scope tokens), and <paramref name="Runs"/>, sequences of opaque tokens whose order is kept, so
/// that a phrase (tokens at consecutive positions of one run) can be matched. Every token matches <c>^[a-z0-9]+$</c>.
/// </summary>
public sealed record FullTextDocument(IReadOnlyCollection<string> Terms, IReadOnlyList<IReadOnlyList<string>> Runs);

/// <summary>
/// Full-text search (全文检索) over opaque tokens with positions: the one place where provider-specific SQL for search
/// lives (<see cref="SqliteFullTextIndex"/> on FTS5, <see cref="PostgresFullTextIndex"/> on <c>tsvector</c> phrase
/// queries). Callers turn text into opaque tokens matching <c>[a-z0-9]+</c> (keyed hashes, so the index holds no
/// plaintext) and say which are ordered (<see cref="FullTextDocument.Runs"/>); the index stores and matches them. A
/// document is identified by a <c>kind</c> (for example <c>"clue"</c>) and its id.
/// </summary>
public interface IFullTextIndex
{
    /// <summary>
    /// Inserts or replaces the document (an empty document removes it).
    /// Runs on the context's connection, inside its current transaction if there is one.
    /// </summary>
    /// <exception cref="ArgumentException">A token does not match <c>^[a-z0-9]+$</c>.</exception>
    Task IndexAsync(QingfengDb db, string kind, Guid documentId, FullTextDocument document, CancellationToken ct);

    /// <summary>Removes the document from the index; nothing happens when it is not indexed.</summary>
    Task RemoveAsync(QingfengDb db, string kind, Guid documentId, CancellationToken ct);

    /// <summary>
    /// A composable query of the ids of documents of <paramref name="kind"/> that hold every phrase of
    /// <paramref name="phrases"/>, meant for <c>Where(x =&gt; index.Matching(db, kind, phrases).Contains(x.Id))</c>,
    /// which translates to one statement with an <c>IN (subquery)</c>.
    /// </summary>
    /// <param name="db">The context whose connection runs the query.</param>
    /// <param name="kind">The kind of document.</param>
    /// <param name="phrases">
    /// Phrases every matching document holds: a phrase of one token matches that token anywhere (a term or a run); a
    /// phrase of several tokens matches only those tokens at consecutive positions of one run.
    /// </param>
    /// <param name="anyOf">
    /// When given, a matching document must also hold at least one of these tokens. Callers index scope tokens
    /// (for example the owning organ) with each document and pass the caller's scopes here, so that the index
    /// intersects a frequent phrase with a small scope inside the index instead of returning every document that
    /// holds the phrase. It narrows, it does not authorise: callers still apply their access rule.
    /// </param>
    /// <exception cref="ArgumentException">No phrases, an empty phrase, or a token that does not match <c>^[a-z0-9]+$</c>.</exception>
    IQueryable<Guid> Matching(QingfengDb db, string kind, IReadOnlyCollection<IReadOnlyList<string>> phrases, IReadOnlyCollection<string>? anyOf = null);
}
