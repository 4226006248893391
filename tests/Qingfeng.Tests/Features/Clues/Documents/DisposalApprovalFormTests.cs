using Qingfeng.Tests.Platform.Documents;
using Xunit;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Qingfeng.Tests.Features.Clues.Documents;

public sealed class DisposalApprovalFormTests
{
    private static IReadOnlyList<string> FirstCells(DocxInspection docx) =>
        [.. Assert.Single(docx.Tables).Elements<W.TableRow>().Select(r => DocxInspection.TextOf(r.Elements<W.TableCell>().First().Elements<W.Paragraph>().First()))];

    [Fact]
    public void The_form_has_a_title_and_one_row_per_item_and_approval_step()
    {
        using var docx = new DocxInspection(ClueDocumentSamples.Disposal().ToDocx());

        Assert.Equal("Title", DocxInspection.StyleOf(docx.ParagraphWith("问题线索处置审批表")));
        Assert.Equal(
            ["线索编号", "被反映人", "单位及职务", "干部管理权限", "反映的主要问题", "承办部门意见",
             "承办室负责人意见", "分管常委意见", "分管副书记意见", "书记意见"],
            FirstCells(docx));
    }

    [Fact]
    public void The_form_prints_the_clue_the_person_and_the_proposal()
    {
        using var docx = new DocxInspection(ClueDocumentSamples.Disposal().ToDocx());

        foreach (var text in new[] { "KY-2026-0012", "2026年1月12日", "张三", "县交通运输局党组书记、局长", "县委管理", "信访举报（实名）", "第一监督检查室拟对该线索采取初步核实方式处置。", "理由：反映问题具体，具有可查性。" })
        {
            Assert.Contains(text, docx.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Recorded_steps_show_their_opinion_and_open_steps_show_blank_signatures()
    {
        using var docx = new DocxInspection(ClueDocumentSamples.Disposal().ToDocx());

        Assert.Contains("同意初步核实。", docx.Text, StringComparison.Ordinal);
        Assert.Contains("签名：赵六　　2026年1月20日", docx.Text, StringComparison.Ordinal);
        var placeholders = docx.Paragraphs.Count(p => DocxInspection.TextOf(p) == Qingfeng.Platform.Documents.FormTable.SignaturePlaceholder);
        Assert.Equal(4, placeholders); // 承办部门, 分管常委, 分管副书记, 书记
    }

    [Fact]
    public void A_principal_leader_adds_the_stricter_approval_note()
    {
        using var docx = new DocxInspection(ClueDocumentSamples.Disposal(principalLeader: true).ToDocx());

        Assert.Contains("一把手事项", FirstCells(docx));
        Assert.Contains("须报经同级党委主要负责人批准", docx.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ordinary_official_has_no_principal_leader_row()
    {
        using var docx = new DocxInspection(ClueDocumentSamples.Disposal(principalLeader: false).ToDocx());

        Assert.DoesNotContain("一把手事项", FirstCells(docx));
        Assert.DoesNotContain("同级党委主要负责人", docx.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_note_for_a_talk_or_inquiry_names_the_commission_leader()
    {
        var form = ClueDocumentSamples.Disposal(principalLeader: true) with { ProposedMethod = "谈话函询" };

        Assert.Contains("由纪委主要负责人批准", form.PrincipalLeaderNote, StringComparison.Ordinal);
    }
}
