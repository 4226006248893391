using Qingfeng.Features.Organs;
using Qingfeng.Features.Roster;
using Qingfeng.Features.Supervision;
using Qingfeng.Platform.Security;
using Xunit;

namespace Qingfeng.Tests.Features.Supervision;

/// <summary>
/// The write rule of ADR 0008 on the viewer: reads follow the jurisdiction, changes follow ownership — the owning organ, or
/// the organ a delegation in force hands the owner's supervision of the unit to — and the roster keeper of a region.
/// </summary>
public sealed class OwningOrganRuleTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);
    private static readonly Guid Village = Guid.CreateVersion7();
    private static readonly Guid CountyUnit = Guid.CreateVersion7();

    private readonly Organ _city = new("贵阳市纪委监委", OrganKind.Commission, "520100");
    private readonly Organ _county = new("开阳县纪委监委", OrganKind.Commission, "520121");
    private readonly Organ _town = new("甲镇纪委", OrganKind.TownshipCommission, "520121100");
    private readonly Organ _otherTown = new("乙镇纪委", OrganKind.TownshipCommission, "520121101");

    public OwningOrganRuleTests()
    {
        _city.GrantRegion("5201");
        _county.GrantRegion("520121");
        _town.GrantRegion("520121100");
        _otherTown.GrantRegion("520121101");
    }

    [Fact]
    public void A_higher_commission_reads_a_county_record_but_may_not_change_it()
    {
        var record = new Owned(_county.Id, CountyUnit, "520121");
        var city = Viewer(_city, []);

        Assert.True(city.Covers(record));
        Assert.False(city.MayChange(record));
        Assert.True(Viewer(_county, []).MayChange(record));
    }

    [Fact]
    public void The_owner_may_change_its_own_record_about_a_unit_a_higher_commission_also_covers()
    {
        var cityRecord = new Owned(_city.Id, CountyUnit, "520121");

        Assert.True(Viewer(_city, []).MayChange(cityRecord));
        Assert.True(Viewer(_county, []).Covers(cityRecord));
        Assert.False(Viewer(_county, []).MayChange(cityRecord));
    }

    [Fact]
    public void An_organ_may_change_nothing_it_cannot_see_not_even_its_own_record_while_recused()
    {
        var escalation = SupervisionDelegation.Escalate(Village, _town, _county, Today.AddDays(-5), null, "提级监督");
        var townRecord = new Owned(_town.Id, Village, "520121100200");

        Assert.False(Viewer(_town, [escalation]).Covers(townRecord));
        Assert.False(Viewer(_town, [escalation]).MayChange(townRecord));
        Assert.False(Viewer(_otherTown, []).MayChange(new Owned(_otherTown.Id, Village, "520121100200")));
    }

    [Fact]
    public void Escalated_supervision_hands_the_home_organs_records_about_the_unit_to_the_higher_commission_and_no_one_elses()
    {
        var escalation = SupervisionDelegation.Escalate(Village, _town, _county, Today.AddDays(-5), null, "提级监督");
        var county = Viewer(_county, [escalation]);

        Assert.True(county.MayChange(new Owned(_town.Id, Village, "520121100200")));
        Assert.False(county.MayChange(new Owned(_city.Id, Village, "520121100200")));
        Assert.False(county.MayChange(new Owned(_town.Id, Guid.CreateVersion7(), "520121100201")));
        Assert.False(Viewer(_county, []).MayChange(new Owned(_town.Id, Village, "520121100200")));
    }

    [Fact]
    public void An_ended_delegation_hands_nothing_over()
    {
        var ended = SupervisionDelegation.Escalate(Village, _town, _county, Today.AddYears(-1), Today.AddDays(-1), "已结束");

        Assert.False(Viewer(_county, [ended]).MayChange(new Owned(_town.Id, Village, "520121100200")));
        Assert.True(Viewer(_town, [ended]).MayChange(new Owned(_town.Id, Village, "520121100200")));
    }

    [Fact]
    public void Area_collaboration_hands_the_home_organs_records_to_every_other_member_of_the_group()
    {
        var third = new Organ("丙镇纪委", OrganKind.TownshipCommission, "520121102");
        third.GrantRegion("520121102");
        var group = new CollaborationGroup("第一片区", [_town, _otherTown, third]);
        var delegation = SupervisionDelegation.ToGroup(Village, _town, group, Today.AddDays(-1), null, "片区协作");
        var record = new Owned(_town.Id, Village, "520121100200");

        Assert.True(Viewer(_otherTown, [delegation], group.Id).MayChange(record));
        Assert.True(Viewer(third, [delegation], group.Id).MayChange(record));
        Assert.False(Viewer(_town, [delegation], group.Id).MayChange(record));
    }

    [Fact]
    public void A_step_the_record_assigns_to_the_caller_is_allowed_within_the_jurisdiction_only()
    {
        var report = new Owned(_county.Id, CountyUnit, "520121");

        Assert.True(Viewer(_city, []).MayChange(_county.Id, report, assigned: true));
        Assert.False(Viewer(_otherTown, []).MayChange(_county.Id, report, assigned: true));
    }

    [Fact]
    public void The_roster_of_a_region_is_kept_by_the_commission_that_covers_it_most_narrowly()
    {
        var province = new Organ("贵州省纪委监委", OrganKind.Commission, "520000");
        var keepers = RosterKeepers.From([("52", province.Id, province.Name), ("5201", _city.Id, _city.Name), ("520121", _county.Id, _county.Name)]);

        Assert.Equal(_county.Id, keepers.KeeperOf("520121100200")?.OrganId);
        Assert.Equal(_county.Id, keepers.KeeperOf("520121")?.OrganId);
        Assert.Equal(_city.Id, keepers.KeeperOf("520102")?.OrganId);
        Assert.Equal(province.Id, keepers.KeeperOf("52")?.OrganId);
        Assert.Null(keepers.KeeperOf("53"));
    }

    private static SupervisionViewer Viewer(Organ organ, IEnumerable<SupervisionDelegation> delegations, params Guid[] groups)
    {
        var scope = JurisdictionResolver.Resolve(organ.Id, organ.Grants, ids => ids, delegations, groups.ToHashSet(), Today);
        var user = new UserContext(Guid.CreateVersion7(), "t", "t", organ.Id, organ.Name, new HashSet<string> { Roles.SupervisionOffice }, null);
        return new SupervisionViewer(user, scope);
    }

    private sealed record Owned(Guid OrganId, Guid UnitId, string RegionKey) : IOwnedRecord
    {
        public SupervisedSubject Subject => new(UnitId, "", RegionKey, null, null, null, false, null);
    }
}
