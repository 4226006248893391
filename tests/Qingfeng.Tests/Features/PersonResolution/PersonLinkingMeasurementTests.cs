using System.Globalization;
using Qingfeng.Features.PersonResolution;
using Xunit;

namespace Qingfeng.Tests.Features.PersonResolution;

/// <summary>
/// Precision and recall of linking on the synthetic labelled set (Data/make-linking-set.py). What is measured:
/// <list type="bullet">
/// <item><b>Wrong links</b>: of all mentions the resolver auto-links, the share linked to anyone but the labelled official
/// (a mention of a person not on the roster that gets linked counts as wrong). Target ≤ 3 %.</item>
/// <item><b>Recall</b>: of the mentions of a roster official, the share either auto-linked to that official or left pending
/// with that official as the first candidate of the 待关联 queue. Target ≥ 90 %.</item>
/// <item><b>Auto-link recall</b>: of the mentions of a roster official, the share auto-linked to that official (reported).</item>
/// </list>
/// </summary>
public sealed class PersonLinkingMeasurementTests(ITestOutputHelper output)
{
    [Fact]
    public void Linking_on_the_labelled_set_makes_few_wrong_links_and_finds_the_person()
    {
        var roster = LinkingSet.Roster.Value;
        var results = LinkingSet.Mentions.Value
            .Select(m => (Mention: m, Result: PersonResolver.Resolve(roster, new PersonMention { Text = m.Text, FactsOn = m.FactsOn })))
            .ToList();

        var autoLinked = results.Where(r => r.Result.Outcome == ResolutionOutcome.AutoLinked).ToList();
        var wrong = autoLinked.Where(r => r.Result.Linked!.OfficialId != r.Mention.Truth).ToList();
        var onRoster = results.Where(r => r.Mention.Truth is not null).ToList();
        var autoRight = onRoster.Count(r => r.Result.Outcome == ResolutionOutcome.AutoLinked && r.Result.Linked!.OfficialId == r.Mention.Truth);
        var found = onRoster.Count(r => r.Result.Outcome == ResolutionOutcome.AutoLinked
            ? r.Result.Linked!.OfficialId == r.Mention.Truth
            : Top(r.Result) == r.Mention.Truth);
        var notOnRoster = results.Where(r => r.Mention.Truth is null).ToList();

        var wrongRate = autoLinked.Count == 0 ? 0 : (double)wrong.Count / autoLinked.Count;
        var recall = (double)found / onRoster.Count;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"mentions {results.Count} (on roster {onRoster.Count}, not on roster {notOnRoster.Count}); auto-linked {autoLinked.Count}, wrong {wrong.Count} = {wrongRate:P2} (precision {1 - wrongRate:P2})"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"recall (auto-linked right or right first candidate) {found}/{onRoster.Count} = {recall:P2}; auto-link recall {autoRight}/{onRoster.Count} = {(double)autoRight / onRoster.Count:P2}; not on roster left unlinked {notOnRoster.Count(r => r.Result.Outcome != ResolutionOutcome.AutoLinked)}/{notOnRoster.Count}"));
        foreach (var kind in results.GroupBy(r => r.Mention.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var auto = kind.Count(r => r.Result.Outcome == ResolutionOutcome.AutoLinked);
            var right = kind.Count(r => r.Result.Outcome == ResolutionOutcome.AutoLinked ? r.Result.Linked!.OfficialId == r.Mention.Truth : r.Mention.Truth is null || Top(r.Result) == r.Mention.Truth);
            var bad = kind.Count(r => r.Result.Outcome == ResolutionOutcome.AutoLinked && r.Result.Linked!.OfficialId != r.Mention.Truth);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {kind.Key,-28} n={kind.Count(),3} auto={auto,3} wrong-auto={bad,2} right(auto or top-1)={right,3}"));
        }

        foreach (var (mention, result) in wrong.Take(10))
        {
            output.WriteLine($"  wrong: {mention.Kind} {mention.Text} → {result.Linked!.Name} {result.Linked.UnitName} {result.Linked.Position} {result.Linked.Score}");
        }

        foreach (var (mention, result) in onRoster.Where(r => (r.Result.Outcome == ResolutionOutcome.AutoLinked ? r.Result.Linked!.OfficialId : Top(r.Result)) != r.Mention.Truth).Take(15))
        {
            output.WriteLine($"  missed: {mention.Kind} {mention.Text} → {result.Outcome} {string.Join(" | ", result.Candidates.Take(2).Select(c => $"{c.Name} {c.UnitName} {c.Position} {c.Score}"))}");
        }

        Assert.True(results.Count >= 500, "the labelled set has several hundred mentions");
        Assert.True(wrongRate <= 0.03, string.Create(CultureInfo.InvariantCulture, $"wrong links {wrongRate:P2} > 3 %"));
        Assert.True(recall >= 0.90, string.Create(CultureInfo.InvariantCulture, $"recall {recall:P2} < 90 %"));
    }

    private static Guid? Top(MentionResolution result) => result.Candidates.Count > 0 ? result.Candidates[0].OfficialId : null;
}
