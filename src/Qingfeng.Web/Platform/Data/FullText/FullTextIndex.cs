namespace Qingfeng.Platform.Data.FullText;

/// <summary>
/// What both providers' indexes share: every call checks the kind and the tokens before any SQL is built,
/// indexing no tokens removes the document, and a query needs a token; the providers only write their SQL.
/// </summary>
public abstract class FullTextIndex : IFullTextIndex
{
    public async Task IndexAsync(QingfengDb db, string kind, Guid documentId, IReadOnlyCollection<string> terms, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        FullTextTokens.ValidateKind(kind);
        var tokens = FullTextTokens.Validate(terms, nameof(terms));
        if (tokens.Count == 0)
        {
            await DeleteAsync(db, kind, documentId, ct);
            return;
        }

        await UpsertAsync(db, kind, documentId, string.Join(' ', tokens), ct);
    }

    public Task RemoveAsync(QingfengDb db, string kind, Guid documentId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        FullTextTokens.ValidateKind(kind);
        return DeleteAsync(db, kind, documentId, ct);
    }

    public IQueryable<Guid> Matching(QingfengDb db, string kind, IReadOnlyCollection<string> terms, IReadOnlyCollection<string>? anyOf = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        FullTextTokens.ValidateKind(kind);
        var tokens = FullTextTokens.Validate(terms, nameof(terms));
        if (tokens.Count == 0)
        {
            throw new ArgumentException("A full-text query needs at least one token.", nameof(terms));
        }

        var scopes = anyOf is null ? null : FullTextTokens.Validate(anyOf, nameof(anyOf));
        return scopes is { Count: 0 } ? None(db) : Query(db, kind, tokens, scopes);
    }

    /// <summary>Inserts or replaces the document's row; <paramref name="text"/> is the validated tokens joined by spaces.</summary>
    protected abstract Task UpsertAsync(QingfengDb db, string kind, Guid documentId, string text, CancellationToken ct);

    protected abstract Task DeleteAsync(QingfengDb db, string kind, Guid documentId, CancellationToken ct);

    /// <summary>The ids of documents holding all <paramref name="tokens"/> and, when <paramref name="scopes"/> is given, one of them.</summary>
    protected abstract IQueryable<Guid> Query(QingfengDb db, string kind, IReadOnlyList<string> tokens, IReadOnlyList<string>? scopes);

    /// <summary>An empty query of the same shape (no scope matches).</summary>
    protected abstract IQueryable<Guid> None(QingfengDb db);
}
