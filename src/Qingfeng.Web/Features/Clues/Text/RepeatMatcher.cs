using System.Text;

namespace Qingfeng.Features.Clues.Text;

/// <summary>A reported person as a clue records them: the linked official when linked, and the name and unit as typed.</summary>
public sealed record PersonFeature(Guid? OfficialId, string Name, string? UnitName);

/// <summary>How the reported persons of two clues compare.</summary>
public enum PersonAgreement
{
    /// <summary>Nothing to compare (a side names nobody).</summary>
    Unknown,

    /// <summary>Different people: another official, another full name, another surname, the surname masked in another unit.</summary>
    Different,

    /// <summary>Compatible: the same surname, masked on one side, units not contradicting.</summary>
    Compatible,

    /// <summary>Likely the same: the same surname and the same unit, or the same full name with no unit to contradict it.</summary>
    Likely,

    /// <summary>The same linked official, or the same full name in the same unit.</summary>
    Same,
}

/// <summary>The persons' side of a comparison: how they agree, and the person both clues name (for the reason).</summary>
public sealed record PersonEvidence(PersonAgreement Agreement, PersonFeature? Person);

/// <summary>
/// Decides whether two clues report the same matter (重复件) from their fingerprints (<see cref="DuplicateDetector"/>) and their
/// reported persons — linked officials when linked, otherwise the names and units as typed, normalised: 王某某 = 王某 = 王局长
/// (a masked name agrees with any name of the surname), 开阳县交通运输局 = 县交通局 = 交通局 (region prefix and usual
/// abbreviation). Persons are a feature, not a filter: a retold matter about a person typed differently is still found,
/// and a look-alike about another person is pushed below the threshold.
/// </summary>
public static class RepeatMatcher
{
    /// <summary>The decision threshold on <see cref="Score"/>, chosen on the tuning part of the labelled pairs (repeat-pairs.tsv).</summary>
    public const double Threshold = 0.46;

    /// <summary>Added per step of person agreement (Compatible 0.4, Likely 0.7, Same 1 of it).</summary>
    public const double PersonWeight = 0.1;

    /// <summary>Taken away when the persons are different people.</summary>
    public const double DifferentPersonPenalty = 0.5;

    private static readonly string[] Posts =
        ["党委书记", "党组书记", "副书记", "书记", "副局长", "局长", "副镇长", "镇长", "副乡长", "乡长", "副主任", "主任", "副院长", "院长", "校长", "支书", "村长", "董事长", "总经理", "经理", "所长", "科长", "队长"];

    public static double Score(TextEvidence text, PersonEvidence persons) =>
        text.TextScore + (persons.Agreement switch
        {
            PersonAgreement.Same => PersonWeight,
            PersonAgreement.Likely => PersonWeight * 0.7,
            PersonAgreement.Compatible => PersonWeight * 0.4,
            PersonAgreement.Different => -DifferentPersonPenalty,
            _ => 0,
        });

    public static bool IsRepeat(TextEvidence text, PersonEvidence persons) => Score(text, persons) >= Threshold;

    /// <summary>The best agreement between any person of one clue and any of the other.</summary>
    public static PersonEvidence Compare(IReadOnlyList<PersonFeature> a, IReadOnlyList<PersonFeature> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return new PersonEvidence(PersonAgreement.Unknown, null);
        }

        var best = new PersonEvidence(PersonAgreement.Unknown, null);
        var comparable = false;
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                var agreement = Compare(x, y);
                comparable |= agreement != PersonAgreement.Unknown;
                if (agreement > best.Agreement)
                {
                    best = new PersonEvidence(agreement, Fuller(x, y));
                }
            }
        }

        return best.Agreement == PersonAgreement.Unknown && comparable ? new PersonEvidence(PersonAgreement.Different, null) : best;
    }

    internal static PersonAgreement Compare(PersonFeature x, PersonFeature y)
    {
        if (x.OfficialId is { } ox && y.OfficialId is { } oy)
        {
            return ox == oy ? PersonAgreement.Same : PersonAgreement.Different;
        }

        var (surnameX, fullX) = Name(x.Name);
        var (surnameY, fullY) = Name(y.Name);
        if (surnameX.Length == 0 || surnameY.Length == 0)
        {
            return PersonAgreement.Unknown;
        }

        if (surnameX != surnameY)
        {
            return PersonAgreement.Different;
        }

        var unitX = Unit(x.UnitName);
        var unitY = Unit(y.UnitName);
        var unitKnown = unitX.Length > 0 && unitY.Length > 0;
        var unitSame = unitKnown && (unitX.Contains(unitY, StringComparison.Ordinal) || unitY.Contains(unitX, StringComparison.Ordinal));
        if (fullX is not null && fullY is not null)
        {
            return fullX != fullY ? PersonAgreement.Different
                : unitSame ? PersonAgreement.Same
                : unitKnown ? PersonAgreement.Compatible : PersonAgreement.Likely;
        }

        return unitSame ? PersonAgreement.Likely : unitKnown ? PersonAgreement.Different : PersonAgreement.Compatible;
    }

    /// <summary>The surname and, when the name is not masked (王某, 王某某, 王局长), the full name.</summary>
    internal static (string Surname, string? Full) Name(string? name)
    {
        var trimmed = new string([.. (name ?? "").Normalize(NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c) && c != '·')]);
        if (trimmed.Length == 0)
        {
            return ("", null);
        }

        var masked = trimmed.Contains('某', StringComparison.Ordinal) || Posts.Any(p => trimmed.EndsWith(p, StringComparison.Ordinal)) || trimmed.Length == 1;
        return (trimmed[..1], masked ? null : trimmed);
    }

    /// <summary>A unit name without its region prefix, abbreviated as people write it: 开阳县交通运输局 → 交通局.</summary>
    internal static string Unit(string? unit)
    {
        var text = (unit ?? "").Normalize(NormalizationForm.FormKC).Trim();
        foreach (var (full, abbreviation) in DuplicateDetector.UnitAbbreviations)
        {
            text = text.Replace(full, abbreviation, StringComparison.Ordinal);
        }

        foreach (var marker in new[] { "省", "自治州", "州", "市", "自治县", "县", "区" })
        {
            var at = text.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0 && at <= 4 && text.Length - at - marker.Length >= 2)
            {
                text = text[(at + marker.Length)..];
            }
        }

        return text;
    }

    /// <summary>Of two records of one person, the one that says more (a full name over a masked one, a unit over none).</summary>
    private static PersonFeature Fuller(PersonFeature x, PersonFeature y) =>
        (Name(x.Name).Full is not null ? 2 : 0) + (string.IsNullOrWhiteSpace(x.UnitName) ? 0 : 1) >= (Name(y.Name).Full is not null ? 2 : 0) + (string.IsNullOrWhiteSpace(y.UnitName) ? 0 : 1) ? x : y;
}
