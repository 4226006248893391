using System.Globalization;
using Qingfeng.Features.Clues.Text;
using Xunit;

namespace Qingfeng.Tests.Features.Clues.Text;

public sealed class DuplicateDetectorTests
{
    private static readonly Lazy<IReadOnlyList<LabelledPair>> Pairs = new(LoadPairs);

    [Fact]
    public void The_labelled_set_has_enough_pairs_of_each_kind()
    {
        var pairs = Pairs.Value;

        Assert.True(pairs.Count >= 200);
        Assert.InRange(pairs.Count(p => p.Duplicate), 75, 90);
        Assert.True(pairs.Count(p => !p.Duplicate) >= 115);
    }

    [Fact]
    public void The_threshold_chosen_on_the_tuning_half_holds_on_the_held_out_half()
    {
        var detector = new DuplicateDetector();
        var scored = Pairs.Value
            .Select(p => (p.Id, p.Duplicate, Score: detector.Compare(DuplicateDetector.Fingerprint(p.TextA), DuplicateDetector.Fingerprint(p.TextB)).TextScore))
            .ToList();
        var tuning = scored.Where(p => p.Id % 2 == 1).ToList();
        var heldOut = scored.Where(p => p.Id % 2 == 0).ToList();

        var best = Enumerable.Range(5, 90).Select(t => t / 100.0)
            .Select(t => (Threshold: t, Metrics: Evaluate(tuning, t)))
            .OrderByDescending(x => x.Metrics.F1).ThenBy(x => Math.Abs(x.Threshold - DuplicateDetector.DefaultThreshold))
            .First();
        var tuned = Evaluate(heldOut, best.Threshold);
        var atDefault = Evaluate(heldOut, DuplicateDetector.DefaultThreshold);

        var output = TestContext.Current.TestOutputHelper!;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"tuning: {tuning.Count} pairs, best threshold {best.Threshold:0.00}, F1 {best.Metrics.F1:0.000}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"held-out at tuned threshold: {heldOut.Count} pairs, P {tuned.Precision:0.000} R {tuned.Recall:0.000} F1 {tuned.F1:0.000}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"held-out at default {DuplicateDetector.DefaultThreshold:0.00}: P {atDefault.Precision:0.000} R {atDefault.Recall:0.000} F1 {atDefault.F1:0.000}"));
        foreach (var miss in heldOut.Where(p => (p.Score >= DuplicateDetector.DefaultThreshold) != p.Duplicate))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  misjudged #{miss.Id} (label {(miss.Duplicate ? 1 : 0)}): {miss.Score:0.000}"));
        }

        Assert.InRange(best.Threshold, DuplicateDetector.DefaultThreshold - 0.06, DuplicateDetector.DefaultThreshold + 0.06);
        Assert.True(atDefault.Precision >= 0.70, "precision");
        Assert.True(atDefault.Recall >= 0.80, "recall");
        Assert.True(atDefault.F1 >= 0.57, "F1");
    }

    [Fact]
    public void A_fingerprint_fits_a_512_character_column_even_for_a_long_letter()
    {
        var longLetter = string.Concat(Enumerable.Repeat("尊敬的县纪委领导：我要反映县水务局局长黄某收受工程老板礼金两万元的问题。", 40)) + "12345678";

        var fingerprint = DuplicateDetector.Fingerprint(longLetter);

        Assert.True(fingerprint.Length <= DuplicateDetector.MaxFingerprintLength);
        Assert.StartsWith("m2.", fingerprint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_is_fully_similar_to_itself_and_an_empty_text_to_nothing()
    {
        var detector = new DuplicateDetector();
        var text = DuplicateDetector.Fingerprint("县水务局局长黄某收受工程老板礼金两万元。");

        Assert.Equal(1.0, detector.Similarity(text, text), 3);
        Assert.Equal(0.0, detector.Similarity(text, DuplicateDetector.Fingerprint("尊敬的领导：")));
    }

    [Fact]
    public void A_malformed_fingerprint_is_rejected() =>
        Assert.Throws<FormatException>(() => new DuplicateDetector().Similarity("abc", "m1.1.AAAA"));

    private static (double Precision, double Recall, double F1) Evaluate(IEnumerable<(int Id, bool Duplicate, double Score)> pairs, double threshold)
    {
        int tp = 0, fp = 0, fn = 0;
        foreach (var (_, duplicate, score) in pairs)
        {
            var flagged = score >= threshold;
            tp += flagged && duplicate ? 1 : 0;
            fp += flagged && !duplicate ? 1 : 0;
            fn += !flagged && duplicate ? 1 : 0;
        }

        var precision = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
        var recall = tp + fn == 0 ? 0 : (double)tp / (tp + fn);
        return (precision, recall, precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall));
    }

    private static IReadOnlyList<LabelledPair> LoadPairs() =>
        [.. File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Features", "Clues", "Data", "duplicate-pairs.tsv"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(p => new LabelledPair(int.Parse(p[0], CultureInfo.InvariantCulture), p[1] == "1", p[2], p[3]))];

    private sealed record LabelledPair(int Id, bool Duplicate, string TextA, string TextB);
}
