using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Qingfeng.Features.Accounts;

/// <summary>Adds organ and display name to the signed-in principal, next to Identity's roles.</summary>
internal sealed class QingfengClaimsFactory(
    UserManager<QingfengUser> userManager,
    RoleManager<QingfengRole> roleManager,
    IOptions<IdentityOptions> options,
    QingfengDatabase database)
    : UserClaimsPrincipalFactory<QingfengUser, QingfengRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(QingfengUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(UserContext.DisplayNameClaim, user.DisplayName));
        identity.AddClaim(new Claim(UserContext.TwoFactorClaim, user.TwoFactorEnabled ? "1" : "0"));
        if (user.OrganId is { } organId)
        {
            await using var db = database.Create(DbActor.System);
            var organName = await db.Organs.AsNoTracking().Where(o => o.Id == organId).Select(o => o.Name).SingleOrDefaultAsync();
            identity.AddClaim(new Claim(UserContext.OrganClaim, organId.ToString()));
            identity.AddClaim(new Claim(UserContext.OrganNameClaim, organName ?? ""));
        }

        return identity;
    }
}
