using System.Diagnostics;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qingfeng.Features.Clues;
using Qingfeng.Platform.Data;

namespace Qingfeng.Benchmarks;

/// <summary>
/// The search baseline the issue names, configured as one would for phrase search in Chinese: Lucene.Net 4.8 with
/// the CJK bigram analysis of its common analyzers (<c>StandardTokenizer</c>, <c>CJKWidthFilter</c> for full-width
/// forms, lower case, <c>CJKBigramFilter</c> emitting unigrams too, as Solr/Elasticsearch's <c>cjk_bigram</c> with
/// <c>output_unigrams</c>), positions kept, over the same clue texts (decrypted from the dataset), with the organ as an
/// indexed field. A phrase of one character is a term query on its unigram; a longer phrase a <c>PhraseQuery</c> of its
/// bigrams at consecutive positions; several phrases and the organ are all required. Latin and digit runs are whole
/// words to <c>StandardTokenizer</c> (so a part of one, "kt" in "KTV", is not found: measured in the recall figure).
/// The answer is sorted 一把手 first then newest, the top 20 ids and the total: the engine's part of a search page,
/// without the app's access rule, snippets or audit. Built once per dataset and kept beside it.
/// </summary>
internal sealed class LuceneBaseline : IDisposable
{
    private static readonly LuceneVersion Version = LuceneVersion.LUCENE_48;
    private readonly Analyzer _analyzer = new CjkPhraseAnalyzer();
    private readonly FSDirectory _directory;
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly Sort _sort = new(new SortField("principal", SortFieldType.INT64, true), new SortField("received", SortFieldType.INT64, true));

    private LuceneBaseline(string path)
    {
        _directory = FSDirectory.Open(path);
        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader);
    }

    public static async Task<LuceneBaseline> OpenAsync(ProvinceDataset data)
    {
        var path = Path.Combine(data.DataDirectory, $"{data.Scale.Name}-{data.Database.Provider}-lucene-cjk".ToLowerInvariant());
        var complete = Path.Combine(path, "complete");
        if (!File.Exists(complete))
        {
            if (System.IO.Directory.Exists(path))
            {
                System.IO.Directory.Delete(path, recursive: true);
            }

            var watch = Stopwatch.StartNew();
            await BuildAsync(data, path);
            await File.WriteAllTextAsync(complete, watch.Elapsed.TotalSeconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture));
            Console.WriteLine($"Lucene.Net index built in {watch.Elapsed.TotalSeconds:0} s");
        }

        return new LuceneBaseline(path);
    }

    /// <summary>The total hits of the organ's clues holding the query's phrases, after reading the top 20 ids.</summary>
    public int Search(Guid organ, string text)
    {
        var top = _searcher.Search(Query(organ, text), null, 20, _sort);
        foreach (var hit in top.ScoreDocs)
        {
            _ = _searcher.Doc(hit.Doc).Get("id", System.Globalization.CultureInfo.InvariantCulture);
        }

        return top.TotalHits;
    }

    /// <summary>Every id of the organ's clues holding the query's phrases (for recall).</summary>
    public HashSet<Guid> All(Guid organ, string text)
    {
        var top = _searcher.Search(Query(organ, text), Math.Max(1, _reader.MaxDoc));
        return [.. top.ScoreDocs.Select(hit => Guid.ParseExact(_searcher.Doc(hit.Doc).Get("id", System.Globalization.CultureInfo.InvariantCulture), "N"))];
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }

    private BooleanQuery Query(Guid organ, string text)
    {
        var query = new BooleanQuery { { new TermQuery(new Term("organ", organ.ToString("N"))), Occur.MUST } };
        foreach (var part in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var tokens = Tokens(part);
            var bigrams = tokens.Where(t => t.Type == "<DOUBLE>").ToList();
            if (bigrams.Count > 0)
            {
                // Bigrams of a CJK run, each at the position of its first character.
                var phrase = new PhraseQuery();
                foreach (var (term, position, _) in bigrams)
                {
                    phrase.Add(new Term("content", term), position);
                }

                query.Add(phrase, Occur.MUST);
            }

            // Words (Latin, digits) and lone characters: each required; a run of words is a phrase of them.
            var words = tokens.Where(t => t.Type != "<DOUBLE>" && (t.Type != "<SINGLE>" || bigrams.Count == 0)).ToList();
            if (words.Count == 1)
            {
                query.Add(new TermQuery(new Term("content", words[0].Term)), Occur.MUST);
            }
            else if (words.Count > 1)
            {
                var phrase = new PhraseQuery();
                foreach (var (term, position, _) in words)
                {
                    phrase.Add(new Term("content", term), position);
                }

                query.Add(phrase, Occur.MUST);
            }
        }

        return query;
    }

    private List<(string Term, int Position, string Type)> Tokens(string text)
    {
        var tokens = new List<(string, int, string)>();
        using var stream = _analyzer.GetTokenStream("content", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var type = stream.AddAttribute<ITypeAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            tokens.Add((term.ToString(), position, type.Type));
        }

        stream.End();
        return tokens;
    }

    private static async Task BuildAsync(ProvinceDataset data, string path)
    {
        var protection = data.Services.GetRequiredService<ClueProtection>();
        using var directory = FSDirectory.Open(path);
        using var analyzer = new CjkPhraseAnalyzer();
        using var writer = new IndexWriter(directory, new IndexWriterConfig(Version, analyzer) { OpenMode = OpenMode.CREATE, RAMBufferSizeMB = 256 });
        var last = Guid.Empty;
        var done = 0;
        while (true)
        {
            await using var db = data.Database.Create(DbActor.System);
            var page = await db.Clues.AsNoTracking().Where(c => c.Id.CompareTo(last) > 0).OrderBy(c => c.Id).Take(10_000).ToListAsync();
            if (page.Count == 0)
            {
                break;
            }

            last = page[^1].Id;
            foreach (var clue in page)
            {
                writer.AddDocument(new Document
                {
                    new StringField("id", clue.Id.ToString("N"), Field.Store.YES),
                    new StringField("organ", clue.OrganId.ToString("N"), Field.Store.NO),
                    new NumericDocValuesField("principal", clue.IsPrincipal ? 1 : 0),
                    new NumericDocValuesField("received", clue.ReceivedOn.DayNumber),
                    new TextField("content", protection.UnprotectContent(clue) ?? "", Field.Store.NO),
                });
            }

            done += page.Count;
            Console.Write($"\rLucene.Net index: {done:N0} clues");
        }

        writer.Commit();
        Console.WriteLine();
    }

    /// <summary>StandardTokenizer, CJK width folding, lower case, CJK bigrams with unigrams (no stop words).</summary>
    private sealed class CjkPhraseAnalyzer : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(Version, reader);
            TokenStream stream = new CJKWidthFilter(source);
            stream = new LowerCaseFilter(Version, stream);
            stream = new CJKBigramFilter(stream, CJKScript.HAN | CJKScript.HIRAGANA | CJKScript.KATAKANA | CJKScript.HANGUL, outputUnigrams: true);
            return new TokenStreamComponents(source, stream);
        }
    }
}
