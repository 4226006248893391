using System.Globalization;
using Qingfeng.Platform.Documents;
using Qingfeng.Platform.Ui;

namespace Qingfeng.Features.Talks;

/// <summary>Excel exports of the talk and inquiry lists, with headers in the reader's language.</summary>
public sealed class TalkExcel(TalkQueries queries, ExportHeadings headings)
{
    public async Task<byte[]> TalksAsync(TalkQuery query, CancellationToken cancellationToken)
    {
        var culture = CultureInfo.CurrentUICulture;
        string H(string key) => TextCatalog.Instance.Get(key, culture);
        var rows = (await queries.ExportAsync(query, cancellationToken)).Select(t => new Dictionary<string, object?>
        {
            [H("Talks.Official")] = t.Subject.OfficialName,
            [H("Field.Unit")] = t.Subject.UnitName,
            [H("Field.Position")] = t.Subject.OfficialPosition,
            [H("Field.IsPrincipal")] = H(t.Subject.IsPrincipal ? "Common.Yes" : "Common.No"),
            [H("Field.Category")] = EnumText.Label(t.Subject.LeaderCategory, culture),
            [H("Talks.Type")] = EnumText.Label(t.Type, culture),
            [H("Talks.Tier")] = t.Tier,
            [H("Field.State")] = EnumText.Label(t.State, culture),
            [H("Talks.PlannedOn")] = Date(t.PlannedOn),
            [H("Talks.HeldOn")] = Date(t.HeldOn),
            [H("Talks.Talkers")] = t.Talkers,
            [H("Talks.FollowUps")] = t.FollowUps,
        }).ToList();
        return Spreadsheet.Write(headings.For(H("Talks.SheetName"), query), rows, H("Talks.SheetName"));
    }

    public async Task<byte[]> InquiriesAsync(InquiryQuery query, CancellationToken cancellationToken)
    {
        var culture = CultureInfo.CurrentUICulture;
        string H(string key) => TextCatalog.Instance.Get(key, culture);
        var rows = (await queries.ExportInquiriesAsync(query, cancellationToken)).Select(i => new Dictionary<string, object?>
        {
            [H("Talks.Official")] = i.Subject.OfficialName,
            [H("Field.Unit")] = i.Subject.UnitName,
            [H("Field.Position")] = i.Subject.OfficialPosition,
            [H("Field.IsPrincipal")] = H(i.Subject.IsPrincipal ? "Common.Yes" : "Common.No"),
            [H("Inquiries.SentOn")] = Date(i.SentOn),
            [H("Inquiries.ReplyDueOn")] = Date(i.ReplyDueOn),
            [H("Field.State")] = EnumText.Label(i.State, culture),
            [H("Inquiries.Overdue")] = H(i.Overdue ? "Common.Yes" : "Common.No"),
            [H("Inquiries.ReplyReceivedOn")] = Date(i.ReplyReceivedOn),
            [H("Inquiries.Assessment")] = EnumText.Label(i.Assessment, culture),
        }).ToList();
        return Spreadsheet.Write(headings.For(H("Inquiries.SheetName"), query), rows, H("Inquiries.SheetName"));
    }

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
