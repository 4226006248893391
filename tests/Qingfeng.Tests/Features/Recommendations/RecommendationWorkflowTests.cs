using Qingfeng.Features.Recommendations;
using Qingfeng.Features.Supervision;
using Qingfeng.Platform.Security;
using Qingfeng.Tests.Platform.Workflow;
using Xunit;
using static Qingfeng.Features.Recommendations.RecommendationState;

namespace Qingfeng.Tests.Features.Recommendations;

/// <summary>The recommendation lifecycle as agreed, cell by cell, and the entity following it.</summary>
public sealed class RecommendationWorkflowTests
{
    private static readonly string[] Managers = [Roles.CommissionLeader, Roles.SupervisionOffice, Roles.PartyConductOffice, Roles.StationedTeam];
    private static readonly string[] Owner = ["owner"];

    /// <summary>谁建议谁跟踪: only the issuing organ's supervision staff act; the refusals users knew are kept.</summary>
    private static readonly Dictionary<RecommendationAction, ExpectedRow<RecommendationState>> Expected = new()
    {
        [RecommendationAction.Reply] = new([Issued], Replied, Managers, Owner, "Recommendation.AlreadyReplied"),
        [RecommendationAction.Check] = new([Issued, Replied], null, Managers, Owner, "Recommendation.Closed"),
        [RecommendationAction.Close] = new([Replied], Closed, Managers, Owner, "Recommendation.NotReplied"),
        [RecommendationAction.AddRule] = new([Issued, Replied, Closed], null, Managers, Owner),
        [RecommendationAction.RecordOutcome] = new([Issued, Replied, Closed], null, Managers, Owner),
    };

    private static readonly SupervisedSubject Unit = new(Guid.NewGuid(), "某县卫生健康局", "520121", Guid.NewGuid(), "乙某", "局长", true, null);
    private static readonly SupervisionActor Officer = new(Guid.NewGuid(), "监督检查室干部");
    private static readonly DateOnly IssuedOn = new(2026, 3, 2);

    private static Recommendation In(RecommendationState state)
    {
        var recommendation = new Recommendation(Guid.NewGuid(), Unit, new RecommendationContent(RecommendationKind.Combined, "规范采购管理", "案件查办中发现", "采购个人说了算", ["建立集体决策制度"], IssuedOn),
            "纪建〔2026〕1号", 2026, 1, IssuedOn.AddDays(30));
        if (state != Issued)
        {
            recommendation.RecordReply(IssuedOn.AddDays(10), "已建立制度", null);
        }

        if (state == Closed)
        {
            recommendation.AddCheck(IssuedOn.AddDays(20), "回头看：制度已执行", true, Officer);
        }

        Assert.Equal(state, recommendation.State);
        return recommendation;
    }

    private static void Act(Recommendation recommendation, RecommendationAction action)
    {
        var on = IssuedOn.AddDays(25);
        switch (action)
        {
            case RecommendationAction.Reply:
                recommendation.RecordReply(on, "已整改", null);
                break;
            case RecommendationAction.Check:
            case RecommendationAction.Close:
                recommendation.AddCheck(on, "回头看", action == RecommendationAction.Close, Officer);
                break;
            case RecommendationAction.AddRule:
                recommendation.AddRule("药品耗材采购“十不准”", on, null);
                break;
            default:
                recommendation.RecordOutcome(new SupervisionOutcome { ProblemsFound = 2 });
                break;
        }
    }

    [Fact]
    public void Each_row_states_the_agreed_states_roles_and_guards() => WorkflowCells.RowsAre(RecommendationWorkflow.Table, Expected);

    [Fact]
    public void Every_state_action_role_and_organ_cell_offers_what_the_lifecycle_says() =>
        WorkflowCells.EveryCell(RecommendationWorkflow.Table, Expected, In);

    /// <summary>A satisfactory check on a closed recommendation is refused as closed (it is a check first), as before.</summary>
    [Fact]
    public void The_recommendation_moves_as_the_table_says_and_refuses_every_other_move_with_its_own_conflict() =>
        WorkflowCells.EntityFollows(RecommendationWorkflow.Table, In, Act,
            refusal: (action, state) => action == RecommendationAction.Close && state == Closed ? "Recommendation.Closed" : Expected[action].Refusal);
}
