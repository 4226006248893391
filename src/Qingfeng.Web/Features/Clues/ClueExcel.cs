using Qingfeng.Platform.Ui;

namespace Qingfeng.Features.Clues;

/// <summary>Excel files of the clue feature: the queue and the funnel table, with headers in the reader's language.</summary>
public sealed class ClueExcel(ClueQueries queries, ClueStatistics statistics, ExportHeadings headings)
{
    /// <summary>The queue's columns, in order.</summary>
    public static readonly IReadOnlyList<ExportColumn<ClueListItem>> Columns =
    [
        new("Field.ClueNumber", c => c.Number),
        new("Field.ReceivedOn", c => ExportCell.Day(c.ReceivedOn)),
        new("Field.Source", c => EnumText.Label(c.Source)),
        new("Field.ReportedPersons", c => c.Persons),
        new("Field.Unit", c => c.Units),
        new("Field.IsPrincipal", c => ExportCell.YesNo(c.IsPrincipal)),
        new("Field.Category", c => EnumText.Label(c.LeaderCategory)),
        new("Field.State", c => EnumText.Label(c.State)),
        new("Field.Handler", c => c.HandlerName),
        new("Field.DueOn", c => ExportCell.Day(c.DueOn)),
        new("Field.DueKind", c => EnumText.Label(c.DueKind)),
        new("Field.DueStatus", c => EnumText.Label(c.DueStatus)),
    ];

    /// <summary>The funnel's figures, after the column of labels of the chosen dimension.</summary>
    public static readonly IReadOnlyList<ExportColumn<FunnelRow>> FunnelFigures =
    [
        new("Funnel.Clues", r => r.Clues),
        new("Funnel.TalkInquiry", r => r.TalkInquiry),
        new("Funnel.Verification", r => r.Verification),
        new("Funnel.Shelved", r => r.Shelved),
        new("Funnel.Closed", r => r.Closed),
        new("Funnel.Filed", r => r.Filed),
        new("Funnel.Sanctioned", r => r.Sanctioned),
        new("Funnel.Transferred", r => r.Transferred),
        new("Funnel.ProblemsFound", r => r.ProblemsFound),
        new("Funnel.FurtherClues", r => r.FurtherClues),
        new("Funnel.FundsPaidOut", r => r.FundsPaidOut),
        new("Funnel.FundsRecovered", r => r.FundsRecovered),
    ];

    public async Task<byte[]> ExportAsync(ClueQuery query, CancellationToken cancellationToken) =>
        headings.Workbook("Clues.SheetName", query, await queries.ExportAsync(query, cancellationToken), Columns);

    public async Task<byte[]> ExportFunnelAsync(FunnelQuery query, CancellationToken cancellationToken)
    {
        var report = await statistics.FunnelAsync(query, cancellationToken);

        // The first column is headed by the dimension's own label (县区, 线索来源, 月份…).
        ExportColumn<FunnelRow> labels = new($"Enum.{nameof(FunnelDimension)}.{report.Dimension}", r => r.Label);
        return headings.Workbook("Funnel.SheetName", query, report.Rows.Append(report.Total), [labels, .. FunnelFigures]);
    }
}
