using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Qingfeng.Features.Clues.Text;
using Xunit;

namespace Qingfeng.Tests.Features.Clues.Text;

/// <summary>
/// Repeat detection on the matter (<see cref="RepeatMatcher"/> over <see cref="DuplicateDetector"/> fingerprints), measured on
/// repeat-pairs.tsv (make-repeat-pairs.py): retellings across stages and genres and look-alike different matters, each pair
/// read once with the persons as typed (free text) and once linked to the roster. Weights and threshold were chosen on the
/// "tune" rows; the figures asserted are those of the "held" rows.
/// </summary>
public sealed class RepeatMatcherTests
{
    private static readonly Lazy<IReadOnlyList<Pair>> Pairs = new(Load);

    private static readonly string[] Kinds =
        ["retell-stage", "retell-genre", "retell-short", "retell-detail", "same-person-other-matter", "same-person-same-kind", "other-person-same-kind", "same-unit-same-kind"];

    [Fact]
    public void The_labelled_set_has_both_splits_and_every_kind()
    {
        var pairs = Pairs.Value;

        Assert.Equal(140, pairs.Count(p => p.Split == "held"));
        Assert.Equal(140, pairs.Count(p => p.Split == "tune"));
        Assert.All(
            Kinds,
            kind => Assert.True(pairs.Count(p => p.Kind == kind && p.Split == "held") >= 15, kind));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void On_the_held_out_pairs_most_retellings_are_flagged_and_few_look_alikes(bool linked)
    {
        var detector = new DuplicateDetector();
        var held = Pairs.Value.Where(p => p.Split == "held").ToList();
        var judged = held.Select(p => (Pair: p, Score: Score(detector, p, linked))).ToList();
        var tp = judged.Count(j => j.Pair.Repeat && j.Score >= RepeatMatcher.Threshold);
        var fn = judged.Count(j => j.Pair.Repeat && j.Score < RepeatMatcher.Threshold);
        var fp = judged.Count(j => !j.Pair.Repeat && j.Score >= RepeatMatcher.Threshold);
        var tn = judged.Count(j => !j.Pair.Repeat && j.Score < RepeatMatcher.Threshold);
        var recall = (double)tp / (tp + fn);
        var precision = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
        var fpRate = (double)fp / (fp + tn);

        var output = TestContext.Current.TestOutputHelper!;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"held-out, persons {(linked ? "linked" : "free text")}: TP {tp} FN {fn} FP {fp} TN {tn}; recall {recall:0.000} precision {precision:0.000} FP rate {fpRate:0.000} (threshold {RepeatMatcher.Threshold:0.00})"));
        foreach (var kind in judged.GroupBy(j => j.Pair.Kind))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {kind.Key}: {kind.Count(j => j.Score >= RepeatMatcher.Threshold)} of {kind.Count()} flagged"));
        }

        // What the detector honestly reaches on pairs it was not tuned on (see the report in the test output): most look-alikes it
        // still flags are the same person and the same kind of matter with facts it does not extract (destination, fund, purpose).
        Assert.True(recall >= 0.80, "recall");
        Assert.True(fpRate <= 0.15, "false-positive rate");
    }

    [Fact]
    public void The_threshold_is_the_best_on_the_tuning_pairs()
    {
        var detector = new DuplicateDetector();
        var tune = Pairs.Value.Where(p => p.Split == "tune").ToList();
        var scores = tune.SelectMany(p => new[] { (p.Repeat, Score: Score(detector, p, false)), (p.Repeat, Score: Score(detector, p, true)) }).ToList();

        // The objective the threshold was chosen by: repeats found, minus four per look-alike flagged.
        double Objective(double t) => scores.Count(s => s.Repeat && s.Score >= t) - (4 * scores.Count(s => !s.Repeat && s.Score >= t));
        var best = Enumerable.Range(20, 60).Select(t => t / 100.0).MaxBy(Objective);

        TestContext.Current.TestOutputHelper!.WriteLine(string.Create(CultureInfo.InvariantCulture, $"tuning: best threshold {best:0.00}, objective {Objective(best)} (at {RepeatMatcher.Threshold:0.00}: {Objective(RepeatMatcher.Threshold)})"));
        Assert.InRange(Objective(RepeatMatcher.Threshold), Objective(best) - 6, Objective(best));
    }

    [Theory]
    [InlineData("王某某", "开阳县交通运输局", "王建华", "县交通局", PersonAgreement.Likely)]
    [InlineData("王建华", "开阳县交通运输局", "王建华", "交通局", PersonAgreement.Same)]
    [InlineData("王局长", "", "王建华", "开阳县交通局", PersonAgreement.Compatible)]
    [InlineData("王建华", "交通局", "王建国", "交通局", PersonAgreement.Different)]
    [InlineData("王某", "交通局", "李某", "交通局", PersonAgreement.Different)]
    [InlineData("王某", "交通局", "王某", "水务局", PersonAgreement.Different)]
    [InlineData("王某某", "开阳县发展和改革局", "王某", "开阳县发改局", PersonAgreement.Likely)]
    public void Persons_typed_as_free_text_are_compared_by_surname_full_name_and_normalised_unit(string nameA, string unitA, string nameB, string unitB, PersonAgreement expected) =>
        Assert.Equal(expected, RepeatMatcher.Compare([new PersonFeature(null, nameA, unitA)], [new PersonFeature(null, nameB, unitB)]).Agreement);

    [Fact]
    public void A_linked_official_decides_over_the_names()
    {
        var official = Guid.CreateVersion7();

        Assert.Equal(PersonAgreement.Same, RepeatMatcher.Compare([new PersonFeature(official, "王某", null)], [new PersonFeature(official, "王建华", "交通局")]).Agreement);
        Assert.Equal(PersonAgreement.Different, RepeatMatcher.Compare([new PersonFeature(official, "王建华", null)], [new PersonFeature(Guid.CreateVersion7(), "王建华", null)]).Agreement);
    }

    [Fact]
    public void Amounts_written_differently_are_the_same_fact_and_other_amounts_differ()
    {
        var detector = new DuplicateDetector();
        var letter = DuplicateDetector.Fingerprint("县交通运输局局长赵某某春节前收受砂石厂老板李某送的现金两万块钱。");
        var form = DuplicateDetector.Fingerprint("交通局赵局长过年前收了李老板20000元。");
        var other = DuplicateDetector.Fingerprint("交通局赵局长过年前收了李老板5万元。");

        Assert.Contains(FactKind.Amount, detector.Compare(letter, form).Agreeing);
        Assert.Contains(FactKind.Amount, detector.Compare(letter, other).Differing);
        Assert.True(detector.Compare(letter, form).TextScore > detector.Compare(letter, other).TextScore);
    }

    [Fact]
    public void The_fingerprint_holds_no_readable_text()
    {
        var fingerprint = DuplicateDetector.Fingerprint("县水务局局长黄某收受工程老板礼金两万元，地点在金鼎大酒店。");

        Assert.StartsWith(DuplicateDetector.Prefix, fingerprint, StringComparison.Ordinal);
        Assert.DoesNotContain("黄", fingerprint, StringComparison.Ordinal);
        Assert.DoesNotContain("20000", fingerprint, StringComparison.Ordinal);
        Assert.True(DuplicateDetector.IsCurrent(fingerprint));
        Assert.False(DuplicateDetector.IsCurrent("m1.3.AAAA"));
    }

    [Fact]
    public void Shared_passages_are_the_longest_common_substrings_of_at_least_eight_characters()
    {
        var passages = CommonPassages.Find(
            "尊敬的领导：清水镇党委书记周某国庆期间开着镇政府的公务车带全家去荔波旅游，油费都在镇里报销了。",
            "再次反映：周书记开着镇政府的公务车带全家去荔波旅游，来回三天，油费都在镇里报销了，至今没人管。");

        Assert.Equal(["开着镇政府的公务车带全家去荔波旅游，", "油费都在镇里报销了"], passages);
        Assert.Empty(CommonPassages.Find("完全不同的一段文字内容", "另外一段毫不相干的话"));
    }

    private static double Score(DuplicateDetector detector, Pair p, bool linked) =>
        RepeatMatcher.Score(
            detector.Compare(DuplicateDetector.Fingerprint(p.TextA), DuplicateDetector.Fingerprint(p.TextB)),
            RepeatMatcher.Compare(Persons(p.PersonsA, linked), Persons(p.PersonsB, linked)));

    private static List<PersonFeature> Persons(string field, bool linked) =>
        [.. field.Split(';').Select(p => p.Split('|')).Select(p => new PersonFeature(linked && p[2].Length > 0 ? KeyId(p[2]) : null, p[0], p[1]))];

    /// <summary>A stable id for a roster key of the labelled set.</summary>
    private static Guid KeyId(string key) => new(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 16));

    private static IReadOnlyList<Pair> Load() =>
        [.. File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Features", "Clues", "Data", "repeat-pairs.tsv"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(p => new Pair(int.Parse(p[0], CultureInfo.InvariantCulture), p[1] == "1", p[2], p[3], p[4], p[5], p[6], p[7]))];

    private sealed record Pair(int Id, bool Repeat, string Split, string Kind, string PersonsA, string PersonsB, string TextA, string TextB);
}
