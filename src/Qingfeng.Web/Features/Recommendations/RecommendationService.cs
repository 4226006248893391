using Qingfeng.Features.Rectification;
using Qingfeng.Features.Supervision;

namespace Qingfeng.Features.Recommendations;

/// <summary>
/// The only write door of supervision recommendations: issuing one to a unit in jurisdiction (numbered per organ and year,
/// each required measure opened in the ledger in the same save), recording the reply, the follow-up checks, the rules the
/// unit adopted and the outcome.
/// </summary>
public sealed class RecommendationService(
    IDbContextFactory<QingfengDb> dbFactory,
    SupervisionAccess access,
    RectificationService rectification,
    SupervisionCalendar calendar,
    RecommendationOptions options,
    TimeProvider time)
{
    /// <summary>A save loses at most once to each officer issuing at the same moment: ten covers any real office.</summary>
    private const int MaxNumberingAttempts = 10;

    /// <summary>
    /// Issues the letter under the organ's next number of the year. Two officers issuing at the same moment read the same
    /// last number; the unique index refuses the second save, which then takes the next number.
    /// </summary>
    public async Task<Guid> IssueAsync(IssueRecommendationRequest request, CancellationToken cancellationToken = default)
    {
        InputRules.Ensure(request);
        var viewer = await access.RequireAsync(Permission.SupervisionManage, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await IssueOnceAsync(viewer, request, cancellationToken);
            }
            catch (DbUpdateException e) when (attempt < MaxNumberingAttempts && DbErrors.IsUniqueViolation(e))
            {
                // The number was taken meanwhile: number again.
            }
        }
    }

    private async Task<Guid> IssueOnceAsync(SupervisionViewer viewer, IssueRecommendationRequest request, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var unit = await viewer.PrincipalOfAsync(db, request.UnitId ?? throw new DomainRuleException("Supervision.UnitRequired"), cancellationToken);
        var today = ChinaTime.DateOf(time.GetUtcNow());
        var issuedOn = request.IssuedOn ?? today;
        var dueOn = request.ReplyDueOn ?? calendar.AddCalendarDays(issuedOn, calendar.Options.RecommendationReplyDays);
        if (issuedOn > today)
        {
            throw new DomainRuleException("Recommendation.IssuedInFuture");
        }

        if (dueOn < today && dueOn > issuedOn)
        {
            // A letter entered late must still leave the unit time to reply: its measures are tracked in the ledger from today.
            throw new DomainRuleException("Recommendation.DueInPast");
        }

        var year = issuedOn.Year;
        var sequence = 1 + (await db.Recommendations.Where(r => r.OrganId == viewer.OrganId && r.Year == year)
            .MaxAsync(r => (int?)r.Sequence, cancellationToken) ?? 0);
        var number = string.Create(CultureInfo.InvariantCulture, $"{options.NumberPrefix}〔{year}〕{sequence}号");
        var recommendation = new Recommendation(
            viewer.OrganId,
            unit,
            new RecommendationContent(request.Kind ?? throw new DomainRuleException("Recommendation.UnknownValue"), request.Title, request.Origin, request.Findings, request.Measures ?? [], issuedOn),
            number,
            year,
            sequence,
            dueOn);
        db.Add(recommendation);
        foreach (var measure in recommendation.Measures)
        {
            var item = rectification.Open(db, viewer, unit, new RectificationDraft(
                RectificationSource.Recommendation, recommendation.Id, number, recommendation.Title, measure.Text, dueOn));
            measure.Link(item.Id);
        }

        await db.SaveChangesAsync(cancellationToken);
        return recommendation.Id;
    }

    public Task ReplyAsync(Guid id, RecordRecommendationReplyRequest request, CancellationToken cancellationToken = default)
    {
        InputRules.Ensure(request);
        return ChangeAsync(id, [RecommendationAction.Reply], r => r.RecordReply(request.RepliedOn ?? throw new DomainRuleException("Recommendation.ReplyRequired"), request.Reply, request.Objection), cancellationToken);
    }

    public Task AddCheckAsync(Guid id, AddRecommendationCheckRequest request, CancellationToken cancellationToken = default)
    {
        InputRules.Ensure(request);
        return ChangeAsync(id, RecommendationWorkflow.ForCheck(request.Satisfactory), (r, actor) => r.AddCheck(request.CheckedOn ?? ChinaTime.DateOf(time.GetUtcNow()), request.Finding, request.Satisfactory, actor), cancellationToken);
    }

    public Task AddRuleAsync(Guid id, AddAdoptedRuleRequest request, CancellationToken cancellationToken = default)
    {
        InputRules.Ensure(request);
        return ChangeAsync(id, [RecommendationAction.AddRule], r => r.AddRule(request.Title, request.AdoptedOn ?? throw new DomainRuleException("Recommendation.RuleDateRequired"), request.Summary), cancellationToken);
    }

    public Task RecordOutcomeAsync(Guid id, SupervisionOutcomeInput request, CancellationToken cancellationToken = default)
    {
        InputRules.Ensure(request);
        return ChangeAsync(id, [RecommendationAction.RecordOutcome], r => r.RecordOutcome(request.ToOutcome()), cancellationToken);
    }

    private Task ChangeAsync(Guid id, IReadOnlyList<RecommendationAction> actions, Action<Recommendation> change, CancellationToken cancellationToken) =>
        ChangeAsync(id, actions, (r, _) => change(r), cancellationToken);

    /// <summary>Changes the recommendation through the kernel's write step, checking each workflow row the change passes.</summary>
    private Task ChangeAsync(Guid id, IReadOnlyList<RecommendationAction> actions, Action<Recommendation, SupervisionActor> change, CancellationToken cancellationToken) =>
        access.ChangeAsync(
            RecommendationWorkflow.Table,
            actions,
            null,
            (db, viewer) => db.Recommendations.Where(viewer.Visible<Recommendation>())
                .Include(r => r.Checks).Include(r => r.Rules)
                .SingleOrDefaultAsync(r => r.Id == id, cancellationToken),
            (recommendation, viewer) => change(recommendation, viewer.Actor),
            cancellationToken);
}
