using Bunit;
using Qingfeng.Components.Layout;
using Qingfeng.Platform.Security;
using Xunit;

namespace Qingfeng.Tests.Components;

/// <summary>Role-aware navigation: each role sees only the entries it may open.</summary>
public sealed class NavMenuTests : AntDesignTestBase
{
    private static UserContext As(params string[] roles) =>
        new(Guid.CreateVersion7(), "u", "u", Guid.CreateVersion7(), "开阳县纪委监委", roles.ToHashSet(), null);

    private IRenderedComponent<NavMenu> Render(UserContext user) =>
        Render<NavMenu>(p => p.Add(m => m.User, user));

    [Fact]
    public void A_supervision_officer_sees_the_roster_but_no_import_nor_administration()
    {
        var menu = Render(As(Roles.SupervisionOffice));

        Assert.Contains("干部查询", menu.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("名册导入", menu.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("审计日志", menu.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("用户管理", menu.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Case_management_may_import_the_roster()
    {
        Assert.Contains("名册导入", Render(As(Roles.CaseManagement)).Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void The_audit_administrator_sees_the_audit_trail_and_no_business_data()
    {
        var menu = Render(As(Roles.AuditAdmin));

        Assert.Contains("审计日志", menu.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("干部查询", menu.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("用户管理", menu.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void The_system_administrator_manages_users_but_sees_no_roster()
    {
        var menu = Render(As(Roles.SystemAdmin));

        Assert.Contains("用户管理", menu.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("干部查询", menu.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Clue_statistics_are_for_case_management_and_leaders_and_registration_not_for_reviewers()
    {
        var trial = Render(As(Roles.TrialOffice)).Markup;
        Assert.Contains("线索台账", trial, StringComparison.Ordinal);
        Assert.DoesNotContain("线索登记", trial, StringComparison.Ordinal);
        Assert.DoesNotContain("统计分析", trial, StringComparison.Ordinal);

        var caseManagement = Render(As(Roles.CaseManagement)).Markup;
        Assert.Contains("线索登记", caseManagement, StringComparison.Ordinal);
        Assert.Contains("统计分析", caseManagement, StringComparison.Ordinal);

        Assert.DoesNotContain("线索台账", Render(As(Roles.InspectionStaff)).Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("线索台账", Render(As(Roles.AuditAdmin)).Markup, StringComparison.Ordinal);
    }
}
