using Qingfeng.Features.DutyReports;
using Qingfeng.Features.Supervision;
using Qingfeng.Platform.Rules;
using Xunit;

namespace Qingfeng.Tests.Features.DutyReports;

public sealed class DutyReportTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly SupervisedSubject Subject = new(Guid.NewGuid(), "某县交通运输局", "520121", Guid.NewGuid(), "甲某", "局长", true, null);
    private static readonly SupervisionActor Stationed = new(Guid.NewGuid(), "派驻组干部");
    private static readonly SupervisionActor Supervision = new(Guid.NewGuid(), "监督检查室干部");
    private static readonly SupervisionActor PartyConduct = new(Guid.NewGuid(), "党风室干部");
    private static readonly HashSet<string> StationedRoles = ["stationed"];
    private static readonly HashSet<string> SupervisionRoles = ["supervision"];
    private static readonly HashSet<string> PartyConductRoles = ["partyconduct"];

    private static (DutyReportCampaign Campaign, DutyReport Report) Submitted()
    {
        var campaign = new DutyReportCampaign(Guid.NewGuid(), "述责述廉", 2026, new DateOnly(2026, 12, 20), new DutyReportOptions());
        var report = new DutyReport(campaign, Subject, ReportMode.OnSite);
        report.Write([.. campaign.TemplateItems.Select((_, i) => $"第{i + 1}项")]);
        report.Submit();
        return (campaign, report);
    }

    [Fact]
    public void The_default_campaign_has_fourteen_items_three_levels_and_a_hundred_point_scale()
    {
        var campaign = new DutyReportCampaign(Guid.NewGuid(), "述责述廉", 2026, new DateOnly(2026, 12, 20), new DutyReportOptions());

        Assert.Equal(14, campaign.TemplateItems.Count);
        Assert.Equal(["派驻纪检监察组", "监督检查室", "党风政风监督室"], campaign.LevelNames);
        Assert.Equal(("优秀", "良好", "一般", "较差"), (campaign.GradeOf(90), campaign.GradeOf(89.99m), campaign.GradeOf(70), campaign.GradeOf(12)));
    }

    [Fact]
    public void A_report_with_an_unanswered_item_cannot_be_submitted()
    {
        var campaign = new DutyReportCampaign(Guid.NewGuid(), "述责述廉", 2026, new DateOnly(2026, 12, 20), new DutyReportOptions());
        var report = new DutyReport(campaign, Subject, ReportMode.Written);
        report.Write([.. campaign.TemplateItems.Select((_, i) => i == 6 ? " " : "内容")]);

        var rule = Assert.Throws<DomainRuleException>(report.Submit);

        Assert.Equal("DutyReport.ItemMissing", rule.Code);
        Assert.Equal(7, rule.Arguments[0]);
    }

    [Fact]
    public void Levels_review_in_order_and_only_with_their_role()
    {
        var (campaign, report) = Submitted();

        Assert.Equal("DutyReport.NotThisLevel", Assert.Throws<DomainRuleException>(() => report.Approve(campaign, Supervision, SupervisionRoles, null, Now)).Code);
        report.Approve(campaign, Stationed, StationedRoles, null, Now);
        Assert.Equal(1, report.Level);
        report.Approve(campaign, Supervision, SupervisionRoles, null, Now);
        report.Approve(campaign, PartyConduct, PartyConductRoles, null, Now);
        Assert.Equal(DutyReportState.Approved, report.State);
    }

    [Fact]
    public void A_return_at_the_second_level_needs_reasons_and_the_resubmission_starts_again_at_the_first()
    {
        var (campaign, report) = Submitted();
        report.Approve(campaign, Stationed, StationedRoles, null, Now);

        Assert.Equal("DutyReport.ReasonRequired", Assert.Throws<DomainRuleException>(() => report.Return(campaign, Supervision, SupervisionRoles, " ", new DateOnly(2026, 12, 8), Now)).Code);
        report.Return(campaign, Supervision, SupervisionRoles, "述而不评", new DateOnly(2026, 12, 8), Now);

        Assert.Equal((DutyReportState.Returned, 1, new DateOnly(2026, 12, 8)), (report.State, report.ReturnedAtLevel!.Value, report.RevisionDueOn!.Value));
        Assert.True(report.IsRevisionOverdue(new DateOnly(2026, 12, 9)));
        report.Submit();
        Assert.Equal((DutyReportState.UnderReview, 0, 2), (report.State, report.Level, report.Round));
    }

    [Fact]
    public void Nobody_reviews_one_round_at_two_levels()
    {
        var (campaign, report) = Submitted();
        HashSet<string> both = ["stationed", "supervision"];
        report.Approve(campaign, Stationed, both, null, Now);

        Assert.Equal("DutyReport.TwoLevels", Assert.Throws<DomainRuleException>(() => report.Approve(campaign, Stationed, both, null, Now)).Code);
    }

    [Fact]
    public void Votes_are_one_per_scorer_and_only_their_mean_is_shown_after_scoring_closes_with_enough_votes()
    {
        var (campaign, report) = Submitted();
        report.Approve(campaign, Stationed, StationedRoles, null, Now);
        report.Approve(campaign, Supervision, SupervisionRoles, null, Now);
        report.Approve(campaign, PartyConduct, PartyConductRoles, null, Now);
        var scorers = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToList();
        campaign.SetScorers([.. scorers.Select(s => (s, "领导"))]);

        report.Vote(campaign, scorers[0], 93);
        report.Vote(campaign, scorers[1], 86);
        Assert.Equal("DutyReport.AlreadyVoted", Assert.Throws<DomainRuleException>(() => report.Vote(campaign, scorers[0], 10)).Code);
        Assert.Equal("DutyReport.NotScorer", Assert.Throws<DomainRuleException>(() => report.Vote(campaign, Guid.NewGuid(), 10)).Code);
        Assert.Equal("DutyReport.ScoreRange", Assert.Throws<DomainRuleException>(() => report.Vote(campaign, scorers[2], 101)).Code);
        report.Vote(campaign, scorers[2], 71);

        Assert.Null(report.MeanScore(campaign));
        campaign.CloseScoring();
        Assert.Equal(83.33m, report.MeanScore(campaign));
        Assert.Equal("良好", campaign.GradeOf(report.MeanScore(campaign)!.Value));
        Assert.Throws<DomainRuleException>(() => report.Vote(campaign, scorers[0], 50));
    }

    [Fact]
    public void Fewer_votes_than_the_minimum_show_no_mean_so_a_single_vote_cannot_be_read_off()
    {
        var (campaign, report) = Submitted();
        report.Approve(campaign, Stationed, StationedRoles, null, Now);
        report.Approve(campaign, Supervision, SupervisionRoles, null, Now);
        report.Approve(campaign, PartyConduct, PartyConductRoles, null, Now);
        var scorer = Guid.NewGuid();
        campaign.SetScorers([(scorer, "领导")]);
        report.Vote(campaign, scorer, 60);
        campaign.CloseScoring();

        Assert.Null(report.MeanScore(campaign));
    }
}
