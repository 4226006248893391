using Qingfeng.Features.Supervision;

namespace Qingfeng.Features.Accountability;

/// <summary>
/// Time limits of accountability (configuration section <c>Supervision:Accountability</c>). The impact period of 诫勉 varies by
/// province (domain.md 2.3: Guangdong's 6 months) and is configuration; the periods of the organisational measures are those of
/// the one <see cref="SanctionCatalog"/> a case decision's sanctions use too.
/// </summary>
public sealed class AccountabilityOptions
{
    public const string Section = "Supervision:Accountability";

    /// <summary>Months without promotion or further use after 诫勉.</summary>
    public int AdmonishmentImpactMonths { get; set; } = 6;

    /// <summary>The catalogue entry of each organisational measure: its impact periods.</summary>
    public static SanctionType CatalogEntry(OrganisationalMeasureKind measure) => SanctionCatalog.Find(measure switch
    {
        OrganisationalMeasureKind.SuspendedForInspection => "O.SUSPENSION",
        OrganisationalMeasureKind.PostAdjusted => "O.ADJUSTMENT",
        OrganisationalMeasureKind.OrderedToResign => "O.RESIGNATION",
        OrganisationalMeasureKind.Dismissed => "O.DISMISSAL",
        OrganisationalMeasureKind.Demoted => "O.DEMOTION",
        _ => throw InputRules.Undefined(nameof(OrganisationalMeasureKind)),
    })!;

    /// <summary>Organisational measures are carried out within this many months of the decision.</summary>
    public int MeasureExecutionMonths { get; set; } = 1;

    /// <summary>Months to appeal against the decision (问责条例 2019).</summary>
    public int AppealMonths { get; set; } = 1;

    /// <summary>
    /// The last day of the impact period (no promotion, 选拔任用条例 art. 24): where several forms apply, the longer one counts.
    /// </summary>
    public DateOnly? ImpactUntil(AccountabilityMethod methods, OrganisationalMeasureKind? measure, DateOnly decidedOn)
    {
        var months = 0;
        if (methods.HasFlag(AccountabilityMethod.Admonishment))
        {
            months = AdmonishmentImpactMonths;
        }

        if (methods.HasFlag(AccountabilityMethod.OrganisationalMeasure) && measure is { } m)
        {
            months = Math.Max(months, CatalogEntry(m).Months ?? 0);
        }

        return months > 0 ? decidedOn.AddMonths(months).AddDays(-1) : null;
    }

    /// <summary>The last day on which the person may hold no leading post (责令辞职、免职: one year), or null.</summary>
    public static DateOnly? LeadingPostBarredUntil(AccountabilityMethod methods, OrganisationalMeasureKind? measure, DateOnly decidedOn) =>
        methods.HasFlag(AccountabilityMethod.OrganisationalMeasure) && measure is { } m
            ? SanctionCatalog.LeadingPostBarredUntil(CatalogEntry(m), decidedOn)
            : null;
}

/// <summary>
/// The accountability limits on the working-day calendar: a limit in months (carry out a measure, appeal) that ends on a day off
/// moves to the next working day, as every month limit does.
/// </summary>
public sealed class AccountabilityLimits(AccountabilityOptions options, WorkingDayCalendar calendar)
{
    public AccountabilityOptions Options => options;

    public DateOnly MonthsLater(DateOnly from, int months) => calendar.OnOrNextWorkingDay(from.AddMonths(months));
}
