namespace Qingfeng.Features.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.HasKey(e => e.Sequence);
        b.Property(e => e.Sequence).ValueGeneratedNever();
        b.Property(e => e.UserName).HasMaxLength(64);
        b.Property(e => e.OrganName).HasMaxLength(128);
        b.Property(e => e.Action).HasMaxLength(32);
        b.Property(e => e.EntityType).HasMaxLength(64);
        b.Property(e => e.EntityId).HasMaxLength(128);
        b.Property(e => e.Details).HasMaxLength(2000);
        b.Property(e => e.IpAddress).HasMaxLength(64);
        b.Property(e => e.Algorithm).HasMaxLength(16);
        b.Property(e => e.PreviousHash).HasMaxLength(64);
        b.Property(e => e.Hash).HasMaxLength(64);
        b.HasIndex(e => e.Timestamp);
        b.HasIndex(e => new { e.EntityType, e.EntityId });
        b.HasIndex(e => e.UserId);
    }
}

internal sealed class AuditCheckpointConfiguration : IEntityTypeConfiguration<AuditCheckpoint>
{
    public void Configure(EntityTypeBuilder<AuditCheckpoint> b)
    {
        b.HasKey(c => c.Number);
        b.Property(c => c.Number).ValueGeneratedNever();
        b.Property(c => c.HeadHash).HasMaxLength(64);
        b.Property(c => c.Algorithm).HasMaxLength(16);
        b.Property(c => c.Mac).HasMaxLength(64);
        b.HasIndex(c => c.CreatedAt);
    }
}
