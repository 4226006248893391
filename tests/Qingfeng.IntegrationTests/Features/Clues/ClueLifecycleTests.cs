using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qingfeng.Features.Clues;
using Qingfeng.IntegrationTests.Infrastructure;
using Xunit;

namespace Qingfeng.IntegrationTests.Features.Clues;

/// <summary>A clue walks from an online report to a sanction and a transfer, through the API only.</summary>
public sealed class ClueLifecycleTests(SharedApps apps)
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task An_online_report_about_a_principal_leader_walks_to_a_sanction_and_a_transfer_with_every_step_audited(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var clues = new ClueClients(app);
        await clues.ConnectAsync();
        var official = await ClueClients.KaiyangPrincipalAsync(app, skip: 0);

        var registered = await clues.RegisterAsync(official, "反映该局局长在2026年春节期间收受下属礼金两万元，并在工作日中午饮酒。", realName: true);
        Assert.Matches(@"^开阳县-\d{4}-\d{5}$", registered.Number);
        var id = registered.Id;

        await ClueClients.ActAsync(clues.Petition, id, new() { Action = ClueAction.SubmitToCaseManagement });
        var handler = await clues.AssigneeAsync(ClueAction.ProposeAllocation, TestUsers.KaiyangSupervision.UserName);
        await ClueClients.ActAsync(clues.CaseManager, id, new() { Action = ClueAction.ProposeAllocation, AssigneeId = handler });
        await ClueClients.ActAsync(clues.Leader, id, new() { Action = ClueAction.ApproveAllocation });
        await ClueClients.ActAsync(clues.Handler, id, new() { Action = ClueAction.ProposeDisposal, Method = DisposalMethod.Verification, Comment = "问题具体，可查性强" });
        var pending = await ClueClients.ActAsync(clues.Leader, id, new() { Action = ClueAction.ApproveDisposal });
        Assert.Equal(ClueState.AwaitingPartyCommittee, pending.State);
        await ClueClients.ActAsync(clues.Leader, id, new() { Action = ClueAction.RecordPartyCommitteeApproval, Comment = "县委主要负责人同意初核", Date = Today });
        await ClueClients.ActAsync(clues.Handler, id, new() { Action = ClueAction.ProposeCase, Comment = "初核认定收受礼金属实" });
        await ClueClients.ActAsync(clues.Leader, id, new() { Action = ClueAction.ApproveCaseFiling });
        var filed = await ClueClients.ActAsync(clues.Leader, id, new() { Action = ClueAction.RecordPartyCommitteeApproval, Comment = "县委主要负责人批准立案", Date = Today });
        Assert.Equal(ClueState.Filed, filed.State);
        var investigator = await clues.AssigneeAsync(ClueAction.StartInvestigation, TestUsers.KaiyangInvestigation.UserName);
        await ClueClients.ActAsync(clues.Leader, id, new() { Action = ClueAction.StartInvestigation, AssigneeId = investigator });
        await ClueClients.ActAsync(clues.Investigator, id, new() { Action = ClueAction.SubmitInvestigationReport, Date = Today, Comment = "事实清楚，证据确凿，已与本人见面" });
        var reviewer = await clues.AssigneeAsync(ClueAction.TransferToReview, TestUsers.KaiyangTrial.UserName);
        await ClueClients.ActAsync(clues.Leader, id, new() { Action = ClueAction.TransferToReview, AssigneeId = reviewer });
        await ClueClients.ActAsync(clues.Reviewer, id, new() { Action = ClueAction.SubmitReviewReport, Comment = "定性准确，处理恰当" });
        await ClueClients.ActAsync(clues.Leader, id, new() { Action = ClueAction.Decide, Date = Today, Sanctions = [new() { Code = "P.REMOVAL" }, new() { Code = "S.REMOVAL" }] });
        var transferred = await ClueClients.ActAsync(clues.Leader, id, new() { Action = ClueAction.TransferToProcuratorate, Date = Today, Comment = "移送开阳县人民检察院审查起诉" });
        Assert.Equal(ClueState.TransferredToProcuratorate, transferred.State);
        var outcome = await clues.Handler.PutAsync($"/api/v1/clues/{id}/outcome", new RecordOutcomeRequest { ProblemsFound = 21, FurtherClues = 4, FundsPaidOut = 820_000m, FundsRecovered = 654_000m }.AsJson());
        Assert.Equal(HttpStatusCode.NoContent, outcome.StatusCode);

        var detail = await (await clues.Leader.GetAsync($"/api/v1/clues/{id}")).OkJsonAsync<ClueDetail>();
        Assert.Equal(ClueState.TransferredToProcuratorate, detail.State);
        Assert.NotNull(detail.CaseNumber);
        Assert.Equal(["P.REMOVAL", "S.REMOVAL"], detail.Sanctions.Select(s => s.Code).Order());
        Assert.Equal(654_000m, detail.Outcome.FundsRecovered);
        Assert.Null(detail.Reporter);
        Assert.True(detail.ReporterHidden);
        string[] expected =
        [
            "Register", "SubmitToCaseManagement", "ProposeAllocation", "ApproveAllocation", "ProposeDisposal", "ApproveDisposal",
            "RecordPartyCommitteeApproval", "ProposeCase", "ApproveCaseFiling", "RecordPartyCommitteeApproval", "StartInvestigation",
            "SubmitInvestigationReport", "TransferToReview", "SubmitReviewReport", "Decide", "TransferToProcuratorate", "RecordOutcome",
        ];
        Assert.Equal(expected, detail.History.Select(h => h.Action));

        // Every step is in the hash-chained audit log: one update of the clue and one history row per step.
        await using var db = app.CreateDb();
        var historyIds = (await db.Set<ClueHistoryEntry>().AsNoTracking().Where(h => h.ClueId == id).Select(h => h.Id).ToListAsync()).Select(h => h.ToString()).ToList();
        Assert.Equal(expected.Length, historyIds.Count);
        var audited = await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == "ClueHistoryEntry" && e.Action == "Create" && historyIds.Contains(e.EntityId!)).CountAsync();
        Assert.Equal(expected.Length, audited);

        // Fifteen workflow steps and the outcome change the clue itself (registering creates it); the outcome's
        // update names the outcome.
        var updates = await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == "Clue" && e.EntityId == id.ToString() && e.Action == "Update").Select(e => e.Details).ToListAsync();
        Assert.Equal(expected.Length - 1, updates.Count);
        Assert.Contains(updates, d => d != null && d.Split(',').Contains("Outcome"));
        Assert.True(await db.AuditEntries.AsNoTracking().AnyAsync(e => e.EntityType == "Clue" && e.EntityId == id.ToString() && e.Action == "View"));

        // The petition office alone reads who reported.
        var petitionView = await (await clues.Petition.GetAsync($"/api/v1/clues/{id}")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("Clue.NotFound", petitionView.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Another_county_and_a_recused_officer_cannot_read_the_clue_by_any_route(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var clues = new ClueClients(app);
        await clues.ConnectAsync();
        var official = await ClueClients.KaiyangPrincipalAsync(app, skip: 1);
        var registered = await clues.RegisterAsync(official, "举报其在村级工程项目招投标中插手干预，收受老板购物卡。", realName: false);
        var id = registered.Id;
        await clues.AssignAsync(id, TestUsers.KaiyangSupervision2.UserName);
        var officer = await app.ClientForAsync(TestUsers.KaiyangSupervision2.UserName);
        await (await officer.GetAsync($"/api/v1/clues/{id}")).OkJsonAsync<ClueDetail>();
        var attached = await ClueClients.AttachAsync(officer, id);

        var chishui = await app.ClientForAsync(TestUsers.ChishuiSupervision.UserName);
        await AssertCannotReachAsync(chishui, id, registered.Number, attached);

        // A Kaiyang officer who is not in the need-to-know circle sees nothing either.
        await AssertCannotReachAsync(clues.Handler, id, registered.Number, attached);

        var recused = await officer.PostAsync($"/api/v1/clues/{id}/recusals", new RecuseRequest { Reason = "与被反映人系近亲属" }.AsJson());
        Assert.Equal(HttpStatusCode.NoContent, recused.StatusCode);
        await AssertCannotReachAsync(officer, id, registered.Number, attached);

        // The case manager still sees it, and the recusal is on record.
        var detail = await (await clues.CaseManager.GetAsync($"/api/v1/clues/{id}")).OkJsonAsync<ClueDetail>();
        Assert.Contains(TestUsers.KaiyangSupervision2.UserName, detail.Recusals);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_clue_indexed_in_an_older_format_is_found_again_after_the_start_up_upgrade(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var clues = new ClueClients(app);
        await clues.ConnectAsync();
        var official = await ClueClients.KaiyangPrincipalAsync(app, skip: 3);
        var marker = "凤" + Guid.NewGuid().ToString("N")[..6];
        var registered = await clues.RegisterAsync(official, $"反映该局长在{marker}酒店接受宴请并饮酒。", realName: false);
        var search = $"/api/v1/clues?search=饮酒&number={registered.Number}";
        Assert.Contains((await (await clues.CaseManager.GetAsync(search)).OkJsonAsync<Qingfeng.Platform.Data.Paged<ClueListItem>>()).Items, i => i.Id == registered.Id);

        // Index the clue as older releases did: without scope tokens, and without the current format token.
        var protection = app.Services.GetRequiredService<ClueProtection>();
        await using (var db = app.CreateDb())
        {
            var current = protection.IndexDocument($"反映该局长在{marker}酒店接受宴请并饮酒。", []);
            var older = current with { Terms = [.. current.Terms.Where(t => t != ClueProtection.FormatToken)] };
            await app.Services.GetRequiredService<Qingfeng.Platform.Data.FullText.IFullTextIndex>().IndexAsync(db, ClueProtection.IndexKind, registered.Id, older, TestContext.Current.CancellationToken);
        }

        Assert.DoesNotContain((await (await clues.CaseManager.GetAsync(search)).OkJsonAsync<Qingfeng.Platform.Data.Paged<ClueListItem>>()).Items, i => i.Id == registered.Id);
        Assert.True(await app.Services.GetRequiredService<ClueSearchIndexUpgrade>().UpgradeAsync(TestContext.Current.CancellationToken) >= 1);
        Assert.Contains((await (await clues.CaseManager.GetAsync(search)).OkJsonAsync<Qingfeng.Platform.Data.Paged<ClueListItem>>()).Items, i => i.Id == registered.Id);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Search_finds_two_character_words_highlights_them_and_respects_visibility(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var clues = new ClueClients(app);
        await clues.ConnectAsync();
        var official = await ClueClients.KaiyangPrincipalAsync(app, skip: 2);
        var marker = "龙" + Guid.NewGuid().ToString("N")[..6];
        var registered = await clues.RegisterAsync(official, $"网民反映：该局长多次在工作日午间饮酒，并接受管理服务对象宴请，地点在{marker}山庄。", realName: false);

        var found = await (await clues.CaseManager.GetAsync($"/api/v1/clues?search=饮酒&number={registered.Number}")).OkJsonAsync<Qingfeng.Platform.Data.Paged<ClueListItem>>();
        var item = Assert.Single(found.Items, i => i.Id == registered.Id);
        Assert.Contains(item.Snippet!, p => p.Match && p.Text == "饮酒");

        var both = await (await clues.CaseManager.GetAsync($"/api/v1/clues?search=饮酒 宴请&number={registered.Number}")).OkJsonAsync<Qingfeng.Platform.Data.Paged<ClueListItem>>();
        Assert.Contains(both.Items, i => i.Id == registered.Id);
        var none = await (await clues.CaseManager.GetAsync($"/api/v1/clues?search=饮酒 礼金 购物卡 招投标&number={registered.Number}")).OkJsonAsync<Qingfeng.Platform.Data.Paged<ClueListItem>>();
        Assert.DoesNotContain(none.Items, i => i.Id == registered.Id);

        var chishui = await app.ClientForAsync(TestUsers.ChishuiSupervision.UserName);
        var foreign = await (await chishui.GetAsync("/api/v1/clues?search=饮酒&pageSize=200")).OkJsonAsync<Qingfeng.Platform.Data.Paged<ClueListItem>>();
        Assert.DoesNotContain(foreign.Items, i => i.Id == registered.Id);

        // The content is encrypted, and the index holds keyed hashes, not the words (SQLite's index is contentless).
        await using var db = app.CreateDb();
        Assert.DoesNotContain(marker, await db.Clues.AsNoTracking().Where(c => c.Id == registered.Id).Select(c => c.ContentCipher).SingleAsync(), StringComparison.Ordinal);
        if (provider == Provider.Postgres)
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM search_documents WHERE terms::text LIKE '%饮%' OR terms::text LIKE '%宴请%'";
            Assert.Equal(0L, Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Search_matches_a_phrase_exactly_and_finds_single_characters(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var clues = new ClueClients(app);
        await clues.ConnectAsync();
        var official = await ClueClients.KaiyangPrincipalAsync(app, skip: 4);
        var marker = "鹤" + Guid.NewGuid().ToString("N")[..6];
        var warning = await clues.RegisterAsync(official, $"反映该局长{marker}曾受党内警告处分后仍接受宴请。", realName: false);
        var serious = await clues.RegisterAsync(official, $"反映该局长{marker}受过党内严重警告处分，仍在工作日饮酒。", realName: false);

        async Task<List<Guid>> FoundAsync(string search) =>
            [.. (await (await clues.CaseManager.GetAsync($"/api/v1/clues?search={Uri.EscapeDataString(search)}&pageSize=200")).OkJsonAsync<Qingfeng.Platform.Data.Paged<ClueListItem>>())
                .Items.Select(i => i.Id).Where(id => id == warning.Id || id == serious.Id)];

        Assert.Equal([warning.Id], await FoundAsync($"{marker}曾受党内警告处分"));
        Assert.Equal([warning.Id], await FoundAsync("党内警告处分"));
        Assert.Equal([serious.Id], await FoundAsync("党内严重警告处分"));
        Assert.Equal(2, (await FoundAsync(marker[..1])).Count);
        Assert.Equal(2, (await FoundAsync($"{marker} 处分")).Count);
        Assert.Equal([serious.Id], await FoundAsync($"{marker} 饮酒"));

        var found = await (await clues.CaseManager.GetAsync($"/api/v1/clues?search={Uri.EscapeDataString("党内警告处分")}&number={warning.Number}")).OkJsonAsync<Qingfeng.Platform.Data.Paged<ClueListItem>>();
        Assert.Contains(Assert.Single(found.Items).Snippet!, p => p.Match && p.Text == "党内警告处分");
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Illegal_moves_and_missing_inputs_get_localised_problems_and_change_nothing(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var clues = new ClueClients(app);
        await clues.ConnectAsync();
        var official = await ClueClients.KaiyangPrincipalAsync(app, skip: 3);
        var registered = await clues.RegisterAsync(official, "反映其违规操办儿子婚宴，收受管理服务对象礼金。", realName: false);

        var illegal = await clues.Leader.PostAsync($"/api/v1/clues/{registered.Id}/actions", new ClueActionRequest { Action = ClueAction.Decide, Date = Today, Sanctions = [] }.AsJson());
        var problem = await illegal.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Clue.IllegalTransition", problem.GetProperty("code").GetString());
        Assert.Contains("作出处理决定", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        await ClueClients.ActAsync(clues.Petition, registered.Id, new() { Action = ClueAction.SubmitToCaseManagement });
        var missing = await clues.CaseManager.PostAsync($"/api/v1/clues/{registered.Id}/actions", new ClueActionRequest { Action = ClueAction.ProposeAllocation }.AsJson());
        Assert.Equal("Clue.FieldRequired", (await missing.ProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("code").GetString());

        var wrongRole = await clues.Petition.PostAsync($"/api/v1/clues/{registered.Id}/actions", new ClueActionRequest { Action = ClueAction.ApproveAllocation }.AsJson());
        Assert.True(wrongRole.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict or HttpStatusCode.Forbidden);

        var invalid = await clues.Petition.PostAsync("/api/v1/clues", new RegisterClueRequest { Content = "短", Persons = [] }.AsJson());
        await invalid.ProblemAsync(HttpStatusCode.BadRequest);

        var detail = await (await clues.CaseManager.GetAsync($"/api/v1/clues/{registered.Id}")).OkJsonAsync<ClueDetail>();
        Assert.Equal(ClueState.CaseManagement, detail.State);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_re_report_of_the_same_matter_is_flagged_as_a_likely_repeat(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var clues = new ClueClients(app);
        await clues.ConnectAsync();
        var official = await ClueClients.KaiyangPrincipalAsync(app, skip: 4);
        var first = await clues.RegisterAsync(official, "尊敬的县纪委领导：我要反映该局局长在今年春节前收受下属单位负责人送的购物卡五千元，还让司机开公车送孩子上学。", realName: false);
        var again = await clues.RegisterAsync(official, "再次反映：局长春节前收了下属单位负责人五千元购物卡，公车还被用来接送孩子上学，希望纪委查处。", realName: false);
        var other = await clues.RegisterAsync(official, "反映该局长的亲戚承揽了局里的绿化工程，未经招投标。", realName: false);

        Assert.Contains(again.PossibleRepeats, r => r.Id == first.Id);
        Assert.DoesNotContain(other.PossibleRepeats, r => r.Id == first.Id);
    }

    private static DateOnly Today => TestClock.Today;

    private static async Task AssertCannotReachAsync(HttpClient client, Guid id, string number, Guid attachment)
    {
        Assert.Equal("Clue.NotFound", (await (await client.GetAsync($"/api/v1/clues/{id}")).ProblemAsync(HttpStatusCode.NotFound)).GetProperty("code").GetString());
        var list = await (await client.GetAsync($"/api/v1/clues?number={number}&pageSize=200")).OkJsonAsync<Qingfeng.Platform.Data.Paged<ClueListItem>>();
        Assert.DoesNotContain(list.Items, i => i.Id == id);
        var search = await (await client.GetAsync("/api/v1/clues?search=购物卡&pageSize=200")).OkJsonAsync<Qingfeng.Platform.Data.Paged<ClueListItem>>();
        Assert.DoesNotContain(search.Items, i => i.Id == id);
        await (await client.GetAsync($"/api/v1/clues/{id}/attachments/{attachment}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync($"/api/v1/clues/{id}/documents/DisposalApproval")).ProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostAsync($"/api/v1/clues/{id}/actions", new ClueActionRequest { Action = ClueAction.ProposeDisposal, Method = DisposalMethod.Close, ClosingOutcome = ClosingOutcome.Clarified, Comment = "x" }.AsJson()))
            .ProblemAsync(HttpStatusCode.NotFound);
    }
}

/// <summary>The Kaiyang commission's officers as API clients, and the steps every test repeats.</summary>
internal sealed class ClueClients(QingfengApp app)
{
    public HttpClient Petition { get; set; } = null!;

    public HttpClient CaseManager { get; set; } = null!;

    public HttpClient Leader { get; set; } = null!;

    public HttpClient Handler { get; set; } = null!;

    public HttpClient Investigator { get; set; } = null!;

    public HttpClient Reviewer { get; set; } = null!;

    /// <summary>Who <see cref="WalkToTransferAsync"/> gives the investigation and the review (display names).</summary>
    public string InvestigatorName { get; set; } = TestUsers.KaiyangInvestigation.UserName;

    public string ReviewerName { get; set; } = TestUsers.KaiyangTrial.UserName;

    public async Task ConnectAsync()
    {
        Petition = await app.ClientForAsync(TestUsers.KaiyangPetition.UserName);
        CaseManager = await app.ClientForAsync(TestUsers.KaiyangCaseManagement.UserName);
        Leader = await app.ClientForAsync(TestUsers.KaiyangLeader.UserName);
        Handler = await app.ClientForAsync(TestUsers.KaiyangSupervision.UserName);
        Investigator = await app.ClientForAsync(TestUsers.KaiyangInvestigation.UserName);
        Reviewer = await app.ClientForAsync(TestUsers.KaiyangTrial.UserName);
    }

    /// <summary>
    /// A principal leader of a Kaiyang county-level unit of the demo roster, picked by index. Tests share these officials
    /// (there are fewer than tests), so a test asserts only on the records it made itself; one that counts all that is
    /// recorded about an official takes its own (<see cref="Subjects.NewKaiyangPrincipalAsync"/>), which this leaves out.
    /// </summary>
    public static async Task<Guid> KaiyangPrincipalAsync(QingfengApp app, int skip)
    {
        await using var db = app.CreateDb();
        var principals = await db.Officials.AsNoTracking()
            .Where(o => o.IsPrincipal && o.RegionKey.StartsWith("520121") && o.Unit!.Kind != Qingfeng.Features.Roster.UnitKind.VillageOrCommunity && o.Unit.Sector != Subjects.Sector)
            .OrderBy(o => o.Id).Select(o => o.Id).ToListAsync();
        return principals[skip % principals.Count];
    }

    public async Task<RegisterClueResult> RegisterAsync(Guid official, string content, bool realName, DateOnly? receivedOn = null)
    {
        var request = new RegisterClueRequest
        {
            Source = ClueSource.Online12388,
            ReceivedOn = receivedOn,
            IsRealName = realName,
            Reporter = realName ? new ReporterDetails { Name = "举报人甲", Phone = "13800000000" } : null,
            Content = content,
            Persons = [new ReportedPersonRequest { OfficialId = official }],
            Categories = ["EP.GIFTS"],
        };
        var response = await Petition.PostAsync("/api/v1/clues", request.AsJson());
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonSerializer.Deserialize<RegisterClueResult>(body, HttpAssertions.Json)!;
    }

    public static async Task<ClueDetailVersion> ActAsync(HttpClient client, Guid id, ClueActionRequest request) =>
        await (await client.PostAsync($"/api/v1/clues/{id}/actions", request.AsJson())).OkJsonAsync<ClueDetailVersion>();

    /// <summary>Takes an assigned clue about a 一把手 through verification, filing, investigation, review and decision to a transfer.</summary>
    public async Task WalkToTransferAsync(Guid id, DateOnly today)
    {
        await ActAsync(Handler, id, new() { Action = ClueAction.ProposeDisposal, Method = DisposalMethod.Verification, Comment = "问题具体" });
        await ActAsync(Leader, id, new() { Action = ClueAction.ApproveDisposal });
        await ActAsync(Leader, id, new() { Action = ClueAction.RecordPartyCommitteeApproval, Comment = "同意初核", Date = today });
        await ActAsync(Handler, id, new() { Action = ClueAction.ProposeCase, Comment = "建议立案" });
        await ActAsync(Leader, id, new() { Action = ClueAction.ApproveCaseFiling });
        await ActAsync(Leader, id, new() { Action = ClueAction.RecordPartyCommitteeApproval, Comment = "同意立案", Date = today });
        await ActAsync(Leader, id, new() { Action = ClueAction.StartInvestigation, AssigneeId = await AssigneeAsync(ClueAction.StartInvestigation, InvestigatorName) });
        await ActAsync(Investigator, id, new() { Action = ClueAction.SubmitInvestigationReport, Date = today, Comment = "事实清楚" });
        await ActAsync(Leader, id, new() { Action = ClueAction.TransferToReview, AssigneeId = await AssigneeAsync(ClueAction.TransferToReview, ReviewerName) });
        await ActAsync(Reviewer, id, new() { Action = ClueAction.SubmitReviewReport, Comment = "定性准确" });
        await ActAsync(Leader, id, new() { Action = ClueAction.Decide, Date = today, Sanctions = [new() { Code = "P.EXPULSION" }, new() { Code = "S.DISMISSAL" }] });
        await ActAsync(Leader, id, new() { Action = ClueAction.TransferToProcuratorate, Date = today, Comment = "移送审查起诉" });
    }

    public async Task<Guid> AssigneeAsync(ClueAction action, string userName)
    {
        var client = action == ClueAction.ProposeAllocation ? CaseManager : Leader;
        var list = await (await client.GetAsync($"/api/v1/clues/assignees?action={action}")).OkJsonAsync<List<AssigneeItem>>();
        return list.First(a => a.DisplayName == userName).Id;
    }

    public async Task AssignAsync(Guid id, string handlerUserName)
    {
        await ActAsync(Petition, id, new() { Action = ClueAction.SubmitToCaseManagement });
        var handler = await AssigneeAsync(ClueAction.ProposeAllocation, handlerUserName);
        await ActAsync(CaseManager, id, new() { Action = ClueAction.ProposeAllocation, AssigneeId = handler });
        await ActAsync(Leader, id, new() { Action = ClueAction.ApproveAllocation });
    }

    public static async Task<Guid> AttachAsync(HttpClient client, Guid id)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent("来信扫描件（合成测试数据）"u8.ToArray());
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/plain");
        form.Add(file, "file", "letter.txt");
        var response = await client.PostAsync($"/api/v1/clues/{id}/attachments", form);
        return (await response.OkJsonAsync<AttachmentItem>()).Id;
    }
}
