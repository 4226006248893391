using System.Globalization;
using Qingfeng.Features.PersonResolution;

namespace Qingfeng.Tests.Features.PersonResolution;

/// <summary>The synthetic labelled set of <c>Data/make-linking-set.py</c>: roster, regions and mentions.</summary>
internal static class LinkingSet
{
    public static readonly Lazy<RosterSnapshot> Roster = new(LoadRoster);

    public static readonly Lazy<IReadOnlyList<LabelledMention>> Mentions = new(LoadMentions);

    private static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Features", "PersonResolution", "Data", file);

    private static RosterSnapshot LoadRoster()
    {
        var regions = File.ReadLines(PathOf("linking-regions.tsv")).Select(l => l.Split('\t')).Select(p => new RosterRegion(p[0], p[1])).ToList();
        var rows = File.ReadLines(PathOf("linking-roster.tsv")).Select(l => l.Split('\t')).ToList();
        var units = rows.Select(r => r[2]).Distinct(StringComparer.Ordinal).ToDictionary(u => u, _ => Guid.NewGuid(), StringComparer.Ordinal);
        var people = rows.GroupBy(r => r[0]).Select(g =>
        {
            var holdings = g.Select(r => new RosterHolding(units[r[2]], r[2], r[3], r[4], r[5] == "1", Date(r[6]), Date(r[7]))).ToList();
            var current = holdings.Where(h => h.End is null).OrderByDescending(h => h.IsPrincipal).FirstOrDefault();
            return new RosterPerson(
                Guid.Parse(g.Key), g.First()[1], current?.UnitId, current?.UnitName, current?.Post ?? "", current?.IsPrincipal ?? false,
                current?.IsPrincipal == true ? global::Qingfeng.Features.Roster.LeaderCategory.CityCountyDepartment : null,
                current?.RegionKey ?? holdings[0].RegionKey, holdings);
        });
        return new RosterSnapshot(people, regions);
    }

    private static List<LabelledMention> LoadMentions() =>
        [.. File.ReadLines(PathOf("linking-mentions.tsv")).Select(l => l.Split('\t'))
            .Select(p => new LabelledMention(int.Parse(p[0], CultureInfo.InvariantCulture), p[1], Date(p[2])!.Value, p[3] == "NONE" ? null : Guid.Parse(p[3]), p[4]))];

    private static DateOnly? Date(string text) => text.Length == 0 ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}

internal sealed record LabelledMention(int Id, string Kind, DateOnly FactsOn, Guid? Truth, string Text);
