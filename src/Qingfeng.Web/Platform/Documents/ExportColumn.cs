using Qingfeng.Platform.Ui;

namespace Qingfeng.Platform.Documents;

/// <summary>
/// One column of an exported list, declared once per record type: the catalog key of its header (<c>Field.Unit</c>) and
/// the cell it shows for a record, in the reader's language (<see cref="CultureInfo.CurrentUICulture"/>). A feature lists
/// its columns in order; <see cref="ExportHeadings.Workbook{TRow}"/> turns records and columns into the workbook.
/// </summary>
public sealed record ExportColumn<TRow>(string HeadingKey, Func<TRow, object?> Cell);

/// <summary>Cells as the list exports write them.</summary>
public static class ExportCell
{
    /// <summary>A day as the text <c>yyyy-MM-dd</c>; nothing when there is none.</summary>
    public static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>是 / 否 in the reader's language.</summary>
    public static string YesNo(bool yes) => TextCatalog.Instance.Get(yes ? "Common.Yes" : "Common.No", CultureInfo.CurrentUICulture);
}
