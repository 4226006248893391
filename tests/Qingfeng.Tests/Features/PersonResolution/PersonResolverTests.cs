using Qingfeng.Features.PersonResolution;
using Xunit;

namespace Qingfeng.Tests.Features.PersonResolution;

/// <summary>The resolver's rules on a small synthetic roster (all names invented).</summary>
public sealed class PersonResolverTests
{
    private static readonly DateOnly Facts = new(2024, 6, 15);

    private static readonly RosterPerson Principal = Person("王建华", "青岚县交通运输局", "529001", "党组书记、局长", true, new(2021, 1, 1));
    private static readonly RosterPerson Deputy = Person("王建军", "青岚县交通运输局", "529001", "副局长", false, new(2020, 1, 1));
    private static readonly RosterPerson SameNameElsewhere = Person("王建华", "石门县教育局", "529002", "副局长", false, new(2020, 1, 1));
    private static readonly RosterPerson Homophone = Person("王建花", "石门县交通运输局", "529002", "局长", true, new(2020, 1, 1));
    private static readonly RosterPerson NearHomophone = Person("李晓宁", "青岚县发展和改革局", "529001", "局长", true, new(2020, 1, 1));
    private static readonly RosterPerson TwoChar = Person("赵敏", "石门县财政局", "529002", "局长", true, new(2020, 1, 1));
    private static readonly RosterPerson ThreeChar = Person("赵敏华", "青岚县财政局", "529001", "局长", true, new(2020, 1, 1));
    private static readonly RosterPerson Former = Person("陈立新", "青岚县卫生健康局", "529001", "局长", true, new(2015, 1, 1), new(2020, 12, 31));
    private static readonly RosterPerson Current = Person("周海涛", "青岚县卫生健康局", "529001", "局长", true, new(2021, 1, 1));

    private static readonly RosterSnapshot Roster = new(
        [Principal, Deputy, SameNameElsewhere, Homophone, NearHomophone, TwoChar, ThreeChar, Former, Current],
        [new("52", "黔中省"), new("5290", "安平市"), new("529001", "青岚县"), new("529002", "石门县")]);

    [Fact]
    public void A_phrase_with_unit_post_and_name_auto_links_the_principal()
    {
        var result = Resolve("青岚县交通运输局局长＋王建华");

        Assert.Equal(ResolutionOutcome.AutoLinked, result.Outcome);
        Assert.Equal(Principal.Id, result.Linked!.OfficialId);
        Assert.Contains(result.Linked.Reasons, r => r.Code == "name.exact");
        Assert.Contains(result.Linked.Reasons, r => r.Code == "unit.exact");
        Assert.Contains(result.Linked.Reasons, r => r.Code == "post.exact");
        Assert.Contains(result.Linked.Reasons, r => r.Code == "region.match");
        Assert.Contains(result.Linked.Reasons, r => r.Code == "tenure.covers");
    }

    [Fact]
    public void An_abbreviated_unit_is_normalised_through_the_table()
    {
        Assert.Equal("发展和改革局", UnitNames.Expand("发改局"));
        var result = Resolve("青岚县发改局局长李晓宁");

        Assert.Equal(NearHomophone.Id, result.Linked?.OfficialId);
        Assert.Contains(result.Linked!.Reasons, r => r.Code == "unit.exact");
    }

    [Fact]
    public void The_name_alone_never_links_when_the_roster_has_look_alikes()
    {
        var result = Resolve("王建华");

        Assert.Equal(ResolutionOutcome.Pending, result.Outcome);
        Assert.Contains(result.Candidates, c => c.OfficialId == Principal.Id);
        Assert.Contains(result.Candidates, c => c.OfficialId == SameNameElsewhere.Id);
    }

    [Fact]
    public void A_homophone_typo_goes_to_the_person_unit_and_post_point_to()
    {
        var result = Resolve("青岚县交通局局长王建花");

        Assert.Equal(Principal.Id, result.Linked?.OfficialId);
        Assert.Contains(result.Linked!.Reasons, r => r.Code == "name.homophone");
        Assert.Contains(result.Candidates.Single(c => c.OfficialId == Homophone.Id).Reasons, r => r.Code == "region.mismatch");
    }

    [Fact]
    public void Near_homophones_fold_n_l_and_in_ing()
    {
        Assert.Equal(PersonNames.NearKey("李晓宁"), PersonNames.NearKey("李晓林"));
        Assert.Equal(PersonNames.NearKey("张"), PersonNames.NearKey("臧"));
        Assert.NotEqual(PersonNames.NearKey("王"), PersonNames.NearKey("李"));

        var result = Resolve("青岚县发改局局长李晓林");

        Assert.Contains(result.Candidates, c => c.OfficialId == NearHomophone.Id && c.Reasons.Any(r => r.Code == "name.nearHomophone"));
    }

    [Fact]
    public void Pinyin_and_initials_find_the_official()
    {
        Assert.Contains(Resolve("wangjianhua").Candidates, c => c.OfficialId == Principal.Id && c.Reasons[0].Code == "name.pinyin");
        Assert.Contains(Resolve("WJH").Candidates, c => c.OfficialId == Principal.Id && c.Reasons[0].Code == "name.initials");
    }

    [Fact]
    public void A_three_character_name_cut_to_two_is_a_variant_not_a_substring_match()
    {
        var result = Resolve("赵敏");

        Assert.Equal(TwoChar.Id, result.Candidates[0].OfficialId);
        Assert.Contains(result.Candidates, c => c.OfficialId == ThreeChar.Id && c.Reasons[0].Code == "name.shortForm");
        Assert.Equal(ResolutionOutcome.Pending, result.Outcome);
        Assert.Equal(ThreeChar.Id, Resolve("青岚县财政局局长赵敏").Candidates[0].OfficialId);
    }

    [Fact]
    public void A_deputy_post_does_not_earn_the_principal_point()
    {
        Assert.Equal(PostMatch.DeputyMismatch, PostTitles.Compare("副局长", "党组书记、局长"));
        Assert.Equal(PostMatch.Exact, PostTitles.Compare("局长", "党组书记、局长"));
        Assert.Equal(PostMatch.Related, PostTitles.Compare("书记", "县委书记"));

        var result = Resolve("青岚县交通运输局副局长王建华");

        Assert.NotEqual(ResolutionOutcome.AutoLinked, result.Outcome);
        Assert.Contains(result.Candidates.Single(c => c.OfficialId == Principal.Id).Reasons, r => r.Code == "post.deputyMismatch");
    }

    [Fact]
    public void A_masked_name_narrows_by_unit_and_post_but_never_links_alone()
    {
        Assert.True(PersonNames.IsMasked("王某某", out var surname));
        Assert.Equal("王", surname);

        Assert.Equal(ResolutionOutcome.NoCandidate, Resolve("王某").Outcome);
        var narrowed = Resolve("石门县教育局王某");
        Assert.Equal(SameNameElsewhere.Id, narrowed.Candidates[0].OfficialId);
        Assert.Equal(ResolutionOutcome.Pending, narrowed.Outcome);
        Assert.Equal(Principal.Id, Resolve("青岚县交通运输局局长王某").Linked?.OfficialId);
    }

    [Fact]
    public void A_former_holder_is_meant_when_the_facts_fall_in_their_tenure()
    {
        var now = PersonResolver.Resolve(Roster, new PersonMention { Text = "青岚县卫健局局长陈立新", FactsOn = Facts });
        var then = PersonResolver.Resolve(Roster, new PersonMention { Text = "青岚县卫健局局长陈立新", FactsOn = new DateOnly(2019, 5, 1) });

        Assert.Contains(now.Candidates[0].Reasons, r => r.Code == "tenure.outside");
        Assert.Equal(Former.Id, then.Linked?.OfficialId);
        Assert.Contains(then.Linked!.Reasons, r => r.Code == "tenure.covers");
    }

    [Fact]
    public void A_surname_typed_apart_and_post_after_the_name_still_read()
    {
        Assert.Equal(Principal.Id, Resolve("青岚县 交通运输局 王 建华 局长").Linked?.OfficialId);
        Assert.Equal(Principal.Id, Resolve("王建华（青岚县交通局局长）").Linked?.OfficialId);
    }

    [Fact]
    public void Officers_decisions_are_reused_same_links_and_not_same_excludes()
    {
        var mention = new PersonMention { Text = "王建华", FactsOn = Facts };
        var same = PersonResolver.Resolve(Roster, mention, decisions: [new KnownDecision(SameNameElsewhere.Id, true, "officer", DateTimeOffset.UnixEpoch)]);
        var notSame = PersonResolver.Resolve(Roster, mention, decisions: [new KnownDecision(Principal.Id, false, "officer", DateTimeOffset.UnixEpoch)]);

        Assert.Equal(ResolutionOutcome.AutoLinked, same.Outcome);
        Assert.Equal(SameNameElsewhere.Id, same.Linked!.OfficialId);
        Assert.Equal("decision.same", same.Linked.Reasons[0].Code);
        Assert.DoesNotContain(notSame.Candidates, c => c.OfficialId == Principal.Id);
    }

    [Fact]
    public void Officials_outside_the_jurisdiction_are_never_candidates()
    {
        var result = PersonResolver.Resolve(Roster, new PersonMention { Text = "王建华", FactsOn = Facts }, visible: o => o.RegionKey.StartsWith("529002", StringComparison.Ordinal));

        Assert.All(result.Candidates, c => Assert.StartsWith("529002", c.RegionKey, StringComparison.Ordinal));
    }

    private static MentionResolution Resolve(string text) => PersonResolver.Resolve(Roster, new PersonMention { Text = text, FactsOn = Facts });

    private static RosterPerson Person(string name, string unit, string region, string post, bool principal, DateOnly start, DateOnly? end = null)
    {
        var unitId = Guid.NewGuid();
        var holding = new RosterHolding(unitId, unit, region, post, principal, start, end);
        return end is null
            ? new RosterPerson(Guid.NewGuid(), name, unitId, unit, post, principal, principal ? global::Qingfeng.Features.Roster.LeaderCategory.CityCountyDepartment : null, region, [holding])
            : new RosterPerson(Guid.NewGuid(), name, null, null, "", false, null, region, [holding]);
    }
}
