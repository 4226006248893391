using Qingfeng.Features.Clues;
using Qingfeng.Features.Decisions;
using Qingfeng.Features.Rectification;
using Qingfeng.Features.Supervision;

namespace Qingfeng.Features.Accountability;

/// <summary>
/// The only write door of accountability decisions (问责): recording one against a unit's party organisation or a leading
/// cadre in jurisdiction, linked to the failure that caused it, with the rectification it requires opened in the ledger in
/// the same save; then carrying it out or revoking it. Writes need <see cref="Permission.AccountabilityManage"/>.
/// </summary>
public sealed class AccountabilityService(
    IDbContextFactory<QingfengDb> dbFactory,
    SupervisionAccess access,
    ClueAccess clueAccess,
    RectificationService rectification,
    AccountabilityLimits limits,
    TimeProvider time)
{
    public async Task<Guid> CreateAsync(SaveAccountabilityRequest request, CancellationToken cancellationToken = default)
    {
        InputRules.Ensure(request);
        var viewer = await access.RequireAsync(Permission.AccountabilityManage, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var target = request.Target ?? throw new DomainRuleException("Accountability.UnknownValue");
        if (target == AccountabilityTarget.LeadingCadre && request.OfficialId is null)
        {
            throw new DomainRuleException("Accountability.OfficialRequired");
        }

        var subject = target == AccountabilityTarget.LeadingCadre
            ? await viewer.SubjectAsync(db, null, request.OfficialId, cancellationToken)
            : await viewer.SubjectAsync(db, request.UnitId, request.OfficialId, cancellationToken);
        var facts = FactsOf(request);
        var cause = await ResolveCauseAsync(db, viewer, facts.Cause, request.CauseId, cancellationToken);
        var decision = new AccountabilityDecision(viewer.OrganId, subject, facts, cause, limits);
        db.Add(decision);

        if (!string.IsNullOrWhiteSpace(request.RectificationMeasures))
        {
            var owner = target == AccountabilityTarget.LeadingCadre ? subject : await viewer.PrincipalOfAsync(db, subject.UnitId, cancellationToken);
            var item = rectification.Open(db, viewer, owner, new RectificationDraft(
                RectificationSource.Accountability,
                decision.Id,
                decision.DocumentNumber ?? $"问责决定 {decision.DecidedOn:yyyy-MM-dd}",
                decision.Failure,
                request.RectificationMeasures.Trim(),
                request.RectificationDueOn ?? rectification.DefaultDueOn()));
            decision.LinkRectification(item.Id);
        }

        await db.SaveChangesAsync(cancellationToken);
        return decision.Id;
    }

    public Task UpdateAsync(Guid id, SaveAccountabilityRequest request, CancellationToken cancellationToken = default)
    {
        InputRules.Ensure(request);
        return access.ChangeAsync(AccountabilityWorkflow.Table, [AccountabilityAction.Correct], request.Version, Decision(id, cancellationToken), async (decision, viewer, db) =>
        {
            var facts = FactsOf(request);
            var cause = await ResolveCauseAsync(db, viewer, facts.Cause, request.CauseId, cancellationToken);
            decision.Update(facts, cause, limits);
        }, cancellationToken);
    }

    public Task ExecuteAsync(Guid id, ExecuteAccountabilityRequest request, CancellationToken cancellationToken = default)
    {
        InputRules.Ensure(request);
        return access.ChangeAsync(AccountabilityWorkflow.Table, [AccountabilityAction.Execute], null, Decision(id, cancellationToken),
            (decision, _) => decision.Execute(request.On ?? Today(), request.Note), cancellationToken);
    }

    public Task RevokeAsync(Guid id, RevokeAccountabilityRequest request, CancellationToken cancellationToken = default)
    {
        InputRules.Ensure(request);
        return access.ChangeAsync(AccountabilityWorkflow.Table, [AccountabilityAction.Revoke], null, Decision(id, cancellationToken),
            (decision, _) => decision.Revoke(request.On ?? Today(), request.Reason), cancellationToken);
    }

    private DateOnly Today() => ChinaTime.DateOf(time.GetUtcNow());

    /// <summary>The decision with <paramref name="id"/> among those the caller sees (the kernel's write step checks the rest).</summary>
    private static Func<QingfengDb, SupervisionViewer, Task<AccountabilityDecision?>> Decision(Guid id, CancellationToken cancellationToken) =>
        (db, viewer) => db.AccountabilityDecisions.Where(viewer.Visible<AccountabilityDecision>()).SingleOrDefaultAsync(d => d.Id == id, cancellationToken);

    /// <summary>The cause must be a record the decider may see: a clue under the need-to-know rule, ledger items and decision records within jurisdiction.</summary>
    private async Task<CauseLink> ResolveCauseAsync(QingfengDb db, SupervisionViewer viewer, AccountabilityCause cause, Guid? causeId, CancellationToken cancellationToken)
    {
        if (causeId is not { } id)
        {
            return CauseLink.None;
        }

        string? reference = cause switch
        {
            AccountabilityCause.Clue => await (await clueAccess.ViewerAsync(cancellationToken)).VisibleClues(db)
                .Where(c => c.Id == id).Select(c => c.Number).SingleOrDefaultAsync(cancellationToken),
            AccountabilityCause.Rectification => await db.RectificationItems.Where(viewer.Visible<RectificationItem>())
                .Where(r => r.Id == id).Select(r => r.Problem).SingleOrDefaultAsync(cancellationToken),
            AccountabilityCause.DecisionRecord => await db.DecisionRecords.Where(viewer.Visible<DecisionRecord>())
                .Where(r => r.Id == id).Select(r => r.Title).SingleOrDefaultAsync(cancellationToken),
            _ => throw new DomainRuleException("Accountability.CauseNotLinkable"),
        };
        return reference is null ? throw DomainRuleException.NotFound("Accountability.CauseNotFound") : new CauseLink(id, reference);
    }

    private static AccountabilityFacts FactsOf(SaveAccountabilityRequest request)
    {
        var methods = (request.Methods ?? []).Aggregate(AccountabilityMethod.None, (all, m) => all | m);
        if ((methods & ~(AccountabilityDecision.OrganisationMethods | AccountabilityDecision.CadreMethods)) != 0)
        {
            throw new DomainRuleException("Accountability.UnknownValue");
        }

        return new AccountabilityFacts(
            request.Target ?? throw new DomainRuleException("Accountability.UnknownValue"),
            methods,
            request.Measure,
            request.Cause ?? throw new DomainRuleException("Accountability.CauseRequired"),
            request.Failure,
            request.Facts,
            request.Basis,
            request.DecidedBy,
            request.DecidedOn ?? throw new DomainRuleException("Accountability.DecidedOnRequired"),
            request.DocumentNumber,
            request.Notice);
    }
}
