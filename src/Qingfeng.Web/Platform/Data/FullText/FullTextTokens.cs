using System.Buffers;

namespace Qingfeng.Platform.Data.FullText;

/// <summary>Checks that tokens are opaque <c>[a-z0-9]+</c> words before they reach any SQL.</summary>
internal static class FullTextTokens
{
    private static readonly SearchValues<char> Allowed = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789");

    /// <summary>The distinct tokens, in first-seen order; throws on any token that is not <c>^[a-z0-9]+$</c>.</summary>
    public static List<string> Validate(IReadOnlyCollection<string> terms, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(terms, parameterName);
        var seen = new HashSet<string>(terms.Count, StringComparer.Ordinal);
        var tokens = new List<string>(terms.Count);
        foreach (var term in Ordered(terms, parameterName))
        {
            if (seen.Add(term))
            {
                tokens.Add(term);
            }
        }

        return tokens;
    }

    /// <summary>The tokens as given, order and repeats kept; throws on any token that is not <c>^[a-z0-9]+$</c>.</summary>
    public static List<string> Ordered(IReadOnlyCollection<string> terms, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(terms, parameterName);
        foreach (var term in terms)
        {
            if (!IsToken(term))
            {
                throw new ArgumentException("Full-text tokens must match ^[a-z0-9]+$.", parameterName);
            }
        }

        return [.. terms];
    }

    public static void ValidateKind(string kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
    }

    private static bool IsToken(string? term) => term is { Length: > 0 } && !term.AsSpan().ContainsAnyExcept(Allowed);
}
