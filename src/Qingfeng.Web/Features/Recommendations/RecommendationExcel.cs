using System.Globalization;
using Qingfeng.Platform.Documents;
using Qingfeng.Platform.Ui;

namespace Qingfeng.Features.Recommendations;

/// <summary>The filtered recommendations as an Excel file, with headers in the reader's language.</summary>
public sealed class RecommendationExcel(RecommendationQueries queries, ExportHeadings headings)
{
    public async Task<byte[]> ExportAsync(RecommendationQuery query, CancellationToken cancellationToken)
    {
        var culture = CultureInfo.CurrentUICulture;
        string H(string key) => TextCatalog.Instance.Get(key, culture);
        static string? Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var rows = (await queries.ExportAsync(query, cancellationToken)).Select(r => new Dictionary<string, object?>
        {
            [H("Recommendations.Number")] = r.Number,
            [H("Recommendations.Kind")] = EnumText.Label(r.Kind, culture),
            [H("Recommendations.Unit")] = r.Subject.UnitName,
            [H("Recommendations.Title")] = r.Title,
            [H("Recommendations.IssuedOn")] = Day(r.IssuedOn),
            [H("Recommendations.ReplyDueOn")] = Day(r.ReplyDueOn),
            [H("Recommendations.State")] = EnumText.Label(r.State, culture),
            [H("Recommendations.Overdue")] = H(r.ReplyOverdue ? "Common.Yes" : "Common.No"),
            [H("Recommendations.RepliedOn")] = Day(r.RepliedOn),
            [H("Recommendations.Measures")] = r.Measures,
            [H("Recommendations.Rules")] = r.Rules,
        }).ToList();
        return Spreadsheet.Write(headings.For(H("Recommendations.SheetName"), query), rows, H("Recommendations.SheetName"));
    }
}
