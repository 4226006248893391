using Qingfeng.Features.Rectification;
using Qingfeng.Features.Supervision;
using Qingfeng.Platform.Rules;
using Qingfeng.Platform.Security;
using Qingfeng.Tests.Platform.Workflow;
using Xunit;
using static Qingfeng.Features.Rectification.RectificationState;

namespace Qingfeng.Tests.Features.Rectification;

/// <summary>The ledger item's workflow cell by cell (state × action × role × owning organ × the claimant), and the entity following it.</summary>
public sealed class RectificationWorkflowTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
    private static readonly SupervisionActor Officer = new(Guid.NewGuid(), "监督检查室干部");
    private static readonly SupervisionActor Reviewer = new(Guid.NewGuid(), "监督检查室主任");
    private static readonly SupervisedSubject Subject = new(Guid.NewGuid(), "某县交通运输局", "520121", Guid.NewGuid(), "甲某", "局长", true, null);
    private static readonly string[] Managers = [Roles.CommissionLeader, Roles.SupervisionOffice, Roles.PartyConductOffice, Roles.StationedTeam];
    private static readonly string[] CloseOut = [Roles.CommissionLeader, Roles.SupervisionOffice, Roles.PartyConductOffice];

    private static readonly Dictionary<RectificationItemAction, ExpectedRow<RectificationState>> Expected = new()
    {
        [RectificationItemAction.Measures] = new([Open, InProgress, AwaitingCloseOut, LongTerm], null, Managers, ["owner"]),
        [RectificationItemAction.Report] = new([Open, InProgress, LongTerm], null, Managers, ["owner"]),
        [RectificationItemAction.CloseOut] = new([AwaitingCloseOut], Closed, CloseOut, ["owner", "not-claimant"]),
        [RectificationItemAction.Reject] = new([AwaitingCloseOut], InProgress, CloseOut, ["owner"]),
        [RectificationItemAction.Extend] = new([Open, InProgress, AwaitingCloseOut, LongTerm], null, CloseOut, ["owner"]),
        [RectificationItemAction.LongTerm] = new([Open, InProgress, AwaitingCloseOut], LongTerm, CloseOut, ["owner"]),
    };

    [Fact]
    public void The_ledger_table_is_the_agreed_one()
    {
        WorkflowCells.RowsAre(RectificationWorkflow.Table, Expected);
    }

    [Fact]
    public void Every_cell_is_offered_exactly_to_the_owning_organ_and_close_out_never_to_the_claimant()
    {
        var items = Enum.GetValues<RectificationState>().Select(At).ToList();
        WorkflowCells.EveryCell(RectificationWorkflow.Table, Expected, items, [Guid.NewGuid(), Officer.UserId],
            (_, action, actor) => actor.MayChange && (action != RectificationItemAction.CloseOut || actor.UserId != Officer.UserId));
    }

    [Fact]
    public void The_item_refuses_every_move_its_state_does_not_admit_and_takes_the_others_to_the_rows_target()
    {
        WorkflowCells.EntityFollows(RectificationWorkflow.Table, At, Take,
            (action, from) => action == RectificationItemAction.Report && from == Open ? InProgress : from);
    }

    [Fact]
    public void The_claimant_is_refused_close_out_with_the_four_eyes_code_as_a_conflict()
    {
        var actor = WorkflowCells.Actor(Roles.SupervisionOffice, mayChange: true, Officer.UserId);
        var refusal = Assert.Throws<DomainRuleException>(() => RectificationWorkflow.Table.Ensure(At(AwaitingCloseOut), RectificationItemAction.CloseOut, actor));
        Assert.Equal(("Rectification.SelfApproval", 409), (refusal.Code, refusal.Status));
    }

    [Fact]
    public void A_completion_claim_moves_the_item_to_close_out_whatever_state_it_was_reported_from()
    {
        foreach (var state in new[] { Open, InProgress, LongTerm })
        {
            var item = At(state);
            item.Report("已完成整改", claimsDone: true, evidenceCount: 1, Officer, Monday);
            Assert.Equal(AwaitingCloseOut, item.State);
        }
    }

    private static void Take(RectificationItem item, RectificationItemAction action)
    {
        switch (action)
        {
            case RectificationItemAction.Measures:
                item.SetMeasures("建立派车登记制度", Officer, Monday);
                break;
            case RectificationItemAction.Report:
                item.Report("正在整改", claimsDone: false, evidenceCount: 0, Officer, Monday);
                break;
            case RectificationItemAction.CloseOut:
                item.CloseOut("佐证材料齐全", new SupervisionOutcome(), Reviewer, Monday);
                break;
            case RectificationItemAction.Reject:
                item.RejectCompletion("佐证不足", Reviewer, Monday);
                break;
            case RectificationItemAction.Extend:
                item.Extend(item.DueOn.AddDays(30), "客观原因", Reviewer, Monday);
                break;
            case RectificationItemAction.LongTerm:
                item.MarkLongTerm("需长期整改", Reviewer, Monday);
                break;
        }
    }

    private static RectificationItem At(RectificationState state)
    {
        var item = new RectificationItem(Guid.NewGuid(), Subject, new RectificationDraft(RectificationSource.Talk, Guid.NewGuid(), "提醒谈话 2026-03-02", "公务用车管理不规范", "建立派车登记制度", new DateOnly(2026, 3, 31)), Officer, Monday);
        switch (state)
        {
            case InProgress:
                item.Report("正在整改", claimsDone: false, evidenceCount: 0, Officer, Monday);
                break;
            case AwaitingCloseOut:
                item.Report("已完成整改", claimsDone: true, evidenceCount: 1, Officer, Monday);
                break;
            case LongTerm:
                item.MarkLongTerm("需长期整改", Reviewer, Monday);
                break;
            case Closed:
                item.Report("已完成整改", claimsDone: true, evidenceCount: 1, Officer, Monday);
                item.CloseOut("佐证材料齐全", new SupervisionOutcome(), Reviewer, Monday);
                break;
        }

        return item;
    }
}
