using System.Net;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Qingfeng.Features.Accountability;
using Qingfeng.Features.Rectification;
using Qingfeng.IntegrationTests.Features.Clues;
using Qingfeng.IntegrationTests.Infrastructure;
using Qingfeng.Platform.Api;
using Qingfeng.Platform.Data;
using Xunit;

namespace Qingfeng.IntegrationTests.Features.Accountability;

/// <summary>Accountability decisions through the API: forms per target, causes, impact periods, the ledger, the 通报, jurisdiction.</summary>
public sealed class AccountabilityApiTests(SharedApps apps)
{
    public static SaveAccountabilityRequest ExaminationOf(Guid official) => new()
    {
        Target = AccountabilityTarget.LeadingCadre,
        OfficialId = official,
        Methods = [AccountabilityMethod.Examination, AccountabilityMethod.Circulation],
        Cause = AccountabilityCause.Inspection,
        Failure = "单位工作人员工作日饮酒，管党治党主体责任落实不力",
        Facts = "2026年3月12日，该单位3名工作人员工作日中午饮酒，下午无故脱岗",
        Basis = "《中国共产党问责条例》第七条、第八条",
        DecidedBy = "开阳县纪委常委会",
        DecidedOn = new DateOnly(2026, 4, 8),
        Notice = NoticeScope.Public,
    };

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Three_principals_ordered_to_examine_after_staff_drank_on_duty_go_into_one_public_notice_and_the_ledger(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var office = await app.ClientForAsync(TestUsers.KaiyangPartyConduct.UserName);
        var principals = new[] { await ClueClients.KaiyangPrincipalAsync(app, 30), await ClueClients.KaiyangPrincipalAsync(app, 31), await ClueClients.KaiyangPrincipalAsync(app, 32) };
        var ids = new List<Guid>();
        foreach (var principal in principals)
        {
            ids.Add(await CreateAsync(office, ExaminationOf(principal) with { RectificationMeasures = "开展作风纪律专项整顿，书面检查报县纪委监委" }));
        }

        var detail = await GetAsync(office, ids[0]);
        Assert.True(detail.Subject.IsPrincipal);
        Assert.Equal([AccountabilityMethod.Examination, AccountabilityMethod.Circulation], detail.Methods);
        Assert.Null(detail.ImpactUntil);
        Assert.Equal(new DateOnly(2026, 5, 8), detail.AppealUntil);
        Assert.Equal(RectificationState.Open, detail.RectificationState);

        await using (var db = app.CreateDb())
        {
            var items = await db.RectificationItems.AsNoTracking().Where(i => ids.Contains(i.SourceId!.Value)).ToListAsync();
            Assert.Equal(3, items.Count);
            Assert.All(items, i => Assert.Equal(RectificationSource.Accountability, i.Source));
            Assert.Equal(principals.Order(), items.Select(i => i.Subject.OfficialId!.Value).Order());
        }

        var names = new List<string>();
        await using (var db = app.CreateDb())
        {
            names.AddRange(await db.Officials.AsNoTracking().Where(o => principals.Contains(o.Id)).Select(o => o.Name).ToListAsync());
        }

        var notice = await office.GetAsync($"/api/v1/accountability/notice?ids={ids[0]}&ids={ids[1]}&ids={ids[2]}");
        Assert.Equal(HttpStatusCode.OK, notice.StatusCode);
        using var stream = new MemoryStream(await notice.Content.ReadAsByteArrayAsync());
        using var word = WordprocessingDocument.Open(stream, false);
        var text = word.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("关于三起问责典型问题的通报", text, StringComparison.Ordinal);
        Assert.Contains("公开通报如下", text, StringComparison.Ordinal);
        Assert.All(names, name => Assert.Contains(name, text, StringComparison.Ordinal));
        Assert.Contains("予以责令检查、通报", text, StringComparison.Ordinal);
        Assert.DoesNotContain("内部", text, StringComparison.Ordinal);

        var list = await (await office.GetAsync($"/api/v1/accountability?principalOnly=true&form=Examination&text={Uri.EscapeDataString("工作日饮酒")}&pageSize=200"))
            .OkJsonAsync<Paged<AccountabilityListItem>>();
        Assert.Superset(ids.ToHashSet(), list.Items.Select(i => i.Id).ToHashSet());
        var export = await office.GetAsync("/api/v1/accountability/export?principalOnly=true");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Admonishment_and_dismissal_keep_the_longer_impact_period_until_the_decision_is_revoked(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var office = await app.ClientForAsync(TestUsers.KaiyangLeader.UserName);
        var official = await ClueClients.KaiyangPrincipalAsync(app, 33);
        var id = await CreateAsync(office, ExaminationOf(official) with
        {
            Methods = [AccountabilityMethod.Admonishment, AccountabilityMethod.OrganisationalMeasure],
            Measure = OrganisationalMeasureKind.Dismissed,
            Notice = NoticeScope.Internal,
            DecidedOn = new DateOnly(2026, 3, 10),
        });

        // 免职: two years without promotion, one year without any leading post (the catalogue a case decision's 免职 uses too).
        var detail = await GetAsync(office, id);
        Assert.Equal(new DateOnly(2028, 3, 9), detail.ImpactUntil);
        Assert.Equal(new DateOnly(2027, 3, 9), detail.LeadingPostBarredUntil);
        Assert.Equal(new DateOnly(2026, 4, 10), detail.ExecuteBy);
        Assert.False(detail.ExecuteByProvisional);
        var inImpact = await (await office.GetAsync($"/api/v1/accountability?inImpact=true&officialId={official}")).OkJsonAsync<Paged<AccountabilityListItem>>();
        Assert.Contains(inImpact.Items, i => i.Id == id);

        Assert.Equal(HttpStatusCode.NoContent, (await office.PostAsync($"/api/v1/accountability/{id}/execute", new ExecuteAccountabilityRequest { On = new DateOnly(2026, 3, 30), Note = "已免去其职务，已通报组织部" }.AsJson())).StatusCode);
        await (await office.PutAsync($"/api/v1/accountability/{id}", (ExaminationOf(official) with { Version = detail.Version }).AsJson())).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(HttpStatusCode.NoContent, (await office.PostAsync($"/api/v1/accountability/{id}/revoke", new RevokeAccountabilityRequest { On = new DateOnly(2026, 4, 20), Reason = "申诉复查认定事实不清" }.AsJson())).StatusCode);
        var revoked = await GetAsync(office, id);
        Assert.Equal(AccountabilityState.Revoked, revoked.State);
        Assert.Null(revoked.ImpactUntil);
        Assert.Null(revoked.LeadingPostBarredUntil);
        Assert.False(revoked.InImpactPeriod);
        inImpact = await (await office.GetAsync($"/api/v1/accountability?inImpact=true&officialId={official}")).OkJsonAsync<Paged<AccountabilityListItem>>();
        Assert.DoesNotContain(inImpact.Items, i => i.Id == id);
        await (await office.GetAsync($"/api/v1/accountability/notice?ids={id}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_ledger_item_that_failed_is_linked_as_the_cause_and_a_record_out_of_reach_is_not(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var supervision = await app.ClientForAsync(TestUsers.KaiyangSupervision.UserName);
        var office = await app.ClientForAsync(TestUsers.KaiyangPartyConduct.UserName);
        var official = await ClueClients.KaiyangPrincipalAsync(app, 34);
        var created = await supervision.PostAsync("/api/v1/rectification", new CreateRectificationItemRequest
        {
            Source = RectificationSource.Inspection,
            OfficialId = official,
            Problem = "巡察反馈的公务接待问题整改不力",
            Measures = "规范公务接待审批",
        }.AsJson());
        created.EnsureSuccessStatusCode();
        var item = await created.Content.ReadFromJsonAsync<Guid>();

        var id = await CreateAsync(office, ExaminationOf(official) with { Cause = AccountabilityCause.Rectification, CauseId = item, Methods = [AccountabilityMethod.Admonishment], Notice = NoticeScope.None });
        var detail = await GetAsync(office, id);
        Assert.Equal((AccountabilityCause.Rectification, item, "巡察反馈的公务接待问题整改不力"), (detail.Cause, detail.CauseId, detail.CauseReference));
        Assert.Equal(new DateOnly(2026, 10, 7), detail.ImpactUntil);

        await (await office.PostAsync("/api/v1/accountability", (ExaminationOf(official) with { Cause = AccountabilityCause.Clue, CauseId = Guid.NewGuid() }).AsJson())).ProblemAsync(HttpStatusCode.NotFound);
        await (await office.PostAsync("/api/v1/accountability", (ExaminationOf(official) with { Cause = AccountabilityCause.Rectification }).AsJson())).ProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Forms_that_do_not_fit_the_target_are_refused_with_a_localised_problem_and_nothing_is_saved(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var office = await app.ClientForAsync(TestUsers.KaiyangPartyConduct.UserName);
        var official = await ClueClients.KaiyangPrincipalAsync(app, 35);
        await using var db = app.CreateDb();
        var unit = await db.Officials.AsNoTracking().Where(o => o.Id == official).Select(o => o.UnitId!.Value).SingleAsync();

        // The refused requests carry their own mark: other tests may record decisions about the same unit meanwhile.
        var refused = ExaminationOf(official) with { DecidedBy = "开阳县纪委常委会（应被拒绝" + Guid.NewGuid().ToString("N")[..8] + "）" };
        var organisationAdmonished = await office.PostAsync("/api/v1/accountability", (refused with
        {
            Target = AccountabilityTarget.Organisation,
            OfficialId = null,
            UnitId = unit,
            Methods = [AccountabilityMethod.Admonishment],
        }).AsJson());
        var problem = await organisationAdmonished.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("党组织", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        await (await office.PostAsync("/api/v1/accountability", (refused with { Methods = [AccountabilityMethod.OrganisationalMeasure] }).AsJson())).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await office.PostAsync("/api/v1/accountability", (refused with { Notice = NoticeScope.None }).AsJson())).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await office.PostAsync("/api/v1/accountability", (refused with { OfficialId = null }).AsJson())).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.False(await db.AccountabilityDecisions.AnyAsync(d => d.DecidedBy == refused.DecidedBy));

        // The party organisation itself: examination and a notice, no person.
        var organisation = await CreateAsync(office, ExaminationOf(official) with { Target = AccountabilityTarget.Organisation, OfficialId = null, UnitId = unit, Notice = NoticeScope.Internal });
        var detail = await GetAsync(office, organisation);
        Assert.Null(detail.Subject.OfficialId);
        var notice = await office.GetAsync($"/api/v1/accountability/notice?ids={organisation}");
        using var stream = new MemoryStream(await notice.Content.ReadAsByteArrayAsync());
        using var word = WordprocessingDocument.Open(stream, false);
        var text = word.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains(detail.Subject.UnitName + "党组织", text, StringComparison.Ordinal);
        Assert.Contains("内部", text, StringComparison.Ordinal);
        Assert.Contains("予以检查、通报", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Only_the_party_conduct_office_and_leaders_decide_and_another_county_sees_nothing(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var office = await app.ClientForAsync(TestUsers.KaiyangPartyConduct.UserName);
        var official = await ClueClients.KaiyangPrincipalAsync(app, 36);
        var id = await CreateAsync(office, ExaminationOf(official));

        var supervision = await app.ClientForAsync(TestUsers.KaiyangSupervision.UserName);
        Assert.Equal(HttpStatusCode.OK, (await supervision.GetAsync($"/api/v1/accountability/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervision.PostAsync("/api/v1/accountability", ExaminationOf(official).AsJson())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervision.PostAsync($"/api/v1/accountability/{id}/execute", new ExecuteAccountabilityRequest { On = new DateOnly(2026, 5, 1) }.AsJson())).StatusCode);

        var chishui = await app.ClientForAsync(TestUsers.ChishuiSupervision.UserName);
        await (await chishui.GetAsync($"/api/v1/accountability/{id}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await chishui.GetAsync($"/api/v1/accountability/notice?ids={id}")).ProblemAsync(HttpStatusCode.NotFound);
        var theirs = await (await chishui.GetAsync($"/api/v1/accountability?officialId={official}")).OkJsonAsync<Paged<AccountabilityListItem>>();
        Assert.Empty(theirs.Items);
    }

    internal static async Task<Guid> CreateAsync(HttpClient client, SaveAccountabilityRequest request)
    {
        var created = await client.PostAsync("/api/v1/accountability", request.AsJson());
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<IdResult>(HttpAssertions.Json))!.Id;
    }

    private static async Task<AccountabilityDetail> GetAsync(HttpClient client, Guid id) =>
        await (await client.GetAsync($"/api/v1/accountability/{id}")).OkJsonAsync<AccountabilityDetail>();
}
