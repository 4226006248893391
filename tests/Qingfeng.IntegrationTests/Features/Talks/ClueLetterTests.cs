using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qingfeng.Features.Clues;
using Qingfeng.Features.Talks;
using Qingfeng.IntegrationTests.Features.Clues;
using Qingfeng.IntegrationTests.Infrastructure;
using Qingfeng.Platform.Data;
using Qingfeng.Platform.Documents;
using Qingfeng.Platform.Security;
using Xunit;

namespace Qingfeng.IntegrationTests.Features.Talks;

/// <summary>
/// A clue's 谈话函询 writes the ledgers' own records (issue 15): the letter is an inquiry of <c>/supervision/inquiries</c> with one
/// reply deadline, one 函询通知书 and one overdue sweep; the talk is a talk of the ledger; both are read only within the clue's
/// need-to-know circle. Each test takes an official of its own, so the ledgers' answers about that official are its records alone.
/// </summary>
public sealed class ClueLetterTests(SharedApps apps)
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_letter_sent_from_a_clue_is_an_inquiry_of_the_ledger_with_one_reply_deadline_and_one_document(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var (clues, official, clue) = await ClueInTalkInquiryAsync(app);
        var today = TalkClients.Today;
        var due = app.Services.GetRequiredService<ClueDeadlines>().Due(DeadlineKind.InquiryReply, today);
        var draft = await LetterTextAsync(clues.Handler, clue.Id);

        var number = $"开纪办函〔2026〕{Random.Shared.Next(100, 999)}号";
        await ClueClients.ActAsync(clues.Handler, clue.Id, new() { Action = ClueAction.SendInquiryLetter, Date = today, DocumentNumber = number, Matters = "说明收受礼金的情况。\n说明家属经商的情况。" });

        // The clue lists the letter, and the ledger holds it for the official, linked back to the clue.
        var detail = await (await clues.Handler.GetAsync($"/api/v1/clues/{clue.Id}")).OkJsonAsync<ClueDetail>();
        var letter = Assert.Single(detail.Letters);
        Assert.Equal((number, today, due, InquiryState.Sent), (letter.DocumentNumber, letter.SentOn, letter.ReplyDueOn, letter.State));
        Assert.Equal(due, detail.DueOn);
        var ledger = await (await clues.Handler.GetAsync($"/api/v1/inquiries?officialId={official}")).OkJsonAsync<Paged<InquiryListItem>>();
        Assert.Equal(letter.Id, Assert.Single(ledger.Items).Id);
        var inquiry = await (await clues.Handler.GetAsync($"/api/v1/inquiries/{letter.Id}")).OkJsonAsync<InquiryDetail>();
        Assert.Equal((clue.Id, number, due), (inquiry.ClueId, inquiry.DocumentNumber, inquiry.ReplyDueOn));
        Assert.Equal(official, inquiry.Subject.OfficialId);

        // One 函询通知书: the draft before sending, the clue's after sending and the ledger's state the same reply date; the sent
        // letter carries its 文号 and matters.
        var date = OfficialDocument.FormatDate(due);
        var sent = await LetterTextAsync(clues.Handler, clue.Id);
        var fromLedger = await DocumentTextAsync(clues.Handler, $"/api/v1/inquiries/{letter.Id}/document");
        Assert.All([draft, sent, fromLedger], text => Assert.Contains("于" + date + "前", text, StringComparison.Ordinal));
        Assert.All([sent, fromLedger], text => Assert.Contains(number, text, StringComparison.Ordinal));
        Assert.Contains("说明家属经商的情况。", sent, StringComparison.Ordinal);
        Assert.Equal(sent, fromLedger);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_late_clue_letter_is_overdue_on_the_ledger_and_in_the_sweep_for_the_clues_circle_only(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var (outsider, outsiderName) = await OutsiderAsync(app);
        var (clues, official, clue) = await ClueInTalkInquiryAsync(app);
        var sentOn = TalkClients.Today.AddDays(-40);
        await ClueClients.ActAsync(clues.Handler, clue.Id, new() { Action = ClueAction.SendInquiryLetter, Date = sentOn });
        var letterId = (await (await clues.Handler.GetAsync($"/api/v1/clues/{clue.Id}")).OkJsonAsync<ClueDetail>()).Letters.Single().Id;

        // The same official's letter of daily supervision, for comparison: everyone in jurisdiction reads it.
        var daily = await TalkClients.SendInquiryAsync(clues.Handler, official, sentOn, "说明公务接待超标准的情况。");

        var overdue = await (await clues.Leader.GetAsync($"/api/v1/inquiries?officialId={official}&overdueOnly=true")).OkJsonAsync<Paged<InquiryListItem>>();
        Assert.Equal(new[] { daily, letterId }.Order(), overdue.Items.Select(i => i.Id).Order());
        var seenByOutsider = await (await outsider.GetAsync($"/api/v1/inquiries?officialId={official}")).OkJsonAsync<Paged<InquiryListItem>>();
        Assert.Equal(daily, Assert.Single(seenByOutsider.Items).Id);

        await SweepAsync(app);
        await using (var db = app.CreateDb())
        {
            var leader = await UserIdAsync(db, TestUsers.KaiyangLeader.UserName);
            var outsiderId = await UserIdAsync(db, outsiderName);
            var told = await db.Notifications.AsNoTracking().Where(n => n.DedupKey.StartsWith("inquiry:" + letterId + ":")).Select(n => n.UserId).ToListAsync();
            Assert.Contains(leader, told);
            Assert.DoesNotContain(outsiderId, told);
            Assert.Contains(outsiderId, await db.Notifications.AsNoTracking().Where(n => n.DedupKey.StartsWith("inquiry:" + daily + ":")).Select(n => n.UserId).ToListAsync());
        }
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Outside_the_clues_circle_its_letter_and_talk_are_not_found_and_the_ledgers_reply_goes_through_the_clue(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var (outsider, _) = await OutsiderAsync(app);
        var (clues, official, clue) = await ClueInTalkInquiryAsync(app);
        var today = TalkClients.Today;
        await ClueClients.ActAsync(clues.Handler, clue.Id, new() { Action = ClueAction.RecordTalk, Date = today, Comment = "与本人谈话，本人作了说明。" });
        await ClueClients.ActAsync(clues.Handler, clue.Id, new() { Action = ClueAction.SendInquiryLetter, Date = today });
        var detail = await (await clues.Handler.GetAsync($"/api/v1/clues/{clue.Id}")).OkJsonAsync<ClueDetail>();
        var letterId = Assert.Single(detail.Letters).Id;
        var talkId = Assert.Single(detail.Talks).Id;

        // The leader (who may open every clue of the organ) reads both in the ledgers and on the official's page data.
        var talk = await (await clues.Leader.GetAsync($"/api/v1/talks/{talkId}")).OkJsonAsync<TalkDetail>();
        Assert.Equal((clue.Id, TalkType.ClueTalk, TalkState.Held, (Guid?)official), (talk.ClueId, talk.Type, talk.State, talk.Subject.OfficialId));
        Assert.Equal(talkId, Assert.Single((await (await clues.Leader.GetAsync($"/api/v1/talks?officialId={official}")).OkJsonAsync<Paged<TalkListItem>>()).Items).Id);
        Assert.Equal(letterId, Assert.Single((await (await clues.Leader.GetAsync($"/api/v1/inquiries?officialId={official}")).OkJsonAsync<Paged<InquiryListItem>>()).Items).Id);

        // An officer of the same commission outside the circle: nothing in the lists, not found by id, no document.
        Assert.Empty((await (await outsider.GetAsync($"/api/v1/inquiries?officialId={official}")).OkJsonAsync<Paged<InquiryListItem>>()).Items);
        Assert.Empty((await (await outsider.GetAsync($"/api/v1/talks?officialId={official}")).OkJsonAsync<Paged<TalkListItem>>()).Items);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/inquiries/{letterId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/inquiries/{letterId}/document")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/talks/{talkId}")).StatusCode);
        var reply = new RecordReplyRequest { ReceivedOn = today, Text = "本人对函询问题作出书面说明。", CountersignedBy = "局党组书记", CountersignNote = "已对其进行教育提醒。" };
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsync($"/api/v1/inquiries/{letterId}/reply", reply.AsJson())).StatusCode);

        // The handler records the reply on the ledger: it goes through the clue, whose history keeps in step.
        Assert.True((await clues.Handler.PostAsync($"/api/v1/inquiries/{letterId}/reply", reply.AsJson())).IsSuccessStatusCode);
        var replied = await (await clues.Handler.GetAsync($"/api/v1/inquiries/{letterId}")).OkJsonAsync<InquiryDetail>();
        Assert.Equal((InquiryState.Replied, "局党组书记"), (replied.State, replied.CountersignedBy));
        var history = (await (await clues.Handler.GetAsync($"/api/v1/clues/{clue.Id}")).OkJsonAsync<ClueDetail>()).History;
        Assert.Equal(reply.Text, history.Last(h => h.Action == nameof(ClueAction.RecordInquiryReply)).Comment);
    }

    /// <summary>A supervision officer of the Kaiyang commission: reads the ledgers in jurisdiction, is in no clue's circle.</summary>
    private static async Task<(HttpClient Client, string UserName)> OutsiderAsync(QingfengApp app)
    {
        await using var db = app.CreateDb();
        var kaiyang = await db.Organs.AsNoTracking().Where(o => o.Name == "开阳县纪委监委").Select(o => o.Id).SingleAsync();
        return await app.ClientForNewUserAsync(kaiyang, Roles.SupervisionOffice);
    }

    /// <summary>A clue about an official of its own, assigned to the Kaiyang supervision officer and disposed of by 谈话函询.</summary>
    private static async Task<(ClueClients Clues, Guid Official, RegisterClueResult Clue)> ClueInTalkInquiryAsync(QingfengApp app)
    {
        var clues = new ClueClients(app);
        await clues.ConnectAsync();
        var official = await Subjects.NewKaiyangPrincipalAsync(app);
        var registered = await clues.RegisterAsync(official, "反映其春节期间收受管理服务对象礼金。反映其家属在辖区内经商。", realName: false);
        await clues.AssignAsync(registered.Id, TestUsers.KaiyangSupervision.UserName);
        await ClueClients.ActAsync(clues.Handler, registered.Id, new() { Action = ClueAction.ProposeDisposal, Method = DisposalMethod.TalkInquiry, Comment = "函询了解" });
        await ClueClients.ActAsync(clues.Leader, registered.Id, new() { Action = ClueAction.ApproveDisposal });
        return (clues, official, registered);
    }

    private static Task<string> LetterTextAsync(HttpClient client, Guid clueId) => DocumentTextAsync(client, $"/api/v1/clues/{clueId}/documents/InquiryLetter");

    private static async Task<string> DocumentTextAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = WordprocessingDocument.Open(stream, false);
        return document.MainDocumentPart!.Document!.Body!.InnerText;
    }

    private static async Task SweepAsync(QingfengApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(UserContext.System);
        await scope.ServiceProvider.GetRequiredService<InquiryReplySweep>().RunAsync(TestContext.Current.CancellationToken);
    }

    private static Task<Guid> UserIdAsync(QingfengDb db, string userName) =>
        db.Users.AsNoTracking().Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
}
