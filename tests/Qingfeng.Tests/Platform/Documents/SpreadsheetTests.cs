using MiniExcelLibs;
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
}
