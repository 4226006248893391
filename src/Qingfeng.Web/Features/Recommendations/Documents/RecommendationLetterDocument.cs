using Qingfeng.Platform.Documents;

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
        var document = new OfficialDocument()
            .LetterHead(Organ, Number)
            .Title(KindTitle)
            .Addressee(UnitName + "：");
        foreach (var line in OfficialDocument.Lines(Origin))
        {
            document.Paragraph(line);
        }

        document.Heading1(1, "发现的主要问题");
        foreach (var line in OfficialDocument.Lines(Findings))
        {
            document.Paragraph(line);
        }

        document.Heading1(2, "监察建议");
        var n = 0;
        foreach (var measure in Measures)
        {
            document.Item(++n, measure.TrimEnd('。') + "。");
        }

        document.Heading1(3, "有关要求");
        document.Paragraph("请你单位认真研究落实，并于" + OfficialDocument.FormatDate(ReplyDueOn) + "前将落实情况书面回复我委。"
            + "如对本建议有异议，可在收到本建议书之日起" + ObjectionDays + "日内书面提出；无正当理由拒不采纳的，将依照《中华人民共和国监察法》第六十二条的规定处理。");
        return document.Signature(Organ, IssuedOn).ToBytes();
    }
}
