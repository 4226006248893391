using System.Linq.Expressions;
using Qingfeng.Features.Clues;
using Qingfeng.Features.Supervision;
using Qingfeng.Features.Talks;
using Qingfeng.Platform.Ui;

namespace Qingfeng.Features.Outcomes;

/// <summary>Which module's work produced an outcome.</summary>
public enum OutcomeModule
{
    Clues,
    Rectification,
    Talks,
    Inquiries,
    Decisions,
    Recommendations,
}

public sealed record OutcomeQuery
{
    /// <summary>First day (inclusive) of the work counted: the day a clue was received, an item opened, a talk held…</summary>
    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    /// <summary>Only work about this region subtree (GB/T 2260 code).</summary>
    [StringLength(12)]
    [RegularExpression("^[0-9]{6,12}$", ErrorMessage = "Validation.RegionCode")]
    public string? RegionCode { get; init; }
}

/// <summary>One module's outcomes: how many items recorded any, and the sums.</summary>
public sealed record OutcomeLine(OutcomeModule Module, int Items, int ProblemsFound, int CluesFound, decimal FundsPaidOut, decimal FundsRecovered, int RulesAdopted);

public sealed record OutcomeSummary(IReadOnlyList<OutcomeLine> Lines, OutcomeLine Total);

/// <summary>
/// 监督成效 (domain.md A18): the outcomes recorded on each piece of work — clues and cases, rectification items, and the
/// daily-supervision records — counted per module within the caller's jurisdiction. Clues and cases count only those the
/// caller may see (<see cref="ClueViewer.VisibleClues"/>, counts only); a caller without clue access gets no line for them.
/// </summary>
public sealed class OutcomeQueries(IDbContextFactory<QingfengDb> dbFactory, SupervisionAccess access, ClueAccess clueAccess, ExportHeadings headings)
{
    public async Task<OutcomeSummary> SummaryAsync(OutcomeQuery query, CancellationToken cancellationToken = default)
    {
        var viewer = await access.RequireAsync(Permission.SupervisionRead, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var region = string.IsNullOrWhiteSpace(query.RegionCode) ? null : query.RegionCode.Trim();
        var lines = new List<OutcomeLine>();
        var clueViewer = await clueAccess.ViewerAsync(cancellationToken);
        if (clueViewer.ReadsClues)
        {
            lines.Add(await ClueLineAsync(db, clueViewer, query, region, cancellationToken));
        }

        lines.Add(await SumAsync(OutcomeModule.Rectification, Scoped(db.RectificationItems, viewer, query, region, i => i.OpenedOn).Select(i => i.Outcome), cancellationToken));
        var visibleClues = clueViewer.VisibleClues(db).Select(c => c.Id);
        lines.Add(await SumAsync(OutcomeModule.Talks, Scoped(db.Talks.InCircle(visibleClues), viewer, query, region, t => t.PlannedOn).Select(t => t.Outcome), cancellationToken));
        lines.Add(await SumAsync(OutcomeModule.Inquiries, Scoped(db.Inquiries.InCircle(visibleClues), viewer, query, region, i => i.SentOn).Select(i => i.Outcome), cancellationToken));
        lines.Add(await SumAsync(OutcomeModule.Decisions, Scoped(db.DecisionRecords, viewer, query, region, r => r.MeetingOn).Select(r => r.Outcome), cancellationToken));
        lines.Add(await SumAsync(OutcomeModule.Recommendations, Scoped(db.Recommendations, viewer, query, region, r => r.IssuedOn).Select(r => r.Outcome), cancellationToken));

        var total = new OutcomeLine(
            OutcomeModule.Clues,
            lines.Sum(l => l.Items),
            lines.Sum(l => l.ProblemsFound),
            lines.Sum(l => l.CluesFound),
            lines.Sum(l => l.FundsPaidOut),
            lines.Sum(l => l.FundsRecovered),
            lines.Sum(l => l.RulesAdopted));
        return new OutcomeSummary(lines, total);
    }

    /// <summary>The export's columns: one line per module, then the total.</summary>
    public static readonly IReadOnlyList<ExportColumn<(string Label, OutcomeLine Line)>> Columns =
    [
        new("Outcomes.Module", x => x.Label),
        new("Outcomes.Items", x => x.Line.Items),
        new("Field.ProblemsFound", x => x.Line.ProblemsFound),
        new("Field.CluesFound", x => x.Line.CluesFound),
        new("Field.FundsPaidOut", x => x.Line.FundsPaidOut),
        new("Field.FundsRecovered", x => x.Line.FundsRecovered),
        new("Field.RulesAdopted", x => x.Line.RulesAdopted),
    ];

    public async Task<byte[]> ExportAsync(OutcomeQuery query, CancellationToken cancellationToken = default)
    {
        var summary = await SummaryAsync(query, cancellationToken);
        var lines = summary.Lines.Select(l => (EnumText.Label(l.Module), l))
            .Append((TextCatalog.Instance.Get("Common.Total", CultureInfo.CurrentUICulture), summary.Total));
        return headings.Workbook("Nav.Outcomes", query, lines, Columns);
    }

    /// <summary>The clues and cases line: outcomes recorded on the clues the caller may see.</summary>
    private static async Task<OutcomeLine> ClueLineAsync(QingfengDb db, ClueViewer viewer, OutcomeQuery query, string? region, CancellationToken cancellationToken)
    {
        var clues = viewer.VisibleClues(db).AsNoTracking()
            .Where(c => c.Outcome.ProblemsFound > 0 || c.Outcome.FurtherClues > 0 || c.Outcome.FundsPaidOutFen > 0 || c.Outcome.FundsRecoveredFen > 0);
        if (query.From is { } clueFrom)
        {
            clues = clues.Where(c => c.ReceivedOn >= clueFrom);
        }

        if (query.To is { } clueTo)
        {
            clues = clues.Where(c => c.ReceivedOn <= clueTo);
        }

        if (region is not null)
        {
            clues = clues.Where(c => c.RegionKey.StartsWith(region));
        }

        var clueSums = await clues.GroupBy(c => 1).Select(g => new
        {
            Items = g.Count(),
            Problems = g.Sum(c => c.Outcome.ProblemsFound),
            Clues = g.Sum(c => c.Outcome.FurtherClues),
            PaidOut = g.Sum(c => c.Outcome.FundsPaidOutFen),
            Recovered = g.Sum(c => c.Outcome.FundsRecoveredFen),
        }).SingleOrDefaultAsync(cancellationToken);
        return new OutcomeLine(OutcomeModule.Clues, clueSums?.Items ?? 0, clueSums?.Problems ?? 0, clueSums?.Clues ?? 0, (clueSums?.PaidOut ?? 0) / 100m, (clueSums?.Recovered ?? 0) / 100m, 0);
    }

    /// <summary>A module's records within jurisdiction, the period (by the record's own date) and the region subtree.</summary>
    private static IQueryable<T> Scoped<T>(IQueryable<T> records, SupervisionViewer viewer, OutcomeQuery query, string? region, Expression<Func<T, DateOnly>> date)
        where T : class, ISupervisedRecord
    {
        var q = records.AsNoTracking().Where(viewer.Visible<T>()).Within(date, query.From, query.To);
        return region is null ? q : q.Where(r => r.Subject.RegionKey.StartsWith(region));
    }

    /// <summary>Sums the outcome complex type of any module's records that recorded one.</summary>
    private static async Task<OutcomeLine> SumAsync(OutcomeModule module, IQueryable<SupervisionOutcome> outcomes, CancellationToken cancellationToken)
    {
        var sums = await outcomes
            .Where(o => o.ProblemsFound > 0 || o.CluesFound > 0 || o.FundsPaidOutFen > 0 || o.FundsRecoveredFen > 0 || o.RulesAdopted > 0)
            .GroupBy(o => 1)
            .Select(g => new
            {
                Items = g.Count(),
                Problems = g.Sum(o => o.ProblemsFound),
                Clues = g.Sum(o => o.CluesFound),
                PaidOut = g.Sum(o => o.FundsPaidOutFen),
                Recovered = g.Sum(o => o.FundsRecoveredFen),
                Rules = g.Sum(o => o.RulesAdopted),
            }).SingleOrDefaultAsync(cancellationToken);
        return new OutcomeLine(module, sums?.Items ?? 0, sums?.Problems ?? 0, sums?.Clues ?? 0, (sums?.PaidOut ?? 0) / 100m, (sums?.Recovered ?? 0) / 100m, sums?.Rules ?? 0);
    }
}

public static class OutcomesFeature
{
    public static IServiceCollection AddOutcomes(this IServiceCollection services) => services.AddScoped<OutcomeQueries>();

    public static IEndpointRouteBuilder MapOutcomes(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/outcomes", "Outcomes").RequirePermission(Permission.SupervisionRead);
        group.MapQuery("/", (OutcomeQueries queries, OutcomeQuery query, CancellationToken ct) => queries.SummaryAsync(query, ct),
            "OutcomeSummary", "监督成效: problems and clues found, funds paid out and recovered, rules adopted, per module.")
            .WithDescription("监督成效: problems and clues found, funds paid out and recovered and rules adopted, summed per module (clues and cases, rectification, talks, 函询, 三重一大 decisions, recommendations) over the work of the period and region within the caller's jurisdiction. The clue line only for readers of clues (absent otherwise). Daily-supervision readers (SupervisionRead).");
        group.MapExcelExport("/export", (OutcomeQueries queries, OutcomeQuery query, CancellationToken ct) => queries.ExportAsync(query, ct), "outcomes.xlsx",
            "ExportOutcomeSummary", "Excel export of the outcome summary.")
            .WithDescription("The outcome summary as an .xlsx workbook; same filters as OutcomeSummary.");
        return app;
    }
}
