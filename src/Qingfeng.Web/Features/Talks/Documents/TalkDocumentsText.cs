namespace Qingfeng.Features.Talks.Documents;

/// <summary>谈话提纲: the outline of a talk, in official layout (plain head, secrecy mark).</summary>
public sealed record TalkOutlineDocument(string Organ, string OfficialName, string UnitAndPost, string TypeLabel, DateOnly PlannedOn, string? Place, string Talkers, string? Outline)
{
    public byte[] ToDocx()
    {
        return new OfficialDocument()
            .Marks("机密", null)
            .Title("与" + OfficialName + "同志" + TypeLabel + "提纲")
            .Line("谈话对象：" + OfficialName + "（" + UnitAndPost + "）")
            .Line("谈话时间：" + OfficialDocument.FormatDate(PlannedOn) + "　　地点：" + OfficialDocument.OrBlank(Place))
            .Line("谈话人：" + OfficialDocument.OrBlank(Talkers))
            .BlankLine()
            .Paragraphs(Outline)
            .Signature(Organ, PlannedOn)
            .ToBytes();
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
        return new OfficialDocument()
            .Marks("机密", null)
            .Title(TypeLabel + "记录")
            .Line("时间：" + (HeldOn is { } held ? OfficialDocument.FormatDate(held) : OfficialDocument.Blank) + "　　地点：" + OfficialDocument.OrBlank(Place))
            .Line("谈话人：" + OfficialDocument.OrBlank(Talkers))
            .Line("参加人：" + OfficialDocument.OrBlank(Participants) + "　　记录人：" + OfficialDocument.OrBlank(Recorder))
            .Line("谈话对象：" + OfficialName + "（" + UnitAndPost + "）")
            .Heading1(1, "谈话内容")
            .Paragraphs(Record)
            .Heading1(2, "谈话对象说明和表态")
            .Paragraphs(Commitments)
            .Heading1(3, "需整改的问题")
            .Items(FollowUps, none: "无。")
            .BlankLine()
            .Line("谈话对象（签名）：" + OfficialDocument.Blank, "谈话人（签名）：" + OfficialDocument.Blank)
            .Line(null, "记录人（签名）：" + OfficialDocument.Blank)
            .ToBytes();
    }
}
