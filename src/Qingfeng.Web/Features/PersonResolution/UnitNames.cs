using System.Collections.Frozen;
using System.Text;

namespace Qingfeng.Features.PersonResolution;

/// <summary>
/// Unit names as petitions write them, brought to one form: full-width forms and spaces dropped, 中共 / 中国共产党 taken
/// off, and the abbreviation at the end of the core expanded from the data table <c>unit-abbreviations.tsv</c>
/// (开阳县发改局 ≈ 开阳县发展和改革局). Comparison is on character bigrams, so a unit that a segmenter splits into
/// 发展/和/改革/局 still matches.
/// </summary>
public static class UnitNames
{
    internal const string ResourceName = "Qingfeng.Features.PersonResolution.unit-abbreviations.tsv";

    private static readonly Lazy<(string Short, string Full)[]> Table = new(Load);

    private static readonly string[] PartyPrefixes = ["中国共产党", "中共"];

    /// <summary>The abbreviation table (short, full), longest abbreviation first.</summary>
    public static IReadOnlyList<(string Short, string Full)> Abbreviations => Table.Value;

    /// <summary>NFKC, no spaces or punctuation, no party prefix.</summary>
    public static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
            }
        }

        var cleaned = builder.ToString();
        foreach (var prefix in PartyPrefixes)
        {
            if (cleaned.StartsWith(prefix, StringComparison.Ordinal))
            {
                cleaned = cleaned[prefix.Length..];
                break;
            }
        }

        return cleaned;
    }

    /// <summary>Expands the abbreviation that ends <paramref name="core"/> (交通局 → 交通运输局); the core is returned unchanged otherwise.</summary>
    public static string Expand(string core)
    {
        foreach (var (abbreviation, full) in Table.Value)
        {
            if (core.EndsWith(abbreviation, StringComparison.Ordinal) && !core.EndsWith(full, StringComparison.Ordinal))
            {
                return core[..^abbreviation.Length] + full;
            }
        }

        return core;
    }

    /// <summary>Dice coefficient of the character bigrams of two names (1 = same bigrams).</summary>
    public static double Similarity(string a, string b)
    {
        if (a.Length < 2 || b.Length < 2)
        {
            return string.Equals(a, b, StringComparison.Ordinal) ? 1 : 0;
        }

        var left = Bigrams(a);
        var right = Bigrams(b);
        var common = 0;
        foreach (var (gram, count) in left)
        {
            if (right.TryGetValue(gram, out var other))
            {
                common += Math.Min(count, other);
            }
        }

        return 2.0 * common / (a.Length - 1 + b.Length - 1);
    }

    private static Dictionary<string, int> Bigrams(string text)
    {
        var grams = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < text.Length; i++)
        {
            var gram = text.Substring(i, 2);
            grams[gram] = grams.GetValueOrDefault(gram) + 1;
        }

        return grams;
    }

    private static (string Short, string Full)[] Load()
    {
        using var stream = typeof(UnitNames).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource '{ResourceName}' is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var pairs = new List<(string, string)>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var parts = line.Split('\t');
            if (parts.Length == 2 && parts[0] != parts[1])
            {
                pairs.Add((parts[0], parts[1]));
            }
        }

        return [.. pairs.OrderByDescending(p => p.Item1.Length)];
    }

    /// <summary>The abbreviations as a lookup, for tests and the data check.</summary>
    public static FrozenDictionary<string, string> AsLookup() => Table.Value.ToFrozenDictionary(p => p.Short, p => p.Full, StringComparer.Ordinal);
}
