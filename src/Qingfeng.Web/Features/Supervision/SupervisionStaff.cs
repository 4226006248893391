using Microsoft.EntityFrameworkCore;
using Qingfeng.Platform.Data;
using Qingfeng.Platform.Security;

namespace Qingfeng.Features.Supervision;

/// <summary>Who is told when a supervision deadline passes: the supervision office and the leaders of the owning organ.</summary>
public static class SupervisionStaff
{
    /// <summary>The users of each organ's supervision office and leadership, by organ.</summary>
    public static async Task<ILookup<Guid, Guid>> OfOrgansAsync(QingfengDb db, IReadOnlyCollection<Guid> organs, CancellationToken cancellationToken)
    {
        var staff = await (from u in db.Users.AsNoTracking()
                           join ur in db.UserRoles on u.Id equals ur.UserId
                           join r in db.Roles on ur.RoleId equals r.Id
                           where u.OrganId != null && organs.Contains(u.OrganId.Value) && (r.Name == Roles.SupervisionOffice || r.Name == Roles.CommissionLeader)
                           select new { u.Id, OrganId = u.OrganId!.Value })
            .ToListAsync(cancellationToken);
        return staff.DistinctBy(s => (s.Id, s.OrganId)).ToLookup(s => s.OrganId, s => s.Id);
    }
}
