using Qingfeng.Features.Audit;
using Qingfeng.Features.Clues.Text;

namespace Qingfeng.Features.Clues;

/// <summary>
/// 重复件: finds the organ's clues that may report the same matter as a clue — by the text (fingerprints, never the decrypted
/// bodies of the clues compared) and by the reported persons as features (the linked official when linked, otherwise the
/// name and unit as typed; <see cref="RepeatMatcher"/>) — and keeps the officers' "not a repeat" decisions. Confirming a
/// repeat is the clue's MarkRepeat action.
/// <para>
/// Need-to-know: only clues the caller may open are compared, named or counted (<see cref="ClueViewer.VisibleClues"/>, recusals
/// included). A registrar outside an earlier clue's circle learns nothing of it, not even that one exists: the domain does not
/// need it to — every registered clue goes to case management (the central register, 集中管理), which sees every clue of the
/// commission, finds the repeat on the clue's page, and is the one that can merge it (MarkRepeat needs the earlier clue to be
/// visible to whoever merges) — while "this official already has a matter before us" is exactly what the circle of knowledge
/// (domain.md 12) keeps small.
/// </para>
/// <para>
/// Cost: a registration compares fingerprints and person rows of at most <see cref="MaxCompared"/> recent clues and decrypts
/// nothing; the clue's page decrypts only the few candidates it shows, to find the passages both texts share.
/// </para>
/// </summary>
public sealed class ClueRepeats(IDbContextFactory<QingfengDb> dbFactory, ClueAccess access, ClueProtection protection, AuditLog audit, TimeProvider time)
{
    /// <summary>At most this many candidates are shown.</summary>
    public const int MaxShown = 5;

    /// <summary>At most this many recent clues are compared.</summary>
    public const int MaxCompared = 500;

    /// <summary>Clues received within this many years before or after are compared.</summary>
    public const int WindowYears = 2;

    private static readonly ClueTransition Merge = ClueWorkflow.For(ClueAction.MarkRepeat);

    /// <summary>
    /// The one entry point after a clue's text or persons change (registration; linking a person later): the likely repeats the
    /// caller may see, not dismissed, best first; flagged in the audit log in the caller's context and transaction.
    /// </summary>
    public async Task<IReadOnlyList<DuplicateItem>> FlagAsync(QingfengDb db, ClueViewer viewer, Clue clue, CancellationToken cancellationToken)
    {
        var scored = await ScoreAsync(db, viewer, clue, cancellationToken);
        var dismissed = await DismissalsAsync(db, clue.Id, [.. scored.Select(s => s.Id)], cancellationToken);
        var repeats = scored.Where(s => !dismissed.Any(d => d.Concerns(clue.Id, s.Id))).Take(MaxShown)
            .Select(s => new DuplicateItem(s.Id, s.Number, s.ReceivedOn, s.State, Math.Round(s.Score, 3), Reason(s, 0)))
            .ToList();
        if (repeats.Count > 0)
        {
            // Same context and transaction as the registration: a second connection would wait on our own write lock.
            db.AuditEntries.Add(new AuditEntry("RepeatFlag", nameof(Clue), clue.Id.ToString(), string.Join(',', repeats.Select(r => r.Number))));
            await db.SaveChangesAsync(cancellationToken);
        }

        return repeats;
    }

    /// <summary>
    /// The candidates shown on a clue's page and by the API: likely repeats the caller may see (dismissed ones labelled as
    /// such), each with its reason and the passages both texts share. A clue the caller may not see answers not found.
    /// </summary>
    public async Task<IReadOnlyList<RepeatCandidate>> CandidatesAsync(Guid clueId, CancellationToken cancellationToken = default)
    {
        var viewer = await access.ViewerAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var clue = await ClueService.LoadAsync(db, viewer, clueId, cancellationToken);
        var scored = (await ScoreAsync(db, viewer, clue, cancellationToken)).Take(MaxShown).ToList();
        if (scored.Count == 0)
        {
            return [];
        }

        var ids = scored.Select(s => s.Id).ToList();
        var dismissed = await DismissalsAsync(db, clue.Id, ids, cancellationToken);
        var others = await viewer.VisibleClues(db).AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var text = protection.UnprotectContent(clue) ?? "";
        var mayDismiss = MayDismiss(viewer, clue);
        var mayMerge = Merge.From.Contains(clue.State) && Merge.Roles.Any(viewer.User.Roles.Contains);
        var candidates = new List<RepeatCandidate>();
        foreach (var s in scored)
        {
            if (!others.TryGetValue(s.Id, out var other))
            {
                continue;
            }

            var passages = CommonPassages.Find(text, protection.UnprotectContent(other) ?? "");
            var decision = dismissed.FirstOrDefault(d => d.Concerns(clue.Id, s.Id));
            var earlier = s.ReceivedOn < clue.ReceivedOn || (s.ReceivedOn == clue.ReceivedOn && s.Id.CompareTo(clue.Id) < 0);
            candidates.Add(new RepeatCandidate(
                s.Id, s.Number, s.ReceivedOn, s.State, Math.Round(s.Score, 3), Math.Round(s.Text.Text, 3), Reason(s, passages.Count), passages, earlier,
                CanConfirm: decision is null && earlier && mayMerge && !ClueWorkflow.Terminal.Contains(s.State),
                CanDismiss: decision is null && mayDismiss,
                decision is null ? null : new RepeatDismissalItem(decision.DismissedByName, decision.DismissedAt, decision.Reason)));
        }

        await audit.RecordAsync("ViewRepeatCandidates", nameof(Clue), clue.Id.ToString(), string.Join(',', candidates.Select(c => c.Number)), cancellationToken: cancellationToken);
        return candidates;
    }

    /// <summary>
    /// Keeps the decision that a candidate is not a repeat of the clue (who, when, why, the pair); the pair is not flagged again.
    /// Both clues must be visible to the caller (else not found); only the organ that owns the clue decides, by the roles that
    /// may merge a repeat or a commission leader (else 403); a pair decided already answers 409.
    /// </summary>
    public async Task DismissAsync(Guid clueId, DismissRepeatRequest request, CancellationToken cancellationToken = default)
    {
        InputRules.Ensure(request);
        var viewer = await access.ViewerAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var clue = await ClueService.LoadAsync(db, viewer, clueId, cancellationToken);
        var otherId = request.OtherClueId!.Value;
        var other = await viewer.VisibleClues(db).AsNoTracking().Where(c => c.Id == otherId).Select(c => new { c.Id, c.Number })
            .SingleOrDefaultAsync(cancellationToken) ?? throw DomainRuleException.NotFound("Clue.NotFound");
        if (other.Id == clue.Id)
        {
            throw new DomainRuleException("Clue.MergeIntoSelf");
        }

        if (!MayDismiss(viewer, clue))
        {
            await audit.RecordAsync("DismissRepeat", nameof(Clue), clue.Id.ToString(), other.Number, AuditOutcome.Denied, cancellationToken);
            throw DomainRuleException.Forbidden("Clue.CannotDismissRepeat");
        }

        if (await db.Set<ClueRepeatDismissal>().AnyAsync(d => (d.ClueId == clue.Id && d.OtherClueId == other.Id) || (d.ClueId == other.Id && d.OtherClueId == clue.Id), cancellationToken))
        {
            throw DomainRuleException.Conflict("Clue.RepeatAlreadyDismissed", other.Number);
        }

        db.Add(new ClueRepeatDismissal(clue.Id, other.Id, clue.OrganId, viewer.User.UserId, viewer.User.DisplayName, time.GetUtcNow(), request.Reason.Trim()));
        db.AuditEntries.Add(new AuditEntry("DismissRepeat", nameof(Clue), clue.Id.ToString(), other.Number));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Only the owning organ decides about its clue (ADR 0008): its officers who may merge a repeat, or its leaders.</summary>
    public static bool MayDismiss(ClueViewer viewer, Clue clue) =>
        viewer.User.OrganId == clue.OrganId
        && (Merge.Roles.Any(viewer.User.Roles.Contains) || viewer.User.Roles.Contains(Roles.CommissionLeader));

    /// <summary>The reason in words: the person both name, the text similarity, the facts alike and unlike, the shared passages.</summary>
    internal static string Reason(ScoredClue s, int passages)
    {
        var parts = new List<string>();
        var person = s.Persons.Person is { } p ? p.Name + (string.IsNullOrWhiteSpace(p.UnitName) ? "" : "，" + p.UnitName) : null;
        switch (s.Persons.Agreement)
        {
            case PersonAgreement.Same:
                parts.Add($"同一被反映人（{person}）");
                break;
            case PersonAgreement.Likely:
                parts.Add($"被反映人可能相同（{person}）");
                break;
            case PersonAgreement.Compatible:
                parts.Add($"被反映人姓氏相同（{person}）");
                break;
            case PersonAgreement.Different:
                parts.Add("被反映人不同");
                break;
        }

        parts.Add(string.Create(CultureInfo.InvariantCulture, $"文字相似 {s.Text.Text:0.00}"));
        if (s.Text.Agreeing.Count > 0)
        {
            parts.Add("相同事实：" + string.Join('、', s.Text.Agreeing.Select(FactName)));
        }

        if (s.Text.Differing.Count > 0)
        {
            parts.Add("不同事实：" + string.Join('、', s.Text.Differing.Select(FactName)));
        }

        if (passages > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"相同段落 {passages} 处"));
        }

        return string.Join('；', parts);
    }

    private static string FactName(FactKind kind) => kind switch
    {
        FactKind.Amount => "金额",
        FactKind.Relative => "亲属",
        FactKind.Place => "地点",
        FactKind.Project => "项目",
        FactKind.Counterpart => "对方",
        _ => "时间",
    };

    private static Task<List<ClueRepeatDismissal>> DismissalsAsync(QingfengDb db, Guid clueId, List<Guid> others, CancellationToken cancellationToken) =>
        db.Set<ClueRepeatDismissal>().AsNoTracking()
            .Where(d => (d.ClueId == clueId && others.Contains(d.OtherClueId)) || (d.OtherClueId == clueId && others.Contains(d.ClueId)))
            .ToListAsync(cancellationToken);

    /// <summary>The organ's recent clues the viewer may see, scored against the clue from fingerprints and person rows; repeats only, best first.</summary>
    private async Task<List<ScoredClue>> ScoreAsync(QingfengDb db, ClueViewer viewer, Clue clue, CancellationToken cancellationToken)
    {
        if (clue.Fingerprint is not { } fingerprint)
        {
            return [];
        }

        var persons = clue.ReportedPersons.Select(p => new PersonFeature(p.OfficialId, p.Name, p.UnitName)).ToList();
        var (since, until) = (clue.ReceivedOn.AddYears(-WindowYears), clue.ReceivedOn.AddYears(WindowYears));
        var rows = await viewer.VisibleClues(db).AsNoTracking()
            .Where(c => c.Id != clue.Id && c.OrganId == clue.OrganId && c.Fingerprint != null && c.ReceivedOn >= since && c.ReceivedOn <= until)
            .OrderByDescending(c => c.ReceivedOn).ThenByDescending(c => c.Id).Take(MaxCompared)
            .Select(c => new { c.Id, c.Number, c.ReceivedOn, c.State, c.Fingerprint, Persons = c.ReportedPersons.Select(p => new { p.OfficialId, p.Name, p.UnitName }).ToList() })
            .ToListAsync(cancellationToken);
        var detector = protection.Duplicates;
        return [.. rows
            .Select(r =>
            {
                var text = detector.Compare(fingerprint, r.Fingerprint!);
                var match = RepeatMatcher.Compare(persons, [.. r.Persons.Select(p => new PersonFeature(p.OfficialId, p.Name, p.UnitName))]);
                return new ScoredClue(r.Id, r.Number, r.ReceivedOn, r.State, text, match, RepeatMatcher.Score(text, match));
            })
            .Where(s => s.Score >= RepeatMatcher.Threshold)
            .OrderByDescending(s => s.Score).ThenByDescending(s => s.ReceivedOn)];
    }

    internal sealed record ScoredClue(Guid Id, string Number, DateOnly ReceivedOn, ClueState State, TextEvidence Text, PersonEvidence Persons, double Score);
}
