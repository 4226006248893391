using Qingfeng.Platform.Ui;

namespace Qingfeng.Features.Rectification;

/// <summary>Excel files of the ledger: the filtered items and the statistics, with headers in the reader's language.</summary>
public sealed class RectificationExcel(RectificationQueries queries, ExportHeadings headings)
{
    /// <summary>The ledger's columns, in order.</summary>
    public static readonly IReadOnlyList<ExportColumn<RectificationListItem>> Columns =
    [
        new("Rectification.Field.Source", i => EnumText.Label(i.Source)),
        new("Rectification.Field.SourceReference", i => i.SourceReference),
        new("Field.Unit", i => i.Subject.UnitName),
        new("Rectification.Field.Official", i => i.Subject.OfficialName),
        new("Field.IsPrincipal", i => ExportCell.YesNo(i.Subject.IsPrincipal)),
        new("Rectification.Field.Problem", i => i.Problem),
        new("Rectification.Field.OpenedOn", i => ExportCell.Day(i.OpenedOn)),
        new("Field.DueOn", i => ExportCell.Day(i.DueOn)),
        new("Field.State", i => EnumText.Label(i.State)),
        new("Rectification.Field.Timing", i => EnumText.Label(i.Timing)),
        new("Rectification.Field.Escalation", i => EnumText.Label(i.Escalation)),
        new("Rectification.Field.ClosedOn", i => ExportCell.Day(i.ClosedOn)),
    ];

    /// <summary>The statistics' columns: one line per source, then the total.</summary>
    public static readonly IReadOnlyList<ExportColumn<(string Label, RectificationCounts Counts)>> StatisticsColumns =
    [
        new("Rectification.Field.Source", l => l.Label),
        new("Rectification.Stats.Items", l => l.Counts.Items),
        new("Rectification.Stats.OpenOnTime", l => l.Counts.OpenOnTime),
        new("Rectification.Stats.DueSoon", l => l.Counts.DueSoon),
        new("Rectification.Stats.Overdue", l => l.Counts.Overdue),
        new("Rectification.Stats.Escalated", l => l.Counts.Escalated),
        new("Rectification.Stats.LongTerm", l => l.Counts.LongTerm),
        new("Rectification.Stats.ClosedOnTime", l => l.Counts.ClosedOnTime),
        new("Rectification.Stats.ClosedLate", l => l.Counts.ClosedLate),
    ];

    public async Task<byte[]> ExportAsync(RectificationQuery query, CancellationToken cancellationToken) =>
        headings.Workbook("Rectification.SheetName", query, await queries.ExportAsync(query, cancellationToken), Columns);

    public async Task<byte[]> ExportStatisticsAsync(RectificationQuery query, CancellationToken cancellationToken)
    {
        var statistics = await queries.StatisticsAsync(query, cancellationToken);
        var lines = statistics.BySource.Select(s => (EnumText.Label(s.Source), s.Counts))
            .Append((TextCatalog.Instance.Get("Common.Total", CultureInfo.CurrentUICulture), statistics.Total));
        return headings.Workbook("Rectification.Stats.SheetName", query, lines, StatisticsColumns);
    }
}
