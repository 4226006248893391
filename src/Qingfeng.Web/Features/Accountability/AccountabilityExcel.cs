using Qingfeng.Platform.Ui;

namespace Qingfeng.Features.Accountability;

/// <summary>The filtered accountability decisions as an Excel file, with headers in the reader's language.</summary>
public sealed class AccountabilityExcel(AccountabilityQueries queries, ExportHeadings headings)
{
    /// <summary>The export's columns, in order.</summary>
    public static readonly IReadOnlyList<ExportColumn<AccountabilityListItem>> Columns =
    [
        new("Accountability.DecidedOn", r => ExportCell.Day(r.DecidedOn)),
        new("Accountability.Unit", r => r.Subject.UnitName),
        new("Accountability.Target", r => EnumText.Label(r.Target)),
        new("Accountability.Person", r => r.Subject.OfficialName),
        new("Accountability.Position", r => r.Subject.OfficialPosition),
        new("Accountability.Principal", r => ExportCell.YesNo(r.Subject.IsPrincipal)),
        new("Accountability.Category", r => EnumText.Label(r.Subject.LeaderCategory)),
        new("Accountability.Methods", r => MethodsText(r.Methods, r.Measure, CultureInfo.CurrentUICulture)),
        new("Accountability.Failure", r => r.Failure),
        new("Accountability.Cause", r => EnumText.Label(r.Cause)),
        new("Accountability.DecidedBy", r => r.DecidedBy),
        new("Accountability.DocumentNumber", r => r.DocumentNumber),
        new("Accountability.Notice", r => EnumText.Label(r.Notice)),
        new("Accountability.State", r => EnumText.Label(r.State)),
        new("Accountability.ImpactUntil", r => ExportCell.Day(r.ImpactUntil)),
    ];

    public async Task<byte[]> ExportAsync(AccountabilityQuery query, CancellationToken cancellationToken) =>
        headings.Workbook("Accountability.SheetName", query, await queries.ExportAsync(query, cancellationToken), Columns);

    /// <summary>“通报、诫勉” in the reader's language, with the organisational measure named.</summary>
    public static string MethodsText(IEnumerable<AccountabilityMethod> methods, OrganisationalMeasureKind? measure, CultureInfo culture) =>
        string.Join(culture.TwoLetterISOLanguageName == "zh" ? "、" : ", ", methods.Select(m =>
            m == AccountabilityMethod.OrganisationalMeasure && measure is { } kind
                ? EnumText.Label(m, culture) + "（" + EnumText.Label(kind, culture) + "）"
                : EnumText.Label(m, culture)));
}
