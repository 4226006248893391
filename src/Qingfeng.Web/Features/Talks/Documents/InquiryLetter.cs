namespace Qingfeng.Features.Talks.Documents;

/// <summary>
/// 函询通知书: the one template of a letter of inquiry (domain.md 1.5), of daily supervision and of a clue's 谈话函询 alike
/// (<see cref="TalkDocuments.Notice(string, Inquiry)"/>). Sent in the name of
/// the commission's office in 信函格式, copied to the principal leader of the person's party
/// organisation and the stationed team. The reply is due on <see cref="ReplyDeadline"/> (15 working
/// days, computed by the caller) and is countersigned by that principal leader — or, when the person
/// is the principal leader, sent directly to the commission.
/// </summary>
/// <param name="IssuingOffice">e.g. "中共开阳县纪委办公室".</param>
/// <param name="DocumentNumber">e.g. "开纪办函〔2026〕12号".</param>
/// <param name="PersonName">The official written to.</param>
/// <param name="PersonPost">Unit and post, e.g. "县交通运输局党组书记、局长".</param>
/// <param name="Matters">The matters to be explained, one per item.</param>
/// <param name="ReplyDeadline">Last day for the reply.</param>
/// <param name="PersonIsPrincipalLeader">The person is the principal leader of their party organisation.</param>
/// <param name="ContactPerson">Contact at the commission.</param>
/// <param name="ContactPhone">Contact telephone.</param>
/// <param name="CopyTo">抄送, e.g. the party organisation's principal leader and the stationed team.</param>
/// <param name="Date">成文日期.</param>
/// <param name="Secrecy">密级, e.g. "机密".</param>
/// <param name="Urgency">紧急程度, e.g. "特急".</param>
/// <param name="OnReport">The letter answers a report (a clue's 谈话函询), not a need of daily supervision: it says so.</param>
public sealed record InquiryLetter(
    string IssuingOffice,
    string? DocumentNumber,
    string PersonName,
    string? PersonPost,
    IReadOnlyList<string> Matters,
    DateOnly ReplyDeadline,
    bool PersonIsPrincipalLeader,
    string? ContactPerson,
    string? ContactPhone,
    IReadOnlyList<string> CopyTo,
    DateOnly Date,
    string? Secrecy = null,
    string? Urgency = null,
    bool OnReport = true)
{
    public string Title => "关于" + PersonName + "同志有关问题的函询通知";

    /// <summary>The sentence on how the reply reaches the commission; it depends on <see cref="PersonIsPrincipalLeader"/>.</summary>
    public string ReplyInstruction
    {
        get
        {
            var deadline = OfficialDocument.FormatDate(ReplyDeadline);
            return PersonIsPrincipalLeader
                ? "鉴于你系所在党组织主要负责人，书面说明材料由你本人签名后，请于" + deadline + "前直接密封报送我委。"
                : "书面说明材料须由你本人签名，经你所在党组织主要负责人签署意见后，于" + deadline
                    + "前密封报送我委。党组织主要负责人签署意见时，应当对你进行教育提醒，不得一签了之。";
        }
    }

    public byte[] ToDocx()
    {
        return new OfficialDocument()
            .LetterHead(IssuingOffice, OfficialDocument.OrBlank(DocumentNumber), Secrecy, Urgency)
            .Title(Title)
            .Addressee(OfficialDocument.OrBlank(PersonPost) + PersonName + "同志：")
            .Paragraph(OnReport
                ? "我委收到反映你有关问题的信访举报。根据《中国共产党纪律检查机关监督执纪工作规则》有关规定，经研究，决定对你进行函询。请你对以下问题逐项如实作出书面说明："
                : "根据日常监督工作需要和有关规定，经研究，决定对你进行函询。请你对以下问题逐项如实作出书面说明：")
            .Items(Matters.Where(m => !string.IsNullOrWhiteSpace(m)).Select(m => m.Trim()).DefaultIfEmpty(OfficialDocument.Blank))
            .Paragraph(ReplyInstruction)
            .Paragraph("请你本着对党忠诚老实的态度，实事求是说明情况。对函询问题不如实说明、隐瞒事实或者提供虚假情况的，将依规依纪严肃处理。本通知内容请严格保密。")
            .Paragraph("联系人：" + OfficialDocument.OrBlank(ContactPerson) + "　　联系电话：" + OfficialDocument.OrBlank(ContactPhone))
            .Signature(IssuingOffice, Date)
            .Distribution(CopyTo)
            .ToBytes();
    }
}
