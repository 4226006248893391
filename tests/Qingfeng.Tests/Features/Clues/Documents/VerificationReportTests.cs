using Qingfeng.Tests.Platform.Documents;
using Xunit;

namespace Qingfeng.Tests.Features.Clues.Documents;

public sealed class VerificationReportTests
{
    [Fact]
    public void The_report_has_the_six_parts_in_order()
    {
        using var docx = new DocxInspection(ClueDocumentSamples.Report().ToDocx());

        var headings = docx.Paragraphs.Where(p => DocxInspection.StyleOf(p) == "Heading1").Select(DocxInspection.TextOf).ToList();
        Assert.Equal(
            ["一、被核实人基本情况", "二、反映的主要问题", "三、核实的依据和过程", "四、核实的情况", "五、存在的疑点", "六、处置建议"],
            headings);
        Assert.Equal("Title", DocxInspection.StyleOf(docx.ParagraphWith("关于张三同志有关问题的初步核实情况报告")));
    }

    [Fact]
    public void Each_finding_has_its_own_second_level_heading_and_conclusion()
    {
        using var docx = new DocxInspection(ClueDocumentSamples.Report().ToDocx());

        Assert.Equal("Heading2", DocxInspection.StyleOf(docx.ParagraphWith("（一）关于为特定关系人承揽工程提供便利的问题")));
        Assert.Equal("Heading2", DocxInspection.StyleOf(docx.ParagraphWith("（二）关于收受购物卡的问题")));
        Assert.Contains("核实结论：基本属实", docx.Text, StringComparison.Ordinal);
        Assert.Contains("1.中标企业向张三妻弟转账", docx.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_team_member_has_a_signature_line()
    {
        using var docx = new DocxInspection(ClueDocumentSamples.Report().ToDocx());

        Assert.Contains("初步核实组成员签名：", docx.Text, StringComparison.Ordinal);
        Assert.Contains("组　长：王五\t签名：", docx.Text, StringComparison.Ordinal);
        Assert.Contains("成　员：钱七\t签名：", docx.Text, StringComparison.Ordinal);
        Assert.Contains("成　员：孙八\t签名：", docx.Text, StringComparison.Ordinal);
        Assert.Contains("2026年3月10日", docx.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void No_doubts_reads_none_and_missing_parts_show_blanks()
    {
        var report = ClueDocumentSamples.Report() with { Doubts = [], Process = null, Findings = [] };
        using var docx = new DocxInspection(report.ToDocx());

        Assert.Contains("五、存在的疑点\n无。", docx.Text, StringComparison.Ordinal);
        Assert.Contains("四、核实的情况\n＿＿＿＿", docx.Text, StringComparison.Ordinal);
    }
}
