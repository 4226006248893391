using Qingfeng.Platform.Ui;

namespace Qingfeng.Features.Talks;

/// <summary>Excel exports of the talk and inquiry lists, with headers in the reader's language.</summary>
public sealed class TalkExcel(TalkQueries queries, ExportHeadings headings)
{
    /// <summary>The talk list's columns, in order.</summary>
    public static readonly IReadOnlyList<ExportColumn<TalkListItem>> TalkColumns =
    [
        new("Talks.Official", t => t.Subject.OfficialName),
        new("Field.Unit", t => t.Subject.UnitName),
        new("Field.Position", t => t.Subject.OfficialPosition),
        new("Field.IsPrincipal", t => ExportCell.YesNo(t.Subject.IsPrincipal)),
        new("Field.Category", t => EnumText.Label(t.Subject.LeaderCategory)),
        new("Talks.Type", t => EnumText.Label(t.Type)),
        new("Talks.Tier", t => t.Tier),
        new("Field.State", t => EnumText.Label(t.State)),
        new("Talks.PlannedOn", t => ExportCell.Day(t.PlannedOn)),
        new("Talks.HeldOn", t => ExportCell.Day(t.HeldOn)),
        new("Talks.Talkers", t => t.Talkers),
        new("Talks.FollowUps", t => t.FollowUps),
    ];

    /// <summary>The inquiry list's columns, in order.</summary>
    public static readonly IReadOnlyList<ExportColumn<InquiryListItem>> InquiryColumns =
    [
        new("Talks.Official", i => i.Subject.OfficialName),
        new("Field.Unit", i => i.Subject.UnitName),
        new("Field.Position", i => i.Subject.OfficialPosition),
        new("Field.IsPrincipal", i => ExportCell.YesNo(i.Subject.IsPrincipal)),
        new("Inquiries.SentOn", i => ExportCell.Day(i.SentOn)),
        new("Inquiries.ReplyDueOn", i => ExportCell.Day(i.ReplyDueOn)),
        new("Field.State", i => EnumText.Label(i.State)),
        new("Inquiries.Overdue", i => ExportCell.YesNo(i.Overdue)),
        new("Inquiries.ReplyReceivedOn", i => ExportCell.Day(i.ReplyReceivedOn)),
        new("Inquiries.Assessment", i => EnumText.Label(i.Assessment)),
    ];

    public async Task<byte[]> TalksAsync(TalkQuery query, CancellationToken cancellationToken) =>
        headings.Workbook("Talks.SheetName", query, await queries.ExportAsync(query, cancellationToken), TalkColumns);

    public async Task<byte[]> InquiriesAsync(InquiryQuery query, CancellationToken cancellationToken) =>
        headings.Workbook("Inquiries.SheetName", query, await queries.ExportInquiriesAsync(query, cancellationToken), InquiryColumns);
}
