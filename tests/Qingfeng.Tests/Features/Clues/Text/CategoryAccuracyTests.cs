using System.Globalization;
using Qingfeng.Features.Clues.Text;
using Xunit;

namespace Qingfeng.Tests.Features.Clues.Text;

/// <summary>
/// Rank-1 and top-3 accuracy of <see cref="CategorySuggester"/> on the labelled sets in Features/Clues/Data:
/// <c>categories-tuning.tsv</c> (used while building the catalogue) and <c>categories-heldout.tsv</c> (written first and never
/// tuned on). A suggestion is right when it is the label or one of the acceptable alternates of a multi-issue text.
/// </summary>
public sealed class CategoryAccuracyTests
{
    private const double RankOneTarget = 0.85;

    private const double TopThreeTarget = 0.95;

    private static readonly CategorySuggester Suggester = new(ViolationCatalog.Default);

    [Fact]
    public void The_held_out_set_meets_the_targets()
    {
        var (rankOne, topThree, _) = Measure("categories-heldout.tsv", printMisses: false);

        Assert.True(rankOne >= RankOneTarget, Format($"held-out rank 1 {rankOne:P1} < {RankOneTarget:P0}"));
        Assert.True(topThree >= TopThreeTarget, Format($"held-out top 3 {topThree:P1} < {TopThreeTarget:P0}"));
    }

    [Fact]
    public void The_tuning_set_meets_the_targets()
    {
        var (rankOne, topThree, _) = Measure("categories-tuning.tsv", printMisses: true);

        Assert.True(rankOne >= RankOneTarget, Format($"tuning rank 1 {rankOne:P1}"));
        Assert.True(topThree >= TopThreeTarget, Format($"tuning top 3 {topThree:P1}"));
    }

    [Fact]
    public void Both_sets_are_large_labelled_with_known_codes_and_disjoint()
    {
        var tuning = Load("categories-tuning.tsv");
        var heldOut = Load("categories-heldout.tsv");

        Assert.True(tuning.Count + heldOut.Count >= 150);
        Assert.True(heldOut.Count >= 75);
        Assert.All(tuning.Concat(heldOut), c => Assert.All(c.Accepted, code => Assert.NotNull(ViolationCatalog.Default.Find(code))));
        Assert.Empty(tuning.Select(c => c.Text).Intersect(heldOut.Select(c => c.Text), StringComparer.Ordinal));
        Assert.True(heldOut.Select(c => c.Label).Distinct(StringComparer.Ordinal).Count() >= 40);
    }

    internal static IReadOnlyList<LabelledText> Load(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Features", "Clues", "Data", file);
        return [.. File.ReadLines(path)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(f => new LabelledText(f[0], f[1] == "-" ? [] : f[1].Split(','), f[2], f[3]))];
    }

    private static (double RankOne, double TopThree, int Count) Measure(string file, bool printMisses)
    {
        var output = TestContext.Current.TestOutputHelper!;
        var cases = Load(file);
        int rankOne = 0, topThree = 0;
        foreach (var c in cases)
        {
            var codes = Suggester.Suggest(c.Text).Select(s => s.Code).ToList();
            var first = codes.Count > 0 && c.Accepted.Contains(codes[0]);
            var top = codes.Exists(c.Accepted.Contains);
            rankOne += first ? 1 : 0;
            topThree += top ? 1 : 0;
            if (printMisses && !first)
            {
                output.WriteLine($"miss {c.Label} → [{string.Join(", ", codes)}] {c.Text}");
            }
        }

        var (r1, t3) = ((double)rankOne / cases.Count, (double)topThree / cases.Count);
        output.WriteLine(Format($"{file}: {cases.Count} texts, rank 1 {rankOne}/{cases.Count} = {r1:P1}, top 3 {topThree}/{cases.Count} = {t3:P1}"));
        return (r1, t3, cases.Count);
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    internal sealed record LabelledText(string Label, IReadOnlyList<string> Alternates, string Genre, string Text)
    {
        public IReadOnlySet<string> Accepted { get; } = new HashSet<string>([Label, .. Alternates], StringComparer.Ordinal);
    }
}
