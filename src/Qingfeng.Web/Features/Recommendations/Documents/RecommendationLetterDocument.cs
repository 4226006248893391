namespace Qingfeng.Features.Recommendations.Documents;

/// <summary>
/// The recommendation letter in 信函格式 (domain.md 10): the organ's red head and unified number, the addressee, where the
/// issue came from, the facts found, the numbered recommendations, and the reply deadline with the way to object.
/// </summary>
public sealed record RecommendationLetterDocument(
    string Organ,
    string Number,
    string KindTitle,
    string UnitName,
    string Origin,
    string Findings,
    IReadOnlyList<string> Measures,
    DateOnly ReplyDueOn,
    int ObjectionDays,
    DateOnly IssuedOn)
{
    public byte[] ToDocx()
    {
        return new OfficialDocument()
            .LetterHead(Organ, Number)
            .Title(KindTitle)
            .Addressee(UnitName + "：")
            .Paragraphs(Origin)
            .Heading1(1, "发现的主要问题")
            .Paragraphs(Findings)
            .Heading1(2, "监察建议")
            .Items(Measures.Select(measure => measure.TrimEnd('。') + "。"))
            .Heading1(3, "有关要求")
            .Paragraph("请你单位认真研究落实，并于" + OfficialDocument.FormatDate(ReplyDueOn) + "前将落实情况书面回复我委。"
                + "如对本建议有异议，可在收到本建议书之日起" + ObjectionDays + "日内书面提出；无正当理由拒不采纳的，将依照《中华人民共和国监察法》第六十二条的规定处理。")
            .Signature(Organ, IssuedOn)
            .ToBytes();
    }
}
