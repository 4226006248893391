using Qingfeng.Features.Supervision;
using Qingfeng.Platform.Files;

namespace Qingfeng.Features.Rectification;

/// <summary>
/// The only write door of the rectification ledger. Other features open items through <see cref="Open"/> inside their
/// own save (a talk's follow-ups, a report's comments, a recommendation's measures), so the source and its items are
/// written in one transaction; the API and the pages use the request methods.
/// </summary>
public sealed class RectificationService(
    IDbContextFactory<QingfengDb> dbFactory,
    SupervisionAccess access,
    SupervisionCalendar calendar,
    FieldEncryption encryption,
    TimeProvider time)
{
    /// <summary>
    /// Adds a new item to <paramref name="db"/> (not saved: the caller saves with its own changes). The item belongs to the
    /// caller's organ, which approves its close-out.
    /// </summary>
    public RectificationItem Open(QingfengDb db, SupervisionViewer viewer, SupervisedSubject subject, RectificationDraft draft)
    {
        var item = new RectificationItem(viewer.OrganId, subject, draft, viewer.Actor, time.GetUtcNow());
        db.Add(item);
        return item;
    }

    /// <summary>The default deadline of a new item: the configured number of working days from today.</summary>
    public DateOnly DefaultDueOn() => calendar.AddWorkingDays(ChinaTime.DateOf(time.GetUtcNow()), calendar.Options.RectificationWorkingDays);

    public async Task<Guid> CreateAsync(CreateRectificationItemRequest request, CancellationToken cancellationToken = default)
    {
        InputRules.Ensure(request);
        var viewer = await access.RequireAsync(Permission.SupervisionManage, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var subject = await viewer.SubjectAsync(db, request.UnitId, request.OfficialId, cancellationToken);
        var due = request.DueOn ?? DefaultDueOn();
        var item = Open(db, viewer, subject, new RectificationDraft(request.Source!.Value, null, request.SourceReference ?? "", request.Problem!, request.Measures, due));
        await db.SaveChangesAsync(cancellationToken);
        return item.Id;
    }

    public Task SetMeasuresAsync(Guid id, SetMeasuresRequest request, CancellationToken cancellationToken = default)
    {
        InputRules.Ensure(request);
        return ChangeAsync(id, RectificationItemAction.Measures, request.Version, (item, viewer, at) => item.SetMeasures(request.Measures!, viewer.Actor, at), cancellationToken);
    }

    /// <summary>A progress report with evidence files; with <c>ClaimsDone</c> the item waits for close-out.</summary>
    public async Task ReportAsync(Guid id, ReportProgressRequest request, IReadOnlyList<EvidenceUpload> evidence, CancellationToken cancellationToken = default)
    {
        InputRules.Ensure(request);
        foreach (var file in evidence)
        {
            EvidenceFiles.Check(file);
        }

        await ChangeAsync(
            id,
            RectificationItemAction.Report,
            request.Version,
            (item, viewer, at) =>
            {
                var progress = item.Report(request.Text!, request.ClaimsDone, evidence.Count, viewer.Actor, at);
                foreach (var file in evidence)
                {
                    var stored = new RectificationEvidence(progress.Id, file.FileName, file.ContentType, file.Content.Length);
                    stored.Seal(encryption.EncryptBytes(file.Content, stored.AssociatedData));
                    progress.Evidence.Add(stored);
                }
            },
            cancellationToken);
    }

    public Task CloseOutAsync(Guid id, CloseOutRequest request, CancellationToken cancellationToken = default)
    {
        InputRules.Ensure(request);
        return ChangeAsync(
            id,
            RectificationItemAction.CloseOut,
            request.Version,
            // 销号 is the supervising organ's decision: a higher organ that also sees the item does not strike it off (ChangeAsync).
            (item, viewer, at) => item.CloseOut(request.Comment, (request.Outcome ?? new SupervisionOutcomeInput()).ToOutcome(), viewer.Actor, at),
            cancellationToken);
    }

    public Task RejectAsync(Guid id, ReasonRequest request, CancellationToken cancellationToken = default)
    {
        InputRules.Ensure(request);
        return ChangeAsync(id, RectificationItemAction.Reject, request.Version, (item, viewer, at) => item.RejectCompletion(request.Reason!, viewer.Actor, at), cancellationToken);
    }

    public Task ExtendAsync(Guid id, ExtendRequest request, CancellationToken cancellationToken = default)
    {
        InputRules.Ensure(request);
        return ChangeAsync(id, RectificationItemAction.Extend, request.Version, (item, viewer, at) => item.Extend(request.DueOn!.Value, request.Reason!, viewer.Actor, at), cancellationToken);
    }

    public Task MarkLongTermAsync(Guid id, ReasonRequest request, CancellationToken cancellationToken = default)
    {
        InputRules.Ensure(request);
        return ChangeAsync(id, RectificationItemAction.LongTerm, request.Version, (item, viewer, at) => item.MarkLongTerm(request.Reason!, viewer.Actor, at), cancellationToken);
    }

    /// <summary>
    /// Changes an item through the kernel's write step: the row's permission, within jurisdiction (else "not found"), the owning
    /// organ's (ADR 0008, naming the owner), at the expected version, then the caller against the row of <paramref name="action"/>.
    /// </summary>
    private Task ChangeAsync(Guid id, RectificationItemAction action, Guid? version, Action<RectificationItem, SupervisionViewer, DateTimeOffset> change, CancellationToken cancellationToken) =>
        access.ChangeAsync(
            RectificationWorkflow.Table,
            [action],
            version,
            (db, viewer) => db.Set<RectificationItem>().Where(viewer.Visible<RectificationItem>())
                .Include(i => i.Progress).Include(i => i.Events)
                .SingleOrDefaultAsync(i => i.Id == id, cancellationToken),
            (item, viewer) => change(item, viewer, time.GetUtcNow()),
            cancellationToken);
}
