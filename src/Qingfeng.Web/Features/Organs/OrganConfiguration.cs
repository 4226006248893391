using Qingfeng.Features.Roster;

namespace Qingfeng.Features.Organs;

internal sealed class OrganConfiguration : IEntityTypeConfiguration<Organ>
{
    public void Configure(EntityTypeBuilder<Organ> b)
    {
        b.Property(o => o.Name).HasMaxLength(128);
        b.Property(o => o.RegionCode).HasMaxLength(12);
        b.Property(o => o.Version).IsConcurrencyToken();
        b.HasIndex(o => o.Name).IsUnique();
        b.HasOne<Region>().WithMany().HasForeignKey(o => o.RegionCode).OnDelete(DeleteBehavior.Restrict);
        b.HasChildren(o => o.Grants, g => g.OrganId);
    }
}

internal sealed class JurisdictionGrantConfiguration : IEntityTypeConfiguration<JurisdictionGrant>
{
    public void Configure(EntityTypeBuilder<JurisdictionGrant> b)
    {
        b.Property(g => g.RegionKey).HasMaxLength(12);
        b.HasOne<Unit>().WithMany().HasForeignKey(g => g.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t => t.HasCheckConstraint("CK_JurisdictionGrants_OneTarget", "(\"RegionKey\" IS NULL) <> (\"UnitId\" IS NULL)"));
    }
}

internal sealed class SupervisionDelegationConfiguration : IEntityTypeConfiguration<SupervisionDelegation>
{
    public void Configure(EntityTypeBuilder<SupervisionDelegation> b)
    {
        b.Property(d => d.Reason).HasMaxLength(256);
        b.HasOne<Unit>().WithMany().HasForeignKey(d => d.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organ>().WithMany().HasForeignKey(d => d.HomeOrganId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organ>().WithMany().HasForeignKey(d => d.DelegateOrganId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CollaborationGroup>().WithMany().HasForeignKey(d => d.CollaborationGroupId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(d => d.HomeOrganId);
    }
}

internal sealed class CollaborationGroupConfiguration : IEntityTypeConfiguration<CollaborationGroup>
{
    public void Configure(EntityTypeBuilder<CollaborationGroup> b)
    {
        b.Property(g => g.Name).HasMaxLength(128);
        b.HasChildren(g => g.Members, m => m.GroupId);
    }
}

internal sealed class CollaborationGroupMemberConfiguration : IEntityTypeConfiguration<CollaborationGroupMember>
{
    public void Configure(EntityTypeBuilder<CollaborationGroupMember> b)
    {
        b.HasKey(m => new { m.GroupId, m.OrganId });
        b.HasOne<Organ>().WithMany().HasForeignKey(m => m.OrganId).OnDelete(DeleteBehavior.Restrict);
    }
}
