using System.Globalization;
using Qingfeng.Features.Roster;
using Qingfeng.Features.Supervision;
using Qingfeng.Features.Talks;
using Qingfeng.Platform.Rules;
using Qingfeng.Platform.Security;
using Qingfeng.Platform.Ui;
using Qingfeng.Tests.Platform.Workflow;
using Xunit;
using static Qingfeng.Features.Talks.TalkState;

namespace Qingfeng.Tests.Features.Talks;

/// <summary>The talk and letter-of-inquiry workflows cell by cell (state × action × role × owning organ), and the entities following them.</summary>
public sealed class TalkWorkflowTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);
    private static readonly SupervisedSubject Principal = new(Guid.NewGuid(), "开阳县交通运输局", "520121", Guid.NewGuid(), "测试甲", "局长", true, LeaderCategory.CityCountyDepartment);
    private static readonly string[] Managers = [Roles.CommissionLeader, Roles.SupervisionOffice, Roles.PartyConductOffice, Roles.StationedTeam];
    private static readonly Guid[] Users = [Guid.NewGuid()];

    private static readonly Dictionary<TalkAction, ExpectedRow<TalkState>> Talks = new()
    {
        [TalkAction.Replan] = new([Planned], null, Managers, ["owner"]),
        [TalkAction.SetOutline] = new([Planned, Held], null, Managers, ["owner"]),
        [TalkAction.Hold] = new([Planned], Held, Managers, ["owner"]),
        [TalkAction.AddFollowUps] = new([Held], null, Managers, ["owner"]),
        [TalkAction.RecordPledge] = new([Held], null, Managers, ["owner", "summons"]),
        [TalkAction.Close] = new([Held], Closed, Managers, ["owner"]),
        [TalkAction.Cancel] = new([Planned], Cancelled, Managers, ["owner"]),
        [TalkAction.RecordOutcome] = new([Held, Closed], null, Managers, ["owner"]),
    };

    private static readonly Dictionary<InquiryAction, ExpectedRow<InquiryState>> Inquiries = new()
    {
        [InquiryAction.RecordReply] = new([InquiryState.Sent], InquiryState.Replied, Managers, ["owner"]),
        [InquiryAction.Assess] = new([InquiryState.Replied], InquiryState.Closed, Managers, ["owner"]),
    };

    [Fact]
    public void The_talk_table_is_the_agreed_one()
    {
        WorkflowCells.RowsAre(TalkWorkflow.Table, Talks);
        WorkflowCells.RowsAre(InquiryWorkflow.Table, Inquiries);
    }

    [Fact]
    public void Every_talk_cell_is_offered_exactly_to_the_owning_organs_managers_and_the_pledge_only_after_a_summons()
    {
        var talks = Enum.GetValues<TalkState>().SelectMany(s => new[] { TalkAt(s, TalkType.Summons), TalkAt(s, TalkType.Integrity) }).ToList();
        var cells = WorkflowCells.EveryCell(TalkWorkflow.Table, Talks, talks, Users,
            (talk, action, actor) => actor.MayChange && (action != TalkAction.RecordPledge || talk.Type == TalkType.Summons));
        Assert.Equal(8 * Roles.All.Count * 2 * Talks.Count, cells);
    }

    [Fact]
    public void Every_inquiry_cell_is_offered_exactly_to_the_owning_organs_managers()
    {
        var inquiries = Enum.GetValues<InquiryState>().Select(InquiryAt).ToList();
        WorkflowCells.EveryCell(InquiryWorkflow.Table, Inquiries, inquiries, Users, (_, _, actor) => actor.MayChange);
    }

    [Fact]
    public void The_talk_refuses_every_move_its_state_does_not_admit_and_takes_the_others_to_the_rows_target()
    {
        WorkflowCells.EntityFollows(TalkWorkflow.Table, s => TalkAt(s, TalkType.Summons), Take);
        WorkflowCells.EntityFollows(InquiryWorkflow.Table, InquiryAt, (inquiry, action) =>
        {
            switch (action)
            {
                case InquiryAction.RecordReply:
                    inquiry.RecordReply(Today, "书面说明", null, null, Today);
                    break;
                case InquiryAction.Assess:
                    inquiry.Assess(InquiryAssessment.Accepted, null, new SupervisionOutcome(), Today);
                    break;
            }
        });
    }

    [Fact]
    public void The_pledge_guard_refuses_with_the_entitys_own_code_and_status()
    {
        var held = TalkAt(Held, TalkType.Integrity);
        var actor = WorkflowCells.Actor(Roles.SupervisionOffice, mayChange: true, Guid.NewGuid());
        var refusal = Assert.Throws<DomainRuleException>(() => TalkWorkflow.Table.Ensure(held, TalkAction.RecordPledge, actor));
        Assert.Equal(("Talks.PledgeOnlyForSummons", 422), (refusal.Code, refusal.Status));
        Assert.Equal("Talks.PledgeOnlyForSummons", Assert.Throws<DomainRuleException>(() => held.RecordPledge(Today)).Code);
        var notOwner = Assert.Throws<DomainRuleException>(() => TalkWorkflow.Table.Ensure(TalkAt(Held, TalkType.Summons), TalkAction.Close, actor with { MayChange = false }));
        Assert.Equal(("Supervision.NotOwningOrgan", 403), (notOwner.Code, notOwner.Status));
    }

    [Fact]
    public void An_illegal_move_reads_with_the_labels_of_the_action_and_the_state()
    {
        var refusal = Assert.Throws<DomainRuleException>(() => TalkAt(Held, TalkType.Integrity).Cancel("不再需要"));
        Assert.Equal("当前状态（已谈话）不允许此操作（取消谈话）。", TextCatalog.Instance.Get(refusal.Code, CultureInfo.GetCultureInfo("zh-CN"), [.. refusal.Arguments]));
        Assert.Equal("The record's state (Held) does not allow this (Cancel the talk).", TextCatalog.Instance.Get(refusal.Code, CultureInfo.GetCultureInfo("en"), [.. refusal.Arguments]));
    }

    [Fact]
    public void Every_action_of_the_four_tables_has_a_label_in_both_languages()
    {
        foreach (var type in new[] { typeof(TalkAction), typeof(InquiryAction), typeof(Qingfeng.Features.Rectification.RectificationItemAction), typeof(Qingfeng.Features.DutyReports.DutyReportAction) })
        {
            foreach (var name in Enum.GetNames(type))
            {
                Assert.True(TextCatalog.Instance.Entries.ContainsKey($"Enum.{type.Name}.{name}"), $"Enum.{type.Name}.{name}");
            }
        }
    }

    private static void Take(Talk talk, TalkAction action)
    {
        switch (action)
        {
            case TalkAction.Replan:
                talk.Replan(new TalkPlan(Today.AddDays(3), "县纪委", "某某", null, null));
                break;
            case TalkAction.SetOutline:
                talk.SetOutline("提纲");
                break;
            case TalkAction.Hold:
                talk.Hold(Today, "记录", null, Today, 15);
                break;
            case TalkAction.AddFollowUps:
                talk.EnsureFollowUpsAllowed();
                break;
            case TalkAction.RecordPledge:
                talk.RecordPledge(Today);
                break;
            case TalkAction.Close:
                talk.Close(null, new SupervisionOutcome(), Today);
                break;
            case TalkAction.Cancel:
                talk.Cancel("谈话对象调离");
                break;
            case TalkAction.RecordOutcome:
                talk.RecordOutcome(new SupervisionOutcome { ProblemsFound = 1 });
                break;
        }
    }

    private static Talk TalkAt(TalkState state, TalkType type)
    {
        var talk = new Talk(Guid.NewGuid(), Principal, type, null, null, new TalkPlan(Today, null, "某某", null, null), null);
        if (state is Held or Closed)
        {
            talk.Hold(Today, "记录", null, Today, 15);
        }

        if (state == Closed)
        {
            talk.Close(null, new SupervisionOutcome(), Today);
        }

        if (state == Cancelled)
        {
            talk.Cancel("谈话对象调离");
        }

        return talk;
    }

    private static Inquiry InquiryAt(InquiryState state)
    {
        var inquiry = new Inquiry(Guid.NewGuid(), Principal, "请说明有关问题", Today.AddDays(-5), Today.AddDays(10), null);
        if (state is InquiryState.Replied or InquiryState.Closed)
        {
            inquiry.RecordReply(Today, "书面说明", null, null, Today);
        }

        if (state == InquiryState.Closed)
        {
            inquiry.Assess(InquiryAssessment.Accepted, null, new SupervisionOutcome(), Today);
        }

        return inquiry;
    }
}
