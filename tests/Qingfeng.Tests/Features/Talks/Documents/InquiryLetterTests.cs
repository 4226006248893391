using Qingfeng.Tests.Features.Clues.Documents;
using Qingfeng.Tests.Platform.Documents;
using Xunit;

namespace Qingfeng.Tests.Features.Talks.Documents;

/// <summary>The one 函询通知书 of letters of inquiry: of a clue's 谈话函询 and of daily supervision.</summary>
public sealed class InquiryLetterTests
{
    [Fact]
    public void The_letter_names_the_official_the_matters_and_the_deadline()
    {
        using var docx = new DocxInspection(ClueDocumentSamples.Letter().ToDocx());

        Assert.Equal("Title", DocxInspection.StyleOf(docx.ParagraphWith("关于张三同志有关问题的函询通知")));
        Assert.Contains("县交通运输局党组书记、局长张三同志：", docx.Text, StringComparison.Ordinal);
        Assert.Contains("1.反映你在2024年县城区道路改造工程招标过程中", docx.Text, StringComparison.Ordinal);
        Assert.Contains("2.反映你2025年春节期间", docx.Text, StringComparison.Ordinal);
        Assert.Contains("于2026年2月27日前", docx.Text, StringComparison.Ordinal);
        Assert.Contains("联系人：王五　　联系电话：0851-87221234", docx.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_letter_is_headed_by_the_office_with_its_number()
    {
        using var docx = new DocxInspection(ClueDocumentSamples.Letter().ToDocx());

        Assert.Equal("中共开阳县纪委办公室", DocxInspection.TextOf(docx.Paragraphs[0]));
        Assert.Contains("机密\t开纪办函〔2026〕12号", docx.Text, StringComparison.Ordinal);
        Assert.Contains("2026年2月5日", docx.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_reply_is_countersigned_by_the_principal_leader_of_the_party_organisation()
    {
        using var docx = new DocxInspection(ClueDocumentSamples.Letter(principalLeader: false).ToDocx());

        Assert.Contains("经你所在党组织主要负责人签署意见后", docx.Text, StringComparison.Ordinal);
        Assert.Contains("不得一签了之", docx.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("直接密封报送", docx.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_principal_leader_sends_the_reply_directly()
    {
        using var docx = new DocxInspection(ClueDocumentSamples.Letter(principalLeader: true).ToDocx());

        Assert.Contains("鉴于你系所在党组织主要负责人", docx.Text, StringComparison.Ordinal);
        Assert.Contains("直接密封报送我委", docx.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("签署意见", docx.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_copies_go_to_the_party_organisation_leader_and_the_stationed_team()
    {
        using var docx = new DocxInspection(ClueDocumentSamples.Letter().ToDocx());

        Assert.Contains("抄送：县交通运输局党组主要负责人，县纪委监委派驻第三纪检监察组。", docx.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_contact_details_show_blanks()
    {
        var letter = ClueDocumentSamples.Letter() with { ContactPerson = null, ContactPhone = null, DocumentNumber = null };
        using var docx = new DocxInspection(letter.ToDocx());

        Assert.Contains("联系人：＿＿＿＿　　联系电话：＿＿＿＿", docx.Text, StringComparison.Ordinal);
        Assert.Contains("机密\t＿＿＿＿", docx.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_letter_of_a_clue_answers_a_report_and_one_of_daily_supervision_says_so()
    {
        using var onReport = new DocxInspection(ClueDocumentSamples.Letter().ToDocx());
        using var daily = new DocxInspection((ClueDocumentSamples.Letter() with { OnReport = false }).ToDocx());

        Assert.Contains("我委收到反映你有关问题的信访举报", onReport.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("信访举报", daily.Text, StringComparison.Ordinal);
        Assert.Contains("根据日常监督工作需要和有关规定", daily.Text, StringComparison.Ordinal);
    }
}
