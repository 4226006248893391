using Bunit;
using Qingfeng.Features.Decisions.Pages;
using Qingfeng.IntegrationTests.Features.Decisions;
using Qingfeng.IntegrationTests.Infrastructure;
using Qingfeng.Platform.Security;
using Xunit;

namespace Qingfeng.IntegrationTests.Components;

/// <summary>
/// The decision record's detail page, rendered over the real app: it offers no button to anybody (correcting a record is an
/// API write without a form yet), and the city commission that only reads is told why.
/// </summary>
public sealed class DecisionDetailPageTests(SharedApps apps) : DetailPageTestBase(apps)
{
    [Fact]
    public async Task No_role_is_offered_a_button_and_only_the_higher_commission_sees_the_read_only_notice()
    {
        var (_, unit) = await DecisionApiTests.PrincipalAndUnitAsync(App, skip: 48);
        var id = await DecisionApiTests.CreateAsync(await App.ClientForAsync(TestUsers.KaiyangSupervision.UserName), DecisionApiTests.CleanRequest(unit));

        foreach (var (organ, role, readOnly) in new[]
        {
            ("开阳县纪委监委", Roles.SupervisionOffice, false),
            ("开阳县纪委监委", Roles.CaseManagement, false),
            ("贵阳市纪委监委", Roles.CommissionLeader, true),
        })
        {
            await ActAsAsync(organ, role);
            var page = RenderLoaded<DecisionDetailPage>(p => p.Add(x => x.Id, id));
            Assert.NotNull(page.Find("[data-testid=decisions-detail]"));
            Assert.Empty(Buttons(page));
            Assert.Equal(readOnly, ShowsReadOnlyNotice(page));
        }
    }
}
