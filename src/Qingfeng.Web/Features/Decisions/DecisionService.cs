using Qingfeng.Features.Clues;
using Qingfeng.Features.Rectification;
using Qingfeng.Features.Supervision;
using Qingfeng.Platform.Ui;

namespace Qingfeng.Features.Decisions;

/// <summary>
/// The only write door of 三重一大 decision records. Saving a record runs the configured checks; each new finding is
/// raised into the unit's problem list (a rectification item, in the same save) and, where the check says so, registered
/// as a clue about the 一把手 through the clue service (or recommended when the keeper may not register clues).
/// </summary>
public sealed class DecisionService(
    IDbContextFactory<QingfengDb> dbFactory,
    SupervisionAccess access,
    RectificationService rectification,
    ClueService clues,
    DecisionCheckOptions options,
    TimeProvider time)
{
    public async Task<Guid> CreateAsync(SaveDecisionRequest request, CancellationToken cancellationToken = default)
    {
        InputRules.Ensure(request);
        var viewer = await access.RequireAsync(Permission.SupervisionManage, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var unit = await viewer.SubjectAsync(db, request.UnitId, request.OfficialId, cancellationToken);
        var principal = await viewer.PrincipalOfAsync(db, unit.UnitId, cancellationToken);
        var record = new DecisionRecord(viewer.OrganId, unit, principal, FactsOf(request), request.Outcome?.ToOutcome());
        db.Add(record);
        await CheckAndSaveAsync(db, viewer, record, cancellationToken);
        return record.Id;
    }

    public async Task UpdateAsync(Guid id, SaveDecisionRequest request, CancellationToken cancellationToken = default)
    {
        InputRules.Ensure(request);
        var viewer = await access.RequireAsync(Permission.SupervisionManage, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await db.DecisionRecords.Where(viewer.Visible<DecisionRecord>()).Include(r => r.Findings)
            .SingleOrDefaultAsync(r => r.Id == id, cancellationToken);

        // Not the kernel's whole write step: the checks save (twice, when they register a clue), so this method saves itself.
        var record = await viewer.EnsureMayApplyAsync(db, found, request.Version, DecisionWorkflow.Table, [DecisionAction.Correct], cancellationToken);
        record.Update(FactsOf(request), request.Outcome?.ToOutcome());
        await CheckAndSaveAsync(db, viewer, record, cancellationToken);
    }

    private async Task CheckAndSaveAsync(QingfengDb db, SupervisionViewer viewer, DecisionRecord record, CancellationToken cancellationToken)
    {
        var at = time.GetUtcNow();
        var added = record.ApplyFindings(DecisionChecks.Evaluate(record, options), at);
        SupervisedSubject? principal = null;
        var reference = record.Reference(EnumText.Label(record.Kind, CultureInfo.GetCultureInfo("zh-CN")));
        if (added.Count > 0)
        {
            principal = await viewer.PrincipalOfAsync(db, record.Subject.UnitId, cancellationToken);
            foreach (var finding in added)
            {
                var item = rectification.Open(db, viewer, principal, new RectificationDraft(
                    RectificationSource.DecisionCheck, record.Id, reference, $"{finding.Text}（{record.Title}）", null, rectification.DefaultDueOn()));
                finding.LinkRectification(item.Id);
            }
        }

        var wantClue = record.Findings.Where(f => f.RaisesClue && f.ClearedAt is null && f.ClueId is null).ToList();
        var canRegister = viewer.Has(Permission.ClueRegister) && record.Subject.OfficialId is not null;
        if (!canRegister)
        {
            wantClue.ForEach(f => f.RecommendClue());
        }

        await db.SaveChangesAsync(cancellationToken);
        if (!canRegister || wantClue.Count == 0)
        {
            return;
        }

        // One clue per check run covers every finding that asks for one (the clue service writes in its own transaction).
        var content = $"日常监督发现{record.Subject.UnitName}“三重一大”事项决策问题：{reference}，{record.Title}。"
            + string.Concat(wantClue.Select(f => f.Text))
            + (record.AmountFen is { } fen ? string.Create(CultureInfo.InvariantCulture, $"涉及金额{fen / 100m:N2}元。") : "");
        var registered = await clues.RegisterAsync(
            new RegisterClueRequest
            {
                Source = ClueSource.FoundInSupervision,
                Content = content,
                Persons = [new ReportedPersonRequest { OfficialId = record.Subject.OfficialId }],
            },
            cancellationToken);
        wantClue.ForEach(f => f.LinkClue(registered.Id));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static DecisionFacts FactsOf(SaveDecisionRequest request) => new(
        request.Kind ?? throw new DomainRuleException("Decision.KindRequired"),
        request.Title,
        request.MeetingOn ?? throw new DomainRuleException("Decision.MeetingOnRequired"),
        request.MeetingKind,
        request.AgendaDaysAhead,
        request.MembersPresent,
        request.MembersTotal,
        request.DecidedCollectively,
        request.PrincipalSpokeLast,
        request.Dissent,
        request.Amount is { } yuan ? (long)Math.Round(yuan * 100m, MidpointRounding.AwayFromZero) : null,
        DecisionChecks.Combine(request.PrincipalInChargeOf));
}
