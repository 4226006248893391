using System.Text;

namespace Qingfeng.Platform.Text;

/// <summary>
/// The units of phrase search: a text is cut into runs of letters and digits (any script; NFKC, so full-width
/// ＡＢＣ１２ is ABC12, and lower case), broken by everything else (spaces, punctuation, symbols). Every letter or digit
/// is one unit, Chinese characters and Latin letters and digits alike, so that any substring of a run is found exactly:
/// a document is indexed by its distinct units (unigrams) and, per run, the sequence of its overlapping character pairs
/// (bigrams, one per position); a phrase of one unit is its unigram, a phrase of n ≥ 2 units is its n − 1 bigrams at
/// consecutive positions of one run. No segmentation and no stop words: what is searched is what is written.
/// </summary>
public static class CharacterGrams
{
    /// <summary>The runs of a text: each run is its units (one letter or digit each, a surrogate pair kept whole) in order.</summary>
    public static List<string[]> Runs(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var runs = new List<string[]>();
        var run = new List<string>();
        foreach (var rune in text.Normalize(NormalizationForm.FormKC).EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                run.Add(Rune.ToLowerInvariant(rune).ToString());
            }
            else if (run.Count > 0)
            {
                runs.Add([.. run]);
                run.Clear();
            }
        }

        if (run.Count > 0)
        {
            runs.Add([.. run]);
        }

        return runs;
    }

    /// <summary>
    /// The phrases of a search query: its runs as normalised strings, distinct, in order. A document matches the query
    /// when it holds every phrase (spaces and punctuation separate phrases; there is no OR).
    /// </summary>
    public static List<string> Phrases(string query) => [.. Runs(query).Select(r => string.Concat(r)).Distinct(StringComparer.Ordinal)];

    /// <summary>The grams that find <paramref name="phrase"/>: its one unigram, or its bigrams in order.</summary>
    public static List<string> PhraseGrams(string phrase)
    {
        var units = Runs(phrase).SelectMany(r => r).ToArray();
        return units.Length == 1 ? [units[0]] : Bigrams(units);
    }

    /// <summary>The distinct units of a text, in first-seen order.</summary>
    public static List<string> Unigrams(IEnumerable<string[]> runs) => [.. runs.SelectMany(r => r).Distinct(StringComparer.Ordinal)];

    /// <summary>The bigrams of one run, one per position (empty for a run of one unit).</summary>
    public static List<string> Bigrams(string[] run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var bigrams = new List<string>(Math.Max(0, run.Length - 1));
        for (var i = 0; i + 1 < run.Length; i++)
        {
            bigrams.Add(run[i] + run[i + 1]);
        }

        return bigrams;
    }

    /// <summary>Whether the normalised <paramref name="text"/> holds the phrase: the truth the index answers to.</summary>
    public static bool Contains(string text, string phrase) =>
        Runs(text).Any(r => string.Concat(r).Contains(string.Concat(Runs(phrase).SelectMany(x => x)), StringComparison.Ordinal));
}
