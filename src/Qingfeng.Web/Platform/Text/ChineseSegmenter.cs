using System.Text;
using JiebaNet.Segmenter;
using JiebaNet.Segmenter.PosSeg;

namespace Qingfeng.Platform.Text;

/// <summary>One run of text, marked when it matched a search term.</summary>
public sealed record TextSegment(string Text, bool IsMatch);

/// <summary>
/// Chinese word segmentation (分词) with jieba.NET, plus the domain words of petitions about
/// officials (embedded <c>userdict.txt</c>, jieba format: <c>word [freq] [tag]</c>).
/// <para>
/// jieba keeps its dictionary in process-wide statics: <c>WordDictionary</c> holds a plain
/// <c>Dictionary</c> that <c>AddWord</c> mutates, and every <c>PosSegmenter.Cut</c> first copies
/// pending user-word tags into a static table. Neither is thread-safe, so the engine is loaded
/// once (lazily; the first load takes about a second) and every call into jieba holds one lock.
/// A cut of a petition takes well under a millisecond to a few milliseconds, so the lock costs little.
/// </para>
/// <para>
/// jieba finds <c>dict.txt</c> and its models through <see cref="ConfigManager.ConfigFileBaseDir"/>;
/// we set it to <c>Resources</c> under <see cref="AppContext.BaseDirectory"/> (the csproj copies the
/// package's loose files there) before jieba's dictionary type is first touched, because jieba
/// captures the path in a static field and silently loads an empty dictionary when the file is missing.
/// </para>
/// </summary>
public sealed class ChineseSegmenter
{
    /// <summary>Manifest resource name of the embedded domain dictionary (the csproj sets this LogicalName).</summary>
    internal const string UserDictionaryResource = "Qingfeng.Platform.Text.userdict.txt";

    private static readonly Lazy<Engine> Shared = new(Engine.Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The folder jieba reads <c>dict.txt</c> and its models from.</summary>
    public static string ResourceDirectory => Path.Combine(AppContext.BaseDirectory, "Resources");

    /// <summary>
    /// Splits <paramref name="text"/> into runs, marking every occurrence of any term (ordinal,
    /// ASCII case ignored; overlapping and adjacent matches merge). With <paramref name="snippetLength"/>,
    /// returns only a window of about that many characters around the first match, with "…" where the
    /// text was cut.
    /// </summary>
    public static IReadOnlyList<TextSegment> Highlight(string text, IEnumerable<string> terms, int? snippetLength = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(terms);
        if (snippetLength is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(snippetLength), snippetLength, "A snippet needs at least one character.");
        }

        var marked = new bool[text.Length];
        var first = -1;
        var firstLength = 0;
        foreach (var term in terms)
        {
            if (string.IsNullOrEmpty(term))
            {
                continue;
            }

            for (var at = text.IndexOf(term, StringComparison.OrdinalIgnoreCase); at >= 0;
                 at = text.IndexOf(term, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                Array.Fill(marked, true, at, term.Length);
                if (first < 0 || at < first)
                {
                    first = at;
                    firstLength = term.Length;
                }
            }
        }

        var start = 0;
        var end = text.Length;
        if (snippetLength is { } length && length < text.Length)
        {
            var anchor = first < 0 ? 0 : first - ((length - Math.Min(firstLength, length)) / 2);
            start = Math.Clamp(anchor, 0, text.Length - length);
            end = start + length;
        }

        var segments = new List<TextSegment>();
        var runStart = start;
        for (var i = start + 1; i <= end; i++)
        {
            if (i == end || marked[i] != marked[runStart])
            {
                segments.Add(new TextSegment(text[runStart..i], marked[runStart]));
                runStart = i;
            }
        }

        if (start > 0)
        {
            segments.Insert(0, new TextSegment("…", false));
        }

        if (end < text.Length)
        {
            segments.Add(new TextSegment("…", false));
        }

        return Merge(segments);
    }

    /// <summary>Part-of-speech tags from jieba's <c>PosSegmenter</c> (ICTCLAS set: <c>nr</c> person name, <c>ns</c> place, <c>nt</c> organisation, …).</summary>
    public IReadOnlyList<(string Word, string Tag)> Tag(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Shared.Value.Tag(text);
    }

    /// <summary>Loads jieba now rather than on the first request (optional; call from a background start-up task).</summary>
    public static void Warm() => _ = Shared.Value;

    private static List<TextSegment> Merge(List<TextSegment> segments)
    {
        var merged = new List<TextSegment>(segments.Count);
        foreach (var segment in segments)
        {
            if (merged.Count > 0 && merged[^1].IsMatch == segment.IsMatch)
            {
                merged[^1] = new TextSegment(merged[^1].Text + segment.Text, segment.IsMatch);
            }
            else
            {
                merged.Add(segment);
            }
        }

        return merged;
    }

    /// <summary>The loaded jieba segmenters; every call holds <see cref="_gate"/>.</summary>
    private sealed class Engine
    {
        private readonly Lock _gate = new();
        private readonly PosSegmenter _tagger;

        private Engine(PosSegmenter tagger)
        {
            _tagger = tagger;
        }

        public static Engine Load()
        {
            var directory = ResourceDirectory;
            if (!File.Exists(Path.Combine(directory, "dict.txt")))
            {
                throw new FileNotFoundException(
                    $"jieba's dictionary is missing from {directory}; the Qingfeng.Web build copies it from the jieba.NET package.",
                    Path.Combine(directory, "dict.txt"));
            }

            // Must happen before JiebaSegmenter's static constructor reads ConfigManager.MainDictFile.
            ConfigManager.ConfigFileBaseDir = directory;
            var segmenter = new JiebaSegmenter();
            foreach (var (word, frequency, tag) in ReadUserDictionary())
            {
                segmenter.AddWord(word, frequency, tag);
            }

            var tagger = new PosSegmenter(segmenter);

            // The first PosSegmenter cut copies the user-word tags into jieba's static tag table.
            _ = tagger.Cut("初始化").ToList();
            return new Engine(tagger);
        }

        public List<(string Word, string Tag)> Tag(string text)
        {
            lock (_gate)
            {
                return _tagger.Cut(text).Select(p => (p.Word, p.Flag)).ToList();
            }
        }

        private static List<(string Word, int Frequency, string? Tag)> ReadUserDictionary()
        {
            using var stream = typeof(ChineseSegmenter).Assembly.GetManifestResourceStream(UserDictionaryResource)
                ?? throw new InvalidOperationException($"Embedded resource {UserDictionaryResource} is missing.");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var entries = new List<(string, int, string?)>();
            while (reader.ReadLine() is { } line)
            {
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (parts.Length == 0 || parts[0].StartsWith('#'))
                {
                    continue;
                }

                var frequency = 0;
                string? tag = null;
                foreach (var part in parts.AsSpan(1))
                {
                    if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                    {
                        frequency = value;
                    }
                    else
                    {
                        tag = part;
                    }
                }

                entries.Add((parts[0], frequency, tag));
            }

            return entries;
        }
    }
}
