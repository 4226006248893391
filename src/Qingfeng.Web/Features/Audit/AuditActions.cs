namespace Qingfeng.Features.Audit;

/// <summary>The actions the application records, for filtering the audit trail (catalog keys <c>Audit.Action.X</c>).</summary>
public static class AuditActions
{
    public static readonly IReadOnlyList<string> Known =
    [
        "Login", "LoginPassword", "Login2fa", "LoginFailed", "Login2faFailed", "LoginLockedOut", "Logout",
        "View", "Export", "Import", "Create", "Update", "Delete",
        "RolesChanged", "Unlocked", "TwoFactorEnabled", "Verify", "Seed", "PasswordChanged", "SignedOutEverywhere",
    ];
}
