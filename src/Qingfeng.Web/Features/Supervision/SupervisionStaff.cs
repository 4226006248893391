using Qingfeng.Features.Accounts;

namespace Qingfeng.Features.Supervision;

/// <summary>Who is told when a supervision deadline passes: the supervision office and the leaders of the owning organ.</summary>
public static class SupervisionStaff
{
    /// <summary>The users of each organ's supervision office and leadership, by organ.</summary>
    public static async Task<ILookup<Guid, Guid>> OfOrgansAsync(QingfengDb db, IReadOnlyCollection<Guid> organs, CancellationToken cancellationToken)
    {
        var staff = await StaffDirectory.Members(db, organs, [Roles.SupervisionOffice, Roles.CommissionLeader]).ToListAsync(cancellationToken);
        return staff.DistinctBy(s => (s.UserId, s.OrganId)).ToLookup(s => s.OrganId, s => s.UserId);
    }
}
