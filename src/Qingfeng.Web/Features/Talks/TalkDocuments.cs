using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qingfeng.Features.Audit;
using Qingfeng.Features.Talks.Documents;
using Qingfeng.Platform.Data;
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
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

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
            var followUps = await db.RectificationItems.AsNoTracking().Where(r => r.SourceId == id).OrderBy(r => r.OpenedOn)
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
        var office = organ.Replace("纪委监委", "纪委办公室", StringComparison.Ordinal);
        var bytes = new InquiryNoticeDocument(
            office,
            inquiry.DocumentNumber,
            inquiry.Subject.OfficialName!,
            inquiry.Subject.UnitName + inquiry.Subject.OfficialPosition,
            inquiry.Subject.UnitName,
            inquiry.Matters.Split('\n'),
            inquiry.ReplyDueOn,
            inquiry.Subject.IsPrincipal,
            inquiry.SentOn).ToDocx();
        await audit.RecordAsync("Document", nameof(Inquiry), id.ToString(), "Notice", cancellationToken: cancellationToken);
        return ($"函询通知书-{inquiry.Subject.OfficialName}-{inquiry.SentOn:yyyyMMdd}.docx", bytes);
    }
}
