using Qingfeng.Features.Clues.Documents;
using Qingfeng.Tests.Platform.Documents;
using Xunit;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Qingfeng.Tests.Features.Clues.Documents;

public sealed class CaseFilingApprovalFormTests
{
    private static IReadOnlyList<string> FirstCells(DocxInspection docx) =>
        [.. Assert.Single(docx.Tables).Elements<W.TableRow>().Select(r => DocxInspection.TextOf(r.Elements<W.TableCell>().First().Elements<W.Paragraph>().First()))];

    [Fact]
    public void The_form_prints_the_person_the_facts_and_the_basis()
    {
        using var docx = new DocxInspection(ClueDocumentSamples.Filing().ToDocx());

        Assert.Equal("Title", DocxInspection.StyleOf(docx.ParagraphWith("立案审批表")));
        foreach (var text in new[] { "张三", "男", "1975年6月", "中共党员", "正科级", "县委管理", "涉嫌违纪违法的主要事实", "为其妻弟实际控制的企业承揽工程", "立案依据", "《中华人民共和国监察法》第三十九条" })
        {
            Assert.Contains(text, docx.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_same_level_party_secretary_row_is_added_when_the_chain_lacks_it()
    {
        using var docx = new DocxInspection(ClueDocumentSamples.Filing().ToDocx());

        Assert.Equal(["承办部门意见", "承办室负责人意见", "分管副书记意见", "书记意见", "同级党委主要负责人意见"], FirstCells(docx).Skip(7));
    }

    [Fact]
    public void The_same_level_party_secretary_row_is_not_repeated()
    {
        var form = ClueDocumentSamples.Filing([new ApprovalStep("书记"), new ApprovalStep("同级党委主要负责人")]);

        Assert.Equal(2, form.PrintedApprovals.Count);
    }

    [Fact]
    public void The_party_secretary_row_is_left_out_when_not_required()
    {
        var form = ClueDocumentSamples.Filing() with { RequiresPartySecretaryApproval = false };

        Assert.DoesNotContain(form.PrintedApprovals, a => a.Role == CaseFilingApprovalForm.PartySecretaryRole);
    }
}
