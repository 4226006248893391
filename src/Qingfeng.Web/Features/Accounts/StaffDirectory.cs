namespace Qingfeng.Features.Accounts;

/// <summary>A user of an organ who holds one role: a user with two of the asked roles is two members.</summary>
public sealed record StaffMember
{
    public required Guid UserId { get; init; }

    public required string DisplayName { get; init; }

    public required Guid OrganId { get; init; }

    public required string Role { get; init; }
}

/// <summary>
/// The one answer to "the users of these organs with these roles" (who is told, who may be assigned, who may score):
/// queries the callers compose further (order, first, count) inside their own context.
/// </summary>
public static class StaffDirectory
{
    /// <summary>
    /// One row per user of <paramref name="organs"/> and role of <paramref name="roles"/> the user holds (every role when
    /// <paramref name="roles"/> is null); <paramref name="demoOnly"/> keeps the demo province's users alone.
    /// </summary>
    public static IQueryable<StaffMember> Members(QingfengDb db, IReadOnlyCollection<Guid> organs, IReadOnlyCollection<string>? roles, bool demoOnly = false)
    {
        var users = db.Users.AsNoTracking().Where(u => u.OrganId != null && organs.Contains(u.OrganId.Value));
        if (demoOnly)
        {
            users = users.Where(u => u.IsDemo);
        }

        var held = roles is null ? db.Roles.AsNoTracking() : db.Roles.AsNoTracking().Where(r => roles.Contains(r.Name!));
        return from u in users
               join ur in db.UserRoles on u.Id equals ur.UserId
               join r in held on ur.RoleId equals r.Id
               select new StaffMember { UserId = u.Id, DisplayName = u.DisplayName, OrganId = u.OrganId!.Value, Role = r.Name! };
    }

    /// <summary>The users of <paramref name="organs"/> who hold at least one of <paramref name="roles"/>, each once.</summary>
    public static IQueryable<QingfengUser> Users(QingfengDb db, IReadOnlyCollection<Guid> organs, IReadOnlyCollection<string> roles) =>
        db.Users.AsNoTracking().Where(u => u.OrganId != null && organs.Contains(u.OrganId.Value)
            && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!))));
}
