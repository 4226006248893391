namespace Qingfeng.Features.Roster;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> b)
    {
        b.HasKey(r => r.Code);
        b.Property(r => r.Code).HasMaxLength(12);
        b.Property(r => r.Name).HasMaxLength(64);
        b.Property(r => r.ParentCode).HasMaxLength(12);
        b.Property(r => r.TreeKey).HasMaxLength(12);
        b.HasIndex(r => r.TreeKey);
        b.HasIndex(r => r.ParentCode);
        b.HasOne<Region>().WithMany().HasForeignKey(r => r.ParentCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> b)
    {
        b.Property(u => u.Name).HasMaxLength(128);
        b.Property(u => u.Sector).HasMaxLength(32);
        b.Property(u => u.RegionCode).HasMaxLength(12);
        b.Property(u => u.RegionKey).HasMaxLength(12);
        b.Property(u => u.Version).IsConcurrencyToken();
        b.HasIndex(u => u.RegionKey);
        b.HasIndex(u => u.ParentId);
        b.HasIndex(u => new { u.RegionCode, u.Name }).IsUnique();
        b.HasOne<Region>().WithMany().HasForeignKey(u => u.RegionCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(u => u.Posts).WithOne(p => p.Unit).HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> b)
    {
        b.Property(p => p.Title).HasMaxLength(64);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasIndex(p => new { p.UnitId, p.Title }).IsUnique();
    }
}

internal sealed class OfficialConfiguration : IEntityTypeConfiguration<Official>
{
    public void Configure(EntityTypeBuilder<Official> b)
    {
        b.Property(o => o.Name).HasMaxLength(32);
        b.Property(o => o.NamePinyin).HasMaxLength(96);
        b.Property(o => o.NameInitials).HasMaxLength(32);
        b.Property(o => o.RegionKey).HasMaxLength(12);
        b.Property(o => o.Position).HasMaxLength(64);
        b.Property(o => o.Version).IsConcurrencyToken();
        b.HasIndex(o => o.RegionKey);
        b.HasIndex(o => o.Name);
        b.HasIndex(o => o.NamePinyin);
        b.HasIndex(o => o.NameInitials);
        b.HasIndex(o => new { o.IsPrincipal, o.LeaderCategory });
        b.HasOne(o => o.Unit).WithMany().HasForeignKey(o => o.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasChildren(o => o.Tenures, t => t.OfficialId);
        b.HasChildren(o => o.FamilyMembers, f => f.OfficialId);
    }
}

internal sealed class TenureConfiguration : IEntityTypeConfiguration<Tenure>
{
    public void Configure(EntityTypeBuilder<Tenure> b)
    {
        b.Property(t => t.Version).IsConcurrencyToken();
        b.HasOne(t => t.Post).WithMany().HasForeignKey(t => t.PostId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(t => new { t.PostId, t.Start });
    }
}

internal sealed class FamilyMemberConfiguration : IEntityTypeConfiguration<FamilyMember>
{
    public void Configure(EntityTypeBuilder<FamilyMember> b)
    {
        b.Property(f => f.Name).HasMaxLength(32);
        b.Property(f => f.Employer).HasMaxLength(128);
        b.Property(f => f.Position).HasMaxLength(64);
        b.Property(f => f.Version).IsConcurrencyToken();
    }
}
