using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qingfeng.Features.Supervision;

namespace Qingfeng.Features.Recommendations;

internal sealed class RecommendationConfiguration : IEntityTypeConfiguration<Recommendation>
{
    public void Configure(EntityTypeBuilder<Recommendation> b)
    {
        b.ToTable("Recommendations");
        SubjectMapping.Map(b, SubjectColumns.UnitAndPrincipal);
        b.Property(r => r.Number).HasMaxLength(64);
        b.Property(r => r.Title).HasMaxLength(Recommendation.TitleMaxLength);
        b.Property(r => r.Origin).HasMaxLength(Recommendation.TextMaxLength);
        b.Property(r => r.Findings).HasMaxLength(Recommendation.TextMaxLength);
        b.Property(r => r.Reply).HasMaxLength(Recommendation.TextMaxLength);
        b.Property(r => r.Objection).HasMaxLength(Recommendation.TextMaxLength);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.ComplexProperty(r => r.Outcome, o => OutcomeColumns.Map(o));
        b.HasIndex(r => new { r.OrganId, r.Year, r.Sequence }).IsUnique();
        b.HasIndex(SubjectMapping.RegionKey, nameof(Recommendation.IssuedOn));
        b.HasIndex(SubjectMapping.UnitId);
        b.HasMany(r => r.Measures).WithOne().HasForeignKey(m => m.RecommendationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Checks).WithOne().HasForeignKey(c => c.RecommendationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Rules).WithOne().HasForeignKey(x => x.RecommendationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RecommendationMeasureConfiguration : IEntityTypeConfiguration<RecommendationMeasure>
{
    public void Configure(EntityTypeBuilder<RecommendationMeasure> b)
    {
        b.ToTable("RecommendationMeasures");
        b.Property(m => m.Id).ValueGeneratedNever();
        b.Property(m => m.Text).HasMaxLength(Recommendation.MeasureMaxLength);
    }
}

internal sealed class RecommendationCheckConfiguration : IEntityTypeConfiguration<RecommendationCheck>
{
    public void Configure(EntityTypeBuilder<RecommendationCheck> b)
    {
        b.ToTable("RecommendationChecks");
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.Finding).HasMaxLength(Recommendation.TextMaxLength);
        b.Property(c => c.ByName).HasMaxLength(64);
    }
}

internal sealed class AdoptedRuleConfiguration : IEntityTypeConfiguration<AdoptedRule>
{
    public void Configure(EntityTypeBuilder<AdoptedRule> b)
    {
        b.ToTable("AdoptedRules");
        b.Property(x => x.Id).ValueGeneratedNever();
        SubjectMapping.Map(b, SubjectColumns.UnitKeyOnly);
        b.Property(x => x.Title).HasMaxLength(Recommendation.TitleMaxLength);
        b.Property(x => x.Summary).HasMaxLength(Recommendation.TextMaxLength);
        b.HasIndex(SubjectMapping.RegionKey, nameof(AdoptedRule.AdoptedOn));
    }
}
