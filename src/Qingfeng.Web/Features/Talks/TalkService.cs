using System.Text;
using Qingfeng.Features.Rectification;
using Qingfeng.Features.Supervision;
using Qingfeng.Platform.Ui;

namespace Qingfeng.Features.Talks;

/// <summary>
/// The only write door of talks and letters of inquiry. Follow-up items become rectification items in the same save
/// (<see cref="RectificationService.Open"/>), so a talk and its items are written in one transaction. Talks and letters linked to a
/// clue are touched only by whoever may open the clue, and the reply to a clue's letter goes through the clue (<see cref="IClueCircle"/>).
/// </summary>
public sealed class TalkService(
    IDbContextFactory<QingfengDb> dbFactory,
    SupervisionAccess access,
    IClueCircle circle,
    SupervisionCalendar calendar,
    RectificationService rectification,
    TalkTierRule tiers,
    TalkOptions options,
    TimeProvider time)
{
    public async Task<Guid> PlanAsync(PlanTalkRequest request, CancellationToken cancellationToken = default)
    {
        InputRules.Ensure(request);
        var viewer = await access.RequireAsync(Permission.SupervisionManage, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var subject = await viewer.SubjectAsync(db, null, request.OfficialId!.Value, cancellationToken);
        var type = request.Type!.Value;
        if (type == TalkType.ClueTalk)
        {
            throw new DomainRuleException("Talks.ClueTalkOnClue");
        }

        var title = tiers.TalkerTitle(type, request.Tier);
        var talkers = string.IsNullOrWhiteSpace(request.Talkers) ? title : request.Talkers;
        var plan = new TalkPlan(request.PlannedOn!.Value, request.Place, talkers ?? "", request.Participants, request.Recorder);
        var talk = new Talk(viewer.OrganId, subject, type, request.Tier, title, plan, request.Outline);
        db.Add(talk);
        await db.SaveChangesAsync(cancellationToken);
        return talk.Id;
    }

    public Task ReplanAsync(Guid id, ReplanTalkRequest request, CancellationToken cancellationToken = default)
    {
        InputRules.Ensure(request);
        return ChangeTalkAsync(id, TalkAction.Replan, (talk, _, _) =>
        {
            talk.Replan(new TalkPlan(request.PlannedOn!.Value, request.Place, request.Talkers!, request.Participants, request.Recorder));
            return Task.CompletedTask;
        }, cancellationToken);
    }

    public Task SetOutlineAsync(Guid id, SetOutlineRequest request, CancellationToken cancellationToken = default)
    {
        InputRules.Ensure(request);
        return ChangeTalkAsync(id, TalkAction.SetOutline, (talk, _, _) =>
        {
            talk.SetOutline(request.Outline);
            return Task.CompletedTask;
        }, cancellationToken);
    }

    /// <summary>
    /// Assembles the outline (谈话提纲) from the official's open rectification items within jurisdiction and the commitments
    /// made in earlier talks, saves it on the talk and returns it; the user edits it afterwards.
    /// </summary>
    public async Task<string> AssembleOutlineAsync(Guid id, CancellationToken cancellationToken = default)
    {
        string outline = "";
        await ChangeTalkAsync(id, TalkAction.SetOutline, async (talk, viewer, db) =>
        {
            outline = await ComposeOutlineAsync(db, viewer, await circle.VisibleClueIdsAsync(db, cancellationToken), talk, cancellationToken);
            talk.SetOutline(outline);
        }, cancellationToken);
        return outline;
    }

    /// <summary>Records the talk as held, with the record, the commitments and follow-up items (opened as rectification items).</summary>
    public async Task<HoldTalkResult> HoldAsync(Guid id, HoldTalkRequest request, CancellationToken cancellationToken = default)
    {
        InputRules.Ensure(request);
        var items = new List<RectificationItem>();
        await ChangeTalkAsync(id, TalkAction.Hold, async (talk, viewer, db) =>
        {
            talk.Hold(request.HeldOn!.Value, request.Record!, request.Commitments, Today(), options.PledgeDays);
            items.AddRange(await OpenFollowUpsAsync(db, viewer, talk, request.FollowUps ?? [], cancellationToken));
        }, cancellationToken);
        return new HoldTalkResult(id, [.. items.Select(i => i.Id)]);
    }

    public async Task<IReadOnlyList<Guid>> AddFollowUpsAsync(Guid id, AddFollowUpsRequest request, CancellationToken cancellationToken = default)
    {
        InputRules.Ensure(request);
        var items = new List<RectificationItem>();
        await ChangeTalkAsync(id, TalkAction.AddFollowUps, async (talk, viewer, db) =>
        {
            talk.EnsureFollowUpsAllowed();
            if (request.FollowUps is not { Count: > 0 })
            {
                throw new DomainRuleException("Talks.FollowUpRequired");
            }

            items.AddRange(await OpenFollowUpsAsync(db, viewer, talk, request.FollowUps, cancellationToken));
        }, cancellationToken);
        return [.. items.Select(i => i.Id)];
    }

    public Task RecordPledgeAsync(Guid id, RecordPledgeRequest request, CancellationToken cancellationToken = default)
    {
        InputRules.Ensure(request);
        return ChangeTalkAsync(id, TalkAction.RecordPledge, (talk, _, _) =>
        {
            talk.RecordPledge(request.ReceivedOn!.Value);
            return Task.CompletedTask;
        }, cancellationToken);
    }

    public Task CloseAsync(Guid id, CloseTalkRequest request, CancellationToken cancellationToken = default)
    {
        InputRules.Ensure(request);
        return ChangeTalkAsync(id, TalkAction.Close, (talk, _, _) =>
        {
            talk.Close(request.Note, (request.Outcome ?? new SupervisionOutcomeInput()).ToOutcome(), Today());
            return Task.CompletedTask;
        }, cancellationToken);
    }

    public Task CancelAsync(Guid id, CancelTalkRequest request, CancellationToken cancellationToken = default)
    {
        InputRules.Ensure(request);
        return ChangeTalkAsync(id, TalkAction.Cancel, (talk, _, _) =>
        {
            talk.Cancel(request.Reason!);
            return Task.CompletedTask;
        }, cancellationToken);
    }

    public Task RecordOutcomeAsync(Guid id, SupervisionOutcomeInput outcome, CancellationToken cancellationToken = default)
    {
        InputRules.Ensure(outcome);
        return ChangeTalkAsync(id, TalkAction.RecordOutcome, (talk, _, _) =>
        {
            talk.RecordOutcome(outcome.ToOutcome());
            return Task.CompletedTask;
        }, cancellationToken);
    }

    public async Task<Guid> SendInquiryAsync(SendInquiryRequest request, CancellationToken cancellationToken = default)
    {
        InputRules.Ensure(request);
        var viewer = await access.RequireAsync(Permission.SupervisionManage, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var subject = await viewer.SubjectAsync(db, null, request.OfficialId!.Value, cancellationToken);
        var sent = request.SentOn ?? Today();
        if (sent > Today())
        {
            throw new DomainRuleException("Inquiries.SentInFuture");
        }

        var inquiry = new Inquiry(viewer.OrganId, subject, request.Matters!, sent, ReplyDueOn(sent), request.DocumentNumber);
        db.Add(inquiry);
        await db.SaveChangesAsync(cancellationToken);
        return inquiry.Id;
    }

    /// <summary>The reply deadline of a letter sent on <paramref name="sentOn"/>: the configured working days later.</summary>
    public DateOnly ReplyDueOn(DateOnly sentOn) => calendar.InquiryReplyDueOn(sentOn);

    /// <summary>
    /// Records the written reply. The reply to a clue's letter is recorded through the clue's workflow (one path writes the letter
    /// and the clue's history): this action delegates to it.
    /// </summary>
    public async Task RecordReplyAsync(Guid id, RecordReplyRequest request, CancellationToken cancellationToken = default)
    {
        InputRules.Ensure(request);
        var viewer = await access.RequireAsync(Permission.SupervisionManage, cancellationToken);
        Guid? clueId;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            clueId = await db.Set<Inquiry>().AsNoTracking().Where(viewer.Visible<Inquiry>()).InCircle(await circle.VisibleClueIdsAsync(db, cancellationToken))
                .Where(i => i.Id == id).Select(i => i.ClueId).SingleOrDefaultAsync(cancellationToken);
        }

        if (clueId is { } clue)
        {
            await circle.RecordReplyAsync(clue, request, cancellationToken);
            return;
        }

        await ChangeInquiryAsync(id, InquiryAction.RecordReply, (inquiry, _, _) =>
        {
            inquiry.RecordReply(request.ReceivedOn!.Value, request.Text!, request.CountersignedBy, request.CountersignNote, Today());
            return Task.CompletedTask;
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<Guid>> AssessAsync(Guid id, AssessInquiryRequest request, CancellationToken cancellationToken = default)
    {
        InputRules.Ensure(request);
        var items = new List<RectificationItem>();
        await ChangeInquiryAsync(id, InquiryAction.Assess, async (inquiry, viewer, db) =>
        {
            inquiry.Assess(request.Assessment!.Value, request.Note, (request.Outcome ?? new SupervisionOutcomeInput()).ToOutcome(), Today());
            var subject = await viewer.SubjectAsync(db, inquiry.Subject.UnitId, inquiry.Subject.OfficialId, cancellationToken);
            var reference = TextCatalog.Instance.Get("Inquiries.SourceReference", CultureInfo.GetCultureInfo("zh-CN"), inquiry.SentOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            foreach (var followUp in request.FollowUps ?? [])
            {
                items.Add(rectification.Open(db, viewer, subject, new RectificationDraft(
                    RectificationSource.InquiryLetter, inquiry.Id, reference, followUp.Problem!, followUp.Measures, followUp.DueOn ?? rectification.DefaultDueOn())));
            }
        }, cancellationToken);
        return [.. items.Select(i => i.Id)];
    }

    internal static async Task<string> ComposeOutlineAsync(QingfengDb db, SupervisionViewer viewer, IQueryable<Guid> visibleClues, Talk talk, CancellationToken cancellationToken)
    {
        var zh = CultureInfo.GetCultureInfo("zh-CN");
        var open = await db.RectificationItems.AsNoTracking().Where(viewer.Visible<RectificationItem>())
            .Where(i => i.Subject.OfficialId == talk.Subject.OfficialId && i.State != RectificationState.Closed)
            .OrderBy(i => i.DueOn)
            .Select(i => new { i.Problem, i.DueOn, i.SourceReference, i.State })
            .ToListAsync(cancellationToken);
        var earlier = await db.Set<Talk>().AsNoTracking().Where(viewer.Visible<Talk>()).InCircle(visibleClues)
            .Where(t => t.Subject.OfficialId == talk.Subject.OfficialId && t.Id != talk.Id && t.Commitments != null
                && (t.State == TalkState.Held || t.State == TalkState.Closed))
            .OrderByDescending(t => t.HeldOn)
            .Select(t => new { t.Type, t.HeldOn, t.Commitments })
            .Take(10)
            .ToListAsync(cancellationToken);

        var text = new StringBuilder();
        text.Append("谈话对象：").Append(talk.Subject.OfficialName).Append('（').Append(talk.Subject.UnitName).Append(talk.Subject.OfficialPosition).AppendLine("）");
        text.Append("谈话类型：").Append(EnumText.Label(talk.Type, zh));
        if (talk.Tier is { } tier)
        {
            text.Append(CultureInfo.InvariantCulture, $"（第{tier}级）");
        }

        text.AppendLine();
        text.AppendLine("一、开场说明：说明谈话的目的和依据，请谈话对象如实说明情况。");
        text.AppendLine("二、需要说明的问题和整改情况：");
        if (open.Count == 0)
        {
            text.AppendLine("（暂无未销号的整改事项）");
        }

        var n = 0;
        foreach (var item in open)
        {
            text.Append(CultureInfo.InvariantCulture, $"{++n}. {item.Problem}（来源：{item.SourceReference}；整改期限：{item.DueOn:yyyy-MM-dd}；状态：{EnumText.Label(item.State, zh)}）").AppendLine();
        }

        text.AppendLine("三、以往谈话中的表态和承诺落实情况：");
        if (earlier.Count == 0)
        {
            text.AppendLine("（此前无谈话承诺记录）");
        }

        n = 0;
        foreach (var t in earlier)
        {
            text.Append(CultureInfo.InvariantCulture, $"{++n}. {t.HeldOn:yyyy-MM-dd}{EnumText.Label(t.Type, zh)}：{t.Commitments}").AppendLine();
        }

        text.AppendLine("四、提醒要求：压实管党治党第一责任，对照问题逐项整改，按期报告整改进展。");
        text.Append("五、谈话对象表态。");
        return text.ToString();
    }

    private async Task<List<RectificationItem>> OpenFollowUpsAsync(QingfengDb db, SupervisionViewer viewer, Talk talk, IReadOnlyList<FollowUpRequest> followUps, CancellationToken cancellationToken)
    {
        var items = new List<RectificationItem>();
        if (followUps.Count == 0)
        {
            return items;
        }

        var subject = await viewer.SubjectAsync(db, talk.Subject.UnitId, talk.Subject.OfficialId, cancellationToken);
        var reference = talk.SourceReference(EnumText.Label(talk.Type, CultureInfo.GetCultureInfo("zh-CN")));
        foreach (var followUp in followUps)
        {
            items.Add(rectification.Open(db, viewer, subject, new RectificationDraft(
                RectificationSource.Talk, talk.Id, reference, followUp.Problem!, followUp.Measures, followUp.DueOn ?? rectification.DefaultDueOn())));
        }

        return items;
    }

    private DateOnly Today() => ChinaTime.DateOf(time.GetUtcNow());

    /// <summary>Changes a talk the caller sees (clue talks only within the clue's circle) through the kernel's write step (<see cref="SupervisionAccess.ChangeAsync{TRecord, TState, TAction}(Platform.Workflow.WorkflowTable{TRecord, TState, TAction}, IReadOnlyList{TAction}, Guid?, Func{QingfengDb, SupervisionViewer, Task{TRecord}}, Func{TRecord, SupervisionViewer, QingfengDb, Task}, CancellationToken)"/>).</summary>
    private Task ChangeTalkAsync(Guid id, TalkAction action, Func<Talk, SupervisionViewer, QingfengDb, Task> change, CancellationToken cancellationToken) =>
        access.ChangeAsync(
            TalkWorkflow.Table,
            [action],
            null,
            async (db, viewer) => await db.Set<Talk>().Where(viewer.Visible<Talk>()).InCircle(await circle.VisibleClueIdsAsync(db, cancellationToken))
                .SingleOrDefaultAsync(t => t.Id == id, cancellationToken),
            change,
            cancellationToken);

    /// <summary>Changes a letter of inquiry the caller sees (a clue's letter only within the clue's circle), as <see cref="ChangeTalkAsync"/>.</summary>
    private Task ChangeInquiryAsync(Guid id, InquiryAction action, Func<Inquiry, SupervisionViewer, QingfengDb, Task> change, CancellationToken cancellationToken) =>
        access.ChangeAsync(
            InquiryWorkflow.Table,
            [action],
            null,
            async (db, viewer) => await db.Set<Inquiry>().Where(viewer.Visible<Inquiry>()).InCircle(await circle.VisibleClueIdsAsync(db, cancellationToken))
                .SingleOrDefaultAsync(i => i.Id == id, cancellationToken),
            change,
            cancellationToken);
}
