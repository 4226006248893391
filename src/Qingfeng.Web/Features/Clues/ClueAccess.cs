using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Qingfeng.Features.Organs;
using Qingfeng.Platform.Data;
using Qingfeng.Platform.Security;

namespace Qingfeng.Features.Clues;

/// <summary>
/// The need-to-know rule for clues (domain.md 12), in one place for the UI, the API and the queries:
/// a clue is visible to users of the organ that handles it (or of its area collaboration group, never the
/// recused home organ) who are its case managers or approving leaders, a named handler, investigator or
/// reviewer, or the petition office while it is still at intake (registering gives no lasting access) —
/// and to nobody who has been recused from it.
/// </summary>
public sealed class ClueAccess(IDbContextFactory<QingfengDb> dbFactory, CurrentUser currentUser)
{
    private ClueViewer? _viewer;

    public async Task<ClueViewer> ViewerAsync(CancellationToken cancellationToken = default)
    {
        var user = currentUser.Require();
        if (_viewer is { } cached && cached.User.UserId == user.UserId)
        {
            return cached;
        }

        IReadOnlyList<Guid> groups = [];
        if (user.OrganId is { } organId)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            groups = await db.Set<CollaborationGroupMember>().AsNoTracking()
                .Where(m => m.OrganId == organId).Select(m => m.GroupId).ToListAsync(cancellationToken);
        }

        _viewer = new ClueViewer(user, groups);
        return _viewer;
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
