using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Qingfeng.Features.Audit;
using QRCoder;

namespace Qingfeng.Features.Accounts;

public sealed record AuthenticatorSetup(string SharedKey, string Uri, string QrCodeDataUri, bool Enabled);

/// <summary>TOTP enrolment (RFC 6238, as in any authenticator app) for the signed-in user.</summary>
public sealed class TwoFactorService(UserManager<QingfengUser> userManager, SignInManager<QingfengUser> signInManager, AuditLog audit)
{
    public async Task<AuthenticatorSetup> GetSetupAsync(ClaimsPrincipal principal)
    {
        var user = await userManager.GetUserAsync(principal) ?? throw new UnauthorizedAccessException();
        var key = await userManager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // A new key renews the security stamp, which ends the user's sessions: this one gets a cookie with the new stamp.
            await userManager.ResetAuthenticatorKeyAsync(user);
            await signInManager.RefreshSignInAsync(user);
            key = await userManager.GetAuthenticatorKeyAsync(user);
        }

        var uri = $"otpauth://totp/{Uri.EscapeDataString("Qingfeng")}:{Uri.EscapeDataString(user.UserName!)}?secret={key}&issuer=Qingfeng&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return new AuthenticatorSetup(Format(key!), uri, "data:image/png;base64," + Convert.ToBase64String(png), user.TwoFactorEnabled);
    }

    public async Task EnableAsync(ClaimsPrincipal principal, string code)
    {
        var user = await userManager.GetUserAsync(principal) ?? throw new UnauthorizedAccessException();
        var normalized = code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var valid = await userManager.VerifyTwoFactorTokenAsync(user, userManager.Options.Tokens.AuthenticatorTokenProvider, normalized);
        if (!valid)
        {
            throw new DomainRuleException("TwoFactor.InvalidCode");
        }

        await userManager.SetTwoFactorEnabledAsync(user, true);
        await audit.RecordAsync("TwoFactorEnabled", "User", user.Id.ToString());
        await signInManager.RefreshSignInAsync(user);
    }

    private static string Format(string key)
    {
        var chunks = Enumerable.Range(0, (key.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - (i * 4))));
        return string.Join(' ', chunks).ToLowerInvariant();
    }
}
