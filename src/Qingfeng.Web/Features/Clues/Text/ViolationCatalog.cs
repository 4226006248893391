using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qingfeng.Features.Clues.Text;

/// <summary>Which family of categories a <see cref="ViolationCategory"/> belongs to.</summary>
public enum ViolationGroup
{
    /// <summary>中央八项规定精神 monthly-report types (形式主义、官僚主义; 享乐主义、奢靡之风).</summary>
    EightPoint,

    /// <summary>六项纪律 (政治、组织、廉洁、群众、工作、生活纪律) and their sub-areas.</summary>
    Discipline,
}

/// <summary>A weighted keyword whose presence in a clue text hints at a category.</summary>
public sealed record CategoryKeyword(string Word, double Weight);

/// <summary>
/// A violation category (违纪问题类别): an Eight-point Rules type or a discipline sub-area.
/// <see cref="Parent"/> is null for a family (e.g. <c>EP.HEDONISM</c>, <c>DISC.INTEGRITY</c>).
/// </summary>
public sealed record ViolationCategory(
    string Code,
    ViolationGroup Group,
    string? Parent,
    string Name,
    string NameEn,
    IReadOnlyList<CategoryKeyword> Keywords);

/// <summary>
/// The versioned reference list of violation categories, loaded once from the embedded
/// <c>violation-categories.json</c>. The category set changes over the years (for example
/// 违规发放津补贴 was added in 2015), so the file carries a version and codes are never reused.
/// Register as a singleton.
/// </summary>
public sealed class ViolationCatalog
{
    public const string ResourceName = "Qingfeng.Features.Clues.Text.violation-categories.json";

    public const int MaxCodeLength = 32;

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly FrozenDictionary<string, ViolationCategory> _byCode;

    public ViolationCatalog()
        : this(LoadEmbedded())
    {
    }

    internal ViolationCatalog(Stream json)
    {
        using (json)
        {
            var file = JsonSerializer.Deserialize<CatalogFile>(json, Options)
                ?? throw new InvalidOperationException("The violation catalog is empty.");
            Version = file.Version ?? throw new InvalidOperationException("The violation catalog has no version.");
            All = [.. (file.Categories ?? []).Select(c => new ViolationCategory(
                c.Code, c.Group, c.Parent, c.Name, c.NameEn,
                [.. (c.Keywords ?? []).Select(k => new CategoryKeyword(k.Word, k.Weight))]))];
        }

        _byCode = All.ToFrozenDictionary(c => c.Code, StringComparer.Ordinal);
        foreach (var category in All)
        {
            if (category.Code.Length > MaxCodeLength || !category.Code.All(char.IsAscii))
            {
                throw new InvalidOperationException($"Category code {category.Code} must be ASCII of at most {MaxCodeLength} characters.");
            }

            if (category.Parent is { } parent && !_byCode.ContainsKey(parent))
            {
                throw new InvalidOperationException($"Category {category.Code} names an unknown parent {parent}.");
            }
        }
    }

    /// <summary>A shared instance for code that is not composed through dependency injection.</summary>
    public static ViolationCatalog Default { get; } = new();

    public string Version { get; }

    public IReadOnlyList<ViolationCategory> All { get; }

    public ViolationCategory? Find(string code) => _byCode.GetValueOrDefault(code);

    private static Stream LoadEmbedded() =>
        typeof(ViolationCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Missing embedded resource {ResourceName}.");

    private sealed record CatalogFile(string? Version, List<CategoryDto>? Categories);

    private sealed record CategoryDto(string Code, ViolationGroup Group, string? Parent, string Name, string NameEn, List<KeywordDto>? Keywords);

    private sealed record KeywordDto(string Word, double Weight);
}
