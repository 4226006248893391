using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace Qingfeng.Features.Accounts;

/// <summary>
/// Identity's EF store with two additions for sessions that end (<see cref="SessionStamps"/>): every write of a user row
/// is published as <see cref="AccessChange.User"/> (the caches drop what they hold of that user, open pages check at once),
/// and a lockout gives the user a new stamp in the same
/// write, so that whoever is signed in as a locked-out account is signed out at once.
/// </summary>
internal sealed class QingfengUserStore(QingfengDb context, AccessEvents events, IdentityErrorDescriber? describer = null)
    : UserStore<QingfengUser, QingfengRole, QingfengDb, Guid>(context, describer)
{
    public override async Task<IdentityResult> UpdateAsync(QingfengUser user, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.UpdateAsync(user, cancellationToken);
        }
        finally
        {
            events.Publish(new AccessChange.User(user.Id));
        }
    }

    public override async Task<IdentityResult> DeleteAsync(QingfengUser user, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.DeleteAsync(user, cancellationToken);
        }
        finally
        {
            events.Publish(new AccessChange.User(user.Id));
        }
    }

    /// <summary>
    /// Setting a lockout end (Identity does it after the last allowed failure, for as long as the lockout lasts) also
    /// renews the stamp; ending a lockout (no end) does not. Identity then saves both in one write.
    /// </summary>
    public override async Task SetLockoutEndDateAsync(QingfengUser user, DateTimeOffset? lockoutEnd, CancellationToken cancellationToken = default)
    {
        await base.SetLockoutEndDateAsync(user, lockoutEnd, cancellationToken);
        if (lockoutEnd is not null)
        {
            await SetSecurityStampAsync(user, SessionStamps.NewStamp(), cancellationToken);
        }
    }
}
