using System.Globalization;
using Qingfeng.Platform.Documents;
using Qingfeng.Platform.Ui;

namespace Qingfeng.Features.Clues;

/// <summary>Excel files of the clue feature: the queue and the funnel table, with headers in the reader's language.</summary>
public sealed class ClueExcel(ClueQueries queries, ClueStatistics statistics, ExportHeadings headings)
{
    public async Task<byte[]> ExportAsync(ClueQuery query, CancellationToken cancellationToken)
    {
        var culture = CultureInfo.CurrentUICulture;
        string H(string key) => TextCatalog.Instance.Get(key, culture);
        var rows = (await queries.ExportAsync(query, cancellationToken)).Select(c => new Dictionary<string, object?>
        {
            [H("Field.ClueNumber")] = c.Number,
            [H("Field.ReceivedOn")] = c.ReceivedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [H("Field.Source")] = EnumText.Label(c.Source, culture),
            [H("Field.ReportedPersons")] = c.Persons,
            [H("Field.Unit")] = c.Units,
            [H("Field.IsPrincipal")] = H(c.IsPrincipal ? "Common.Yes" : "Common.No"),
            [H("Field.Category")] = EnumText.Label(c.LeaderCategory, culture),
            [H("Field.State")] = EnumText.Label(c.State, culture),
            [H("Field.Handler")] = c.HandlerName,
            [H("Field.DueOn")] = c.DueOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [H("Field.DueKind")] = EnumText.Label(c.DueKind, culture),
            [H("Field.DueStatus")] = EnumText.Label(c.DueStatus, culture),
        }).ToList();
        return Spreadsheet.Write(headings.For(H("Clues.SheetName"), query), rows, H("Clues.SheetName"));
    }

    public async Task<byte[]> ExportFunnelAsync(FunnelQuery query, CancellationToken cancellationToken)
    {
        var culture = CultureInfo.CurrentUICulture;
        string H(string key) => TextCatalog.Instance.Get(key, culture);
        var report = await statistics.FunnelAsync(query, cancellationToken);
        var rows = report.Rows.Append(report.Total).Select(r => new Dictionary<string, object?>
        {
            [EnumText.Label(report.Dimension, culture)] = r.Label,
            [H("Funnel.Clues")] = r.Clues,
            [H("Funnel.TalkInquiry")] = r.TalkInquiry,
            [H("Funnel.Verification")] = r.Verification,
            [H("Funnel.Shelved")] = r.Shelved,
            [H("Funnel.Closed")] = r.Closed,
            [H("Funnel.Filed")] = r.Filed,
            [H("Funnel.Sanctioned")] = r.Sanctioned,
            [H("Funnel.Transferred")] = r.Transferred,
            [H("Funnel.ProblemsFound")] = r.ProblemsFound,
            [H("Funnel.FurtherClues")] = r.FurtherClues,
            [H("Funnel.FundsPaidOut")] = r.FundsPaidOut,
            [H("Funnel.FundsRecovered")] = r.FundsRecovered,
        }).ToList();
        return Spreadsheet.Write(headings.For(H("Funnel.SheetName"), query), rows, H("Funnel.SheetName"));
    }
}
