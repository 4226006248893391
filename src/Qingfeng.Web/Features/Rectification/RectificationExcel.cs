using System.Globalization;
using Qingfeng.Platform.Documents;
using Qingfeng.Platform.Ui;

namespace Qingfeng.Features.Rectification;

/// <summary>Excel files of the ledger: the filtered items and the statistics, with headers in the reader's language.</summary>
public sealed class RectificationExcel(RectificationQueries queries, ExportHeadings headings)
{
    public async Task<byte[]> ExportAsync(RectificationQuery query, CancellationToken cancellationToken)
    {
        var culture = CultureInfo.CurrentUICulture;
        string H(string key) => TextCatalog.Instance.Get(key, culture);
        static string? D(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var rows = (await queries.ExportAsync(query, cancellationToken)).Select(i => new Dictionary<string, object?>
        {
            [H("Rectification.Field.Source")] = EnumText.Label(i.Source, culture),
            [H("Rectification.Field.SourceReference")] = i.SourceReference,
            [H("Field.Unit")] = i.Subject.UnitName,
            [H("Rectification.Field.Official")] = i.Subject.OfficialName,
            [H("Field.IsPrincipal")] = H(i.Subject.IsPrincipal ? "Common.Yes" : "Common.No"),
            [H("Rectification.Field.Problem")] = i.Problem,
            [H("Rectification.Field.OpenedOn")] = D(i.OpenedOn),
            [H("Field.DueOn")] = D(i.DueOn),
            [H("Field.State")] = EnumText.Label(i.State, culture),
            [H("Rectification.Field.Timing")] = EnumText.Label(i.Timing, culture),
            [H("Rectification.Field.Escalation")] = EnumText.Label(i.Escalation, culture),
            [H("Rectification.Field.ClosedOn")] = D(i.ClosedOn),
        }).ToList();
        return Spreadsheet.Write(headings.For(H("Rectification.SheetName"), query), rows, H("Rectification.SheetName"));
    }

    public async Task<byte[]> ExportStatisticsAsync(RectificationQuery query, CancellationToken cancellationToken)
    {
        var culture = CultureInfo.CurrentUICulture;
        string H(string key) => TextCatalog.Instance.Get(key, culture);
        var statistics = await queries.StatisticsAsync(query, cancellationToken);
        var lines = statistics.BySource.Select(s => (Label: EnumText.Label(s.Source, culture), Counts: s.Counts))
            .Append((Label: H("Common.Total"), Counts: statistics.Total));
        var rows = lines.Select(l => new Dictionary<string, object?>
        {
            [H("Rectification.Field.Source")] = l.Label,
            [H("Rectification.Stats.Items")] = l.Counts.Items,
            [H("Rectification.Stats.OpenOnTime")] = l.Counts.OpenOnTime,
            [H("Rectification.Stats.DueSoon")] = l.Counts.DueSoon,
            [H("Rectification.Stats.Overdue")] = l.Counts.Overdue,
            [H("Rectification.Stats.Escalated")] = l.Counts.Escalated,
            [H("Rectification.Stats.LongTerm")] = l.Counts.LongTerm,
            [H("Rectification.Stats.ClosedOnTime")] = l.Counts.ClosedOnTime,
            [H("Rectification.Stats.ClosedLate")] = l.Counts.ClosedLate,
        }).ToList();
        return Spreadsheet.Write(headings.For(H("Rectification.Stats.SheetName"), query), rows, H("Rectification.Stats.SheetName"));
    }
}
