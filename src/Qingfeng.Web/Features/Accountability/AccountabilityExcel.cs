using System.Globalization;
using Qingfeng.Platform.Documents;
using Qingfeng.Platform.Ui;

namespace Qingfeng.Features.Accountability;

/// <summary>The filtered accountability decisions as an Excel file, with headers in the reader's language.</summary>
public sealed class AccountabilityExcel(AccountabilityQueries queries, ExportHeadings headings)
{
    public async Task<byte[]> ExportAsync(AccountabilityQuery query, CancellationToken cancellationToken)
    {
        var culture = CultureInfo.CurrentUICulture;
        string H(string key) => TextCatalog.Instance.Get(key, culture);
        var rows = (await queries.ExportAsync(query, cancellationToken)).Select(r => new Dictionary<string, object?>
        {
            [H("Accountability.DecidedOn")] = r.DecidedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [H("Accountability.Unit")] = r.Subject.UnitName,
            [H("Accountability.Target")] = EnumText.Label(r.Target, culture),
            [H("Accountability.Person")] = r.Subject.OfficialName,
            [H("Accountability.Position")] = r.Subject.OfficialPosition,
            [H("Accountability.Principal")] = H(r.Subject.IsPrincipal ? "Common.Yes" : "Common.No"),
            [H("Accountability.Category")] = EnumText.Label(r.Subject.LeaderCategory, culture),
            [H("Accountability.Methods")] = MethodsText(r.Methods, r.Measure, culture),
            [H("Accountability.Failure")] = r.Failure,
            [H("Accountability.Cause")] = EnumText.Label(r.Cause, culture),
            [H("Accountability.DecidedBy")] = r.DecidedBy,
            [H("Accountability.DocumentNumber")] = r.DocumentNumber,
            [H("Accountability.Notice")] = EnumText.Label(r.Notice, culture),
            [H("Accountability.State")] = EnumText.Label(r.State, culture),
            [H("Accountability.ImpactUntil")] = r.ImpactUntil?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }).ToList();
        return Spreadsheet.Write(headings.For(H("Accountability.SheetName"), query), rows, H("Accountability.SheetName"));
    }

    /// <summary>“通报、诫勉” in the reader's language, with the organisational measure named.</summary>
    public static string MethodsText(AccountabilityMethod methods, OrganisationalMeasureKind? measure, CultureInfo culture) =>
        string.Join(culture.TwoLetterISOLanguageName == "zh" ? "、" : ", ", AccountabilityQueries.Split(methods).Select(m =>
            m == AccountabilityMethod.OrganisationalMeasure && measure is { } kind
                ? EnumText.Label(m, culture) + "（" + EnumText.Label(kind, culture) + "）"
                : EnumText.Label(m, culture)));
}
