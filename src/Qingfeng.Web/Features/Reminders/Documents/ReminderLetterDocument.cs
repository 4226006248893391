namespace Qingfeng.Features.Reminders.Documents;

/// <summary>提醒函 in 信函格式: addressed to the official, a problem notice and suggestions, and a request to report back.</summary>
public sealed record ReminderLetterDocument(
    string IssuingOrgan,
    string? DocumentNumber,
    string Title,
    string OfficialName,
    string UnitAndPost,
    IReadOnlyList<string> Problems,
    IReadOnlyList<string> Suggestions,
    DateOnly SentOn)
{
    public byte[] ToDocx()
    {
        var document = new OfficialDocument()
            .LetterHead(IssuingOrgan, OfficialDocument.OrBlank(DocumentNumber))
            .Title(Title)
            .Addressee(UnitAndPost + OfficialName + "同志：")
            .Paragraph("为深入贯彻全面从严治党要求，加强对“一把手”的日常监督，现将有关情况函告如下，请认真对照，切实履行管党治党第一责任人职责。")
            .Heading1(1, "问题提示");
        Numbered(document, Problems);
        document.Heading1(2, "工作建议");
        Numbered(document, Suggestions);
        return document
            .Paragraph("请你高度重视，认真研究，举一反三抓好整改，并于收到本函后30日内将整改落实情况书面报送我委。")
            .Signature(IssuingOrgan, SentOn)
            .ToBytes();
    }

    /// <summary>The non-empty lines as numbered items; one blank item when there are none.</summary>
    private static void Numbered(OfficialDocument document, IReadOnlyList<string> lines) =>
        document.Items(lines.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l.Trim()).DefaultIfEmpty(OfficialDocument.Blank));
}
