using Qingfeng.Features.DutyReports;
using Qingfeng.Features.Supervision;
using Qingfeng.Platform.Rules;
using Qingfeng.Platform.Security;
using Qingfeng.Tests.Platform.Workflow;
using Xunit;
using static Qingfeng.Features.DutyReports.DutyReportState;

namespace Qingfeng.Tests.Features.DutyReports;

/// <summary>
/// The 述责述廉 report's workflow cell by cell: state × action × role × owning organ × the stationed team the review level is handed
/// to × the review level waited at × who already reviewed, scores or voted; and the entity following it.
/// </summary>
public sealed class DutyReportWorkflowTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly SupervisedSubject Subject = new(Guid.NewGuid(), "某县交通运输局", "520121", Guid.NewGuid(), "甲某", "局长", true, null);
    private static readonly string[] Managers = [Roles.CommissionLeader, Roles.SupervisionOffice, Roles.PartyConductOffice, Roles.StationedTeam];
    private static readonly string[] Reviewers = [Roles.CommissionLeader, Roles.SupervisionOffice, Roles.PartyConductOffice, Roles.StationedTeam];
    private static readonly string[] Readers = [Roles.CommissionLeader, Roles.CaseManagement, Roles.SupervisionOffice, Roles.PartyConductOffice, Roles.StationedTeam, Roles.InspectionStaff];

    /// <summary>The default review chain, level by level.</summary>
    private static readonly string[] LevelRoles = [Roles.StationedTeam, Roles.SupervisionOffice, Roles.PartyConductOffice];

    /// <summary>Approved level 1 of the current round (then holds another level's role in the cells).</summary>
    private static readonly Guid FirstReviewer = Guid.NewGuid();

    /// <summary>The campaigns' designated scorer.</summary>
    private static readonly Guid Scorer = Guid.NewGuid();

    private static readonly Dictionary<DutyReportAction, ExpectedRow<DutyReportState>> Expected = new()
    {
        [DutyReportAction.Write] = new([Draft, Returned], null, Managers, ["owner"]),
        [DutyReportAction.Submit] = new([Draft, Returned], UnderReview, Managers, ["owner"]),
        [DutyReportAction.Approve] = new([UnderReview], null, Reviewers, ["owner-or-assigned-level", "level-role", "one-level-per-round"]),
        [DutyReportAction.Return] = new([UnderReview], Returned, Reviewers, ["owner-or-assigned-level", "level-role", "one-level-per-round"]),
        [DutyReportAction.Comment] = new([Draft, UnderReview, Returned, Approved], null, Reviewers, ["owner"]),
        [DutyReportAction.Vote] = new([Approved], null, Readers, ["owner", "scoring-open", "scorer", "not-voted"]),
    };

    private sealed record Facts(int Level, bool FirstReviewed, bool ScoringClosed, bool Voted);

    [Fact]
    public void The_report_table_is_the_agreed_one()
    {
        WorkflowCells.RowsAre(DutyReportWorkflow.Table, Expected);
    }

    [Fact]
    public void Every_cell_is_offered_exactly_as_the_owning_organ_the_review_chain_and_the_secret_ballot_say()
    {
        var facts = new Dictionary<DutyReportContext, Facts>();
        foreach (var assigned in new[] { false, true })
        {
            void Add(DutyReportCampaign campaign, DutyReport report, Facts f) => facts.Add(new DutyReportContext(report, campaign, assigned), f);
            var (campaign, draft) = Drafted();
            Add(campaign, draft, new(0, false, false, false));
            Add(campaign, Submitted(campaign), new(0, false, false, false));
            var second = Submitted(campaign);
            second.Approve(campaign, new SupervisionActor(FirstReviewer, "派驻组干部"), new HashSet<string> { Roles.StationedTeam }, null, Now);
            Add(campaign, second, new(1, true, false, false));
            var returned = Submitted(campaign);
            returned.Return(campaign, new SupervisionActor(Guid.NewGuid(), "派驻组干部"), new HashSet<string> { Roles.StationedTeam }, "述而不评", new DateOnly(2026, 12, 8), Now);
            Add(campaign, returned, new(0, false, false, false));
            Add(campaign, ApprovedReport(campaign), new(2, false, false, false));
            var voted = ApprovedReport(campaign);
            voted.Vote(campaign, Scorer, 90);
            Add(campaign, voted, new(2, false, false, true));
            var (closed, _) = Drafted();
            var late = ApprovedReport(closed);
            closed.CloseScoring();
            Add(closed, late, new(2, false, true, false));
        }

        WorkflowCells.EveryCell(DutyReportWorkflow.Table, Expected, [.. facts.Keys], [Guid.NewGuid(), FirstReviewer, Scorer], (c, action, actor) =>
        {
            var f = facts[c];
            return action switch
            {
                DutyReportAction.Approve or DutyReportAction.Return =>
                    (actor.MayChange || c.ReviewAssigned) && actor.Roles.Contains(LevelRoles[f.Level]) && !(f.FirstReviewed && actor.UserId == FirstReviewer),
                DutyReportAction.Vote => actor.MayChange && !f.ScoringClosed && actor.UserId == Scorer && !f.Voted,
                _ => actor.MayChange,
            };
        });
    }

    [Fact]
    public void The_report_refuses_every_move_its_state_does_not_admit_and_takes_the_others_to_the_rows_target()
    {
        DutyReportCampaign? campaign = null;
        WorkflowCells.EntityFollows(
            DutyReportWorkflow.Table,
            state =>
            {
                (campaign, var draft) = Drafted();
                return new DutyReportContext(state switch
                {
                    Draft => draft,
                    UnderReview => Submitted(campaign),
                    Returned => ReturnedReport(campaign),
                    _ => ApprovedReport(campaign),
                }, campaign, false);
            },
            (c, action) =>
            {
                var r = c.Report;
                switch (action)
                {
                    case DutyReportAction.Write:
                        r.Write([.. c.Campaign.TemplateItems.Select(_ => "修改稿")]);
                        break;
                    case DutyReportAction.Submit:
                        r.Submit();
                        break;
                    case DutyReportAction.Approve:
                        r.Approve(c.Campaign, new SupervisionActor(Guid.NewGuid(), "派驻组干部"), new HashSet<string> { LevelRoles[r.Level] }, null, Now);
                        break;
                    case DutyReportAction.Return:
                        r.Return(c.Campaign, new SupervisionActor(Guid.NewGuid(), "派驻组干部"), new HashSet<string> { LevelRoles[r.Level] }, "述而不评", new DateOnly(2026, 12, 8), Now);
                        break;
                    case DutyReportAction.Comment:
                        r.Comment(new SupervisionActor(Guid.NewGuid(), "书记"), "查摆问题不深入", Now);
                        break;
                    case DutyReportAction.Vote:
                        r.Vote(c.Campaign, Scorer, 88);
                        break;
                }
            });
        Assert.NotNull(campaign);
    }

    [Fact]
    public void The_review_guards_refuse_with_the_entitys_codes_the_level_named()
    {
        var (campaign, _) = Drafted();
        var report = Submitted(campaign);
        var supervision = WorkflowCells.Actor(Roles.SupervisionOffice, mayChange: true, Guid.NewGuid());
        var wrongLevel = Assert.Throws<DomainRuleException>(() => DutyReportWorkflow.Table.Ensure(new(report, campaign, false), DutyReportAction.Approve, supervision));
        Assert.Equal(("DutyReport.NotThisLevel", 403, "派驻纪检监察组"), (wrongLevel.Code, wrongLevel.Status, wrongLevel.Arguments.Single()));

        var stationed = WorkflowCells.Actor(Roles.StationedTeam, mayChange: false, Guid.NewGuid());
        var notOwner = Assert.Throws<DomainRuleException>(() => DutyReportWorkflow.Table.Ensure(new(report, campaign, false), DutyReportAction.Return, stationed));
        Assert.Equal(("Supervision.NotOwningOrgan", 403), (notOwner.Code, notOwner.Status));
        DutyReportWorkflow.Table.Ensure(new(report, campaign, true), DutyReportAction.Return, stationed);

        var voted = ApprovedReport(campaign);
        voted.Vote(campaign, Scorer, 90);
        var again = Assert.Throws<DomainRuleException>(() => DutyReportWorkflow.Table.Ensure(new(voted, campaign, false), DutyReportAction.Vote, WorkflowCells.Actor(Roles.CommissionLeader, true, Scorer)));
        Assert.Equal(("DutyReport.AlreadyVoted", 409), (again.Code, again.Status));
    }

    private static (DutyReportCampaign Campaign, DutyReport Report) Drafted()
    {
        var campaign = new DutyReportCampaign(Guid.NewGuid(), "述责述廉", 2026, new DateOnly(2026, 12, 20), new DutyReportOptions());
        campaign.SetScorers([(Scorer, "评分人")]);
        var report = new DutyReport(campaign, Subject, ReportMode.OnSite);
        report.Write([.. campaign.TemplateItems.Select((_, i) => $"第{i + 1}项")]);
        return (campaign, report);
    }

    private static DutyReport Submitted(DutyReportCampaign campaign)
    {
        var report = new DutyReport(campaign, Subject, ReportMode.OnSite);
        report.Write([.. campaign.TemplateItems.Select((_, i) => $"第{i + 1}项")]);
        report.Submit();
        return report;
    }

    private static DutyReport ReturnedReport(DutyReportCampaign campaign)
    {
        var report = Submitted(campaign);
        report.Return(campaign, new SupervisionActor(Guid.NewGuid(), "派驻组干部"), new HashSet<string> { Roles.StationedTeam }, "述而不评", new DateOnly(2026, 12, 8), Now);
        return report;
    }

    private static DutyReport ApprovedReport(DutyReportCampaign campaign)
    {
        var report = Submitted(campaign);
        foreach (var role in LevelRoles)
        {
            report.Approve(campaign, new SupervisionActor(Guid.NewGuid(), role), new HashSet<string> { role }, null, Now);
        }

        return report;
    }
}
