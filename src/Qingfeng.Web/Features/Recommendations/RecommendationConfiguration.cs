using Qingfeng.Features.Supervision;

namespace Qingfeng.Features.Recommendations;

internal sealed class RecommendationConfiguration : IEntityTypeConfiguration<Recommendation>
{
    public void Configure(EntityTypeBuilder<Recommendation> b)
    {
        SubjectMapping.MapRecord(b, "Recommendations", SubjectColumns.UnitAndPrincipal);
        b.Property(r => r.Number).HasMaxLength(64);
        b.Property(r => r.Title).HasMaxLength(Recommendation.TitleMaxLength);
        b.Property(r => r.Origin).HasMaxLength(Recommendation.TextMaxLength);
        b.Property(r => r.Findings).HasMaxLength(Recommendation.TextMaxLength);
        b.Property(r => r.Reply).HasMaxLength(Recommendation.TextMaxLength);
        b.Property(r => r.Objection).HasMaxLength(Recommendation.TextMaxLength);
        b.ComplexProperty(r => r.Outcome, o => OutcomeColumns.Map(o));
        b.HasIndex(r => new { r.OrganId, r.Year, r.Sequence }).IsUnique();
        SubjectMapping.IndexForLists(b, thenBy: nameof(Recommendation.IssuedOn), byOfficial: false);
        b.HasChildren(r => r.Measures, m => m.RecommendationId);
        b.HasChildren(r => r.Checks, c => c.RecommendationId);
        b.HasChildren(r => r.Rules, x => x.RecommendationId);
    }
}

internal sealed class RecommendationMeasureConfiguration : IEntityTypeConfiguration<RecommendationMeasure>
{
    public void Configure(EntityTypeBuilder<RecommendationMeasure> b)
    {
        b.ToChildTable("RecommendationMeasures");
        b.Property(m => m.Text).HasMaxLength(Recommendation.MeasureMaxLength);
    }
}

internal sealed class RecommendationCheckConfiguration : IEntityTypeConfiguration<RecommendationCheck>
{
    public void Configure(EntityTypeBuilder<RecommendationCheck> b)
    {
        b.ToChildTable("RecommendationChecks");
        b.Property(c => c.Finding).HasMaxLength(Recommendation.TextMaxLength);
        b.Property(c => c.ByName).HasMaxLength(64);
    }
}

internal sealed class AdoptedRuleConfiguration : IEntityTypeConfiguration<AdoptedRule>
{
    public void Configure(EntityTypeBuilder<AdoptedRule> b)
    {
        b.ToChildTable("AdoptedRules");
        SubjectMapping.Map(b, SubjectColumns.UnitKeyOnly);
        b.Property(x => x.Title).HasMaxLength(Recommendation.TitleMaxLength);
        b.Property(x => x.Summary).HasMaxLength(Recommendation.TextMaxLength);
        b.HasIndex(SubjectMapping.RegionKey, nameof(AdoptedRule.AdoptedOn));
    }
}
