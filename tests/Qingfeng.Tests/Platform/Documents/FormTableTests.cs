using Qingfeng.Platform.Documents;
using Xunit;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Qingfeng.Tests.Platform.Documents;

public sealed class FormTableTests
{
    private static DocxInspection Render(FormTable table) =>
        new(new OfficialDocument().WithoutPageNumbers().Title("审批表").Table(table).ToBytes());

    [Fact]
    public void The_table_spans_the_full_text_width_on_a_four_column_grid()
    {
        using var docx = Render(new FormTable().Fields("线索编号", "KY-1", "收件日期", null).Field("被反映人", "张三"));

        var table = Assert.Single(docx.Tables);
        var columns = table.GetFirstChild<W.TableGrid>()!.Elements<W.GridColumn>().Select(c => int.Parse(c.Width!.Value!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(4, columns.Count);
        Assert.Equal(OfficialDocument.TextWidth, columns.Sum());
        var rows = table.Elements<W.TableRow>().ToList();
        Assert.Equal(4, rows[0].Elements<W.TableCell>().Count());
        Assert.Equal(3, rows[1].Elements<W.TableCell>().Last().TableCellProperties!.GridSpan!.Val!.Value);
        Assert.Equal(W.BorderValues.Single, table.GetFirstChild<W.TableProperties>()!.TableBorders!.InsideVerticalBorder!.Val!.Value);
    }

    [Fact]
    public void Labels_use_the_label_style_and_missing_values_show_a_blank()
    {
        using var docx = Render(new FormTable().Fields("线索编号", "KY-1", "收件日期", null));

        Assert.Equal("QfFormLabel", DocxInspection.StyleOf(docx.ParagraphWith("线索编号")));
        Assert.Contains("＿＿＿＿", docx.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_open_opinion_shows_the_signature_placeholder()
    {
        using var docx = Render(new FormTable().Opinion("书记意见", null, null, null));

        Assert.Contains(FormTable.SignaturePlaceholder, docx.Text, StringComparison.Ordinal);
        Assert.Equal(W.JustificationValues.Right, docx.ParagraphWith("签名：").ParagraphProperties!.Justification!.Val!.Value);
    }

    [Fact]
    public void A_recorded_opinion_shows_the_opinion_the_signer_and_the_date()
    {
        using var docx = Render(new FormTable().Opinion("书记意见", "同意。", "李四", new DateOnly(2026, 3, 2)));

        Assert.Contains("同意。", docx.Text, StringComparison.Ordinal);
        Assert.Contains("签名：李四　　2026年3月2日", docx.Text, StringComparison.Ordinal);
        docx.AssertValid();
    }
}
