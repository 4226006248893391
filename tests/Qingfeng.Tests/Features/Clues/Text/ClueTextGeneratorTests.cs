using System.Diagnostics;
using System.Globalization;
using Qingfeng.Features.Clues.Text;
using Xunit;

namespace Qingfeng.Tests.Features.Clues.Text;

public sealed class ClueTextGeneratorTests
{
    private const int PerCategory = 300;

    private static readonly ClueTextGenerator Generator = new();

    private static string Sample(Random random, string category) =>
        Generator.Generate(random, "梁某某", "县水务局", "局长", category);

    [Fact]
    public void The_same_seed_gives_the_same_texts()
    {
        var first = ClueTextGenerator.CommonCategoryCodes.Select(c => Sample(new Random(42), c)).ToList();
        var second = ClueTextGenerator.CommonCategoryCodes.Select(c => Sample(new Random(42), c)).ToList();

        Assert.Equal(first, second);
        Assert.True(ClueTextGenerator.CommonCategoryCodes.Count >= 12);
    }

    [Fact]
    public void Every_common_category_is_in_the_catalog_and_lengths_stay_within_bounds()
    {
        var random = new Random(1);
        foreach (var code in ClueTextGenerator.CommonCategoryCodes)
        {
            Assert.NotNull(ViolationCatalog.Default.Find(code));
            for (var i = 0; i < PerCategory; i++)
            {
                var text = Sample(random, code);
                Assert.InRange(text.Length, ClueTextGenerator.MinLength, ClueTextGenerator.MaxLength);
                Assert.InRange(Generator.GenerateRepeat(random, text).Length, 1, ClueTextGenerator.MaxLength);
            }
        }
    }

    [Fact]
    public void The_suggester_finds_the_intended_category_for_nine_in_ten_texts_of_each_category()
    {
        var suggester = new CategorySuggester(ViolationCatalog.Default);
        var random = new Random(2);
        var output = TestContext.Current.TestOutputHelper!;
        var worst = 1.0;
        foreach (var code in ClueTextGenerator.CommonCategoryCodes)
        {
            var found = Enumerable.Range(0, PerCategory)
                .Count(_ => suggester.Suggest(Sample(random, code)).Any(s => s.Code == code));
            var rate = (double)found / PerCategory;
            worst = Math.Min(worst, rate);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{code,-24} {rate:P1}"));
        }

        Assert.True(worst >= 0.90, string.Create(CultureInfo.InvariantCulture, $"worst category rate {worst:P1}"));
    }

    [Fact]
    public void A_generated_repeat_is_flagged_as_a_repeat_of_its_original_in_most_cases()
    {
        var detector = new DuplicateDetector();
        var random = new Random(3);
        var total = 0;
        var flagged = 0;
        foreach (var code in ClueTextGenerator.CommonCategoryCodes)
        {
            for (var i = 0; i < 100; i++)
            {
                var original = Sample(random, code);
                var repeat = Generator.GenerateRepeat(random, original);
                total++;
                flagged += detector.IsRepeat(DuplicateDetector.Fingerprint(original), DuplicateDetector.Fingerprint(repeat)) ? 1 : 0;
            }
        }

        var rate = (double)flagged / total;
        TestContext.Current.TestOutputHelper!.WriteLine(string.Create(CultureInfo.InvariantCulture, $"repeats flagged: {flagged}/{total} = {rate:P1}"));
        Assert.True(rate >= 0.80);
    }

    [Fact]
    public void Half_a_million_texts_are_generated_well_under_a_minute()
    {
        var random = new Random(4);
        var codes = ClueTextGenerator.CommonCategoryCodes;
        var characters = 0L;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 500_000; i++)
        {
            characters += Sample(random, codes[i % codes.Count]).Length;
        }

        watch.Stop();
        TestContext.Current.TestOutputHelper!.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"500,000 texts, {characters / 500_000.0:0} characters on average, in {watch.Elapsed.TotalSeconds:0.00} s"));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30));
    }
}
