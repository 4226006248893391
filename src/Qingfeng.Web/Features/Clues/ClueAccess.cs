using System.Linq.Expressions;
using Qingfeng.Features.Organs;

namespace Qingfeng.Features.Clues;

/// <summary>
/// The need-to-know rule for clues (domain.md 12), in one place for the UI, the API and the queries:
/// a clue is visible to users of the organ that handles it (or of its area collaboration group, never the
/// recused home organ) who are its case managers or approving leaders, a named handler, investigator or
/// reviewer, or the petition office while it is still at intake (registering gives no lasting access) —
/// and to nobody who has been recused from it.
/// </summary>
public sealed class ClueAccess(CurrentUser currentUser, JurisdictionService jurisdiction)
{
    private ClueViewer? _viewer;

    public async Task<ClueViewer> ViewerAsync(CancellationToken cancellationToken = default)
    {
        var user = currentUser.Require();
        if (_viewer is { } cached && cached.User.UserId == user.UserId)
        {
            return cached;
        }

        // The organ's collaboration groups come with its jurisdiction, which is kept in memory (JurisdictionCache).
        var groups = user.OrganId is { } organId ? (await jurisdiction.OrganScopeAsync(organId, cancellationToken)).GroupIds : [];
        _viewer = new ClueViewer(user, groups);
        return _viewer;
    }

    /// <summary>
    /// Other users as the clue rules see them, for the jobs that tell people about clues (a deadline sweep runs as the system,
    /// and must still tell each person only about clues that person may see).
    /// </summary>
    internal static async Task<IReadOnlyDictionary<Guid, ClueViewer>> ViewersOfAsync(QingfengDb db, IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken)
    {
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.OrganId }).ToListAsync(cancellationToken);
        var roles = (await (from ur in db.UserRoles.AsNoTracking()
                            join r in db.Roles.AsNoTracking() on ur.RoleId equals r.Id
                            where userIds.Contains(ur.UserId)
                            select new { ur.UserId, r.Name }).ToListAsync(cancellationToken))
            .ToLookup(r => r.UserId, r => r.Name!);
        var organs = users.Where(u => u.OrganId is not null).Select(u => u.OrganId!.Value).Distinct().ToList();
        var groups = (await db.Set<CollaborationGroupMember>().AsNoTracking().Where(m => organs.Contains(m.OrganId))
                .Select(m => new { m.OrganId, m.GroupId }).ToListAsync(cancellationToken))
            .ToLookup(m => m.OrganId, m => m.GroupId);
        return users.ToDictionary(
            u => u.Id,
            u => new ClueViewer(
                new UserContext(u.Id, u.UserName ?? "", u.DisplayName, u.OrganId, null, roles[u.Id].ToHashSet(StringComparer.Ordinal), null),
                u.OrganId is { } organ ? [.. groups[organ]] : []));
    }
}

/// <summary>The acting user as the clue rules see them.</summary>
public sealed record ClueViewer(UserContext User, IReadOnlyList<Guid> Groups)
{
    public bool SeesAllOfOrgan => User.Roles.Contains(Roles.CaseManagement) || User.Roles.Contains(Roles.CommissionLeader);

    public bool IsPetitionOffice => User.Roles.Contains(Roles.PetitionOffice);

    /// <summary>Only the petition office reads who reported.</summary>
    public bool SeesReporter => IsPetitionOffice;

    public ClueActor Actor => new(User.UserId, User.DisplayName, User.Roles);

    /// <summary>
    /// Whether the viewer works on clues at all (reads clues, in an organ). Figures computed from clues are given to nobody
    /// else — left out of answers, documents and pages, not shown as zeros that look like data.
    /// </summary>
    public bool ReadsClues => User.IsAuthenticated && User.OrganId is not null && User.Has(Permission.ClueRead);

    /// <summary>
    /// The one door to clue rows for everything a user is shown: lists, details, searches, repeat suggestions, counts and
    /// figures, documents, exports, notifications. Whatever is derived from clues starts from here, so it counts and shows
    /// only what <see cref="Visible"/> lets this viewer see (need-to-know and recusals included). An architecture test
    /// (<c>NeedToKnowArchitectureTests</c>) fails when code elsewhere reads clue tables directly; the few jobs that must read
    /// every clue (numbering, the deadline sweep, key rotation, index upgrades, the demo seed) are named there.
    /// </summary>
    public IQueryable<Clue> VisibleClues(QingfengDb db) => db.Set<Clue>().Where(Visible());

    /// <summary>The attachments of the clues <see cref="VisibleClues"/> yields.</summary>
    public IQueryable<ClueAttachment> VisibleAttachments(QingfengDb db)
    {
        var clues = VisibleClues(db);
        return db.Set<ClueAttachment>().Where(a => clues.Any(c => c.Id == a.ClueId));
    }

    /// <summary>
    /// Whether this viewer may see a clue already loaded (with its participants and recusals): the same rule as
    /// <see cref="Visible"/>, evaluated in memory, for jobs that decide whom to tell about a clue.
    /// </summary>
    public Func<Clue, bool> SeesLoaded() => Visible().Compile();

    public Expression<Func<Clue, bool>> Visible()
    {
        if (!User.IsAuthenticated || User.OrganId is not { } organ || !User.Has(Permission.ClueRead))
        {
            return c => false;
        }

        var userId = User.UserId;
        var groups = Groups.Select(g => (Guid?)g).ToList();

        // Only the conditions that apply to this viewer reach the SQL: an always-false "OR group IN ()" or an
        // always-true "@all OR EXISTS(…)" would keep the database from using the index on the organ.
        Expression<Func<Clue, bool>> handled = groups.Count == 0
            ? c => c.OrganId == organ
            : c => c.OrganId == organ || groups.Contains(c.CollaborationGroupId);
        Expression<Func<Clue, bool>> notRecused = c => c.RecusedOrganId != organ && !c.Recusals.Any(r => r.UserId == userId);
        Expression<Func<Clue, bool>> involved = (SeesAllOfOrgan, IsPetitionOffice) switch
        {
            (true, _) => c => true,
            (false, true) => c => c.Participants.Any(p => p.UserId == userId && p.Role != ParticipantRole.Registrar) || c.State == ClueState.Registered,
            _ => c => c.Participants.Any(p => p.UserId == userId && p.Role != ParticipantRole.Registrar),
        };
        return Predicates.And(Predicates.And(handled, notRecused), involved);
    }
}
