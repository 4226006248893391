using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qingfeng.Features.Clues;
using Qingfeng.Features.Clues.Text;
using Qingfeng.IntegrationTests.Infrastructure;
using Qingfeng.Platform.Data.FullText;
using Qingfeng.Platform.Text;
using Xunit;

namespace Qingfeng.IntegrationTests.Platform.Data;

/// <summary>
/// The phrase index against the truth it promises, on both providers: a varied synthetic corpus (petition texts from
/// <see cref="ClueTextGenerator"/> about invented officials, plus texts with Latin letters, digits, full-width forms and
/// repeated characters) is indexed as clues are (blind unigrams and positioned bigrams, a scope token), and every
/// sampled query must return exactly the documents whose normalised text holds it: no misses, no extras.
/// </summary>
public sealed class PhraseSearchRecallTests(SharedApps apps)
{
    private static readonly string[] Surnames = ["欧阳", "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗"];
    private static readonly string[] GivenNames = ["建华", "志强", "秀英", "国庆", "海燕", "立新", "卫东", "晓明", "红梅", "德胜", "文", "斌", "静", "涛"];
    private static readonly string[] Units = ["开阳县交通运输局", "息烽县发展和改革局", "修文县教育局", "清镇市自然资源局", "乌当区卫生健康局", "花溪区水务局", "白云区住房和城乡建设局"];
    private static readonly string[] Posts = ["局长", "副局长", "党组书记", "办公室主任", "科长", "副县长", "镇党委书记"];

    private static readonly string[] Handwritten =
    [
        "该同志曾受到党内警告处分，仍不收敛。",
        "该同志于2024年受到党内严重警告处分。",
        "举报KTV消费12800元，发票抬头为ABC公司。",
        "ＫＴＶ包间消费，ｗｉｆｉ密码是ab12。",
        "哈哈哈哈哈，他说这事谁也管不了。",
        "党内警告、处分决定已送达。",
        "王某 李某某 张某：三人同去。",
    ];

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Every_sampled_substring_finds_exactly_the_documents_holding_it(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var (kind, corpus) = await IndexCorpusAsync(app, documents: 300);
        var random = new Random(18_03);
        var queries = new List<string>();
        for (var i = 0; i < 480; i++)
        {
            var text = corpus[random.Next(corpus.Count)].Text;
            var length = 1 + (i % 8);
            var start = random.Next(Math.Max(1, text.Length - length + 1));
            queries.Add(text.Substring(start, Math.Min(length, text.Length - start)));
        }

        // Words the issue names, and queries of several phrases.
        queries.AddRange(["党内警告处分", "党内严重警告处分", "警", "ktv", "ＫＴＶ", "abc", "12800", "哈哈哈", "哈哈哈哈哈哈", "收受 礼金", "礼金，收受", "局长 2026"]);

        var failures = new List<string>();
        var hits = 0;
        var expectedHits = 0;
        foreach (var query in queries.Distinct(StringComparer.Ordinal))
        {
            var expected = Truth(corpus, query);
            var found = await FindAsync(app, kind, query);
            expectedHits += expected.Count;
            hits += expected.Intersect(found).Count();
            if (!found.SetEquals(expected))
            {
                failures.Add($"{query}: expected {expected.Count}, found {found.Count} (missed {expected.Except(found).Count()}, extra {found.Except(expected).Count()})");
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{provider}: {queries.Count} queries, recall {hits}/{expectedHits}, {failures.Count} differing");
        Assert.Empty(failures);
        Assert.True(expectedHits > queries.Count, "the sample should hit many documents");
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_sanction_is_found_as_a_phrase_not_as_its_words_anywhere(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var (kind, corpus) = await IndexCorpusAsync(app, documents: 0);
        var warning = corpus.Single(d => d.Text.StartsWith("该同志曾受到党内警告处分", StringComparison.Ordinal)).Id;
        var serious = corpus.Single(d => d.Text.Contains("党内严重警告处分", StringComparison.Ordinal)).Id;
        var pieces = corpus.Single(d => d.Text.StartsWith("党内警告、处分", StringComparison.Ordinal)).Id;

        Assert.Equal([warning], await FindAsync(app, kind, "党内警告处分"));
        Assert.Equal([serious], await FindAsync(app, kind, "党内严重警告处分"));
        Assert.True((await FindAsync(app, kind, "警")).SetEquals([warning, serious, pieces]));

        // Spaces and punctuation separate phrases; a document must hold every one, anywhere.
        Assert.True((await FindAsync(app, kind, "党内 处分")).SetEquals([warning, serious, pieces]));
        Assert.True((await FindAsync(app, kind, "党内警告，处分")).SetEquals([warning, pieces]));
        Assert.Empty(await FindAsync(app, kind, "严重 哈哈"));
    }

    private static HashSet<Guid> Truth(List<(Guid Id, string Text)> corpus, string query)
    {
        var phrases = CharacterGrams.Phrases(query);
        return phrases.Count == 0 ? [] : [.. corpus.Where(d => phrases.All(p => CharacterGrams.Contains(d.Text, p))).Select(d => d.Id)];
    }

    private static async Task<HashSet<Guid>> FindAsync(QingfengApp app, string kind, string query)
    {
        var protection = app.Services.GetRequiredService<ClueProtection>();
        var phrases = protection.QueryPhrases(query);
        if (phrases.Count == 0)
        {
            return [];
        }

        await using var db = app.CreateDb();
        var index = app.Services.GetRequiredService<IFullTextIndex>();
        return [.. await index.Matching(db, kind, protection.BlindPhrases(phrases), [Scope(kind)]).ToListAsync(TestContext.Current.CancellationToken)];
    }

    /// <summary>The handwritten texts and <paramref name="documents"/> generated ones, indexed under a kind of their own.</summary>
    private static async Task<(string Kind, List<(Guid Id, string Text)> Corpus)> IndexCorpusAsync(QingfengApp app, int documents)
    {
        var kind = "recall" + Guid.NewGuid().ToString("N")[..8];
        var generator = app.Services.GetRequiredService<ClueTextGenerator>();
        var protection = app.Services.GetRequiredService<ClueProtection>();
        var index = app.Services.GetRequiredService<IFullTextIndex>();
        var random = new Random(18);
        var texts = Handwritten.Concat(Enumerable.Range(0, documents).Select(_ => generator.Generate(
            random,
            Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)],
            Units[random.Next(Units.Length)],
            Posts[random.Next(Posts.Length)],
            ClueTextGenerator.CommonCategoryCodes[random.Next(ClueTextGenerator.CommonCategoryCodes.Count)])));
        var corpus = texts.Select(t => (Id: Guid.CreateVersion7(), Text: t)).ToList();
        await using var db = app.CreateDb();
        foreach (var (id, text) in corpus)
        {
            await index.IndexAsync(db, kind, id, protection.IndexDocument(text, [Scope(kind)]), TestContext.Current.CancellationToken);
        }

        return (kind, corpus);
    }

    private static string Scope(string kind) => "scope" + kind;
}
