using Qingfeng.Features.Accountability;
using Qingfeng.Features.Supervision;
using Qingfeng.Platform.Calendar;
using Qingfeng.Platform.Security;
using Qingfeng.Tests.Platform.Workflow;
using Xunit;
using static Qingfeng.Features.Accountability.AccountabilityState;

namespace Qingfeng.Tests.Features.Accountability;

/// <summary>The accountability lifecycle as agreed, cell by cell, and the entity following it.</summary>
public sealed class AccountabilityWorkflowTests
{
    private static readonly string[] Deciders = [Roles.CommissionLeader, Roles.PartyConductOffice];
    private static readonly string[] Owner = ["owner"];

    /// <summary>What the party-conduct office and the leadership do to a decision of their own organ (ADR 0008), and the refusals users knew.</summary>
    private static readonly Dictionary<AccountabilityAction, ExpectedRow<AccountabilityState>> Expected = new()
    {
        [AccountabilityAction.Correct] = new([Decided], Decided, Deciders, Owner, "Accountability.NotEditable"),
        [AccountabilityAction.Execute] = new([Decided], Executed, Deciders, Owner, "Accountability.NotDecided"),
        [AccountabilityAction.Revoke] = new([Decided, Executed], Revoked, Deciders, Owner, "Accountability.AlreadyRevoked"),
    };

    private static readonly SupervisedSubject Principal = new(Guid.NewGuid(), "某县卫生健康局", "520121", Guid.NewGuid(), "乙某", "局长", true, null);
    private static readonly DateOnly DecidedOn = new(2026, 4, 8);

    private static AccountabilityFacts Facts => new(AccountabilityTarget.LeadingCadre, AccountabilityMethod.Examination, null, AccountabilityCause.Inspection,
        "工作人员工作日饮酒", "3名工作人员工作日饮酒", "《中国共产党问责条例》第八条", "县纪委常委会", DecidedOn, null, NoticeScope.Internal);

    private static AccountabilityDecision In(AccountabilityState state)
    {
        var decision = new AccountabilityDecision(Guid.NewGuid(), Principal, Facts, CauseLink.None, new AccountabilityLimits(new AccountabilityOptions(), WorkingDayCalendar.BuiltIn()));
        if (state == Executed)
        {
            decision.Execute(DecidedOn.AddDays(5), "已提交书面检查");
        }
        else if (state == Revoked)
        {
            decision.Revoke(DecidedOn.AddDays(5), "申诉后撤销");
        }

        Assert.Equal(state, decision.State);
        return decision;
    }

    private static void Act(AccountabilityDecision decision, AccountabilityAction action)
    {
        switch (action)
        {
            case AccountabilityAction.Correct:
                decision.Update(Facts with { Facts = "更正后的问责事实" }, CauseLink.None, new AccountabilityLimits(new AccountabilityOptions(), WorkingDayCalendar.BuiltIn()));
                break;
            case AccountabilityAction.Execute:
                decision.Execute(DecidedOn.AddDays(10), null);
                break;
            default:
                decision.Revoke(DecidedOn.AddDays(10), "申诉后撤销");
                break;
        }
    }

    [Fact]
    public void Each_row_states_the_agreed_states_roles_and_guards() => WorkflowCells.RowsAre(AccountabilityWorkflow.Table, Expected);

    [Fact]
    public void Every_state_action_role_and_organ_cell_offers_what_the_lifecycle_says() =>
        WorkflowCells.EveryCell(AccountabilityWorkflow.Table, Expected, In);

    [Fact]
    public void The_decision_moves_as_the_table_says_and_refuses_every_other_move_with_its_own_conflict() =>
        WorkflowCells.EntityFollows(AccountabilityWorkflow.Table, In, Act);
}
