using Bunit;
using Qingfeng.Features.Recommendations.Pages;
using Qingfeng.IntegrationTests.Features.Decisions;
using Qingfeng.IntegrationTests.Features.Recommendations;
using Qingfeng.IntegrationTests.Infrastructure;
using Qingfeng.Platform.Security;
using Xunit;

namespace Qingfeng.IntegrationTests.Components;

/// <summary>The recommendation detail page offers each caller the forms its workflow offers them, rendered over the real app.</summary>
public sealed class RecommendationDetailPageTests(SharedApps apps) : DetailPageTestBase(apps)
{
    private const string Kaiyang = "开阳县纪委监委";

    [Fact]
    public async Task The_issuing_office_records_reply_checks_rules_and_outcome_a_reader_and_the_city_record_nothing()
    {
        var (_, unit) = await DecisionApiTests.PrincipalAndUnitAsync(App, skip: 48);
        var id = await RecommendationApiTests.IssueAsync(await App.ClientForAsync(TestUsers.KaiyangSupervision.UserName),
            RecommendationApiTests.ProcurementRecommendation(unit, TestClock.Today.AddDays(-2)));

        await ActAsAsync(Kaiyang, Roles.SupervisionOffice);
        var owner = RenderLoaded<RecommendationDetailPage>(p => p.Add(x => x.Id, id));
        Assert.Equal(["recommendations-check-submit", "recommendations-outcome-submit", "recommendations-reply-submit", "recommendations-rule-submit"], Buttons(owner));
        Assert.Empty(owner.FindAll("[data-testid=recommendations-check-satisfactory]"));
        Assert.False(ShowsReadOnlyNotice(owner));

        await ActAsAsync(Kaiyang, Roles.CaseManagement);
        var reader = RenderLoaded<RecommendationDetailPage>(p => p.Add(x => x.Id, id));
        Assert.Empty(Buttons(reader));
        Assert.False(ShowsReadOnlyNotice(reader));

        await ActAsAsync("贵阳市纪委监委", Roles.SupervisionOffice);
        var city = RenderLoaded<RecommendationDetailPage>(p => p.Add(x => x.Id, id));
        Assert.Empty(Buttons(city));
        Assert.True(ShowsReadOnlyNotice(city));
    }

    [Fact]
    public async Task After_the_reply_the_issuing_office_may_close_by_a_satisfactory_check()
    {
        var (_, unit) = await DecisionApiTests.PrincipalAndUnitAsync(App, skip: 49);
        var id = await RecommendationApiTests.IssueAsync(await App.ClientForAsync(TestUsers.KaiyangSupervision.UserName),
            RecommendationApiTests.ProcurementRecommendation(unit, TestClock.Today.AddDays(-2)));

        await ActAsAsync(Kaiyang, Roles.SupervisionOffice);
        var page = RenderLoaded<RecommendationDetailPage>(p => p.Add(x => x.Id, id));
        page.Find("[data-testid=recommendations-reply-input]").Change("已建立药品耗材采购集体决策制度。");
        page.Find("[data-testid=recommendations-reply-submit]").Click();

        page.WaitForAssertion(() => Assert.Equal(["recommendations-check-submit", "recommendations-outcome-submit", "recommendations-rule-submit"], Buttons(page)));
        Assert.NotNull(page.Find("[data-testid=recommendations-check-satisfactory]"));
    }
}
