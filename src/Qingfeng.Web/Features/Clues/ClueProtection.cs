using System.Text.Json;
using Qingfeng.Features.Clues.Text;
using Qingfeng.Platform.Data.FullText;
using Qingfeng.Platform.Text;

namespace Qingfeng.Features.Clues;

/// <summary>
/// Keeps a clue's sensitive text safe and findable: content and reporter encrypted with SM4-GCM bound to
/// the clue id; the search index holds only keyed hashes of the words (a blind index), so neither the
/// database nor a backup holds the report in clear; repeat detection works on a fingerprint.
/// </summary>
public sealed class ClueProtection(
    FieldEncryption encryption,
    ChineseSegmenter segmenter,
    IFullTextIndex index,
    DuplicateDetector duplicates,
    CategorySuggester suggester,
    ViolationCatalog catalog)
{
    public const string IndexKind = "clue";

    public ViolationCatalog Categories => catalog;

    /// <summary>The repeat detector that reads the fingerprints this class makes.</summary>
    public DuplicateDetector Duplicates => duplicates;

    /// <summary>Encrypts content and reporter onto the clue and returns the repeat fingerprint (<see cref="DuplicateDetector"/>: no readable text).</summary>
    public string Protect(Clue clue, string content, ReporterDetails? reporter)
    {
        var fingerprint = DuplicateDetector.Fingerprint(content);
        clue.SetProtectedContent(
            encryption.Encrypt(content, Bind(clue.Id, "content")),
            reporter is null ? null : encryption.Encrypt(JsonSerializer.Serialize(reporter), Bind(clue.Id, "reporter")),
            fingerprint);
        return fingerprint;
    }

    public string? UnprotectContent(Clue clue) =>
        clue.ContentCipher is { } cipher ? encryption.Decrypt(cipher, Bind(clue.Id, "content")) : null;

    public ReporterDetails? UnprotectReporter(Clue clue) =>
        clue.ReporterCipher is { } cipher ? JsonSerializer.Deserialize<ReporterDetails>(encryption.Decrypt(cipher, Bind(clue.Id, "reporter"))) : null;

    public byte[] ProtectFile(Guid attachmentId, byte[] content) => encryption.EncryptBytes(content, Bind(attachmentId, "file"));

    public byte[] UnprotectFile(Guid attachmentId, byte[] cipher) => encryption.DecryptBytes(cipher, Bind(attachmentId, "file"));

    /// <summary>
    /// Indexes the clue's words (as blind tokens) together with its scope tokens: the handling organ and, when
    /// delegated, the collaboration group. Both are fixed at registration; a change of either must re-index.
    /// </summary>
    public Task IndexAsync(QingfengDb db, Clue clue, string content, CancellationToken cancellationToken) =>
        index.IndexAsync(db, IndexKind, clue.Id, [.. Blind(segmenter.IndexTerms(content)), .. ScopeTokens(clue.OrganId, clue.CollaborationGroupId)], cancellationToken);

    public Task RemoveAsync(QingfengDb db, Guid clueId, CancellationToken cancellationToken) =>
        index.RemoveAsync(db, IndexKind, clueId, cancellationToken);

    public IReadOnlyList<string> QueryTerms(string query) => segmenter.QueryTerms(query);

    /// <summary>
    /// Ids of clues whose content holds every term and that belong to one of the viewer's scopes (their organ
    /// or collaboration groups): composable into a LINQ query. The scope narrows inside the index; callers still
    /// apply <see cref="ClueViewer.Visible"/>.
    /// </summary>
    public IQueryable<Guid> Matching(QingfengDb db, IReadOnlyList<string> terms, ClueViewer viewer) =>
        index.Matching(db, IndexKind, Blind(terms), ScopeTokens(viewer.User.OrganId, null, viewer.Groups));

    /// <summary>Ids of indexed clues of one organ (finds documents indexed without scope tokens).</summary>
    public IQueryable<Guid> IndexedFor(QingfengDb db, Guid organId) =>
        index.Matching(db, IndexKind, ScopeTokens(organId, null));

    /// <summary>The index token of an organ or collaboration group: not secret, and never equal to a blind token (those are hex).</summary>
    public static string ScopeToken(Guid organOrGroup) => "scope" + organOrGroup.ToString("N", CultureInfo.InvariantCulture);

    private static List<string> ScopeTokens(Guid? organ, Guid? group, IEnumerable<Guid>? groups = null) =>
        [.. new[] { organ, group }.Concat((groups ?? []).Select(g => (Guid?)g)).OfType<Guid>().Select(ScopeToken).Distinct(StringComparer.Ordinal)];

    public IReadOnlyList<TextPiece> Snippet(Guid clueId, string contentCipher, IReadOnlyList<string> terms) =>
        [.. ChineseSegmenter.Highlight(encryption.Decrypt(contentCipher, Bind(clueId, "content")), terms, 120).Select(s => new TextPiece(s.Text, s.IsMatch))];

    public IReadOnlyList<CategorySuggestion> SuggestCategories(string text) => suggester.Suggest(text);

    /// <summary>The keyed hashes the index holds for these words.</summary>
    public IReadOnlyList<string> BlindTerms(IEnumerable<string> terms) => Blind(terms);

    /// <summary>The keyed hashes the index holds for a text.</summary>
    public IReadOnlyList<string> IndexTokens(string content) => Blind(segmenter.IndexTerms(content));

    private List<string> Blind(IEnumerable<string> terms) => [.. terms.Select(encryption.BlindToken).Distinct(StringComparer.Ordinal)];

    private static string Bind(Guid id, string field) => ClueKeyRotation.Bind(id, field);
}
