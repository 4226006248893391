using Qingfeng.Features.Decisions;
using Qingfeng.Features.Supervision;
using Qingfeng.Platform.Security;
using Qingfeng.Tests.Platform.Workflow;
using Xunit;

namespace Qingfeng.Tests.Features.Decisions;

/// <summary>The decision record's one action, cell by cell, and the entity following it.</summary>
public sealed class DecisionWorkflowTests
{
    private static readonly Dictionary<DecisionAction, ExpectedRow<DecisionRecordState>> Expected = new()
    {
        [DecisionAction.Correct] = new([DecisionRecordState.Kept], DecisionRecordState.Kept,
            [Roles.CommissionLeader, Roles.SupervisionOffice, Roles.PartyConductOffice, Roles.StationedTeam], ["owner"]),
    };

    private static readonly SupervisedSubject Unit = new(Guid.NewGuid(), "某县交通运输局", "520121", null, null, null, false, null);
    private static readonly SupervisedSubject Principal = Unit with { OfficialId = Guid.NewGuid(), OfficialName = "甲某", OfficialPosition = "局长", IsPrincipal = true };

    private static readonly DecisionFacts Clean = new(DecisionKind.MajorDecision, "年度预算安排", new DateOnly(2026, 3, 2), "党组会", 3, 7, 7, true, true, null, null, RestrictedArea.None);

    private static DecisionRecord In(DecisionRecordState state) => new(Guid.NewGuid(), Unit, Principal, Clean, null);

    [Fact]
    public void Each_row_states_the_agreed_states_roles_and_guards() => WorkflowCells.RowsAre(DecisionWorkflow.Table, Expected);

    [Fact]
    public void Every_state_action_role_and_organ_cell_offers_what_the_lifecycle_says() =>
        WorkflowCells.EveryCell(DecisionWorkflow.Table, Expected, In);

    [Fact]
    public void Correcting_keeps_the_record_kept_and_applies_the_new_facts()
    {
        WorkflowCells.EntityFollows(DecisionWorkflow.Table, In, (record, _) => record.Update(Clean with { Title = "更正后的标题" }, null));
        var record = In(DecisionRecordState.Kept);
        record.Update(Clean with { Title = "更正后的标题" }, null);
        Assert.Equal("更正后的标题", record.Title);
    }
}
