namespace Qingfeng.Features.Clues.Text;

/// <summary>
/// The passages two texts share word for word: the longest common substrings of at least <c>minLength</c> characters,
/// longest first, not overlapping in either text. Computed at read time from both decrypted texts, never stored.
/// </summary>
public static class CommonPassages
{
    public const int DefaultMinLength = 8;

    /// <summary>Texts are cut to this many characters before comparing (the table is quadratic).</summary>
    public const int MaxLength = 4000;

    public static IReadOnlyList<string> Find(string a, string b, int minLength = DefaultMinLength, int max = 5)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        a = a.Length > MaxLength ? a[..MaxLength] : a;
        b = b.Length > MaxLength ? b[..MaxLength] : b;
        var usedA = new bool[a.Length];
        var usedB = new bool[b.Length];
        var found = new List<string>();
        while (found.Count < max)
        {
            var (length, endA, endB) = Longest(a, b, usedA, usedB);
            if (length < minLength)
            {
                break;
            }

            found.Add(a.Substring(endA - length + 1, length));
            Array.Fill(usedA, true, endA - length + 1, length);
            Array.Fill(usedB, true, endB - length + 1, length);
        }

        return found;
    }

    /// <summary>The longest common substring over characters not yet used (one row of the table at a time).</summary>
    private static (int Length, int EndA, int EndB) Longest(string a, string b, bool[] usedA, bool[] usedB)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        var best = (Length: 0, EndA: -1, EndB: -1);
        for (var i = 0; i < a.Length; i++)
        {
            for (var j = 0; j < b.Length; j++)
            {
                current[j + 1] = !usedA[i] && !usedB[j] && a[i] == b[j] ? previous[j] + 1 : 0;
                if (current[j + 1] > best.Length)
                {
                    best = (current[j + 1], i, j);
                }
            }

            (previous, current) = (current, previous);
        }

        return best;
    }
}
