using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Qingfeng.Features.Clues;
using Qingfeng.Features.Clues.Text;
using Qingfeng.Features.PersonResolution;
using Qingfeng.IntegrationTests.Infrastructure;
using Xunit;

namespace Qingfeng.IntegrationTests.Features.Clues;

/// <summary>What helps an officer at intake and after: linking persons, category reasons, documents.</summary>
public sealed class ClueIntakeHelpTests(SharedApps apps)
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_person_typed_as_unit_post_and_name_is_linked_to_the_roster_official_within_jurisdiction(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        await using var db = app.CreateDb();
        var official = await db.Officials.AsNoTracking()
            // Not an official another test imported into the shared database (synthetic names that are not Chinese names).
            .Where(o => o.IsPrincipal && o.RegionKey.StartsWith("520121") && o.Unit != null && o.Unit.Sector != Subjects.Sector)
            // Nor one whose unit another test handed to another organ (提级监督, 片区协作): Kaiyang is recused from it then.
            .Where(o => !db.SupervisionDelegations.Any(d => d.UnitId == o.UnitId || d.UnitId == o.Unit!.ParentId))
            .OrderBy(o => o.Id).Select(o => new { o.Id, o.Name, UnitName = o.Unit!.Name, o.Position }).FirstAsync();
        var petition = await app.ClientForAsync(TestUsers.KaiyangPetition.UserName);

        var text = Uri.EscapeDataString(official.UnitName + official.Position + official.Name);
        var resolution = await (await petition.GetAsync($"/api/v1/clues/person-suggestions?text={text}")).OkJsonAsync<MentionResolution>();
        Assert.Equal(official.Id, resolution.Candidates[0].OfficialId);
        Assert.Contains(resolution.Candidates[0].Reasons, r => r.Code.StartsWith("unit.", StringComparison.Ordinal) && r.Points > 0);

        var foreign = await app.ClientForAsync(TestUsers.ChishuiSupervision.UserName);
        var none = await (await foreign.GetAsync($"/api/v1/clues/person-suggestions?text={Uri.EscapeDataString(official.Name)}")).OkJsonAsync<MentionResolution>();
        Assert.DoesNotContain(none.Candidates, s => s.OfficialId == official.Id);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Category_suggestions_name_the_words_that_triggered_them(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var petition = await app.ClientForAsync(TestUsers.KaiyangPetition.UserName);

        var response = await petition.PostAsync("/api/v1/clues/category-suggestions", new SuggestCategoriesRequest { Text = "春节期间收受下属送的礼金和购物卡。" }.AsJson());
        var suggestions = await response.OkJsonAsync<List<CategorySuggestion>>();

        var gifts = Assert.Single(suggestions, s => s.Code == "EP.GIFTS");
        Assert.Contains(gifts.Triggers, t => t.Word == "礼金");
        var neutral = await (await petition.PostAsync("/api/v1/clues/category-suggestions", new SuggestCategoriesRequest { Text = "今天天气很好。" }.AsJson())).OkJsonAsync<List<CategorySuggestion>>();
        Assert.Empty(neutral);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task The_handler_downloads_the_letter_of_inquiry_with_the_person_and_the_reply_deadline(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var clues = new ClueClients(app);
        await clues.ConnectAsync();
        var official = await ClueClients.KaiyangPrincipalAsync(app, skip: 6);
        var registered = await clues.RegisterAsync(official, "反映其多次接受管理服务对象宴请。", realName: false);
        await clues.AssignAsync(registered.Id, TestUsers.KaiyangSupervision.UserName);
        await ClueClients.ActAsync(clues.Handler, registered.Id, new() { Action = ClueAction.ProposeDisposal, Method = DisposalMethod.TalkInquiry, Comment = "函询" });
        await ClueClients.ActAsync(clues.Leader, registered.Id, new() { Action = ClueAction.ApproveDisposal });
        await ClueClients.ActAsync(clues.Handler, registered.Id, new() { Action = ClueAction.SendInquiryLetter, Date = new DateOnly(2026, 2, 12) });

        var response = await clues.Handler.GetAsync($"/api/v1/clues/{registered.Id}/documents/InquiryLetter");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ClueDocuments.ContentType, response.Content.Headers.ContentType?.MediaType);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = WordprocessingDocument.Open(stream, false);
        var text = document.MainDocumentPart!.Document!.Body!.InnerText;
        var person = (await (await clues.Handler.GetAsync($"/api/v1/clues/{registered.Id}")).OkJsonAsync<ClueDetail>()).Persons[0].Name;
        Assert.Contains(person, text, StringComparison.Ordinal);
        Assert.Contains("2026年3月11日", text, StringComparison.Ordinal); // 15 working days after 12 Feb 2026, across the Spring Festival

        await using var db = app.CreateDb();
        Assert.True(await db.AuditEntries.AsNoTracking().AnyAsync(e => e.Action == "Document" && e.EntityId == registered.Id.ToString()));
    }
}
