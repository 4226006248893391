using Qingfeng.Platform.Ui;

namespace Qingfeng.Features.Decisions;

/// <summary>The filtered list of decision records as an Excel file, with headers in the reader's language.</summary>
public sealed class DecisionExcel(DecisionQueries queries, ExportHeadings headings)
{
    /// <summary>The export's columns, in order.</summary>
    public static readonly IReadOnlyList<ExportColumn<DecisionListItem>> Columns =
    [
        new("Decisions.MeetingOn", r => ExportCell.Day(r.MeetingOn)),
        new("Decisions.Unit", r => r.Subject.UnitName),
        new("Decisions.Principal", r => r.Subject.OfficialName),
        new("Decisions.Kind", r => EnumText.Label(r.Kind)),
        new("Decisions.Title", r => r.Title),
        new("Decisions.MeetingKind", r => r.MeetingKind),
        new("Decisions.Collective", r => ExportCell.YesNo(r.DecidedCollectively)),
        new("Decisions.SpokeLast", r => ExportCell.YesNo(r.PrincipalSpokeLast)),
        new("Decisions.Amount", r => r.Amount),
        new("Decisions.OpenFindings", r => r.OpenFindings),
        new("Decisions.WorstSeverity", r => EnumText.Label(r.WorstSeverity)),
    ];

    public async Task<byte[]> ExportAsync(DecisionQuery query, CancellationToken cancellationToken) =>
        headings.Workbook("Decisions.SheetName", query, await queries.ExportAsync(query, cancellationToken), Columns);
}
