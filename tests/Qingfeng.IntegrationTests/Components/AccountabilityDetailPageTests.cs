using Bunit;
using Qingfeng.Features.Accountability;
using Qingfeng.Features.Accountability.Pages;
using Qingfeng.IntegrationTests.Features.Accountability;
using Qingfeng.IntegrationTests.Features.Talks;
using Qingfeng.IntegrationTests.Infrastructure;
using Qingfeng.Platform.Security;
using Qingfeng.Platform.Ui;
using Xunit;

namespace Qingfeng.IntegrationTests.Components;

/// <summary>The accountability detail page offers each caller the buttons its workflow offers them, rendered over the real app.</summary>
public sealed class AccountabilityDetailPageTests(SharedApps apps) : DetailPageTestBase(apps)
{
    private const string Kaiyang = "开阳县纪委监委";

    [Fact]
    public async Task The_deciding_organs_party_conduct_office_may_execute_and_revoke_a_reader_and_the_city_only_download_the_notice()
    {
        var id = await AccountabilityApiTests.CreateAsync(await App.ClientForAsync(TestUsers.KaiyangLeader.UserName),
            AccountabilityApiTests.ExaminationOf(await TalkClients.KaiyangOfficialAsync(App, skip: 48)));

        await ActAsAsync(Kaiyang, Roles.PartyConductOffice);
        var owner = RenderLoaded<AccountabilityDetailPage>(p => p.Add(x => x.Id, id));
        Assert.Equal(["accountability-execute", "accountability-notice", "accountability-revoke"], Buttons(owner));
        Assert.False(ShowsReadOnlyNotice(owner));

        await ActAsAsync(Kaiyang, Roles.SupervisionOffice);
        var reader = RenderLoaded<AccountabilityDetailPage>(p => p.Add(x => x.Id, id));
        Assert.Equal(["accountability-notice"], Buttons(reader));
        Assert.False(ShowsReadOnlyNotice(reader));

        await ActAsAsync("贵阳市纪委监委", Roles.CommissionLeader);
        var city = RenderLoaded<AccountabilityDetailPage>(p => p.Add(x => x.Id, id));
        Assert.Equal(["accountability-notice"], Buttons(city));
        Assert.True(ShowsReadOnlyNotice(city));
    }

    [Fact]
    public async Task After_executing_through_the_page_only_revoking_is_offered_and_another_county_finds_nothing()
    {
        var id = await AccountabilityApiTests.CreateAsync(await App.ClientForAsync(TestUsers.KaiyangLeader.UserName),
            AccountabilityApiTests.ExaminationOf(await TalkClients.KaiyangOfficialAsync(App, skip: 49)));

        await ActAsAsync(Kaiyang, Roles.CommissionLeader);
        var page = RenderLoaded<AccountabilityDetailPage>(p => p.Add(x => x.Id, id));
        page.Find("[data-testid=accountability-execute]").Click();
        page.WaitForAssertion(() => Assert.Equal(["accountability-notice", "accountability-revoke"], Buttons(page)));
        Assert.Contains(EnumText.Label(AccountabilityState.Executed), page.Find("[data-testid=accountability-state]").TextContent, StringComparison.Ordinal);

        await ActAsAsync("赤水市纪委监委", Roles.CommissionLeader);
        var elsewhere = RenderLoaded<AccountabilityDetailPage>(p => p.Add(x => x.Id, id));
        Assert.NotNull(elsewhere.Find("[data-testid=accountability-not-found]"));
        Assert.Empty(Buttons(elsewhere));
    }
}
