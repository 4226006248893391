using Qingfeng.Features.Organs;
using Qingfeng.Platform.Security;
using Xunit;

namespace Qingfeng.Tests.Platform.Security;

/// <summary>The jurisdiction rules, including the A15 delegations: escalation and area collaboration with recusal.</summary>
public sealed class JurisdictionTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);
    private static readonly Guid VillageA = Guid.CreateVersion7();
    private static readonly Guid VillageB = Guid.CreateVersion7();

    private readonly Organ _county = new("开阳县纪委监委", OrganKind.Commission, "520121");
    private readonly Organ _townA = new("甲镇纪委", OrganKind.TownshipCommission, "520121100");
    private readonly Organ _townB = new("乙镇纪委", OrganKind.TownshipCommission, "520121101");
    private readonly Organ _townC = new("丙镇纪委", OrganKind.TownshipCommission, "520121102");

    public JurisdictionTests()
    {
        _county.GrantRegion("520121");
        _townA.GrantRegion("520121100");
        _townB.GrantRegion("520121101");
        _townC.GrantRegion("520121102");
    }

    private static IReadOnlyCollection<Guid> Self(IReadOnlyCollection<Guid> ids) => ids;

    private static JurisdictionScope Scope(Organ organ, IEnumerable<SupervisionDelegation> delegations, params Guid[] groups) =>
        JurisdictionResolver.Resolve(organ.Id, organ.Grants, Self, delegations, groups.ToHashSet(), Today);

    [Fact]
    public void A_region_grant_covers_the_whole_subtree_and_nothing_beside_it()
    {
        var scope = Scope(_county, []);
        Assert.True(scope.Covers("520121100200", null));
        Assert.True(scope.Covers("520121", null));
        Assert.False(scope.Covers("520122", null));
        Assert.False(scope.Covers("5201", null));
    }

    [Fact]
    public void Escalation_recuses_the_home_township_and_keeps_the_village_with_the_county()
    {
        var escalation = SupervisionDelegation.Escalate(VillageA, _townA, _county, Today.AddDays(-10), null, "提级监督");

        Assert.False(Scope(_townA, [escalation]).Covers("520121100200", VillageA));
        Assert.True(Scope(_townA, [escalation]).Covers("520121100201", VillageB));
        Assert.True(Scope(_county, [escalation]).Covers("520121100200", VillageA));
    }

    [Fact]
    public void Area_collaboration_opens_the_village_to_the_other_members_and_recuses_the_home()
    {
        var group = new CollaborationGroup("第一片区", [_townA, _townB, _townC]);
        var delegation = SupervisionDelegation.ToGroup(VillageB, _townB, group, Today.AddDays(-1), null, "片区协作");

        Assert.True(Scope(_townA, [delegation], group.Id).Covers("520121101200", VillageB));
        Assert.True(Scope(_townC, [delegation], group.Id).Covers("520121101200", VillageB));
        Assert.False(Scope(_townB, [delegation], group.Id).Covers("520121101200", VillageB));
    }

    [Fact]
    public void Delegations_outside_their_period_have_no_effect()
    {
        var expired = SupervisionDelegation.Escalate(VillageA, _townA, _county, Today.AddYears(-2), Today.AddDays(-1), "已结束");
        var future = SupervisionDelegation.Escalate(VillageA, _townA, _county, Today.AddDays(1), null, "未开始");

        Assert.True(Scope(_townA, [expired, future]).Covers("520121100200", VillageA));
    }

    [Fact]
    public void A_group_needs_two_members_and_must_contain_the_home_commission()
    {
        Assert.Throws<Qingfeng.Platform.Rules.DomainRuleException>(() => new CollaborationGroup("孤组", [_townA]));
        var group = new CollaborationGroup("第二片区", [_townA, _townC]);
        var e = Assert.Throws<Qingfeng.Platform.Rules.DomainRuleException>(() => SupervisionDelegation.ToGroup(VillageB, _townB, group, Today, null, "x"));
        Assert.Equal("Delegation.HomeNotInGroup", e.Code);
    }

    [Fact]
    public void The_query_predicate_agrees_with_covers()
    {
        var escalation = SupervisionDelegation.Escalate(VillageA, _townA, _county, Today.AddDays(-10), null, "提级监督");
        var scope = Scope(_townA, [escalation]);
        var predicate = scope.Predicate<(string Key, Guid? Unit)>(x => x.Key, x => x.Unit).Compile();

        foreach (var (key, unit) in new (string, Guid?)[] { ("520121100200", VillageA), ("520121100201", VillageB), ("520121101200", null), ("520121100", null) })
        {
            Assert.Equal(scope.Covers(key, unit), predicate((key, unit)));
        }
    }
}
