using Qingfeng.Features.Clues.Text;
using Xunit;

namespace Qingfeng.Tests.Features.Clues.Text;

public sealed class CategorySuggesterTests
{
    private static readonly CategorySuggester Suggester = new(ViolationCatalog.Default);

    private static IReadOnlyList<string> Codes(string text) => [.. Suggester.Suggest(text).Select(s => s.Code)];

    [Fact]
    public void Gifts_at_spring_festival_suggest_gifts_first_and_the_integrity_discipline()
    {
        var codes = Codes("尊敬的县纪委领导：我要反映县交通运输局局长王某某，2026年春节期间收受辖区施工老板送的红包和购物卡，每人五千元，还收了两箱茅台。");

        Assert.Equal("EP.GIFTS", codes[0]);
        Assert.Contains("DISC.INT.GIFTS", codes);
    }

    [Fact]
    public void Drinking_at_lunch_on_a_workday_suggests_improper_dining_and_work_discipline()
    {
        var codes = Codes("3月12日星期三工作日中午，县农业农村局局长带着几个股长在某农家乐包间喝酒，喝了四瓶白酒，下午都没回单位上班。");

        Assert.Contains("EP.DINING", codes);
        Assert.Contains("DISC.WORK", codes);
    }

    [Fact]
    public void An_official_car_used_for_a_family_trip_suggests_improper_use_of_official_vehicles()
    {
        var codes = Codes("五一假期，镇党委书记开着单位的公务用车带老婆孩子回老家游玩，公车私用，车牌号贵A·12345。");

        Assert.Equal("EP.CARS", codes[0]);
    }

    [Fact]
    public void Favouring_relatives_in_subsistence_allowance_suggests_mass_discipline_favouritism()
    {
        var codes = Codes("我村村支书把他的亲戚和自家人都评上了低保，真正困难的群众却评不上，这是优亲厚友。");

        Assert.Equal("DISC.MAS.FAVOURITISM", codes[0]);
    }

    [Fact]
    public void A_neutral_text_gives_no_suggestion()
    {
        Assert.Empty(Suggester.Suggest("县里今年修了新的公园，环境变好了，周末很多居民去散步，希望以后多种一些树。"));
    }

    [Fact]
    public void Each_suggestion_shows_the_triggering_words_and_their_positions()
    {
        var text = "局长收了老板的红包，又收了一个红包。";
        var gifts = Suggester.Suggest(text).Single(s => s.Code == "EP.GIFTS");

        var trigger = gifts.Triggers.Single(t => t.Word == "红包");
        Assert.Equal([7, 15], trigger.Positions);
        Assert.All(gifts.Triggers, t => Assert.All(t.Positions, p => Assert.Equal(t.Word, text.Substring(p, t.Word.Length))));
    }

    [Fact]
    public void A_keyword_inside_a_longer_keyword_is_not_counted_twice()
    {
        var cars = Suggester.Suggest("他长期公车私用。").Single(s => s.Code == "EP.CARS");

        Assert.Equal(["公车私用"], cars.Triggers.Select(t => t.Word));
    }

    [Fact]
    public void At_most_three_suggestions_are_returned()
    {
        var text = "春节收红包礼金，公款吃喝宴请，公车私用，公款旅游，办公楼豪华装修，私人会所，低保优亲厚友，插手工程招投标，玩忽职守，不正当关系，赌博。";

        Assert.Equal(CategorySuggester.MaxResults, Suggester.Suggest(text).Count);
    }

    [Fact]
    public void The_catalog_has_a_version_stable_ascii_codes_and_both_families()
    {
        var catalog = ViolationCatalog.Default;

        Assert.Equal("2026", catalog.Version);
        Assert.All(catalog.All, c => Assert.True(c.Code.Length <= ViolationCatalog.MaxCodeLength && c.Code.All(char.IsAscii)));
        Assert.Equal(8, catalog.All.Count(c => c.Parent == "EP.HEDONISM"));
        Assert.Equal(4, catalog.All.Count(c => c.Parent == "EP.FORMALISM"));
        Assert.Equal(6, catalog.All.Count(c => c.Group == ViolationGroup.Discipline && c.Parent is null));
        Assert.Equal(["DUTY.CRIME", "DUTY.ILLEGAL"], catalog.All.Where(c => c.Group == ViolationGroup.Supervision && c.Parent is null).Select(c => c.Code).Order(StringComparer.Ordinal));
        Assert.Equal("违规收送名贵特产和礼品礼金", catalog.Find("EP.GIFTS")!.Name);
        Assert.Null(catalog.Find("NOPE"));
    }
}
