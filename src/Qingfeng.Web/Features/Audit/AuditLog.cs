namespace Qingfeng.Features.Audit;

public sealed record AuditQuery : PageRequest
{
    [StringLength(64)]
    public string? User { get; init; }

    [StringLength(32)]
    public string? Action { get; init; }

    [StringLength(64)]
    public string? EntityType { get; init; }

    [StringLength(128)]
    public string? EntityId { get; init; }

    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    public AuditOutcome? Outcome { get; init; }

    protected override int DefaultSize => 50;
}

public sealed record AuditItem(
    long Sequence,
    DateTimeOffset Timestamp,
    string UserName,
    string? OrganName,
    string Action,
    string EntityType,
    string? EntityId,
    string? Details,
    string? IpAddress,
    AuditOutcome Outcome,
    string Algorithm,
    string Hash);

/// <summary>Appends non-change events (views, exports, logins) and serves the audit admin.</summary>
public sealed class AuditLog(IDbContextFactory<QingfengDb> dbFactory, CurrentUser currentUser, AuditOptions options, TimeProvider time)
{
    public async Task RecordAsync(string action, string entityType, string? entityId, string? details = null, AuditOutcome outcome = AuditOutcome.Success, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditEntries.Add(new AuditEntry(action, entityType, entityId, details, outcome));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Records an event for a user who is not (yet) the current user, e.g. a failed login.</summary>
    public static async Task RecordForAsync(QingfengDb db, UserContext user, string action, string entityType, string? entityId, string? details, AuditOutcome outcome, CancellationToken cancellationToken = default)
    {
        var entry = new AuditEntry(action, entityType, entityId, details, outcome)
        {
            UserId = user.IsAuthenticated ? user.UserId : null,
            UserName = user.UserName,
            OrganId = user.OrganId,
            OrganName = user.OrganName,
            IpAddress = user.IpAddress,
        };
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<Paged<AuditItem>> SearchAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        RequireAuditor();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var q = Filter(db.AuditEntries.AsNoTracking(), query);
        var total = await q.CountAsync(cancellationToken);
        var items = await q.OrderByDescending(e => e.Sequence).PageOf(query)
            .Select(e => new AuditItem(e.Sequence, e.Timestamp, e.UserName, e.OrganName, e.Action, e.EntityType, e.EntityId, e.Details, e.IpAddress, e.Outcome, e.Algorithm, e.Hash))
            .ToListAsync(cancellationToken);
        return new Paged<AuditItem>(items, total, query.PageNumber, query.Size);
    }

    /// <summary>All entries matching the filter (newest first, at most 100,000) for export; the export itself is audited.</summary>
    public async Task<IReadOnlyList<AuditItem>> ExportAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        RequireAuditor();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var items = await Filter(db.AuditEntries.AsNoTracking(), query).OrderByDescending(e => e.Sequence).Take(100_000)
            .Select(e => new AuditItem(e.Sequence, e.Timestamp, e.UserName, e.OrganName, e.Action, e.EntityType, e.EntityId, e.Details, e.IpAddress, e.Outcome, e.Algorithm, e.Hash))
            .ToListAsync(cancellationToken);
        await RecordAsync("Export", nameof(AuditEntry), null, $"rows={items.Count}", cancellationToken: cancellationToken);
        return items;
    }

    /// <summary>The chain against the checkpoints in the database and the checkpoint file, with the staleness check; itself audited.</summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        RequireAuditor();
        var result = await AuditVerifier.VerifyAsync(await dbFactory.CreateDbContextAsync(cancellationToken), options.File(), options.CheckpointInterval, time.GetUtcNow(), cancellationToken);
        var details = result.Current ? "intact" : string.Join(';', result.Findings.Select(f => f.Code.Replace("Audit.Verify.", "", StringComparison.Ordinal)));
        await RecordAsync("Verify", nameof(AuditEntry), null, details.Length <= 2000 ? details : details[..2000], cancellationToken: cancellationToken);
        return result;
    }

    /// <summary>The chain and the checkpoints inside the database (a backup carries no checkpoint file and no clock to be stale by); disposes <paramref name="db"/>.</summary>
    public static Task<AuditVerification> VerifyChainAsync(QingfengDb db, CancellationToken cancellationToken = default) =>
        AuditVerifier.VerifyAsync(db, file: null, interval: null, DateTimeOffset.MinValue, cancellationToken);

    private static IQueryable<AuditEntry> Filter(IQueryable<AuditEntry> q, AuditQuery query)
    {
        if (!string.IsNullOrWhiteSpace(query.User))
        {
            q = q.Where(e => e.UserName.Contains(query.User));
        }

        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            q = q.Where(e => e.Action == query.Action);
        }

        if (!string.IsNullOrWhiteSpace(query.EntityType))
        {
            q = q.Where(e => e.EntityType == query.EntityType);
        }

        if (!string.IsNullOrWhiteSpace(query.EntityId))
        {
            q = q.Where(e => e.EntityId == query.EntityId);
        }

        if (query.From is { } from)
        {
            q = q.Where(e => e.Timestamp >= from);
        }

        if (query.To is { } to)
        {
            q = q.Where(e => e.Timestamp <= to);
        }

        if (query.Outcome is { } outcome)
        {
            q = q.Where(e => e.Outcome == outcome);
        }

        return q;
    }

    private void RequireAuditor()
    {
        if (!currentUser.Require().Has(Permission.AuditRead))
        {
            throw new DomainRuleException("Rule.Forbidden") { Status = 403 };
        }
    }
}
