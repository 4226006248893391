using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Qingfeng.Features.Clues;
using Qingfeng.Features.Organs;
using Qingfeng.IntegrationTests.Infrastructure;
using Qingfeng.Platform.Security;
using Xunit;

namespace Qingfeng.IntegrationTests.Features.Clues;

/// <summary>
/// 重复件 on the matter (issue 18, item 4): a retold clue about a person typed as free text is flagged at registration and shown
/// with its reason and shared passages; only clues the caller may see are named or counted; a dismissal is kept and only the
/// owning organ decides.
/// </summary>
public sealed class ClueRepeatTests(SharedApps apps)
{
    internal const string Letter =
        "尊敬的县纪委领导：我要实名反映开阳县交通运输局局长覃某某的问题。2025年春节前，砂石厂老板冉某到覃某某家里送了现金两万块钱和两条中华烟，之后冉某的公司拿到了通村公路硬化项目。恳请组织调查核实。";

    internal const string Supplement =
        "本人于3月曾反映县交通局覃局长的问题，至今未见处理，现补充反映：覃局长2025年春节前收受砂石厂老板冉某送的现金2万元，冉某的公司随后拿到了通村公路硬化项目。事后他还让人把发票处理掉了。";

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_retold_clue_about_a_free_text_person_is_flagged_and_shown_with_its_passages_to_those_who_may_see_both(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var clues = new ClueClients(app);
        await clues.ConnectAsync();
        var unit = Unique("开阳县交通运输局");

        // The petition office registers the letter and hands it on: from then on it may not open it.
        var first = await RegisterAsync(clues.Petition, Letter, "覃某某", unit);
        await ClueClients.ActAsync(clues.Petition, first.Id, new() { Action = ClueAction.SubmitToCaseManagement });

        // Case management registers the supplementary letter, the person typed differently: flagged, with the reason in words.
        var second = await RegisterAsync(clues.CaseManager, Supplement, "覃松彬", unit.Replace("交通运输局", "交通局", StringComparison.Ordinal));
        var flagged = Assert.Single(second.PossibleRepeats, r => r.Id == first.Id);
        Assert.Contains("被反映人可能相同", flagged.Reason, StringComparison.Ordinal);

        // The clue's candidates: number, score, reason and the passages both texts share.
        var candidates = await (await clues.CaseManager.GetAsync($"/api/v1/clues/{second.Id}/repeat-candidates")).OkJsonAsync<List<RepeatCandidate>>();
        var candidate = Assert.Single(candidates, c => c.Id == first.Id);
        Assert.Equal(first.Number, candidate.Number);
        Assert.True(candidate.IsEarlier);
        Assert.True(candidate.CanDismiss);
        Assert.Contains(candidate.Passages, p => p.Contains("拿到了通村公路硬化项目", StringComparison.Ordinal));
        Assert.Contains("相同段落", candidate.Reason, StringComparison.Ordinal);

        // The petition office registers a third retelling: the first clue has left its circle, so it is neither named nor counted.
        var third = await clues.Petition.PostAsync("/api/v1/clues", Request(Supplement + "此事单位很多人都知道。", "覃某", unit).AsJson());
        var body = await third.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, third.StatusCode);
        Assert.DoesNotContain(first.Id.ToString(), body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(first.Number, body, StringComparison.Ordinal);
        var thirdId = (await third.Content.ReadFromJsonAsync<RegisterClueResult>(HttpAssertions.Json))!.Id;
        var seenByPetition = await (await clues.Petition.GetAsync($"/api/v1/clues/{thirdId}/repeat-candidates")).OkJsonAsync<List<RepeatCandidate>>();
        Assert.DoesNotContain(seenByPetition, c => c.Id == first.Id || c.Number == first.Number);

        // The second clue is still at intake, so the petition office may open it and is told of it.
        Assert.Contains(seenByPetition, c => c.Id == second.Id);

        // An officer outside the second clue's circle is not told it exists.
        await (await clues.Handler.GetAsync($"/api/v1/clues/{second.Id}/repeat-candidates")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_dismissal_is_kept_audited_labels_the_candidate_and_is_taken_once(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var clues = new ClueClients(app);
        await clues.ConnectAsync();
        var unit = Unique("开阳县交通运输局");
        var first = await RegisterAsync(clues.CaseManager, Letter, "覃某某", unit);
        var second = await RegisterAsync(clues.CaseManager, Supplement, "覃局长", unit);
        Assert.Contains(second.PossibleRepeats, r => r.Id == first.Id);

        var dismiss = new DismissRepeatRequest { OtherClueId = first.Id, Reason = "核对原件，反映的是另一笔礼金。" };
        await (await clues.Handler.PostAsync($"/api/v1/clues/{second.Id}/repeat-dismissals", dismiss.AsJson())).ProblemAsync(HttpStatusCode.NotFound);
        var done = await clues.CaseManager.PostAsync($"/api/v1/clues/{second.Id}/repeat-dismissals", dismiss.AsJson());
        Assert.Equal(HttpStatusCode.NoContent, done.StatusCode);

        var candidate = Assert.Single(
            await (await clues.CaseManager.GetAsync($"/api/v1/clues/{second.Id}/repeat-candidates")).OkJsonAsync<List<RepeatCandidate>>(),
            c => c.Id == first.Id);
        Assert.Equal(dismiss.Reason, candidate.Dismissed?.Reason);
        Assert.False(candidate.CanDismiss);
        Assert.False(candidate.CanConfirm);

        // Seen from the other clue, the pair is decided too; a second decision answers 409.
        var fromFirst = await (await clues.CaseManager.GetAsync($"/api/v1/clues/{first.Id}/repeat-candidates")).OkJsonAsync<List<RepeatCandidate>>();
        Assert.NotNull(Assert.Single(fromFirst, c => c.Id == second.Id).Dismissed);
        await (await clues.CaseManager.PostAsync($"/api/v1/clues/{first.Id}/repeat-dismissals", new DismissRepeatRequest { OtherClueId = second.Id, Reason = "同上" }.AsJson()))
            .ProblemAsync(HttpStatusCode.Conflict);

        await using var db = app.CreateDb();
        var kept = await db.Set<ClueRepeatDismissal>().AsNoTracking().SingleAsync(d => d.ClueId == second.Id);
        Assert.Equal(first.Id, kept.OtherClueId);
        Assert.Equal(TestUsers.KaiyangCaseManagement.UserName, kept.DismissedByName);
        Assert.True(await db.AuditEntries.AsNoTracking().AnyAsync(e => e.Action == "DismissRepeat" && e.EntityId == second.Id.ToString()));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_collaborating_organ_sees_the_candidate_but_cannot_dismiss_it(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        await using var db = app.CreateDb();
        var delegation = await db.SupervisionDelegations.AsNoTracking().OrderBy(d => d.CreatedAt).FirstAsync(d => d.CollaborationGroupId != null);
        var members = await db.Set<CollaborationGroupMember>().AsNoTracking()
            .Where(m => m.GroupId == delegation.CollaborationGroupId && m.OrganId != delegation.HomeOrganId).Select(m => m.OrganId).ToListAsync();
        var leader = await db.Officials.AsNoTracking().Where(o => o.UnitId == delegation.UnitId && o.IsPrincipal).Select(o => o.Id).FirstAsync();
        var owner = await app.ClientForOrganAsync(members[0], Roles.CaseManagement);
        var partner = await app.ClientForOrganAsync(members[1], Roles.CaseManagement);
        var marker = Guid.NewGuid().ToString("N")[..6];
        const string Original = "反映村党支部书记把不符合条件的侄子纳入低保，侄子家里有车有房，从2024年10月开始每月领取，真正困难的群众却评不上。";
        const string Retold = "再次反映：村支书的侄子家里有车有房却在吃低保，2024年10月起一直在领，真正困难的群众却评不上，村里困难户意见很大。";

        var first = await RegisterLinkedAsync(owner, Original + marker, leader);
        var second = await RegisterLinkedAsync(owner, Retold + marker, leader);
        Assert.Contains(second.PossibleRepeats, r => r.Id == first.Id);

        var seen = Assert.Single(
            await (await partner.GetAsync($"/api/v1/clues/{second.Id}/repeat-candidates")).OkJsonAsync<List<RepeatCandidate>>(),
            c => c.Id == first.Id);
        Assert.False(seen.CanDismiss);
        await (await partner.PostAsync($"/api/v1/clues/{second.Id}/repeat-dismissals", new DismissRepeatRequest { OtherClueId = first.Id, Reason = "不是同一事项" }.AsJson()))
            .ProblemAsync(HttpStatusCode.Forbidden);
        Assert.False(await db.Set<ClueRepeatDismissal>().AsNoTracking().AnyAsync(d => d.ClueId == second.Id));
    }

    /// <summary>A unit name no other test uses, so the candidates of one test are its own.</summary>
    private static string Unique(string unit) => unit.Replace("开阳县", "开阳县" + Guid.NewGuid().ToString("N")[..4], StringComparison.Ordinal);

    private static RegisterClueRequest Request(string content, string name, string unit) => new()
    {
        Source = ClueSource.Letter,
        Content = content,
        Persons = [new ReportedPersonRequest { Name = name, UnitName = unit }],
    };

    private static async Task<RegisterClueResult> RegisterAsync(HttpClient client, string content, string name, string unit)
    {
        var response = await client.PostAsync("/api/v1/clues", Request(content, name, unit).AsJson());
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return System.Text.Json.JsonSerializer.Deserialize<RegisterClueResult>(body, HttpAssertions.Json)!;
    }

    private static async Task<RegisterClueResult> RegisterLinkedAsync(HttpClient client, string content, Guid official)
    {
        var response = await client.PostAsync("/api/v1/clues", new RegisterClueRequest
        {
            Source = ClueSource.Letter,
            Content = content,
            Persons = [new ReportedPersonRequest { OfficialId = official }],
        }.AsJson());
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return System.Text.Json.JsonSerializer.Deserialize<RegisterClueResult>(body, HttpAssertions.Json)!;
    }
}
