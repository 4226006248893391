namespace Qingfeng.Features.Accountability.Documents;

/// <summary>One case in a 通报: who, what failed, the facts, the rule and the forms decided.</summary>
public sealed record NoticeCase(string Subject, string Failure, string Facts, string Basis, string DecidedBy, string Forms);

/// <summary>
/// 问责情况通报 in official layout: an internal notice (内部通报, marked, with a distribution note) or a public notice for
/// publication. Several decisions — e.g. the 一把手 of three units whose staff drank on duty — go into one notice.
/// </summary>
public sealed record AccountabilityNoticeDocument(string Organ, bool IsPublic, string? Number, IReadOnlyList<NoticeCase> Cases, DateOnly IssuedOn)
{
    public string TitleText => Cases.Count == 1
        ? "关于对" + Cases[0].Subject + "问责情况的通报"
        : "关于" + OfficialDocument.ChineseNumber(Math.Min(Cases.Count, 99)) + "起问责典型问题的通报";

    public byte[] ToDocx()
    {
        var document = new OfficialDocument();
        if (IsPublic)
        {
            document.Title(TitleText, spaced: false);
        }
        else
        {
            document.LetterHead(Organ, Number, "内部").Title(TitleText);
        }

        document.Paragraph("为进一步压紧压实管党治党政治责任，推动各级党组织和领导干部履职尽责，现将"
            + (Cases.Count == 1 ? "近期查处的一起问责问题" : "近期查处的" + OfficialDocument.ChineseNumber(Math.Min(Cases.Count, 99)) + "起问责典型问题")
            + (IsPublic ? "公开通报如下：" : "通报如下："));
        document.Heading1(1, "基本情况");
        var n = 0;
        foreach (var c in Cases)
        {
            document.Heading2(++n, c.Subject + "：" + c.Failure.TrimEnd('。') + "。");
            document.Paragraph(c.Facts.TrimEnd('。') + "。依据" + c.Basis.TrimEnd('。') + "，经" + c.DecidedBy + "研究，决定对" + c.Subject + "予以" + c.Forms + "。");
        }

        document.Heading1(2, "工作要求");
        document.Paragraph("上述问题反映出有关单位党组织和主要负责人落实全面从严治党主体责任不力，管党治党宽松软。各级党组织要以案为鉴、举一反三，"
            + "切实履行主体责任，主要负责人要履行第一责任人职责，对照问题开展自查自纠，建立健全长效机制。");
        document.Paragraph("各级纪检监察机关要强化监督执纪问责，对履职不力、失职失责的，坚持有责必问、问责必严，以精准问责推动责任落实。");
        document.Signature(Organ, IssuedOn);
        if (!IsPublic)
        {
            document.Paragraph("（此件发至各级党组织）");
        }

        return document.ToBytes();
    }
}
