using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Qingfeng.Features.Clues.Text;

/// <summary>Which family of categories a <see cref="ViolationCategory"/> belongs to.</summary>
public enum ViolationGroup
{
    /// <summary>中央八项规定精神 monthly-report types (形式主义、官僚主义; 享乐主义、奢靡之风).</summary>
    EightPoint,

    /// <summary>六项纪律 (政治、组织、廉洁、群众、工作、生活纪律) and their sub-areas.</summary>
    Discipline,

    /// <summary>《监察法》 职务违法 and 职务犯罪 (受贿、贪污、挪用公款、滥用职权、玩忽职守 …).</summary>
    Supervision,
}

/// <summary>A weighted keyword whose presence in a clue text hints at a category.</summary>
public sealed record CategoryKeyword(string Word, double Weight);

/// <summary>
/// A weighted pattern (a .NET regular expression, e.g. <c>利用职务(上的)?便利.{0,10}谋取利益</c>) whose match hints at a category;
/// <see cref="Label"/> names the rule in the reasons shown to the officer.
/// </summary>
public sealed record CategoryPattern(string Label, string Pattern, double Weight);

/// <summary>
/// A violation category (违纪问题类别): an Eight-point Rules type, a discipline sub-area or a 监察法 duty offence.
/// <see cref="Parent"/> is null for a family (e.g. <c>EP.HEDONISM</c>, <c>DISC.INTEGRITY</c>, <c>DUTY.CRIME</c>).
/// </summary>
public sealed record ViolationCategory(
    string Code,
    ViolationGroup Group,
    string? Parent,
    string Name,
    string NameEn,
    IReadOnlyList<CategoryKeyword> Keywords)
{
    /// <summary>Patterns for phrasings a keyword cannot catch (ordered words with a gap); empty where keywords suffice.</summary>
    public IReadOnlyList<CategoryPattern> Patterns { get; init; } = [];
}

/// <summary>
/// A pattern that only strengthens categories already suggested by their own keywords or patterns
/// (e.g. a large amount such as 数十万元 pushes toward 职务犯罪).
/// </summary>
public sealed record CategoryBoost(string Label, string Pattern, double Weight, IReadOnlyList<string> Categories);

/// <summary>
/// The versioned reference list of violation categories, loaded once from the embedded
/// <c>violation-categories.json</c>. The category set changes over the years (for example
/// 违规发放津补贴 was added in 2015), so the file carries a version and codes are never reused or renamed.
/// The file is validated at load: unique ASCII codes, known parents, non-empty names, keywords and patterns
/// with positive weights, every pattern a valid regular expression. Register as a singleton.
/// </summary>
public sealed class ViolationCatalog
{
    public const string ResourceName = "Qingfeng.Features.Clues.Text.violation-categories.json";

    public const int MaxCodeLength = 32;

    public const double MaxWeight = 10;

    /// <summary>The longest time one pattern may take on one text.</summary>
    public static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(200);

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private readonly FrozenDictionary<string, ViolationCategory> _byCode;
    private readonly FrozenDictionary<string, IReadOnlyList<(CategoryPattern Pattern, Regex Regex)>> _patterns;

    public ViolationCatalog()
        : this(LoadEmbedded())
    {
    }

    internal ViolationCatalog(Stream json)
    {
        CatalogFile file;
        using (json)
        {
            try
            {
                file = JsonSerializer.Deserialize<CatalogFile>(json, Options)
                    ?? throw new InvalidOperationException("The violation catalog is empty.");
            }
            catch (JsonException e)
            {
                throw new InvalidOperationException($"The violation catalog does not follow its schema: {e.Message}", e);
            }
        }

        Version = string.IsNullOrWhiteSpace(file.Version) ? throw new InvalidOperationException("The violation catalog has no version.") : file.Version;
        var categories = file.Categories ?? throw new InvalidOperationException("The violation catalog has no categories.");
        All = [.. categories.Select(ToCategory)];
        var byCode = new Dictionary<string, ViolationCategory>(StringComparer.Ordinal);
        foreach (var category in All)
        {
            if (!byCode.TryAdd(category.Code, category))
            {
                throw new InvalidOperationException($"Category code {category.Code} appears twice.");
            }
        }

        _byCode = byCode.ToFrozenDictionary(StringComparer.Ordinal);
        foreach (var category in All)
        {
            Validate(category);
        }

        _patterns = All.ToFrozenDictionary(
            c => c.Code,
            c => (IReadOnlyList<(CategoryPattern, Regex)>)[.. c.Patterns.Select(p => (p, Compile(c.Code, p.Pattern)))],
            StringComparer.Ordinal);
        Boosts = [.. (file.Boosts ?? []).Select(b => new CategoryBoost(b.Label, b.Pattern, b.Weight, b.Categories ?? []))];
        BoostRules = [.. Boosts.Select(b => (b, ValidateBoost(b)))];
    }

    /// <summary>A shared instance for code that is not composed through dependency injection.</summary>
    public static ViolationCatalog Default { get; } = new();

    public string Version { get; }

    public IReadOnlyList<ViolationCategory> All { get; }

    /// <summary>Patterns that strengthen categories already suggested (see <see cref="CategoryBoost"/>).</summary>
    public IReadOnlyList<CategoryBoost> Boosts { get; }

    internal IReadOnlyList<(CategoryBoost Boost, Regex Regex)> BoostRules { get; }

    public ViolationCategory? Find(string code) => _byCode.GetValueOrDefault(code);

    internal IReadOnlyList<(CategoryPattern Pattern, Regex Regex)> CompiledPatterns(string code) => _patterns[code];

    private static ViolationCategory ToCategory(CategoryDto c) =>
        new(c.Code ?? "", c.Group ?? throw new InvalidOperationException($"Category {c.Code} has no group."), c.Parent, c.Name ?? "", c.NameEn ?? "",
            [.. (c.Keywords ?? []).Select(k => new CategoryKeyword(k.Word ?? "", k.Weight))])
        {
            Patterns = [.. (c.Patterns ?? []).Select(p => new CategoryPattern(p.Label ?? "", p.Pattern ?? "", p.Weight))],
        };

    private void Validate(ViolationCategory category)
    {
        if (category.Code.Length is 0 or > MaxCodeLength || !category.Code.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '.' or '_'))
        {
            throw new InvalidOperationException($"Category code {category.Code} must be ASCII letters, digits, '.' or '_' of at most {MaxCodeLength} characters.");
        }

        if (string.IsNullOrWhiteSpace(category.Name) || string.IsNullOrWhiteSpace(category.NameEn))
        {
            throw new InvalidOperationException($"Category {category.Code} needs a Chinese and an English name.");
        }

        if (category.Parent is { } parent && (!_byCode.TryGetValue(parent, out var family) || family.Parent is not null || family.Group != category.Group))
        {
            throw new InvalidOperationException($"Category {category.Code} names an unknown parent {parent} (a family of the same group).");
        }

        if (category.Keywords.Count == 0 && category.Patterns.Count == 0)
        {
            throw new InvalidOperationException($"Category {category.Code} has neither keywords nor patterns, so nothing can suggest it.");
        }

        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var keyword in category.Keywords)
        {
            if (string.IsNullOrWhiteSpace(keyword.Word) || !words.Add(keyword.Word))
            {
                throw new InvalidOperationException($"Category {category.Code} has an empty or repeated keyword '{keyword.Word}'.");
            }

            CheckWeight(category.Code, keyword.Weight);
        }

        foreach (var pattern in category.Patterns)
        {
            if (string.IsNullOrWhiteSpace(pattern.Label))
            {
                throw new InvalidOperationException($"A pattern of category {category.Code} has no label.");
            }

            CheckWeight(category.Code, pattern.Weight);
        }
    }

    private Regex ValidateBoost(CategoryBoost boost)
    {
        if (string.IsNullOrWhiteSpace(boost.Label) || boost.Categories.Count == 0)
        {
            throw new InvalidOperationException($"Boost '{boost.Label}' needs a label and at least one category.");
        }

        CheckWeight(boost.Label, boost.Weight);
        foreach (var code in boost.Categories)
        {
            if (!_byCode.ContainsKey(code))
            {
                throw new InvalidOperationException($"Boost '{boost.Label}' names an unknown category {code}.");
            }
        }

        return Compile(boost.Label, boost.Pattern);
    }

    private static void CheckWeight(string owner, double weight)
    {
        if (!(weight > 0 && weight <= MaxWeight))
        {
            throw new InvalidOperationException($"{owner}: a weight must be above 0 and at most {MaxWeight}.");
        }
    }

    private static Regex Compile(string owner, string pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            throw new InvalidOperationException($"{owner}: empty pattern.");
        }

        try
        {
            var regex = new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, PatternTimeout);
            if (regex.IsMatch(""))
            {
                throw new InvalidOperationException($"{owner}: pattern '{pattern}' matches an empty text.");
            }

            return regex;
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"{owner}: pattern '{pattern}' is not a valid regular expression: {e.Message}", e);
        }
    }

    private static Stream LoadEmbedded() =>
        typeof(ViolationCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Missing embedded resource {ResourceName}.");

    private sealed record CatalogFile(string? Version, List<CategoryDto>? Categories, List<BoostDto>? Boosts);

    private sealed record CategoryDto(string? Code, ViolationGroup? Group, string? Parent, string? Name, string? NameEn, List<KeywordDto>? Keywords, List<PatternDto>? Patterns);

    private sealed record KeywordDto(string? Word, double Weight);

    private sealed record PatternDto(string? Label, string? Pattern, double Weight);

    private sealed record BoostDto(string Label, string Pattern, double Weight, List<string>? Categories);
}
