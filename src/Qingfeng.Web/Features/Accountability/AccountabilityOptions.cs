namespace Qingfeng.Features.Accountability;

/// <summary>
/// Time limits of accountability (configuration section <c>Supervision:Accountability</c>). Impact periods vary by
/// province (domain.md 2.3: Guangdong's 6 months for 诫勉; the organisational-measure periods are not verified) and are
/// configuration, not code.
/// </summary>
public sealed class AccountabilityOptions
{
    public const string Section = "Supervision:Accountability";

    /// <summary>Months without promotion or further use after 诫勉.</summary>
    public int AdmonishmentImpactMonths { get; set; } = 6;

    /// <summary>Impact period of each organisational measure, in months (0: none).</summary>
    public Dictionary<OrganisationalMeasureKind, int> MeasureImpactMonths { get; set; } = new()
    {
        [OrganisationalMeasureKind.SuspendedForInspection] = 0,
        [OrganisationalMeasureKind.PostAdjusted] = 12,
        [OrganisationalMeasureKind.OrderedToResign] = 12,
        [OrganisationalMeasureKind.Dismissed] = 12,
        [OrganisationalMeasureKind.Demoted] = 24,
    };

    /// <summary>Organisational measures are carried out within this many months of the decision.</summary>
    public int MeasureExecutionMonths { get; set; } = 1;

    /// <summary>Months to appeal against the decision (问责条例 2019).</summary>
    public int AppealMonths { get; set; } = 1;

    /// <summary>The last day of the impact period: where several forms apply, the longer one counts.</summary>
    public DateOnly? ImpactUntil(AccountabilityMethod methods, OrganisationalMeasureKind? measure, DateOnly decidedOn)
    {
        var months = 0;
        if (methods.HasFlag(AccountabilityMethod.Admonishment))
        {
            months = AdmonishmentImpactMonths;
        }

        if (methods.HasFlag(AccountabilityMethod.OrganisationalMeasure) && measure is { } m && MeasureImpactMonths.TryGetValue(m, out var measureMonths))
        {
            months = Math.Max(months, measureMonths);
        }

        return months > 0 ? decidedOn.AddMonths(months).AddDays(-1) : null;
    }
}
