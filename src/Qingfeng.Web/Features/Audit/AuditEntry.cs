namespace Qingfeng.Features.Audit;

public enum AuditOutcome
{
    Success = 1,
    Denied = 2,
    Failure = 3,
}

/// <summary>
/// One append-only entry of the audit trail (审计日志): who, organ, what, which record, when, from
/// where, outcome. Entries form a hash chain: <see cref="Hash"/> covers every field and the previous
/// entry's hash, so an edit, deletion or reordering breaks verification from that entry on.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
    }

    public AuditEntry(string action, string entityType, string? entityId, string? details, AuditOutcome outcome = AuditOutcome.Success)
    {
        Action = action;
        EntityType = entityType;
        EntityId = entityId;
        Details = details;
        Outcome = outcome;
    }

    /// <summary>Position in the chain, from 1 without gaps.</summary>
    public long Sequence { get; internal set; }

    public DateTimeOffset Timestamp { get; internal set; }

    public Guid? UserId { get; internal set; }

    public string UserName { get; internal set; } = "";

    public Guid? OrganId { get; internal set; }

    public string? OrganName { get; internal set; }

    /// <summary>What was done: Create, Update, Delete, View, Export, Login, LoginFailed, RoleGranted…</summary>
    public string Action { get; private set; } = "";

    public string EntityType { get; private set; } = "";

    public string? EntityId { get; private set; }

    public string? Details { get; private set; }

    public string? IpAddress { get; internal set; }

    public AuditOutcome Outcome { get; private set; }

    /// <summary>The hash algorithm of this entry (SM3, GB/T 32905).</summary>
    public string Algorithm { get; internal set; } = "";

    public string PreviousHash { get; internal set; } = "";

    public string Hash { get; internal set; } = "";
}
