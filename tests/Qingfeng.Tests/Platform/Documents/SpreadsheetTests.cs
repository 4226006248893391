using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using MiniExcelLibs;
using Qingfeng.Features.Rectification;
using Qingfeng.Platform.Documents;
using Xunit;

namespace Qingfeng.Tests.Platform.Documents;

/// <summary>Formula-like text leaves every spreadsheet as inert text (OWASP, CSV injection); typed values stay typed.</summary>
public sealed class SpreadsheetTests
{
    [Theory]
    [InlineData("=1+1")]
    [InlineData("=cmd|' /C calc'!A0")]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"点我\")")]
    [InlineData("+1+1")]
    [InlineData("-1+1")]
    [InlineData("@SUM(A1:A2)")]
    [InlineData("\t=1+1")]
    [InlineData("\r=1+1")]
    public void Text_that_a_spreadsheet_would_evaluate_gets_a_leading_apostrophe_in_the_file(string text)
    {
        Assert.Equal("'" + text, Spreadsheet.Text(text));

        var cell = ReadBack(Spreadsheet.Write([new Dictionary<string, object?> { ["职务"] = text }]))[0]["职务"];

        var written = Assert.IsType<string>(cell);
        Assert.StartsWith("'", written, StringComparison.Ordinal);
        Assert.EndsWith(text.TrimStart('\t', '\r'), written, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("县委书记")]
    [InlineData("1+1")]
    [InlineData("a=b")]
    [InlineData(" =1+1")]
    [InlineData("'=already text")]
    [InlineData("2026-01-15")]
    [InlineData("")]
    public void Other_text_is_written_as_it_is(string text) => Assert.Equal(text, Spreadsheet.Text(text));

    [Fact]
    public void Numbers_stay_numbers_and_headers_are_made_inert_too()
    {
        var bytes = Spreadsheet.Write(
        [
            new Dictionary<string, object?> { ["=名称"] = "-负数说明", ["数量"] = -5, ["金额"] = 12.5m, ["缺"] = null },
        ]);

        var row = ReadBack(bytes)[0];
        Assert.Equal("'-负数说明", row["'=名称"]);
        Assert.Equal(-5d, Assert.IsType<double>(row["数量"]));
        Assert.Equal(12.5d, Assert.IsType<double>(row["金额"]));
        Assert.Null(row["缺"]);
    }

    [Fact]
    public void Several_sheets_are_written_in_order_and_each_is_made_inert()
    {
        var bytes = Spreadsheet.Write(
        [
            ("第一", [new Dictionary<string, object?> { ["列"] = "=1" }]),
            ("第二", [new Dictionary<string, object?> { ["列"] = "@2" }]),
        ]);

        using var stream = new MemoryStream(bytes);
        Assert.Equal(["第一", "第二"], stream.GetSheetNames());
        Assert.Equal("'@2", ((IDictionary<string, object?>)stream.Query(useHeaderRow: true, sheetName: "第二").First())["列"]);
    }

    private static List<IDictionary<string, object?>> ReadBack(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return [.. stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>()];
    }

    private static readonly SheetHeading Heading = new("整改台账", ["导出机关：开阳县纪委监委", "筛选条件：状态：整改中", "导出时间：2026-12-07 09:30:00（北京时间）　导出人：张三"]);

    [Fact]
    public void The_heading_rows_stand_above_the_header_row_which_is_frozen_and_repeated_on_every_printed_page()
    {
        var bytes = Spreadsheet.Write(Heading, [Ledger("县财政局", "专项资金未按期拨付", 0m)], "整改台账");

        using var document = Open(bytes);
        var sheet = FirstSheet(document);
        Assert.Equal(["整改台账"], Row(document, sheet, 1));
        Assert.Equal(Heading.Lines, [.. Enumerable.Range(2, 3).Select(r => Assert.Single(Row(document, sheet, (uint)r)))]);
        Assert.Equal(["单位", "问题", "整改期限", "金额"], Row(document, sheet, 5));
        Assert.Equal(["县财政局", "专项资金未按期拨付"], Row(document, sheet, 6)[..2]);

        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(5d, pane.VerticalSplit!.Value);
        Assert.Equal("A6", pane.TopLeftCell!.Value);

        var printTitles = document.WorkbookPart!.Workbook!.Descendants<DefinedName>().Single(n => n.Name == "_xlnm.Print_Titles");
        Assert.Equal("'整改台账'!$5:$5", printTitles.Text);
        Assert.Equal(0u, printTitles.LocalSheetId!.Value);
    }

    [Fact]
    public void A_sheet_prints_landscape_fitted_to_the_page_width_with_page_numbers()
    {
        using var document = Open(Spreadsheet.Write(Heading, [Ledger("县财政局", "问题", 1m)]));
        var sheet = FirstSheet(document);

        var setup = sheet.Descendants<PageSetup>().Single();
        Assert.Equal(OrientationValues.Landscape, setup.Orientation!.Value);
        Assert.Equal(1u, setup.FitToWidth!.Value);
        Assert.Equal(0u, setup.FitToHeight!.Value);
        Assert.True(sheet.Descendants<PageSetupProperties>().Single().FitToPage!.Value);
        Assert.Contains("&P", sheet.Descendants<OddFooter>().Single().Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Columns_are_as_wide_as_their_text_with_a_Chinese_character_counted_twice_and_long_text_wraps()
    {
        var problem = string.Concat(Enumerable.Repeat("专项资金未按期拨付到位", 10));
        using var document = Open(Spreadsheet.Write(Heading,
        [
            new Dictionary<string, object?> { ["是否一把手"] = "是", ["abcde"] = "x", ["问题"] = problem },
        ]));
        var widths = FirstSheet(document).Descendants<Column>().Select(c => c.Width!.Value).ToArray();

        // Excel's default column is 8.43 characters: "是否一把手" needs 10 of them, "abcde" 5.
        Assert.True(widths[0] >= 10, $"A Chinese header of five characters got {widths[0]}.");
        Assert.True(widths[0] > widths[1], "Chinese characters were not counted double.");
        Assert.Equal(Spreadsheet.MaxColumnWidth, widths[2]);
        var format = CellFormatOf(document, "C6");
        Assert.True(format.Alignment!.WrapText!.Value);
        var wrapped = FirstSheet(document).Descendants<Row>().Single(r => r.RowIndex!.Value == 6);
        Assert.True(wrapped.Height!.Value >= 3 * 15, $"A text of 220 columns in a column of 40 needs six lines, the row is {wrapped.Height.Value} high.");
        Assert.Equal(20, Spreadsheet.DisplayWidth("专项资金未按期拨付到"));
        Assert.Equal(4, Spreadsheet.DisplayWidth("a，b"));
    }

    [Fact]
    public void Dates_are_written_as_dates_and_amounts_as_numbers_with_two_decimals()
    {
        using var document = Open(Spreadsheet.Write(Heading, [Ledger("县财政局", "问题", 1234.5m)]));

        Assert.Equal("yyyy-mm-dd", NumberFormatOf(document, "C6"));
        Assert.Equal(new DateOnly(2026, 12, 31).ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture), CellOf(document, "C6").CellValue!.Text);
        Assert.Equal(4u, CellFormatOf(document, "D6").NumberFormatId!.Value);
        Assert.Equal("1234.5", CellOf(document, "D6").CellValue!.Text);
    }

    [Fact]
    public void A_sheet_without_a_heading_keeps_its_header_in_the_first_row()
    {
        var rows = ReadBack(Spreadsheet.Write([new Dictionary<string, object?> { ["姓名"] = "林晓峰" }]));

        Assert.Equal("林晓峰", Assert.Single(rows)["姓名"]);
    }

    [Fact]
    public void The_filters_of_a_list_query_are_named_in_words_and_paging_is_left_out()
    {
        var zh = CultureInfo.GetCultureInfo("zh-CN");
        var query = new RectificationQuery { State = RectificationState.Open, PrincipalOnly = true, DueFrom = new DateOnly(2026, 1, 1), Page = 3, Sort = "unit" };

        var filters = ExportHeadings.Filters(query, zh);

        Assert.Equal(3, filters.Count);
        Assert.Contains(filters, f => f.StartsWith(Qingfeng.Platform.Ui.TextCatalog.Instance.Get("Field.State", zh) + "：", StringComparison.Ordinal)
            && f.EndsWith(Qingfeng.Platform.Ui.EnumText.Label(RectificationState.Open, zh), StringComparison.Ordinal));
        Assert.Contains(filters, f => f.EndsWith("：是", StringComparison.Ordinal));
        Assert.Contains(filters, f => f.EndsWith("：2026-01-01", StringComparison.Ordinal));
        Assert.Empty(ExportHeadings.Filters(new RectificationQuery { Page = 2 }, zh));
    }

    [Fact]
    public void A_list_has_one_column_per_declared_column_in_order_headed_and_filled_in_the_readers_language()
    {
        var zh = CultureInfo.GetCultureInfo("zh-CN");
        IReadOnlyList<ExportColumn<(string Unit, DateOnly? DueOn, bool Principal)>> columns =
        [
            new("Field.Unit", r => r.Unit),
            new("Field.DueOn", r => ExportCell.Day(r.DueOn)),
            new("Field.IsPrincipal", r => ExportCell.YesNo(r.Principal)),
        ];
        (string Unit, DateOnly? DueOn, bool Principal)[] rows = [("县财政局", new DateOnly(2026, 3, 1), true), ("县教育局", null, false)];

        using var document = Open(InCulture(zh, () => Spreadsheet.Write(Heading, rows, columns, "整改台账")));

        var sheet = FirstSheet(document);
        Assert.Equal([.. columns.Select(c => Qingfeng.Platform.Ui.TextCatalog.Instance.Get(c.HeadingKey, zh))], Row(document, sheet, 5));
        Assert.Equal(["县财政局", "2026-03-01", "是"], Row(document, sheet, 6));
        Assert.Equal(["县教育局", "否"], Row(document, sheet, 7));
        Assert.Equal("整改台账", document.WorkbookPart!.Workbook!.Descendants<Sheet>().Single().Name!.Value);
    }

    [Fact]
    public void An_empty_list_marked_empty_says_so_under_its_first_header()
    {
        var zh = CultureInfo.GetCultureInfo("zh-CN");
        IReadOnlyList<ExportColumn<string>> columns = [new("Field.Name", name => name), new("Field.Unit", _ => "县财政局")];

        using var document = Open(InCulture(zh, () => Spreadsheet.Write(Heading, Array.Empty<string>(), columns, "干部查询", markEmpty: true)));

        var sheet = FirstSheet(document);
        Assert.Equal([Qingfeng.Platform.Ui.TextCatalog.Instance.Get("Field.Name", zh)], Row(document, sheet, 5));
        Assert.Equal([Qingfeng.Platform.Ui.TextCatalog.Instance.Get("Common.NoData", zh)], Row(document, sheet, 6));
    }

    private static T InCulture<T>(CultureInfo culture, Func<T> action)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return action();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static Dictionary<string, object?> Ledger(string unit, string problem, decimal amount) => new()
    {
        ["单位"] = unit,
        ["问题"] = problem,
        ["整改期限"] = new DateOnly(2026, 12, 31),
        ["金额"] = amount,
    };

    private static SpreadsheetDocument Open(byte[] bytes) => SpreadsheetDocument.Open(new MemoryStream(bytes), false);

    private static Worksheet FirstSheet(SpreadsheetDocument document) => document.WorkbookPart!.WorksheetParts.Single().Worksheet!;

    private static string[] Row(SpreadsheetDocument document, Worksheet sheet, uint number) =>
        [.. sheet.Descendants<Row>().Single(r => r.RowIndex!.Value == number).Elements<Cell>().Select(c => TextOf(document, c))];

    private static Cell CellOf(SpreadsheetDocument document, string reference) =>
        FirstSheet(document).Descendants<Cell>().Single(c => c.CellReference == reference);

    private static CellFormat CellFormatOf(SpreadsheetDocument document, string reference) =>
        document.WorkbookPart!.WorkbookStylesPart!.Stylesheet!.CellFormats!.Elements<CellFormat>().ElementAt((int)CellOf(document, reference).StyleIndex!.Value);

    private static string? NumberFormatOf(SpreadsheetDocument document, string reference)
    {
        var id = CellFormatOf(document, reference).NumberFormatId!.Value;
        return document.WorkbookPart!.WorkbookStylesPart!.Stylesheet!.NumberingFormats?.Elements<NumberingFormat>().SingleOrDefault(f => f.NumberFormatId! == id)?.FormatCode;
    }

    private static string TextOf(SpreadsheetDocument document, Cell cell) =>
        cell.DataType?.Value == CellValues.SharedString
            ? document.WorkbookPart!.SharedStringTablePart!.SharedStringTable!.Elements<SharedStringItem>().ElementAt(int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)).InnerText
            : cell.CellValue?.Text ?? "";
}
