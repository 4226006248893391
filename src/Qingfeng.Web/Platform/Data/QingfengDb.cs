using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Qingfeng.Features.Accountability;
using Qingfeng.Features.Accounts;
using Qingfeng.Features.Audit;
using Qingfeng.Features.Clues;
using Qingfeng.Features.Decisions;
using Qingfeng.Features.DutyReports;
using Qingfeng.Features.Notifications;
using Qingfeng.Features.Organs;
using Qingfeng.Features.QuarterlyReviews;
using Qingfeng.Features.Recommendations;
using Qingfeng.Features.Rectification;
using Qingfeng.Features.Reminders;
using Qingfeng.Features.Roster;
using Qingfeng.Features.Talks;

namespace Qingfeng.Platform.Data;

/// <summary>What a context needs besides its options: the clock and the acting user.</summary>
public sealed record DbActor(TimeProvider Time, Func<UserContext> User)
{
    public static readonly DbActor System = new(TimeProvider.System, () => UserContext.System);
}

/// <summary>
/// The one database context. Each feature's configuration is picked up from the assembly.
/// Every save stamps audit fields and appends hash-chained audit entries in the same transaction.
/// Provider subclasses (<see cref="SqliteQingfengDb"/>, <see cref="PostgresQingfengDb"/>) carry one
/// migration set each.
/// </summary>
public abstract class QingfengDb : IdentityDbContext<QingfengUser, QingfengRole, Guid>
{
    private readonly DbActor _actor;

    protected QingfengDb(DbContextOptions options, DbActor? actor, AuditKey? auditKey = null)
        : base(options)
    {
        _actor = actor ?? DbActor.System;
        AuditKey = auditKey;
    }

    /// <summary>
    /// The key new audit entries are chained with (HMAC-SM3); null only for tools that open a database without it,
    /// whose entries then carry plain SM3 (and no longer verify once the chain is keyed).
    /// </summary>
    public AuditKey? AuditKey { get; }

    public DbSet<Region> Regions => Set<Region>();

    public DbSet<Unit> Units => Set<Unit>();

    public DbSet<Post> Posts => Set<Post>();

    public DbSet<Official> Officials => Set<Official>();

    public DbSet<Tenure> Tenures => Set<Tenure>();

    public DbSet<FamilyMember> FamilyMembers => Set<FamilyMember>();

    public DbSet<Organ> Organs => Set<Organ>();

    public DbSet<JurisdictionGrant> JurisdictionGrants => Set<JurisdictionGrant>();

    public DbSet<SupervisionDelegation> SupervisionDelegations => Set<SupervisionDelegation>();

    public DbSet<CollaborationGroup> CollaborationGroups => Set<CollaborationGroup>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<AuditCheckpoint> AuditCheckpoints => Set<AuditCheckpoint>();

    public DbSet<Clue> Clues => Set<Clue>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<RectificationItem> RectificationItems => Set<RectificationItem>();

    public DbSet<DecisionRecord> DecisionRecords => Set<DecisionRecord>();

    public DbSet<QuarterlyReview> QuarterlyReviews => Set<QuarterlyReview>();

    public DbSet<DutyReport> DutyReports => Set<DutyReport>();

    public DbSet<Talk> Talks => Set<Talk>();

    public DbSet<Inquiry> Inquiries => Set<Inquiry>();

    public DbSet<Reminder> Reminders => Set<Reminder>();

    public DbSet<AccountabilityDecision> AccountabilityDecisions => Set<AccountabilityDecision>();

    public DbSet<Recommendation> Recommendations => Set<Recommendation>();

    /// <summary>Set while <see cref="Transactions.InTransactionAsync"/> holds the audit append lock for the whole transaction.</summary>
    internal bool HoldsAuditLock { get; set; }

    /// <summary>When set, a save records this one summary entry instead of one entry per changed row (bulk imports).</summary>
    public AuditEntry? BulkAuditSummary { get; set; }

    /// <summary>Truncates to microseconds: the precision both providers store, so hashes survive a round trip.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % 10), TimeSpan.Zero);

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var entries = PrepareAudit();
        if (entries.Count == 0)
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        if (!HoldsAuditLock)
        {
            AuditChain.AppendLock.Wait();
        }

        try
        {
            var tail = AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence)
                .Select(e => new { e.Sequence, e.Hash }).FirstOrDefault();
            Chain(tail?.Sequence ?? 0, tail?.Hash ?? AuditChain.Genesis, entries);
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            if (!HoldsAuditLock)
            {
                AuditChain.AppendLock.Release();
            }
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var entries = PrepareAudit();
        if (entries.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        if (!HoldsAuditLock)
        {
            await AuditChain.AppendLock.WaitAsync(cancellationToken);
        }

        try
        {
            var tail = await AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence)
                .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);
            Chain(tail?.Sequence ?? 0, tail?.Hash ?? AuditChain.Genesis, entries);
            return await WithoutSecondScanAsync(() => base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken));
        }
        finally
        {
            if (!HoldsAuditLock)
            {
                AuditChain.AppendLock.Release();
            }
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(QingfengDb).Assembly, t => !t.IsAbstract);
        builder.Entity<QingfengUser>(b =>
        {
            b.Property(u => u.DisplayName).HasMaxLength(64);
            b.HasIndex(u => u.OrganId);
        });
    }

    private List<AuditEntry> PrepareAudit()
    {
        ChangeTracker.DetectChanges();
        var now = Truncate(_actor.Time.GetUtcNow());
        var user = _actor.User();
        var generated = new List<AuditEntry>();

        foreach (var entry in ChangeTracker.Entries().ToList())
        {
            if (entry.Entity is AuditEntry or AuditCheckpoint)
            {
                // The trail and its checkpoints are append-only (and a checkpoint is its own record, not an audited change).
                if (entry.State is EntityState.Modified or EntityState.Deleted)
                {
                    throw new InvalidOperationException("The audit log is append-only.");
                }

                continue;
            }

            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            if (entry.Entity is Entity entity)
            {
                Stamp(entry, entity, now, user);
            }

            if (BulkAuditSummary is null)
            {
                generated.Add(Describe(entry));
            }
        }

        if (BulkAuditSummary is not null)
        {
            generated.Add(BulkAuditSummary);
            BulkAuditSummary = null;
        }

        // Entries added explicitly (views, logins) join the generated ones; all are attached once
        // they have their sequence numbers, so that several new entries never share a key.
        var explicitEntries = ChangeTracker.Entries<AuditEntry>()
            .Where(e => e.State == EntityState.Added && e.Entity.Hash.Length == 0)
            .ToList();
        foreach (var explicitEntry in explicitEntries)
        {
            explicitEntry.State = EntityState.Detached;
        }

        var pending = explicitEntries.Select(e => e.Entity).Concat(generated).ToList();
        foreach (var audit in pending)
        {
            audit.Timestamp = now;
            if (audit.UserName.Length == 0)
            {
                audit.UserId = user.IsAuthenticated ? user.UserId : null;
                audit.UserName = user.UserName;
                audit.OrganId = user.OrganId;
                audit.OrganName = user.OrganName;
                audit.IpAddress = user.IpAddress;
            }
        }

        return pending;
    }

    /// <summary>
    /// Saves without the change detection EF Core would run again: <see cref="PrepareAudit"/> has just detected every
    /// change (and what it stamps and adds is tracked as it happens). On a 25,000-row import that second scan covers
    /// some 230,000 entries.
    /// </summary>
    private async Task<int> WithoutSecondScanAsync(Func<Task<int>> save)
    {
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return await save();
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    private void Chain(long lastSequence, string lastHash, List<AuditEntry> entries)
    {
        AuditChain.Extend(lastSequence, lastHash, entries, AuditKey);
        AuditEntries.AddRange(entries);
    }

    private static void Stamp(EntityEntry entry, Entity entity, DateTimeOffset now, UserContext user)
    {
        if (entry.State == EntityState.Added)
        {
            entity.CreatedAt = now;
            entity.CreatedBy = user.UserName;
        }
        else if (entry.State == EntityState.Modified)
        {
            entity.UpdatedAt = now;
            entity.UpdatedBy = user.UserName;
            entity.Version = Guid.NewGuid();
        }
    }

    private static AuditEntry Describe(EntityEntry entry)
    {
        var action = entry.State switch
        {
            EntityState.Added => "Create",
            EntityState.Modified => "Update",
            _ => "Delete",
        };
        var key = entry.Metadata.FindPrimaryKey()?.Properties
            .Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        var details = entry.State == EntityState.Modified
            ? string.Join(',', entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name)
                .Concat(entry.ComplexProperties.Where(c => c.IsModified).Select(c => c.Metadata.Name)))
            : null;
        var type = entry.Metadata.ClrType;
        var typeName = type.IsGenericType ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] : type.Name;
        return new AuditEntry(action, typeName, key is null ? null : string.Join('|', key), details);
    }
}
