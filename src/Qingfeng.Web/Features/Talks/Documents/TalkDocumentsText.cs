using Qingfeng.Platform.Documents;

namespace Qingfeng.Features.Talks.Documents;

/// <summary>谈话提纲: the outline of a talk, in official layout (plain head, secrecy mark).</summary>
public sealed record TalkOutlineDocument(string Organ, string OfficialName, string UnitAndPost, string TypeLabel, DateOnly PlannedOn, string? Place, string Talkers, string? Outline)
{
    public byte[] ToDocx()
    {
        var document = new OfficialDocument()
            .Marks("机密", null)
            .Title("与" + OfficialName + "同志" + TypeLabel + "提纲")
            .Line("谈话对象：" + OfficialName + "（" + UnitAndPost + "）")
            .Line("谈话时间：" + OfficialDocument.FormatDate(PlannedOn) + "　　地点：" + OfficialDocument.OrBlank(Place))
            .Line("谈话人：" + OfficialDocument.OrBlank(Talkers))
            .BlankLine();
        foreach (var line in OfficialDocument.Lines(Outline))
        {
            document.Paragraph(line);
        }

        return document.Signature(Organ, PlannedOn).ToBytes();
    }
}

/// <summary>谈话记录: who, when, where, why, the record, the official's statement, signed by both sides.</summary>
public sealed record TalkRecordDocument(
    string Organ,
    string OfficialName,
    string UnitAndPost,
    string TypeLabel,
    DateOnly? HeldOn,
    string? Place,
    string Talkers,
    string? Participants,
    string? Recorder,
    string? Record,
    string? Commitments,
    IReadOnlyList<string> FollowUps)
{
    public byte[] ToDocx()
    {
        var document = new OfficialDocument()
            .Marks("机密", null)
            .Title(TypeLabel + "记录")
            .Line("时间：" + (HeldOn is { } held ? OfficialDocument.FormatDate(held) : OfficialDocument.Blank) + "　　地点：" + OfficialDocument.OrBlank(Place))
            .Line("谈话人：" + OfficialDocument.OrBlank(Talkers))
            .Line("参加人：" + OfficialDocument.OrBlank(Participants) + "　　记录人：" + OfficialDocument.OrBlank(Recorder))
            .Line("谈话对象：" + OfficialName + "（" + UnitAndPost + "）")
            .Heading1(1, "谈话内容");
        foreach (var line in OfficialDocument.Lines(Record))
        {
            document.Paragraph(line);
        }

        document.Heading1(2, "谈话对象说明和表态");
        foreach (var line in OfficialDocument.Lines(Commitments))
        {
            document.Paragraph(line);
        }

        document.Heading1(3, "需整改的问题");
        var n = 0;
        foreach (var item in FollowUps)
        {
            document.Item(++n, item);
        }

        if (n == 0)
        {
            document.Paragraph("无。");
        }

        return document
            .BlankLine()
            .Line("谈话对象（签名）：" + OfficialDocument.Blank, "谈话人（签名）：" + OfficialDocument.Blank)
            .Line(null, "记录人（签名）：" + OfficialDocument.Blank)
            .ToBytes();
    }
}

/// <summary>
/// 函询通知书 of daily supervision: in the name of the commission's office (信函格式), with the matters, the reply
/// deadline and how the reply is countersigned (or sent directly when the official is the principal leader).
/// </summary>
public sealed record InquiryNoticeDocument(
    string IssuingOffice,
    string? DocumentNumber,
    string OfficialName,
    string UnitAndPost,
    string UnitName,
    IReadOnlyList<string> Matters,
    DateOnly ReplyDueOn,
    bool IsPrincipal,
    DateOnly SentOn)
{
    public byte[] ToDocx()
    {
        var document = new OfficialDocument()
            .LetterHead(IssuingOffice, OfficialDocument.OrBlank(DocumentNumber), "机密")
            .Title("函询通知书")
            .Addressee(UnitAndPost + OfficialName + "同志：")
            .Paragraph("根据日常监督工作需要和有关规定，经研究，决定对你进行函询。请你对以下问题逐项如实作出书面说明：");
        var n = 0;
        foreach (var matter in Matters.Where(m => !string.IsNullOrWhiteSpace(m)))
        {
            document.Item(++n, matter.Trim());
        }

        if (n == 0)
        {
            document.Item(1, OfficialDocument.Blank);
        }

        var deadline = OfficialDocument.FormatDate(ReplyDueOn);
        document.Paragraph(IsPrincipal
            ? "鉴于你系所在党组织主要负责人，书面说明材料由你本人签名后，请于" + deadline + "前直接密封报送我委。"
            : "书面说明材料须由你本人签名，经你所在党组织主要负责人签署意见后，于" + deadline + "前密封报送我委。党组织主要负责人签署意见时，应当对你进行教育提醒，不得一签了之。");
        return document
            .Paragraph("请你本着对党忠诚老实的态度，实事求是说明情况。本通知内容请严格保密。")
            .Signature(IssuingOffice, SentOn)
            .Distribution(IsPrincipal ? [] : [UnitName + "党组织主要负责人"])
            .ToBytes();
    }
}
