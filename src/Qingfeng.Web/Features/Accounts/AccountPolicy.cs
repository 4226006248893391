namespace Qingfeng.Features.Accounts;

/// <summary>The <c>Security</c> configuration section.</summary>
public sealed class SecurityOptions
{
    /// <summary>Demo mode: two-factor login optional and demo logins allowed. Never in force on PostgreSQL.</summary>
    public bool DemoMode { get; set; } = true;

    public int IdleTimeoutMinutes { get; set; } = 30;

    public int ApiTokenDays { get; set; } = 90;
}

/// <summary>Decides whether demo logins are accepted and whether two-factor login is required.</summary>
public sealed class AccountPolicy(SecurityOptions options, QingfengDatabase database)
{
    /// <summary>Demo mode holds only on the embedded SQLite database: PostgreSQL is production.</summary>
    public bool DemoMode => options.DemoMode && database.Provider == DatabaseProvider.Sqlite;

    public bool RequiresTwoFactor => !DemoMode;

    public TimeSpan IdleTimeout => TimeSpan.FromMinutes(Math.Clamp(options.IdleTimeoutMinutes, 1, 24 * 60));

    public bool Refuses(QingfengUser user) => user.IsDemo && database.Provider == DatabaseProvider.Postgres;
}
