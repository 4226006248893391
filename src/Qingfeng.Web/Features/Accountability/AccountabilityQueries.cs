using Qingfeng.Features.Audit;
using Qingfeng.Features.Clues;
using Qingfeng.Features.Organs;
using Qingfeng.Features.Supervision;

namespace Qingfeng.Features.Accountability;

/// <summary>Reads of accountability decisions within jurisdiction; views and exports are audited.</summary>
public sealed class AccountabilityQueries(IDbContextFactory<QingfengDb> dbFactory, SupervisionAccess access, ClueAccess clueAccess, AuditLog audit, WorkingDayCalendar calendar, TimeProvider time)
{
    public static IEnumerable<AccountabilityMethod> Split(AccountabilityMethod methods) =>
        Enum.GetValues<AccountabilityMethod>().Where(m => m != AccountabilityMethod.None && methods.HasFlag(m));

    public async Task<Paged<AccountabilityListItem>> SearchAsync(AccountabilityQuery query, CancellationToken cancellationToken = default)
    {
        var viewer = await access.RequireAsync(Permission.SupervisionRead, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var filtered = Filter(db, viewer, query, Today);
        var total = await filtered.CountAsync(cancellationToken);
        var rows = await Project(Ordered(filtered).PageOf(query)).ToListAsync(cancellationToken);
        return new Paged<AccountabilityListItem>(rows, total, query.PageNumber, query.Size);
    }

    public async Task<IReadOnlyList<AccountabilityListItem>> ExportAsync(AccountabilityQuery query, CancellationToken cancellationToken = default)
    {
        var viewer = await access.RequireAsync(Permission.SupervisionRead, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await Project(Ordered(Filter(db, viewer, query, Today)).Take(50_000)).ToListAsync(cancellationToken);
        await audit.RecordAsync("Export", nameof(AccountabilityDecision), null, string.Create(CultureInfo.InvariantCulture, $"rows={rows.Count}"), cancellationToken: cancellationToken);
        return rows;
    }

    /// <summary>One decision; the view is audited (denied views too).</summary>
    public async Task<AccountabilityDetail> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var viewer = await access.RequireAsync(Permission.SupervisionRead, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var d = await db.AccountabilityDecisions.AsNoTracking().Where(viewer.Visible<AccountabilityDecision>()).SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (d is null)
        {
            await audit.RecordAsync("View", nameof(AccountabilityDecision), id.ToString(), null, AuditOutcome.Denied, cancellationToken);
            throw DomainRuleException.NotFound("Supervision.NotFound");
        }

        var itemState = d.RectificationItemId is { } itemId
            ? await db.RectificationItems.AsNoTracking().Where(r => r.Id == itemId).Select(r => (Rectification.RectificationState?)r.State).SingleOrDefaultAsync(cancellationToken)
            : null;
        await audit.RecordAsync("View", nameof(AccountabilityDecision), id.ToString(), cancellationToken: cancellationToken);
        var today = Today;

        // A clue as the cause: readers outside the clue's circle learn that the cause was a clue (the decision must state
        // its cause), not which one — neither its id nor its number.
        var (causeId, causeReference) = (d.CauseId, d.CauseReference);
        if (d.Cause == AccountabilityCause.Clue && d.CauseId is { } clueId
            && !await (await clueAccess.ViewerAsync(cancellationToken)).VisibleClues(db).AnyAsync(c => c.Id == clueId, cancellationToken))
        {
            (causeId, causeReference) = (null, null);
        }

        var actor = viewer.ActorFor(d);
        return new AccountabilityDetail(
            d.Id,
            d.OrganId,
            SubjectView.Of(d.Subject),
            d.Target,
            [.. Split(d.Methods)],
            d.Measure,
            d.Cause,
            causeId,
            causeReference,
            d.Failure,
            d.Facts,
            d.Basis,
            d.DecidedBy,
            d.DecidedOn,
            d.DocumentNumber,
            d.Notice,
            d.State,
            d.ImpactUntil,
            d.InImpactPeriod(today),
            d.ExecuteBy,
            d.State == AccountabilityState.Decided && d.ExecuteBy is { } by && by < today,
            d.AppealUntil,
            d.ExecutedOn,
            d.ExecutionNote,
            d.RevokedOn,
            d.RevocationReason,
            d.RectificationItemId,
            itemState,
            [.. AccountabilityWorkflow.Table.Available(d, actor).Select(a => a.ToString())],
            d.Version,
            actor.MayChange,
            d.State != AccountabilityState.Revoked)
        {
            LeadingPostBarredUntil = d.State == AccountabilityState.Revoked ? null : AccountabilityOptions.LeadingPostBarredUntil(d.Methods, d.Measure, d.DecidedOn),
            ExecuteByProvisional = d.ExecuteBy is { } due && calendar.IsProvisional(due),
            AppealUntilProvisional = calendar.IsProvisional(d.AppealUntil),
        };
    }

    /// <summary>The decisions one notice covers, in jurisdiction and in the order asked, with the deciding organ's name.</summary>
    internal async Task<(IReadOnlyList<AccountabilityDecision> Decisions, string Organ)> ForNoticeAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        var viewer = await access.RequireAsync(Permission.SupervisionRead, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await db.AccountabilityDecisions.AsNoTracking().Where(viewer.Visible<AccountabilityDecision>())
            .Where(d => ids.Contains(d.Id) && d.State != AccountabilityState.Revoked).ToListAsync(cancellationToken);
        if (found.Count != ids.Distinct().Count())
        {
            throw DomainRuleException.NotFound("Accountability.NoticeIncomplete");
        }

        var organ = await db.Set<Organ>().AsNoTracking().Where(o => o.Id == viewer.OrganId).Select(o => o.Name).SingleAsync(cancellationToken);
        return ([.. ids.Distinct().Select(id => found.Single(d => d.Id == id))], organ);
    }

    private DateOnly Today => ChinaTime.DateOf(time.GetUtcNow());

    private static IQueryable<AccountabilityDecision> Ordered(IQueryable<AccountabilityDecision> q) =>
        q.OrderByDescending(d => d.DecidedOn).ThenByDescending(d => d.Id);

    private static IQueryable<AccountabilityDecision> Filter(QingfengDb db, SupervisionViewer viewer, AccountabilityQuery query, DateOnly today)
    {
        var q = db.AccountabilityDecisions.AsNoTracking().Where(viewer.Visible<AccountabilityDecision>());
        if (query.Target is { } target)
        {
            q = q.Where(d => d.Target == target);
        }

        if (query.Form is { } method)
        {
            q = q.Where(d => (d.Methods & method) == method);
        }

        if (query.Cause is { } cause)
        {
            q = q.Where(d => d.Cause == cause);
        }

        if (query.State is { } state)
        {
            q = q.Where(d => d.State == state);
        }

        q = q.About(unitId: query.UnitId, officialId: query.OfficialId, category: query.Category, principalOnly: query.PrincipalOnly);

        if (query.InImpact == true)
        {
            q = q.Where(d => d.State != AccountabilityState.Revoked && d.ImpactUntil != null && d.ImpactUntil >= today);
        }

        q = q.Within(d => d.DecidedOn, query.From, query.To);

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim();
            q = q.Where(d => d.Subject.UnitName.Contains(text) || (d.Subject.OfficialName != null && d.Subject.OfficialName.Contains(text)) || d.Failure.Contains(text)
                || (d.DocumentNumber != null && d.DocumentNumber.Contains(text)));
        }

        return q;
    }

    private static IQueryable<AccountabilityListItem> Project(IQueryable<AccountabilityDecision> q) => q.Select(d => new AccountabilityListItem(
        d.Id,
        SubjectView.Of(d.Subject),
        d.Target,
        Split(d.Methods).ToList(),
        d.Measure,
        d.Failure,
        d.Cause,
        d.DecidedOn,
        d.DecidedBy,
        d.DocumentNumber,
        d.Notice,
        d.State,
        d.State != AccountabilityState.Revoked ? d.ImpactUntil : null,
        d.State != AccountabilityState.Revoked));
}
