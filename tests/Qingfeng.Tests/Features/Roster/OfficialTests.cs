using Qingfeng.Features.Roster;
using Qingfeng.Platform.Rules;
using Xunit;

namespace Qingfeng.Tests.Features.Roster;

public sealed class OfficialTests
{
    private static readonly Region County = new("520121", "开阳县", RegionLevel.County, "520100");

    private static (Unit Unit, Post Secretary, Post Deputy) Party()
    {
        var unit = new Unit("中共开阳县委员会", UnitKind.PartyCommittee, ManagingLevel.Prefectural, "党委", County);
        return (unit,
            new Post(unit, "县委书记", true, LeaderCategory.CityCountyPartyGovernment, OfficialRank.CountyDivision),
            new Post(unit, "县委副书记", false, LeaderCategory.CityCountyPartyGovernment, OfficialRank.CountyDivision));
    }

    private static Official NewOfficial() => new("林晓峰", "linxiaofeng", "lxf", Gender.Male, new DateOnly(1975, 3, 8));

    [Fact]
    public void Holding_a_principal_post_makes_the_official_a_principal_leader_of_its_category()
    {
        var (unit, secretary, _) = Party();
        var official = NewOfficial();

        official.BeginTenure(secretary, new DateOnly(2022, 1, 10));

        Assert.True(official.IsPrincipal);
        Assert.Equal(LeaderCategory.CityCountyPartyGovernment, official.LeaderCategory);
        Assert.Equal((unit.Id, "520121", "县委书记"), (official.UnitId!.Value, official.RegionKey, official.Position));
    }

    [Fact]
    public void A_deputy_post_carries_no_leader_category()
    {
        var (_, _, deputy) = Party();
        Assert.Null(deputy.LeaderCategory);

        var official = NewOfficial();
        official.BeginTenure(deputy, new DateOnly(2018, 1, 1));
        Assert.False(official.IsPrincipal);
        Assert.Null(official.LeaderCategory);
    }

    [Fact]
    public void Ending_the_principal_tenure_falls_back_to_the_remaining_post()
    {
        var (_, secretary, deputy) = Party();
        var official = NewOfficial();
        official.BeginTenure(deputy, new DateOnly(2018, 1, 1));
        var principal = official.BeginTenure(secretary, new DateOnly(2022, 1, 10));

        official.EndTenure(principal.Id, new DateOnly(2025, 6, 30));

        Assert.False(official.IsPrincipal);
        Assert.Equal("县委副书记", official.Position);
        Assert.Equal(new DateOnly(2025, 6, 30), principal.End);
    }

    [Fact]
    public void A_tenure_cannot_end_before_it_starts_nor_twice()
    {
        var (_, secretary, _) = Party();
        var official = NewOfficial();
        var tenure = official.BeginTenure(secretary, new DateOnly(2022, 1, 10));

        Assert.Equal("Tenure.EndBeforeStart", Assert.Throws<DomainRuleException>(() => official.EndTenure(tenure.Id, new DateOnly(2021, 1, 1))).Code);
        official.EndTenure(tenure.Id, new DateOnly(2023, 1, 1));
        Assert.Equal("Tenure.AlreadyEnded", Assert.Throws<DomainRuleException>(() => official.EndTenure(tenure.Id, new DateOnly(2024, 1, 1))).Code);
    }

    [Fact]
    public void The_same_post_cannot_be_held_twice_at_once_nor_before_adulthood()
    {
        var (_, secretary, deputy) = Party();
        var official = NewOfficial();
        official.BeginTenure(secretary, new DateOnly(2022, 1, 10));

        Assert.Equal("Tenure.AlreadyHolding", Assert.Throws<DomainRuleException>(() => official.BeginTenure(secretary, new DateOnly(2023, 1, 1))).Code);
        Assert.Equal("Tenure.StartBeforeAdulthood", Assert.Throws<DomainRuleException>(() => official.BeginTenure(deputy, new DateOnly(1990, 1, 1))).Code);
    }
}
