using Qingfeng.Platform.Ui;

namespace Qingfeng.Features.Recommendations;

/// <summary>The filtered recommendations as an Excel file, with headers in the reader's language.</summary>
public sealed class RecommendationExcel(RecommendationQueries queries, ExportHeadings headings)
{
    /// <summary>The export's columns, in order.</summary>
    public static readonly IReadOnlyList<ExportColumn<RecommendationListItem>> Columns =
    [
        new("Recommendations.Number", r => r.Number),
        new("Recommendations.Kind", r => EnumText.Label(r.Kind)),
        new("Recommendations.Unit", r => r.Subject.UnitName),
        new("Recommendations.Title", r => r.Title),
        new("Recommendations.IssuedOn", r => ExportCell.Day(r.IssuedOn)),
        new("Recommendations.ReplyDueOn", r => ExportCell.Day(r.ReplyDueOn)),
        new("Recommendations.State", r => EnumText.Label(r.State)),
        new("Recommendations.Overdue", r => ExportCell.YesNo(r.ReplyOverdue)),
        new("Recommendations.RepliedOn", r => ExportCell.Day(r.RepliedOn)),
        new("Recommendations.Measures", r => r.Measures),
        new("Recommendations.Rules", r => r.Rules),
    ];

    public async Task<byte[]> ExportAsync(RecommendationQuery query, CancellationToken cancellationToken) =>
        headings.Workbook("Recommendations.SheetName", query, await queries.ExportAsync(query, cancellationToken), Columns);
}
