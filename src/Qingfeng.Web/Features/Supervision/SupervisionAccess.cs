using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Qingfeng.Features.Roster;
using Qingfeng.Platform.Data;
using Qingfeng.Platform.Rules;
using Qingfeng.Platform.Security;

namespace Qingfeng.Features.Supervision;

/// <summary>A daily-supervision record about a unit (and usually its 一把手): the jurisdiction rule reads these two columns.</summary>
public interface ISupervisedRecord
{
    Guid UnitId { get; }

    /// <summary>Copy of the unit's region tree key, so the jurisdiction filter needs no join.</summary>
    string RegionKey { get; }
}

/// <summary>The unit and official a record is about, resolved within the caller's jurisdiction and copied onto the record.</summary>
public sealed record SupervisedSubject(
    Guid UnitId,
    string UnitName,
    string RegionKey,
    Guid? OfficialId,
    string? OfficialName,
    string? OfficialPosition,
    bool IsPrincipal,
    LeaderCategory? LeaderCategory);

/// <summary>Who acted, as stored on history rows of supervision records.</summary>
public sealed record SupervisionActor(Guid UserId, string Name);

/// <summary>
/// The one rule for daily-supervision records, for the UI and the API alike: the caller needs the permission,
/// and sees or touches a record only when the organ's jurisdiction covers the record's unit (the same scope as the
/// roster, delegations included). Records outside it answer "not found".
/// </summary>
public sealed class SupervisionAccess(CurrentUser currentUser, JurisdictionService jurisdiction)
{
    public async Task<SupervisionViewer> RequireAsync(Permission permission, CancellationToken cancellationToken = default)
    {
        var user = currentUser.Require();
        if (!user.Has(permission) || user.OrganId is null)
        {
            throw new DomainRuleException("Supervision.NotPermitted") { Status = 403 };
        }

        return new SupervisionViewer(user, await jurisdiction.ScopeAsync(cancellationToken));
    }
}

/// <summary>The acting user and their resolved jurisdiction.</summary>
public sealed record SupervisionViewer(UserContext User, JurisdictionScope Scope)
{
    public Guid OrganId => User.OrganId ?? throw new DomainRuleException("Supervision.NotPermitted") { Status = 403 };

    public SupervisionActor Actor => new(User.UserId, User.DisplayName);

    public bool Has(Permission permission) => User.Has(permission);

    /// <summary>Throws 403 unless the caller also holds <paramref name="permission"/>.</summary>
    public void Require(Permission permission)
    {
        if (!User.Has(permission))
        {
            throw new DomainRuleException("Supervision.NotPermitted") { Status = 403 };
        }
    }

    public Expression<Func<T, bool>> Visible<T>()
        where T : class, ISupervisedRecord => Scope.Predicate<T>(x => x.RegionKey, x => (Guid?)x.UnitId);

    public bool Covers(ISupervisedRecord record) => Scope.Covers(record.RegionKey, record.UnitId);

    /// <summary>
    /// Resolves the unit (and optionally the official) a new record is about. Without a unit, the official's current unit is
    /// used; without an official, none is set. Anything outside the jurisdiction is "not found".
    /// </summary>
    public async Task<SupervisedSubject> SubjectAsync(QingfengDb db, Guid? unitId, Guid? officialId, CancellationToken cancellationToken = default)
    {
        Official? official = null;
        if (officialId is { } oid)
        {
            official = await db.Officials.AsNoTracking().SingleOrDefaultAsync(o => o.Id == oid, cancellationToken)
                ?? throw DomainRuleException.NotFound("Supervision.OfficialNotFound");
            unitId ??= official.UnitId;
        }

        if (unitId is not { } uid)
        {
            throw new DomainRuleException("Supervision.UnitRequired");
        }

        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == uid, cancellationToken);
        if (unit is null || !Scope.Covers(unit.RegionKey, unit.Id))
        {
            throw DomainRuleException.NotFound("Supervision.UnitNotFound");
        }

        if (official is not null && official.UnitId is { } officialUnit && officialUnit != unit.Id && !Scope.Covers(official.RegionKey, officialUnit))
        {
            throw DomainRuleException.NotFound("Supervision.OfficialNotFound");
        }

        return new SupervisedSubject(unit.Id, unit.Name, unit.RegionKey, official?.Id, official?.Name, official?.Position, official?.IsPrincipal ?? false, official?.LeaderCategory);
    }

    /// <summary>The current 一把手 of a unit in scope, if any.</summary>
    public async Task<SupervisedSubject> PrincipalOfAsync(QingfengDb db, Guid unitId, CancellationToken cancellationToken = default)
    {
        var principal = await db.Officials.AsNoTracking()
            .Where(o => o.UnitId == unitId && o.IsPrincipal).OrderBy(o => o.Name).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(cancellationToken);
        return await SubjectAsync(db, unitId, principal, cancellationToken);
    }
}
