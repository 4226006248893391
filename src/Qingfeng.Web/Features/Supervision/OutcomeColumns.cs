namespace Qingfeng.Features.Supervision;

/// <summary>The A18 outcome columns of every supervision record, named alike so that sums across modules read the same.</summary>
internal static class OutcomeColumns
{
    public static void Map(ComplexPropertyBuilder<SupervisionOutcome> o)
    {
        o.Property(x => x.ProblemsFound).HasColumnName("ProblemsFound");
        o.Property(x => x.CluesFound).HasColumnName("CluesFound");
        o.Property(x => x.FundsPaidOutFen).HasColumnName("FundsPaidOutFen");
        o.Property(x => x.FundsRecoveredFen).HasColumnName("FundsRecoveredFen");
        o.Property(x => x.RulesAdopted).HasColumnName("RulesAdopted");
    }
}
