using System.Globalization;
using Qingfeng.Platform.Documents;
using Qingfeng.Platform.Ui;

namespace Qingfeng.Features.Decisions;

/// <summary>The filtered list of decision records as an Excel file, with headers in the reader's language.</summary>
public sealed class DecisionExcel(DecisionQueries queries, ExportHeadings headings)
{
    public async Task<byte[]> ExportAsync(DecisionQuery query, CancellationToken cancellationToken)
    {
        var culture = CultureInfo.CurrentUICulture;
        string H(string key) => TextCatalog.Instance.Get(key, culture);
        var rows = (await queries.ExportAsync(query, cancellationToken)).Select(r => new Dictionary<string, object?>
        {
            [H("Decisions.MeetingOn")] = r.MeetingOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [H("Decisions.Unit")] = r.Subject.UnitName,
            [H("Decisions.Principal")] = r.Subject.OfficialName,
            [H("Decisions.Kind")] = EnumText.Label(r.Kind, culture),
            [H("Decisions.Title")] = r.Title,
            [H("Decisions.MeetingKind")] = r.MeetingKind,
            [H("Decisions.Collective")] = H(r.DecidedCollectively ? "Common.Yes" : "Common.No"),
            [H("Decisions.SpokeLast")] = H(r.PrincipalSpokeLast ? "Common.Yes" : "Common.No"),
            [H("Decisions.Amount")] = r.Amount,
            [H("Decisions.OpenFindings")] = r.OpenFindings,
            [H("Decisions.WorstSeverity")] = EnumText.Label(r.WorstSeverity, culture),
        }).ToList();
        return Spreadsheet.Write(headings.For(H("Decisions.SheetName"), query), rows, H("Decisions.SheetName"));
    }
}
