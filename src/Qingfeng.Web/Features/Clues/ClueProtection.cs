using System.Text.Json;
using Qingfeng.Features.Clues.Text;
using Qingfeng.Platform.Data.FullText;
using Qingfeng.Platform.Text;

namespace Qingfeng.Features.Clues;

/// <summary>
/// Keeps a clue's sensitive text safe and findable: content and reporter encrypted with SM4-GCM bound to
/// the clue id; the search index holds only keyed hashes of the text's characters and character pairs with their
/// positions (a blind phrase index, <see cref="CharacterGrams"/>), so neither the database nor a backup holds the
/// report in clear; repeat detection works on a fingerprint.
/// </summary>
public sealed class ClueProtection(
    FieldEncryption encryption,
    IFullTextIndex index,
    DuplicateDetector duplicates,
    CategorySuggester suggester,
    ViolationCatalog catalog)
{
    public const string IndexKind = "clue";

    /// <summary>
    /// The index format, as a token every clue document carries: a document without the current one was indexed by an
    /// older release and is indexed again at start-up (<see cref="ClueSearchIndexUpgrade"/>). Bump the number whenever
    /// what <see cref="IndexDocument"/> produces changes. 2: character unigrams and positioned bigrams (phrase search).
    /// </summary>
    public const string FormatToken = "format2";

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
    /// Indexes the clue's text (blind unigrams and positioned bigrams) together with its scope tokens, the handling organ
    /// and, when delegated, the collaboration group, and the <see cref="FormatToken"/>. Organ and group are fixed at
    /// registration; a change of either must re-index.
    /// </summary>
    public Task IndexAsync(QingfengDb db, Clue clue, string content, CancellationToken cancellationToken) =>
        index.IndexAsync(db, IndexKind, clue.Id, IndexDocument(content, ScopeTokens(clue.OrganId, clue.CollaborationGroupId)), cancellationToken);

    /// <summary>The index document of a text: its distinct characters and <paramref name="extraTerms"/> as terms, its bigrams per run in order, all blind.</summary>
    public FullTextDocument IndexDocument(string content, IEnumerable<string> extraTerms)
    {
        var runs = CharacterGrams.Runs(content);
        return new FullTextDocument(
            [.. Blind(CharacterGrams.Unigrams(runs)), .. extraTerms, FormatToken],
            [.. runs.Where(r => r.Length > 1).Select(r => (IReadOnlyList<string>)encryption.BlindTokens(CharacterGrams.Bigrams(r)))]);
    }

    public Task RemoveAsync(QingfengDb db, Guid clueId, CancellationToken cancellationToken) =>
        index.RemoveAsync(db, IndexKind, clueId, cancellationToken);

    /// <summary>The phrases of a search (<see cref="CharacterGrams.Phrases"/>): a clue matches when its text holds every one.</summary>
    public IReadOnlyList<string> QueryPhrases(string query) => CharacterGrams.Phrases(query);

    /// <summary>
    /// Ids of clues whose content holds every phrase and that belong to one of the viewer's scopes (their organ
    /// or collaboration groups): composable into a LINQ query. The scope narrows inside the index; callers still
    /// apply <see cref="ClueViewer.Visible"/>.
    /// </summary>
    public IQueryable<Guid> Matching(QingfengDb db, IReadOnlyList<string> phrases, ClueViewer viewer) =>
        Matching(db, phrases, ScopeTokens(viewer.User.OrganId, null, viewer.Groups));

    /// <summary>Ids of clues holding every phrase within the given organs' and groups' scope tokens (the viewer's, resolved by the caller).</summary>
    public IQueryable<Guid> Matching(QingfengDb db, IReadOnlyList<string> phrases, IReadOnlyCollection<string> scopes) =>
        index.Matching(db, IndexKind, BlindPhrases(phrases), scopes);

    /// <summary>Ids of clues of one organ indexed in the current format (the others are indexed again at start-up).</summary>
    public IQueryable<Guid> IndexedFor(QingfengDb db, Guid organId) =>
        index.Matching(db, IndexKind, [[ScopeToken(organId)], [FormatToken]]);

    /// <summary>The index token of an organ or collaboration group: not secret, and never equal to a blind token (those are hex).</summary>
    public static string ScopeToken(Guid organOrGroup) => "scope" + organOrGroup.ToString("N", CultureInfo.InvariantCulture);

    /// <summary>The scope tokens of an organ and its collaboration groups.</summary>
    public static List<string> ScopeTokens(Guid? organ, Guid? group, IEnumerable<Guid>? groups = null) =>
        [.. new[] { organ, group }.Concat((groups ?? []).Select(g => (Guid?)g)).OfType<Guid>().Select(ScopeToken).Distinct(StringComparer.Ordinal)];

    public IReadOnlyList<TextPiece> Snippet(Guid clueId, string contentCipher, IReadOnlyList<string> phrases) =>
        [.. ChineseSegmenter.Highlight(encryption.Decrypt(contentCipher, Bind(clueId, "content")), phrases, 120).Select(s => new TextPiece(s.Text, s.IsMatch))];

    public IReadOnlyList<CategorySuggestion> SuggestCategories(string text) => suggester.Suggest(text);

    /// <summary>The blind tokens the index is asked for each phrase: its one unigram, or its bigrams in order.</summary>
    public List<IReadOnlyList<string>> BlindPhrases(IEnumerable<string> phrases) =>
        [.. phrases.Select(p => (IReadOnlyList<string>)encryption.BlindTokens(CharacterGrams.PhraseGrams(p)))];

    private List<string> Blind(IEnumerable<string> terms) => encryption.BlindTokens(terms);

    private static string Bind(Guid id, string field) => ClueKeyRotation.Bind(id, field);
}
