using Qingfeng.Features.Audit;
using Qingfeng.Features.Rectification;
using Qingfeng.Features.Talks.Documents;
using Qingfeng.Platform.Ui;

namespace Qingfeng.Features.Talks;

/// <summary>The documents of a talk or an inquiry.</summary>
public enum TalkDocumentKind
{
    /// <summary>谈话提纲.</summary>
    Outline = 1,

    /// <summary>谈话记录.</summary>
    Record = 2,
}

/// <summary>Fills the .docx documents (GB/T 9704 layout) of talks and inquiries; every generation is audited.</summary>
public sealed class TalkDocuments(IDbContextFactory<QingfengDb> dbFactory, TalkQueries queries, AuditLog audit)
{
    public const string ContentType = ApiConventions.WordContentType;

    public async Task<(string FileName, byte[] Content)> TalkAsync(Guid id, TalkDocumentKind kind, CancellationToken cancellationToken = default)
    {
        var (talk, organ) = await queries.TalkForDocumentAsync(id, cancellationToken);
        var zh = CultureInfo.GetCultureInfo("zh-CN");
        var type = EnumText.Label(talk.Type, zh);
        var post = talk.Subject.UnitName + talk.Subject.OfficialPosition;
        byte[] bytes;
        if (kind == TalkDocumentKind.Outline)
        {
            bytes = new TalkOutlineDocument(organ, talk.Subject.OfficialName!, post, type, talk.PlannedOn, talk.Place, talk.Talkers, talk.Outline).ToDocx();
        }
        else
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var followUps = await db.RectificationItems.AsNoTracking().Where(r => r.Source == RectificationSource.Talk && r.SourceId == id).OrderBy(r => r.OpenedOn)
                .Select(r => new { r.Problem, r.DueOn }).ToListAsync(cancellationToken);
            bytes = new TalkRecordDocument(organ, talk.Subject.OfficialName!, post, type, talk.HeldOn, talk.Place, talk.Talkers, talk.Participants, talk.Recorder, talk.Record, talk.Commitments,
                [.. followUps.Select(f => f.Problem + "（整改期限：" + OfficialDocumentDate(f.DueOn) + "）")]).ToDocx();
        }

        await audit.RecordAsync("Document", nameof(Talk), id.ToString(), kind.ToString(), cancellationToken: cancellationToken);
        var label = kind == TalkDocumentKind.Outline ? "谈话提纲" : "谈话记录";
        return ($"{label}-{talk.Subject.OfficialName}-{talk.TalkDate:yyyyMMdd}.docx", bytes);
    }

    private static string OfficialDocumentDate(DateOnly date) => Platform.Documents.OfficialDocument.FormatDate(date);

    public async Task<(string FileName, byte[] Content)> InquiryNoticeAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var (inquiry, organ) = await queries.InquiryForDocumentAsync(id, cancellationToken);
        var bytes = Notice(organ, inquiry);
        await audit.RecordAsync("Document", nameof(Inquiry), id.ToString(), "Notice", cancellationToken: cancellationToken);
        return ($"函询通知书-{inquiry.Subject.OfficialName}-{inquiry.SentOn:yyyyMMdd}.docx", bytes);
    }

    /// <summary>
    /// The one 函询通知书 of a letter of inquiry, from the letter as stored (or, on a clue before sending, as it will be stored):
    /// its 文号, matters, sent date and reply deadline.
    /// </summary>
    public static byte[] Notice(string organ, Inquiry letter) =>
        Notice(organ, letter.DocumentNumber, letter.Subject.OfficialName!, letter.Subject.UnitName + letter.Subject.OfficialPosition, letter.Subject.UnitName, letter.Matters.Split('\n'),
            letter.ReplyDueOn, letter.Subject.IsPrincipal, letter.SentOn, onReport: letter.ClueId is not null);

    /// <summary>The 函询通知书 addressed to someone the roster does not hold (a clue's free-text person): the same template.</summary>
    public static byte[] Notice(string organ, string? documentNumber, string name, string? post, string? unitName, IReadOnlyList<string> matters, DateOnly replyDueOn, bool isPrincipal, DateOnly sentOn, bool onReport) =>
        new InquiryLetter(
            OfficeOf(organ),
            documentNumber,
            name,
            post,
            matters,
            replyDueOn,
            isPrincipal,
            null,
            null,
            isPrincipal ? [] : [unitName + "党组织主要负责人"],
            sentOn,
            Secrecy: "机密",
            OnReport: onReport).ToDocx();

    /// <summary>中共开阳县纪委办公室 from 开阳县纪委监委: letters go out in the name of the commission's general office.</summary>
    private static string OfficeOf(string organ)
    {
        var place = organ.Replace("纪委监委", "", StringComparison.Ordinal).Replace("纪委", "", StringComparison.Ordinal);
        return "中共" + place + "纪委办公室";
    }
}
