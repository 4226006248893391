namespace Qingfeng.Features.Clues;

/// <summary>The next clue number of an organ in a year (逐件编号登记).</summary>
public sealed class ClueNumberSequence
{
    private ClueNumberSequence()
    {
    }

    public ClueNumberSequence(Guid organId, int year, string prefix)
    {
        OrganId = organId;
        Year = year;
        Prefix = prefix;
        Next = 1;
    }

    public Guid OrganId { get; private set; }

    public int Year { get; private set; }

    public string Prefix { get; private set; } = "";

    public int Next { get; private set; }

    public string Take()
    {
        var number = string.Create(CultureInfo.InvariantCulture, $"{Prefix}-{Year}-{Next:00000}");
        Next++;
        return number;
    }
}

/// <summary>Hands out unique clue numbers per organ and year; the number row is part of the caller's save.</summary>
public static class ClueNumbering
{
    /// <summary>
    /// The organ's place as its numbers start: 开阳县纪委监委 → 开阳县, 开阳县双山镇纪委 → 开阳县双山镇 (distinct organs, distinct
    /// prefixes; the unique index on the number refuses any clash).
    /// </summary>
    public static string PrefixFor(string organName)
    {
        var name = organName.Replace("中共", "", StringComparison.Ordinal);
        var at = name.IndexOf("纪委", StringComparison.Ordinal);
        var place = at > 0 ? name[..at] : name;
        return place.Length > 12 ? place[..12] : place;
    }

    /// <summary>Takes the next number; concurrent registrations conflict on the sequence row and the caller retries.</summary>
    public static async Task<string> NextAsync(QingfengDb db, Guid organId, string organName, int year, CancellationToken cancellationToken)
    {
        var sequence = db.Set<ClueNumberSequence>().Local.FirstOrDefault(s => s.OrganId == organId && s.Year == year)
            ?? await db.Set<ClueNumberSequence>().SingleOrDefaultAsync(s => s.OrganId == organId && s.Year == year, cancellationToken);
        if (sequence is null)
        {
            sequence = new ClueNumberSequence(organId, year, PrefixFor(organName));
            db.Add(sequence);
        }

        return sequence.Take();
    }
}
