using System.Globalization;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Qingfeng.Features.Rectification;
using Qingfeng.IntegrationTests.Infrastructure;
using Qingfeng.Platform.Documents;
using Qingfeng.Platform.Ui;
using Xunit;

namespace Qingfeng.IntegrationTests.Platform.Documents;

/// <summary>An export that prints: the ledger's workbook names what it is, for whom and how it was filtered, and its columns fit.</summary>
public sealed class ExportLayoutTests(SharedApps apps)
{
    [Fact]
    public async Task The_rectification_export_has_a_title_row_naming_the_ledger_and_columns_fitted_to_the_Chinese_headers()
    {
        var app = await apps.GetAsync(Provider.Sqlite);
        var client = await app.ClientForAsync(TestUsers.KaiyangSupervision.UserName);
        var zh = CultureInfo.GetCultureInfo("zh-CN");

        var response = await client.GetAsync("/api/v1/rectification/export?state=Open");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)), false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet!;
        var texts = document.WorkbookPart.SharedStringTablePart!.SharedStringTable!.Elements<SharedStringItem>().Select(i => i.InnerText).ToList();
        string Text(Cell cell) => texts[int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)];
        var rows = sheet.Descendants<Row>().ToDictionary(r => r.RowIndex!.Value, r => r.Elements<Cell>().ToList());

        Assert.Equal("整改台账", Text(Assert.Single(rows[1])));
        var heading = string.Join("\n", Enumerable.Range(2, 3).Select(r => Text(Assert.Single(rows[(uint)r]))));
        Assert.Contains(TestUsers.KaiyangSupervision.Organ, heading, StringComparison.Ordinal);
        Assert.Contains(TestUsers.KaiyangSupervision.UserName, heading, StringComparison.Ordinal);
        Assert.Contains(TextCatalog.Instance.Get("Field.State", zh) + "：" + EnumText.Label(RectificationState.Open, zh), heading, StringComparison.Ordinal);
        var headers = rows[5].Select(Text).ToList();
        Assert.Contains(TextCatalog.Instance.Get("Rectification.Field.Problem", zh), headers);

        var widths = sheet.Descendants<Column>().Select(c => c.Width!.Value).ToList();
        Assert.Equal(headers.Count, widths.Count);
        // Each column holds its header, a Chinese character counted twice (Excel's default of 8.43 would cut "整改问题").
        Assert.All(headers.Zip(widths), c => Assert.True(c.Second >= Spreadsheet.DisplayWidth(c.First), $"The column {c.First} is {c.Second} wide."));
        Assert.Contains(widths, w => w > 8.43);
        Assert.Equal(5d, sheet.Descendants<Pane>().Single().VerticalSplit!.Value);
        Assert.Equal(OrientationValues.Landscape, sheet.Descendants<PageSetup>().Single().Orientation!.Value);
    }
}
