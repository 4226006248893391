using System.Globalization;
using MiniExcelLibs;

namespace Qingfeng.Platform.Documents;

/// <summary>
/// The one writer of spreadsheets (.xlsx): every export of the app goes through it (an architecture test fails when code
/// elsewhere calls a spreadsheet writer). A text cell that a spreadsheet would evaluate as a formula — one beginning with
/// <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return, such as <c>=HYPERLINK(…)</c> or
/// <c>=cmd|' /C calc'!A0</c> typed into a record or imported through a workbook — is written with a leading apostrophe
/// (OWASP's rule against CSV injection), so it stays text in Excel, WPS and LibreOffice, also once the sheet has been
/// saved as CSV and opened again. Numbers, dates and other typed values are written as they are and stay numbers.
/// </summary>
public static class Spreadsheet
{
    public const string DefaultSheetName = "Sheet1";

    /// <summary>The first characters that make a spreadsheet read a cell as a formula (OWASP: CSV injection).</summary>
    private static readonly System.Buffers.SearchValues<char> FormulaStarts = System.Buffers.SearchValues.Create("=+-@\t\r");

    /// <summary>One sheet: a header row from the first row's keys, then one row per dictionary.</summary>
    public static byte[] Write(IEnumerable<IReadOnlyDictionary<string, object?>> rows, string? sheetName = null)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(Defuse(rows), sheetName: sheetName ?? DefaultSheetName);
        return stream.ToArray();
    }

    /// <inheritdoc cref="Write(IEnumerable{IReadOnlyDictionary{string, object}}, string?)"/>
    public static async Task<byte[]> WriteAsync(IEnumerable<IReadOnlyDictionary<string, object?>> rows, string? sheetName = null, CancellationToken cancellationToken = default)
    {
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(Defuse(rows), sheetName: sheetName ?? DefaultSheetName, cancellationToken: cancellationToken);
        return stream.ToArray();
    }

    /// <summary>Several sheets, in order, each with its header row.</summary>
    public static byte[] Write(IReadOnlyList<(string Name, IEnumerable<IReadOnlyDictionary<string, object?>> Rows)> sheets)
    {
        var workbook = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, rows) in sheets)
        {
            workbook[name] = Defuse(rows);
        }

        using var stream = new MemoryStream();
        stream.SaveAs(workbook);
        return stream.ToArray();
    }

    /// <summary>The text as a spreadsheet must receive it: with a leading apostrophe when it would start a formula.</summary>
    public static string Text(string text) =>
        text.Length > 0 && FormulaStarts.Contains(text[0]) ? "'" + text : text;

    /// <summary>A cell's value as written: text made inert, typed values (numbers, dates, yes/no) unchanged.</summary>
    public static object? Cell(object? value) => value switch
    {
        null => null,
        string text => Text(text),
        char c => Text(c.ToString()),
        Enum or bool or DateTime or DateTimeOffset or DateOnly or TimeOnly or TimeSpan or Guid => value,
        _ when IsNumber(value) => value,
        IFormattable formattable => Text(formattable.ToString(null, CultureInfo.InvariantCulture)),
        _ => Text(value.ToString() ?? ""),
    };

    private static bool IsNumber(object value) =>
        value is sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal or Int128 or UInt128 or Half;

    private static List<Dictionary<string, object?>> Defuse(IEnumerable<IReadOnlyDictionary<string, object?>> rows) =>
        [.. rows.Select(row => row.ToDictionary(cell => Text(cell.Key), cell => Cell(cell.Value), StringComparer.Ordinal))];
}
