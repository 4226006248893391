using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qingfeng.Features.Clues;
using Qingfeng.Platform.Data;
using Qingfeng.Platform.Text;

namespace Qingfeng.Benchmarks;

/// <summary>
/// Recall of both engines against substring truth: queries are substrings of 1 to 8 letters or digits drawn from the
/// measured organ's clue texts (at any offset, so most cross word boundaries), the truth is every clue of the organ
/// whose normalised text holds the query (<see cref="CharacterGrams.Contains"/>), and each engine's answer (all hits,
/// not a page) is compared with it: found of expected (recall) and hits outside the truth (extras).
/// </summary>
internal static class SearchRecall
{
    public static async Task<string> MeasureAsync(ProvinceDataset data, ClueProtection protection, LuceneBaseline lucene, IReadOnlyCollection<string> scopes, int queries)
    {
        List<(Guid Id, string Text)> corpus;
        await using (var db = data.Database.Create(DbActor.System))
        {
            var clues = await db.Clues.AsNoTracking().Where(c => c.OrganId == data.Organ.Id && c.ContentCipher != null).ToListAsync();
            corpus = [.. clues.Select(c => (c.Id, protection.UnprotectContent(c)!))];
        }

        var random = new Random(1803);
        var ours = new Tally();
        var theirs = new Tally();
        for (var i = 0; i < queries; i++)
        {
            var runs = CharacterGrams.Runs(corpus[random.Next(corpus.Count)].Text);
            var run = runs[random.Next(runs.Count)];
            var length = Math.Min(1 + (i % 8), run.Length);
            var query = string.Concat(run.Skip(random.Next(run.Length - length + 1)).Take(length));
            var truth = corpus.Where(d => CharacterGrams.Contains(d.Text, query)).Select(d => d.Id).ToHashSet();
            await using var db = data.Database.Create(DbActor.System);
            ours.Add(truth, [.. await protection.Matching(db, protection.QueryPhrases(query), scopes).ToListAsync()]);
            theirs.Add(truth, lucene.All(data.Organ.Id, query));
        }

        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"Recall against substring truth, {queries} queries of 1–8 characters drawn from the measured organ's {corpus.Count:N0} clue texts: **Qingfeng {ours}**; **Lucene.Net {theirs}**.");
        Console.WriteLine(line);
        return line;
    }

    private sealed class Tally
    {
        private long _expected;
        private long _found;
        private long _extra;
        private int _exact;
        private int _queries;

        public void Add(HashSet<Guid> truth, HashSet<Guid> answer)
        {
            _queries++;
            _expected += truth.Count;
            _found += answer.Count(truth.Contains);
            _extra += answer.Count(a => !truth.Contains(a));
            _exact += answer.SetEquals(truth) ? 1 : 0;
        }

        public override string ToString() => string.Create(
            CultureInfo.InvariantCulture,
            $"{_found:N0} of {_expected:N0} expected hits ({100.0 * _found / Math.Max(1, _expected):0.0} %), {_extra:N0} extra, {_exact} of {_queries} queries exact");
    }
}
