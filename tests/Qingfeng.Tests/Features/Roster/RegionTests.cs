using Qingfeng.Features.Roster;
using Qingfeng.Platform.Rules;
using Xunit;

namespace Qingfeng.Tests.Features.Roster;

public sealed class RegionTests
{
    [Theory]
    [InlineData("520000", RegionLevel.Province, null, "52")]
    [InlineData("520100", RegionLevel.Prefecture, "520000", "5201")]
    [InlineData("520121", RegionLevel.County, "520100", "520121")]
    [InlineData("520121100", RegionLevel.Township, "520121", "520121100")]
    [InlineData("520121100200", RegionLevel.Village, "520121100", "520121100200")]
    public void Tree_key_is_the_significant_prefix_of_the_code(string code, RegionLevel level, string? parent, string key)
    {
        Assert.Equal(key, new Region(code, "x", level, parent).TreeKey);
    }

    [Theory]
    [InlineData("5201", RegionLevel.Prefecture, "520000")]
    [InlineData("520101", RegionLevel.Prefecture, "520000")]
    [InlineData("520100", RegionLevel.County, "520000")]
    [InlineData("52012110", RegionLevel.Township, "520121")]
    [InlineData("52a121", RegionLevel.County, "520100")]
    public void Codes_that_do_not_fit_their_level_are_refused(string code, RegionLevel level, string parent)
    {
        var e = Assert.Throws<DomainRuleException>(() => new Region(code, "x", level, parent));
        Assert.Equal("Region.CodeFormat", e.Code);
    }

    [Theory]
    [InlineData("530121", RegionLevel.County, "520100")]
    [InlineData("520221100", RegionLevel.Township, "520121")]
    [InlineData("520100", RegionLevel.Prefecture, null)]
    public void Codes_outside_their_parent_are_refused(string code, RegionLevel level, string? parent)
    {
        var e = Assert.Throws<DomainRuleException>(() => new Region(code, "x", level, parent));
        Assert.Equal("Region.ParentMismatch", e.Code);
    }
}
