using System.Security.Claims;

namespace Qingfeng.Platform.Security;

/// <summary>An immutable snapshot of who is acting: user, organ, roles and address.</summary>
public sealed record UserContext(
    Guid UserId,
    string UserName,
    string DisplayName,
    Guid? OrganId,
    string? OrganName,
    IReadOnlySet<string> Roles,
    string? IpAddress)
{
    public const string OrganClaim = "qf:organ";
    public const string OrganNameClaim = "qf:organ_name";
    public const string DisplayNameClaim = "qf:display_name";
    public const string TwoFactorClaim = "qf:2fa";

    public static readonly UserContext Anonymous = new(Guid.Empty, "anonymous", "anonymous", null, null, new HashSet<string>(), null);

    /// <summary>The identity used by the app itself (seeding, background jobs, command line).</summary>
    public static readonly UserContext System = new(Guid.Empty, "system", "system", null, null, new HashSet<string>(), null);

    public bool IsAuthenticated => UserId != Guid.Empty;

    /// <summary>Whether the user has enrolled an authenticator (TOTP).</summary>
    public bool TwoFactorEnrolled { get; init; }

    public bool Has(Permission permission) => RolePermissions.Grants(Roles, permission);

    public static UserContext FromPrincipal(ClaimsPrincipal principal, string? ipAddress)
    {
        if (principal.Identity?.IsAuthenticated != true
            || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), CultureInfo.InvariantCulture, out var id))
        {
            return Anonymous with { IpAddress = ipAddress };
        }

        Guid? organ = Guid.TryParse(principal.FindFirstValue(OrganClaim), CultureInfo.InvariantCulture, out var o) ? o : null;
        var name = principal.FindFirstValue(ClaimTypes.Name) ?? "";
        return new UserContext(
            id,
            name,
            principal.FindFirstValue(DisplayNameClaim) ?? name,
            organ,
            principal.FindFirstValue(OrganNameClaim),
            principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal),
            ipAddress)
        {
            TwoFactorEnrolled = principal.FindFirstValue(TwoFactorClaim) == "1",
        };
    }
}
