using System.Diagnostics;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
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
/// The search baseline the issue names: Lucene.Net 4.8 with its Chinese analyzer (SmartCn) over the same clue texts
/// (decrypted from the dataset), with the organ as an indexed field. A query is the word's terms AND the organ,
/// sorted 一把手 first then newest, the top 20 ids and the total: the engine's part of a search page, without the
/// app's access rule, snippets or audit. Built once per dataset and kept beside it.
/// </summary>
internal sealed class LuceneBaseline : IDisposable
{
    private static readonly LuceneVersion Version = LuceneVersion.LUCENE_48;
    private readonly Analyzer _analyzer = new SmartChineseAnalyzer(Version);
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
        var path = Path.Combine(data.DataDirectory, $"{data.Scale.Name}-{data.Database.Provider}-lucene".ToLowerInvariant());
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

    /// <summary>The total hits of the organ's clues holding the word, after reading the top 20 ids.</summary>
    public int Search(Guid organ, string word)
    {
        var query = new BooleanQuery { { new TermQuery(new Term("organ", organ.ToString("N"))), Occur.MUST } };
        foreach (var term in Terms(word))
        {
            query.Add(new TermQuery(new Term("content", term)), Occur.MUST);
        }

        var top = _searcher.Search(query, null, 20, _sort);
        foreach (var hit in top.ScoreDocs)
        {
            _ = _searcher.Doc(hit.Doc).Get("id", System.Globalization.CultureInfo.InvariantCulture);
        }

        return top.TotalHits;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }

    private List<string> Terms(string text)
    {
        var terms = new List<string>();
        using var stream = _analyzer.GetTokenStream("content", text);
        var attribute = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(attribute.ToString());
        }

        stream.End();
        return terms;
    }

    private static async Task BuildAsync(ProvinceDataset data, string path)
    {
        var protection = data.Services.GetRequiredService<ClueProtection>();
        using var directory = FSDirectory.Open(path);
        using var analyzer = new SmartChineseAnalyzer(Version);
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
}
