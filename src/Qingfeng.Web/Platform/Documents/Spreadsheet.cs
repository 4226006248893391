using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Qingfeng.Platform.Ui;

namespace Qingfeng.Platform.Documents;

/// <summary>
/// The one writer of spreadsheets (.xlsx): every export of the app goes through it (an architecture test fails when code
/// elsewhere calls a spreadsheet writer). A sheet that prints: the heading of an export (<see cref="SheetHeading"/>: what the
/// table is, which organ, the filters in words, when and by whom) above the header row; the header row frozen and repeated
/// on every printed page; column widths fitted to the text, a Chinese character counted twice, long text wrapped at
/// <see cref="MaxColumnWidth"/>; dates as <c>yyyy-mm-dd</c>, amounts (<see cref="decimal"/>) with two decimals; landscape
/// A4, fitted to the page width, with page numbers in the footer.
/// <para>
/// A text cell that a spreadsheet would evaluate as a formula — one beginning with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a
/// tab or a carriage return, such as <c>=HYPERLINK(…)</c> or <c>=cmd|' /C calc'!A0</c> typed into a record or imported
/// through a workbook — is written with a leading apostrophe (OWASP's rule against CSV injection), so it stays text in
/// Excel, WPS and LibreOffice, also once the sheet has been saved as CSV and opened again. Numbers, dates and other typed
/// values are written as they are and stay numbers.
/// </para>
/// </summary>
public static class Spreadsheet
{
    public const string DefaultSheetName = "Sheet1";

    /// <summary>The widest a column grows (in characters of the default font); longer text wraps.</summary>
    public const double MaxColumnWidth = 40;

    /// <summary>The narrowest column.</summary>
    public const double MinColumnWidth = 6;

    /// <summary>The height of a line of text in points (the default font, 11 pt).</summary>
    private const double LineHeight = 15;

    /// <summary>The first characters that make a spreadsheet read a cell as a formula (OWASP: CSV injection).</summary>
    private static readonly System.Buffers.SearchValues<char> FormulaStarts = System.Buffers.SearchValues.Create("=+-@\t\r");

    /// <summary>One sheet without a heading: a header row from the rows' keys, then one row per dictionary.</summary>
    public static byte[] Write(IEnumerable<IReadOnlyDictionary<string, object?>> rows, string? sheetName = null) =>
        Write(null, rows, sheetName);

    /// <summary>One sheet: the <paramref name="heading"/> of the export, the header row from the rows' keys, one row per dictionary.</summary>
    public static byte[] Write(SheetHeading? heading, IEnumerable<IReadOnlyDictionary<string, object?>> rows, string? sheetName = null) =>
        WriteSheets([(sheetName ?? DefaultSheetName, heading, rows)]);

    /// <summary>
    /// One sheet of a list: the <paramref name="heading"/>, a header row naming the <paramref name="columns"/> (their catalog
    /// keys in the reader's language), in order, then one row per record. With <paramref name="markEmpty"/>, a list without
    /// records says so (无数据) under its first header, which a sheet without rows would not show.
    /// </summary>
    public static byte[] Write<TRow>(SheetHeading heading, IEnumerable<TRow> rows, IReadOnlyList<ExportColumn<TRow>> columns, string sheetName, bool markEmpty = false)
    {
        var culture = CultureInfo.CurrentUICulture;
        var headers = columns.Select(c => TextCatalog.Instance.Get(c.HeadingKey, culture)).ToList();
        var table = rows.Select(row =>
        {
            var cells = new Dictionary<string, object?>();
            for (var c = 0; c < columns.Count; c++)
            {
                cells[headers[c]] = columns[c].Cell(row);
            }

            return cells;
        }).ToList();
        if (markEmpty && table.Count == 0)
        {
            table.Add(new Dictionary<string, object?> { [headers[0]] = TextCatalog.Instance.Get("Common.NoData", culture) });
        }

        return Write(heading, table, sheetName);
    }

    /// <summary>Several sheets, in order, each with its header row (no heading: an import template, a form to fill in).</summary>
    public static byte[] Write(IReadOnlyList<(string Name, IEnumerable<IReadOnlyDictionary<string, object?>> Rows)> sheets) =>
        WriteSheets([.. sheets.Select(s => (s.Name, (SheetHeading?)null, s.Rows))]);

    /// <summary>The text as a spreadsheet must receive it: with a leading apostrophe when it would start a formula.</summary>
    public static string Text(string text) =>
        text.Length > 0 && FormulaStarts.Contains(text[0]) ? "'" + text : text;

    /// <summary>How many columns of the default font the text takes: a Chinese (wide) character counts twice.</summary>
    public static int DisplayWidth(string text)
    {
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += IsWide(rune.Value) ? 2 : 1;
        }

        return width;
    }

    private static bool IsWide(int c) =>
        c is (>= 0x1100 and <= 0x115F) or (>= 0x2E80 and <= 0xA4CF) or (>= 0xAC00 and <= 0xD7A3) or (>= 0xF900 and <= 0xFAFF)
            or (>= 0xFE30 and <= 0xFE4F) or (>= 0xFF00 and <= 0xFF60) or (>= 0xFFE0 and <= 0xFFE6) or (>= 0x20000 and <= 0x3FFFD);

    private static byte[] WriteSheets(IReadOnlyList<(string Name, SheetHeading? Heading, IEnumerable<IReadOnlyDictionary<string, object?>> Rows)> sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = CellStyles.Stylesheet();
            var strings = new SharedStrings();
            var sheetList = new Sheets();
            var printTitles = new DefinedNames();
            for (var i = 0; i < sheets.Count; i++)
            {
                var (name, heading, rows) = sheets[i];
                var part = workbook.AddNewPart<WorksheetPart>();
                var headerRow = WriteSheet(part, heading, rows, strings);
                sheetList.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)(i + 1), Name = name });
                printTitles.Append(new DefinedName($"'{name.Replace("'", "''", StringComparison.Ordinal)}'!${headerRow}:${headerRow}")
                {
                    Name = "_xlnm.Print_Titles",
                    LocalSheetId = (uint)i,
                });
            }

            workbook.AddNewPart<SharedStringTablePart>().SharedStringTable = strings.Table;
            workbook.Workbook = new Workbook(sheetList, printTitles);
        }

        return stream.ToArray();
    }

    /// <summary>Writes the sheet and answers the number of its header row.</summary>
    private static uint WriteSheet(WorksheetPart part, SheetHeading? heading, IEnumerable<IReadOnlyDictionary<string, object?>> rows, SharedStrings strings)
    {
        var table = rows.ToList();
        var headers = new List<string>();
        foreach (var key in table.SelectMany(r => r.Keys).Where(k => !headers.Contains(k)))
        {
            headers.Add(key);
        }

        var widths = headers.Select(h => Fit(DisplayWidth(Text(h)))).ToArray();
        var cells = table.Select(row => headers.Select((h, c) =>
        {
            var cell = Typed(row.TryGetValue(h, out var value) ? value : null);
            widths[c] = Math.Max(widths[c], Fit(cell.Width));
            return cell;
        }).ToList()).ToList();
        var columns = Math.Max(headers.Count, 1);
        var pageWidth = widths.Sum();

        var data = new SheetData();
        var merges = new MergeCells();
        uint rowNumber = 0;
        if (heading is not null)
        {
            rowNumber++;
            data.Append(HeadingRow(rowNumber, heading.Title, CellStyles.Title, 2 * LineHeight, strings));
            Merge(merges, rowNumber, columns);
            foreach (var line in heading.Lines)
            {
                rowNumber++;
                var lines = Math.Max(1, (int)Math.Ceiling(DisplayWidth(line) / Math.Max(pageWidth, MaxColumnWidth)));
                data.Append(HeadingRow(rowNumber, line, CellStyles.Info, lines * LineHeight, strings));
                Merge(merges, rowNumber, columns);
            }
        }

        var headerRow = ++rowNumber;
        data.Append(new Row(headers.Select((h, c) => strings.Cell(Reference(c, headerRow), Text(h), CellStyles.Header))) { RowIndex = headerRow });
        foreach (var line in cells)
        {
            rowNumber++;
            var row = new Row { RowIndex = rowNumber };

            // Spreadsheets do not grow a row for wrapped text on opening (LibreOffice overprints the next row): give it the lines.
            var lines = line.Select((cell, c) => cell.Lines(widths[c])).DefaultIfEmpty(1).Max();
            if (lines > 1)
            {
                row.Height = lines * LineHeight;
                row.CustomHeight = true;
            }

            for (var c = 0; c < line.Count; c++)
            {
                if (line[c].ToCell(Reference(c, rowNumber), strings) is { } cell)
                {
                    row.Append(cell);
                }
            }

            data.Append(row);
        }

        var worksheet = new Worksheet(
            new SheetProperties(new PageSetupProperties { FitToPage = true }),
            new SheetViews(new SheetView(
                new Pane
                {
                    VerticalSplit = headerRow,
                    TopLeftCell = Reference(0, headerRow + 1),
                    ActivePane = PaneValues.BottomLeft,
                    State = PaneStateValues.Frozen,
                },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = Reference(0, headerRow + 1), SequenceOfReferences = new ListValue<StringValue>([Reference(0, headerRow + 1)]) })
            {
                WorkbookViewId = 0,
            }),
            new SheetFormatProperties { DefaultRowHeight = LineHeight });
        if (widths.Length > 0)
        {
            worksheet.Append(new Columns(widths.Select((w, c) => new Column { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = w, CustomWidth = true })));
        }

        worksheet.Append(data);
        if (merges.HasChildren)
        {
            worksheet.Append(merges);
        }

        worksheet.Append(
            new PrintOptions { HorizontalCentered = true },
            new PageMargins { Left = 0.4, Right = 0.4, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 },
            new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 },
            new HeaderFooter(new OddFooter("&C" + TextCatalog.Instance.Get("Export.PageFooter", CultureInfo.CurrentUICulture))));
        part.Worksheet = worksheet;
        return headerRow;
    }

    private static double Fit(int displayWidth) => Math.Clamp(displayWidth + 2, MinColumnWidth, MaxColumnWidth);

    private static Row HeadingRow(uint number, string text, uint style, double height, SharedStrings strings) =>
        new(strings.Cell(Reference(0, number), Text(text), style)) { RowIndex = number, Height = height, CustomHeight = true };

    private static void Merge(MergeCells merges, uint row, int columns)
    {
        if (columns > 1)
        {
            merges.Append(new MergeCell { Reference = $"{Reference(0, row)}:{Reference(columns - 1, row)}" });
        }
    }

    /// <summary>The A1 reference of a cell: column index from 0, row number from 1.</summary>
    private static string Reference(int column, uint row)
    {
        var letters = "";
        for (var c = column + 1; c > 0; c = (c - 1) / 26)
        {
            letters = (char)('A' + ((c - 1) % 26)) + letters;
        }

        return letters + row.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>A cell's value as written: text made inert; numbers, amounts, dates and yes/no typed and formatted.</summary>
    private static TypedCell Typed(object? value) => value switch
    {
        null => new TypedCell(CellKind.Empty, "", 0),
        string text => TypedCell.OfText(Text(text)),
        char c => TypedCell.OfText(Text(c.ToString())),
        bool b => new TypedCell(CellKind.Boolean, b ? "1" : "0", 5),
        decimal d => new TypedCell(CellKind.Number, d.ToString(CultureInfo.InvariantCulture), d.ToString("#,##0.00", CultureInfo.InvariantCulture).Length, CellStyles.Amount),
        DateOnly d => TypedCell.OfDate(d.ToDateTime(TimeOnly.MinValue), time: false),
        DateTime d => TypedCell.OfDate(d, time: d.TimeOfDay != TimeSpan.Zero),
        DateTimeOffset d => TypedCell.OfDate(d.ToOffset(ChinaTime.Offset).DateTime, time: true),
        double d when !double.IsFinite(d) => TypedCell.OfText(d.ToString(CultureInfo.InvariantCulture)),
        float f when !float.IsFinite(f) => TypedCell.OfText(f.ToString(CultureInfo.InvariantCulture)),
        sbyte or byte or short or ushort or int or uint or long or ulong or float or double or Int128 or UInt128 or Half =>
            TypedCell.OfNumber(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture)),
        Enum e => TypedCell.OfText(Text(e.ToString())),
        IFormattable formattable => TypedCell.OfText(Text(formattable.ToString(null, CultureInfo.InvariantCulture))),
        _ => TypedCell.OfText(Text(value.ToString() ?? "")),
    };

    private enum CellKind
    {
        Empty,
        Text,
        Number,
        Boolean,
    }

    private readonly record struct TypedCell(CellKind Kind, string Value, int Width, uint Style = CellStyles.Body)
    {
        public static TypedCell OfText(string text) =>
            new(CellKind.Text, text, text.Split('\n').Max(DisplayWidth));

        /// <summary>How many lines the cell's text takes in a column of the width (wrapped at its edge, and at each line break).</summary>
        public int Lines(double columnWidth) => Kind != CellKind.Text
            ? 1
            : Value.Split('\n').Sum(part => Math.Max(1, (int)Math.Ceiling(DisplayWidth(part) / Math.Max(columnWidth - 1, 1))));

        public static TypedCell OfNumber(string number) => new(CellKind.Number, number, number.Length);

        public static TypedCell OfDate(DateTime value, bool time) =>
            new(CellKind.Number, value.ToOADate().ToString(CultureInfo.InvariantCulture), time ? 16 : 10, time ? CellStyles.DateTime : CellStyles.Date);

        public Cell? ToCell(string reference, SharedStrings strings) => Kind switch
        {
            CellKind.Empty => null,
            CellKind.Text => strings.Cell(reference, Value, Style),
            CellKind.Boolean => new Cell { CellReference = reference, DataType = CellValues.Boolean, CellValue = new CellValue(Value), StyleIndex = Style },
            _ => new Cell { CellReference = reference, CellValue = new CellValue(Value), StyleIndex = Style },
        };
    }

    /// <summary>The workbook's table of texts: each distinct text stored once, cells refer to it by index.</summary>
    private sealed class SharedStrings
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

        public SharedStringTable Table { get; } = new();

        public Cell Cell(string reference, string text, uint style)
        {
            if (!_index.TryGetValue(text, out var index))
            {
                index = _index.Count;
                _index[text] = index;
                Table.Append(new SharedStringItem(new DocumentFormat.OpenXml.Spreadsheet.Text(text) { Space = SpaceProcessingModeValues.Preserve }));
            }

            return new Cell
            {
                CellReference = reference,
                DataType = CellValues.SharedString,
                CellValue = new CellValue(index.ToString(CultureInfo.InvariantCulture)),
                StyleIndex = style,
            };
        }
    }

    /// <summary>The cell formats, by their index in the stylesheet.</summary>
    private static class CellStyles
    {
        public const uint Title = 1;
        public const uint Info = 2;
        public const uint Header = 3;
        public const uint Body = 4;
        public const uint Amount = 5;
        public const uint Date = 6;
        public const uint DateTime = 7;

        private const uint DateFormat = 164;
        private const uint DateTimeFormat = 165;

        /// <summary>Built-in number format <c>#,##0.00</c>.</summary>
        private const uint AmountFormat = 4;

        public static Stylesheet Stylesheet() => new(
            new NumberingFormats(
                new NumberingFormat { NumberFormatId = DateFormat, FormatCode = "yyyy-mm-dd" },
                new NumberingFormat { NumberFormatId = DateTimeFormat, FormatCode = "yyyy-mm-dd hh:mm" }),
            new Fonts(Font(11, bold: false), Font(11, bold: true), Font(16, bold: true), Font(10, bold: false)),
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFE8E8E8" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid })),
            new Borders(
                new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
                new Border(Thin<LeftBorder>(), Thin<RightBorder>(), Thin<TopBorder>(), Thin<BottomBorder>(), new DiagonalBorder())),
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }),
            new CellFormats(
                new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
                Format(0, font: 2, fill: 0, border: 0, HorizontalAlignmentValues.Center, wrap: false),
                Format(0, font: 3, fill: 0, border: 0, HorizontalAlignmentValues.Left, wrap: true),
                Format(0, font: 1, fill: 2, border: 1, HorizontalAlignmentValues.Center, wrap: true),
                Format(0, font: 0, fill: 0, border: 1, HorizontalAlignmentValues.General, wrap: true),
                Format(AmountFormat, font: 0, fill: 0, border: 1, HorizontalAlignmentValues.Right, wrap: false),
                Format(DateFormat, font: 0, fill: 0, border: 1, HorizontalAlignmentValues.Center, wrap: false),
                Format(DateTimeFormat, font: 0, fill: 0, border: 1, HorizontalAlignmentValues.Center, wrap: false)),
            new DocumentFormat.OpenXml.Spreadsheet.CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }));

        private static Font Font(double size, bool bold)
        {
            var font = new Font();
            if (bold)
            {
                font.Append(new Bold());
            }

            font.Append(new FontSize { Val = size }, new FontName { Val = "等线" }, new FontCharSet { Val = 134 });
            return font;
        }

        private static T Thin<T>()
            where T : BorderPropertiesType, new() => new() { Style = BorderStyleValues.Thin, Color = new Color { Indexed = 64 } };

        private static CellFormat Format(uint numberFormat, uint font, uint fill, uint border, HorizontalAlignmentValues horizontal, bool wrap) => new(
            new Alignment { Horizontal = horizontal, Vertical = VerticalAlignmentValues.Center, WrapText = wrap })
        {
            NumberFormatId = numberFormat,
            FontId = font,
            FillId = fill,
            BorderId = border,
            FormatId = 0,
            ApplyNumberFormat = numberFormat != 0,
            ApplyFont = true,
            ApplyFill = fill != 0,
            ApplyBorder = border != 0,
            ApplyAlignment = true,
        };
    }
}

/// <summary>
/// What an exported table is, printed above its header row: the <paramref name="Title"/> (整改台账), then
/// <paramref name="Lines"/> in words — the organ, the filters applied, when and by whom it was exported
/// (<see cref="ExportHeadings"/> makes them).
/// </summary>
public sealed record SheetHeading(string Title, IReadOnlyList<string> Lines);
