namespace Qingfeng.Platform.Data.FullText;

/// <summary>
/// What both providers' indexes share: every call checks the kind and the tokens before any SQL is built,
/// indexing an empty document removes it, and a query needs a phrase; the providers only write their SQL.
/// </summary>
public abstract class FullTextIndex : IFullTextIndex
{
    public async Task IndexAsync(QingfengDb db, string kind, Guid documentId, FullTextDocument document, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(document);
        FullTextTokens.ValidateKind(kind);
        var terms = FullTextTokens.Validate(document.Terms, nameof(document));
        var runs = document.Runs.Select(r => FullTextTokens.Ordered(r, nameof(document))).Where(r => r.Count > 0).ToList();
        if (terms.Count == 0 && runs.Count == 0)
        {
            await DeleteAsync(db, kind, documentId, ct);
            return;
        }

        await UpsertAsync(db, kind, documentId, terms, runs, ct);
    }

    public Task RemoveAsync(QingfengDb db, string kind, Guid documentId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        FullTextTokens.ValidateKind(kind);
        return DeleteAsync(db, kind, documentId, ct);
    }

    public IQueryable<Guid> Matching(QingfengDb db, string kind, IReadOnlyCollection<IReadOnlyList<string>> phrases, IReadOnlyCollection<string>? anyOf = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(phrases);
        FullTextTokens.ValidateKind(kind);
        var checkedPhrases = phrases.Select(p => FullTextTokens.Ordered(p, nameof(phrases))).ToList();
        if (checkedPhrases.Count == 0 || checkedPhrases.Any(p => p.Count == 0))
        {
            throw new ArgumentException("A full-text query needs at least one phrase, and no phrase may be empty.", nameof(phrases));
        }

        var distinct = checkedPhrases.DistinctBy(p => string.Join(' ', p), StringComparer.Ordinal).ToList();
        var scopes = anyOf is null ? null : FullTextTokens.Validate(anyOf, nameof(anyOf));
        return scopes is { Count: 0 } ? None(db) : Query(db, kind, distinct, scopes);
    }

    /// <summary>Inserts or replaces the document's rows from validated, distinct <paramref name="terms"/> and non-empty <paramref name="runs"/>.</summary>
    protected abstract Task UpsertAsync(QingfengDb db, string kind, Guid documentId, IReadOnlyList<string> terms, IReadOnlyList<IReadOnlyList<string>> runs, CancellationToken ct);

    protected abstract Task DeleteAsync(QingfengDb db, string kind, Guid documentId, CancellationToken ct);

    /// <summary>The ids of documents holding all <paramref name="phrases"/> and, when <paramref name="scopes"/> is given, one of them.</summary>
    protected abstract IQueryable<Guid> Query(QingfengDb db, string kind, IReadOnlyList<IReadOnlyList<string>> phrases, IReadOnlyList<string>? scopes);

    /// <summary>An empty query of the same shape (no scope matches).</summary>
    protected abstract IQueryable<Guid> None(QingfengDb db);
}
