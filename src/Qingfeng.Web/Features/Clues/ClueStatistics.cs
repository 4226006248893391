using Qingfeng.Features.Roster;
using Qingfeng.Platform.Ui;

namespace Qingfeng.Features.Clues;

public enum FunnelDimension
{
    Prefecture = 1,
    County = 2,
    LeaderCategory = 3,
    Category = 4,
    Source = 5,
    Month = 6,
}

public sealed record FunnelQuery
{
    public FunnelDimension? Dimension { get; init; }

    /// <summary>Received on or after.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Received on or before.</summary>
    public DateOnly? To { get; init; }

    public bool? PrincipalOnly { get; init; }

    [StringLength(12)]
    [RegularExpression("^[0-9]{6,12}$", ErrorMessage = "Validation.RegionCode")]
    public string? RegionCode { get; init; }
}

/// <summary>One row of the funnel: clues → disposed by method → filed → sanctioned → transferred, and outcomes (A18).</summary>
public sealed record FunnelRow(
    string Key,
    string Label,
    int Clues,
    int TalkInquiry,
    int Verification,
    int Shelved,
    int Closed,
    int Filed,
    int Sanctioned,
    int Transferred,
    int ProblemsFound,
    int FurtherClues,
    decimal FundsPaidOut,
    decimal FundsRecovered);

public sealed record FunnelReport(FunnelDimension Dimension, DateOnly? From, DateOnly? To, IReadOnlyList<FunnelRow> Rows, FunnelRow Total);

/// <summary>The funnel commissions report ("43 clues, 21 filed, 15 sanctioned, 3 transferred"), over what the caller may see.</summary>
public sealed class ClueStatistics(IDbContextFactory<QingfengDb> dbFactory, ClueAccess access, ClueProtection protection)
{
    public async Task<FunnelReport> FunnelAsync(FunnelQuery query, CancellationToken cancellationToken = default)
    {
        var viewer = await access.ViewerAsync(cancellationToken);
        var dimension = query.Dimension ?? FunnelDimension.County;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var clues = viewer.VisibleClues(db).AsNoTracking().Within(c => c.ReceivedOn, query.From, query.To);

        if (query.PrincipalOnly == true)
        {
            clues = clues.Where(c => c.IsPrincipal);
        }

        if (query.RegionCode is { } regionCode
            && await db.Regions.AsNoTracking().Where(r => r.Code == regionCode).Select(r => r.TreeKey).SingleOrDefaultAsync(cancellationToken) is { } key)
        {
            clues = clues.Where(c => c.RegionKey.StartsWith(key));
        }

        var facts = clues.Select(c => new Facts
        {
            Id = c.Id,
            RegionKey = c.RegionKey,
            LeaderCategory = c.LeaderCategory == null ? 0 : (int)c.LeaderCategory,
            Source = (int)c.Source,
            Month = (c.ReceivedOn.Year * 100) + c.ReceivedOn.Month,
            TalkInquiry = c.DisposedOn != null && c.Method == DisposalMethod.TalkInquiry ? 1 : 0,
            Verification = c.DisposedOn != null && c.Method == DisposalMethod.Verification ? 1 : 0,
            Shelved = c.DisposedOn != null && c.Method == DisposalMethod.Shelve ? 1 : 0,
            Closed = c.DisposedOn != null && c.Method == DisposalMethod.Close ? 1 : 0,
            Filed = c.FiledOn != null ? 1 : 0,
            Sanctioned = c.IsSanctioned ? 1 : 0,
            Transferred = c.TransferredOn != null ? 1 : 0,
            ProblemsFound = c.Outcome.ProblemsFound,
            FurtherClues = c.Outcome.FurtherClues,
            PaidOut = c.Outcome.FundsPaidOutFen,
            Recovered = c.Outcome.FundsRecoveredFen,
        });
        var keyed = dimension switch
        {
            FunnelDimension.Prefecture => facts.Select(f => new Keyed { Text = f.RegionKey.Substring(0, 4), Number = 0, Fact = f }),
            FunnelDimension.County => facts.Select(f => new Keyed { Text = f.RegionKey.Substring(0, 6), Number = 0, Fact = f }),
            FunnelDimension.LeaderCategory => facts.Select(f => new Keyed { Text = "", Number = f.LeaderCategory, Fact = f }),
            FunnelDimension.Source => facts.Select(f => new Keyed { Text = "", Number = f.Source, Fact = f }),
            FunnelDimension.Month => facts.Select(f => new Keyed { Text = "", Number = f.Month, Fact = f }),
            _ => clues.SelectMany(c => c.Categories).Join(facts, cat => cat.ClueId, f => f.Id, (cat, f) => new Keyed { Text = cat.Code, Number = 0, Fact = f }),
        };

        var grouped = await SumAsync(keyed, cancellationToken);
        var rows = grouped.Select(r => (Sums: r, Key: dimension switch
        {
            FunnelDimension.Month => string.Create(CultureInfo.InvariantCulture, $"{r.Number / 100}-{r.Number % 100:00}"),
            FunnelDimension.LeaderCategory or FunnelDimension.Source => r.Number.ToString(CultureInfo.InvariantCulture),
            _ => r.Text,
        })).ToList();

        var labels = await LabelsAsync(db, protection, dimension, rows.Select(r => r.Key).ToList(), cancellationToken);
        var result = rows
            .Select(r => r.Sums.ToRow(r.Key, labels.GetValueOrDefault(r.Key, r.Key)))
            .OrderBy(r => r.Key, StringComparer.Ordinal)
            .ToList();

        // Totals count each clue once, also when the dimension (categories) lists it under several keys.
        var totals = (await SumAsync(facts.Select(f => new Keyed { Text = "", Number = 0, Fact = f }), cancellationToken)).SingleOrDefault();
        var totalLabel = TextCatalog.Instance.Get("Funnel.Total", CultureInfo.CurrentUICulture);
        return new FunnelReport(dimension, query.From, query.To, result, (totals ?? new Sums()).ToRow("", totalLabel));
    }

    /// <summary>One row of sums per key (text and number): the funnel's columns, in one grouped query.</summary>
    private static Task<List<Sums>> SumAsync(IQueryable<Keyed> keyed, CancellationToken cancellationToken) =>
        keyed.GroupBy(k => new { k.Text, k.Number }).Select(g => new Sums
        {
            Text = g.Key.Text,
            Number = g.Key.Number,
            Clues = g.Count(),
            TalkInquiry = g.Sum(k => k.Fact.TalkInquiry),
            Verification = g.Sum(k => k.Fact.Verification),
            Shelved = g.Sum(k => k.Fact.Shelved),
            Closed = g.Sum(k => k.Fact.Closed),
            Filed = g.Sum(k => k.Fact.Filed),
            Sanctioned = g.Sum(k => k.Fact.Sanctioned),
            Transferred = g.Sum(k => k.Fact.Transferred),
            ProblemsFound = g.Sum(k => k.Fact.ProblemsFound),
            FurtherClues = g.Sum(k => k.Fact.FurtherClues),
            PaidOut = g.Sum(k => k.Fact.PaidOut),
            Recovered = g.Sum(k => k.Fact.Recovered),
        }).ToListAsync(cancellationToken);

    private static async Task<Dictionary<string, string>> LabelsAsync(QingfengDb db, ClueProtection protection, FunnelDimension dimension, List<string> keys, CancellationToken cancellationToken)
    {
        var culture = CultureInfo.CurrentUICulture;
        switch (dimension)
        {
            case FunnelDimension.Prefecture or FunnelDimension.County:
                var codes = keys.Select(k => k.PadRight(6, '0')).ToList();
                var names = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, cancellationToken);
                return keys.ToDictionary(k => k, k => names.GetValueOrDefault(k.PadRight(6, '0'), k), StringComparer.Ordinal);
            case FunnelDimension.LeaderCategory:
                return keys.ToDictionary(
                    k => k,
                    k => int.TryParse(k, CultureInfo.InvariantCulture, out var v) && v > 0 ? EnumText.Label((LeaderCategory)v, culture) : TextCatalog.Instance.Get("Funnel.NotPrincipal", culture),
                    StringComparer.Ordinal);
            case FunnelDimension.Source:
                return keys.ToDictionary(k => k, k => EnumText.Label((ClueSource)int.Parse(k, CultureInfo.InvariantCulture), culture), StringComparer.Ordinal);
            case FunnelDimension.Category:
                var zh = culture.Name.StartsWith("zh", StringComparison.Ordinal);
                return keys.ToDictionary(k => k, k => protection.Categories.Find(k) is { } c ? (zh ? c.Name : c.NameEn) : k, StringComparer.Ordinal);
            default:
                return keys.ToDictionary(k => k, k => k, StringComparer.Ordinal);
        }
    }

    /// <summary>The funnel's columns after the clue count: one clue's (0 or 1, and its outcome) or the sum over a key's clues.</summary>
    private abstract class Columns
    {
        public int TalkInquiry { get; init; }

        public int Verification { get; init; }

        public int Shelved { get; init; }

        public int Closed { get; init; }

        public int Filed { get; init; }

        public int Sanctioned { get; init; }

        public int Transferred { get; init; }

        public int ProblemsFound { get; init; }

        public int FurtherClues { get; init; }

        public long PaidOut { get; init; }

        public long Recovered { get; init; }
    }

    /// <summary>The per-clue figures the funnel adds up.</summary>
    private sealed class Facts : Columns
    {
        public Guid Id { get; init; }

        public string RegionKey { get; init; } = "";

        public int LeaderCategory { get; init; }

        public int Source { get; init; }

        public int Month { get; init; }
    }

    private sealed class Sums : Columns
    {
        public string Text { get; init; } = "";

        public int Number { get; init; }

        public int Clues { get; init; }

        /// <summary>The report row (funds in yuan).</summary>
        public FunnelRow ToRow(string key, string label) => new(
            key, label, Clues, TalkInquiry, Verification, Shelved, Closed, Filed, Sanctioned, Transferred, ProblemsFound, FurtherClues, PaidOut / 100m, Recovered / 100m);
    }

    private sealed class Keyed
    {
        public string Text { get; init; } = "";

        public int Number { get; init; }

        public Facts Fact { get; init; } = new();
    }
}
