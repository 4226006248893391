using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Qingfeng.Features.Clues;
using Qingfeng.Features.Decisions;
using Qingfeng.Features.Rectification;
using Qingfeng.IntegrationTests.Features.Clues;
using Qingfeng.IntegrationTests.Infrastructure;
using Qingfeng.Platform.Data;
using Xunit;

namespace Qingfeng.IntegrationTests.Features.Decisions;

/// <summary>三重一大 decision records through the API: checks, findings into the ledger, clues about the 一把手, jurisdiction.</summary>
public sealed class DecisionApiTests(SharedApps apps)
{
    public static SaveDecisionRequest CleanRequest(Guid? unitId) => new()
    {
        UnitId = unitId,
        Kind = DecisionKind.LargeExpenditure,
        Title = "采购执法执勤车辆",
        MeetingOn = new DateOnly(2026, 3, 2),
        MeetingKind = "党组会",
        AgendaDaysAhead = 3,
        MembersPresent = 7,
        MembersTotal = 9,
        DecidedCollectively = true,
        PrincipalSpokeLast = true,
        Amount = 860_000m,
    };

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_large_expenditure_decided_alone_opens_ledger_items_and_a_clue_about_the_principal(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var officer = await app.ClientForAsync(TestUsers.KaiyangSupervision.UserName);
        var (_, unit) = await PrincipalAndUnitAsync(app, skip: 21);

        var request = CleanRequest(unit) with { DecidedCollectively = false, PrincipalSpokeLast = false, PrincipalInChargeOf = [RestrictedArea.Procurement] };
        var id = await CreateAsync(officer, request);

        var detail = await GetAsync(officer, id);
        var principal = detail.Subject.OfficialId!.Value;
        await using var db = app.CreateDb();
        Assert.True(await db.Officials.AnyAsync(o => o.Id == principal && o.UnitId == unit && o.IsPrincipal));
        Assert.Equal(
            [DecisionCheckCodes.LargeExpenditureWithoutCollective, DecisionCheckCodes.NotCollective, DecisionCheckCodes.PrincipalInChargeOfRestrictedArea, DecisionCheckCodes.PrincipalNotLast],
            detail.Findings.Select(f => f.CheckCode).Order(StringComparer.Ordinal));
        Assert.All(detail.Findings, f => Assert.NotNull(f.RectificationItemId));

        var items = await db.RectificationItems.AsNoTracking().Where(i => i.SourceId == id).ToListAsync();
        Assert.Equal(4, items.Count);
        Assert.All(items, i => Assert.Equal((RectificationSource.DecisionCheck, principal, unit), (i.Source, i.Subject.OfficialId, i.Subject.UnitId)));
        Assert.Equal(detail.Findings.Select(f => f.RectificationItemId!.Value).Order(), items.Select(i => i.Id).Order());

        // The two clue-raising findings share one clue about the 一把手, found in supervision work. Registering it gives the
        // officer no access to it (need-to-know): the officer reads that a clue was registered; the leadership which may see it
        // reads which one.
        Assert.Equal(2, detail.Findings.Count(f => f.ClueRegistered));
        Assert.All(detail.Findings, f => Assert.Null(f.ClueId));
        detail = await GetAsync(await app.ClientForAsync(TestUsers.KaiyangLeader.UserName), id);
        var clueIds = detail.Findings.Where(f => f.ClueId is not null).Select(f => f.ClueId!.Value).Distinct().ToList();
        var clueId = Assert.Single(clueIds);
        Assert.Equal(2, detail.Findings.Count(f => f.ClueId == clueId));
        var clue = await db.Clues.AsNoTracking().Include(c => c.ReportedPersons).SingleAsync(c => c.Id == clueId);
        Assert.Equal(ClueSource.FoundInSupervision, clue.Source);
        Assert.Equal(principal, Assert.Single(clue.ReportedPersons).OfficialId);
        Assert.All(detail.Findings, f => Assert.False(f.ClueRecommended));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_clean_record_has_no_findings_and_re_checking_after_edits_never_duplicates(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var officer = await app.ClientForAsync(TestUsers.KaiyangSupervision.UserName);
        var (_, unit) = await PrincipalAndUnitAsync(app, skip: 22);

        var id = await CreateAsync(officer, CleanRequest(unit));
        var clean = await GetAsync(officer, id);
        Assert.Empty(clean.Findings);
        await using (var db = app.CreateDb())
        {
            Assert.False(await db.RectificationItems.AnyAsync(i => i.SourceId == id));
        }

        var list = await (await officer.GetAsync($"/api/v1/decisions?unitId={unit}&hasFindings=false")).OkJsonAsync<Paged<DecisionListItem>>();
        Assert.Contains(list.Items, i => i.Id == id);

        // The 一把手 spoke first: one finding; saving again (twice) keeps it single, with one ledger item.
        var first = CleanRequest(unit) with { PrincipalSpokeLast = false, Version = clean.Version };
        Assert.Equal(HttpStatusCode.NoContent, (await officer.PutAsync($"/api/v1/decisions/{id}", first.AsJson())).StatusCode);
        var once = await GetAsync(officer, id);
        var again = first with { Dissent = "一名委员对采购数量保留意见", Version = once.Version };
        Assert.Equal(HttpStatusCode.NoContent, (await officer.PutAsync($"/api/v1/decisions/{id}", again.AsJson())).StatusCode);
        var twice = await GetAsync(officer, id);
        var finding = Assert.Single(twice.Findings);
        Assert.Equal(DecisionCheckCodes.PrincipalNotLast, finding.CheckCode);
        Assert.Null(finding.ClueId);
        await using (var db = app.CreateDb())
        {
            Assert.Equal(1, await db.RectificationItems.CountAsync(i => i.SourceId == id));
        }

        // A stale version is refused.
        var stale = await officer.PutAsync($"/api/v1/decisions/{id}", (again with { Version = clean.Version }).AsJson());
        await stale.ProblemAsync(HttpStatusCode.Conflict);

        var withFindings = await (await officer.GetAsync($"/api/v1/decisions?unitId={unit}&hasFindings=true&principalSpokeLast=false")).OkJsonAsync<Paged<DecisionListItem>>();
        Assert.Contains(withFindings.Items, i => i.Id == id && i.OpenFindings == 1);
        var export = await officer.GetAsync($"/api/v1/decisions/export?unitId={unit}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Another_county_gets_not_found_and_an_office_without_supervision_rights_is_refused(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var officer = await app.ClientForAsync(TestUsers.KaiyangSupervision.UserName);
        var (_, unit) = await PrincipalAndUnitAsync(app, skip: 23);
        var id = await CreateAsync(officer, CleanRequest(unit));

        var chishui = await app.ClientForAsync(TestUsers.ChishuiSupervision.UserName);
        await (await chishui.GetAsync($"/api/v1/decisions/{id}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await chishui.PutAsync($"/api/v1/decisions/{id}", CleanRequest(unit).AsJson())).ProblemAsync(HttpStatusCode.NotFound);
        await (await chishui.PostAsync("/api/v1/decisions", CleanRequest(unit).AsJson())).ProblemAsync(HttpStatusCode.NotFound);
        var list = await (await chishui.GetAsync($"/api/v1/decisions?unitId={unit}")).OkJsonAsync<Paged<DecisionListItem>>();
        Assert.Empty(list.Items);

        var petition = await app.ClientForAsync(TestUsers.KaiyangPetition.UserName);
        Assert.Equal(HttpStatusCode.Forbidden, (await petition.PostAsync("/api/v1/decisions", CleanRequest(unit).AsJson())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await petition.PutAsync($"/api/v1/decisions/{id}", CleanRequest(unit).AsJson())).StatusCode);
    }

    internal static async Task<(Guid Principal, Guid Unit)> PrincipalAndUnitAsync(QingfengApp app, int skip)
    {
        var principal = await ClueClients.KaiyangPrincipalAsync(app, skip);
        await using var db = app.CreateDb();
        var unit = await db.Officials.AsNoTracking().Where(o => o.Id == principal).Select(o => o.UnitId!.Value).SingleAsync();
        return (principal, unit);
    }

    internal static async Task<Guid> CreateAsync(HttpClient client, SaveDecisionRequest request)
    {
        var created = await client.PostAsync("/api/v1/decisions", request.AsJson());
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return await created.Content.ReadFromJsonAsync<Guid>();
    }

    private static async Task<DecisionDetail> GetAsync(HttpClient client, Guid id) =>
        await (await client.GetAsync($"/api/v1/decisions/{id}")).OkJsonAsync<DecisionDetail>();
}
