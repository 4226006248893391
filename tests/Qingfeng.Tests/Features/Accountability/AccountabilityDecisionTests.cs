using Qingfeng.Features.Accountability;
using Qingfeng.Features.Supervision;
using Qingfeng.Platform.Calendar;
using Qingfeng.Platform.Rules;
using Xunit;

namespace Qingfeng.Tests.Features.Accountability;

public sealed class AccountabilityDecisionTests
{
    private static readonly SupervisedSubject Principal = new(Guid.NewGuid(), "某县卫生健康局", "520121", Guid.NewGuid(), "乙某", "局长", true, null);
    private static readonly SupervisedSubject Unit = Principal with { OfficialId = null, OfficialName = null, OfficialPosition = null, IsPrincipal = false };
    private static readonly AccountabilityLimits Options = new(new AccountabilityOptions(), WorkingDayCalendar.BuiltIn());

    private static AccountabilityFacts Facts(AccountabilityTarget target, AccountabilityMethod methods, OrganisationalMeasureKind? measure = null, NoticeScope notice = NoticeScope.Internal) =>
        new(target, methods, measure, AccountabilityCause.Inspection, "工作人员工作日饮酒", "3名工作人员工作日饮酒", "《中国共产党问责条例》第八条", "县纪委常委会", new DateOnly(2026, 4, 8), null, notice);

    [Theory]
    [InlineData(AccountabilityMethod.Admonishment)]
    [InlineData(AccountabilityMethod.OrganisationalMeasure)]
    [InlineData(AccountabilityMethod.DisciplinarySanction)]
    public void A_party_organisation_cannot_be_admonished_removed_or_sanctioned(AccountabilityMethod method)
    {
        var rule = Assert.Throws<DomainRuleException>(() => new AccountabilityDecision(Guid.NewGuid(), Unit, Facts(AccountabilityTarget.Organisation, method), CauseLink.None, Options));
        Assert.Equal("Accountability.MethodNotForOrganisation", rule.Code);
    }

    [Fact]
    public void A_leading_cadre_cannot_be_reorganised_and_needs_a_person()
    {
        Assert.Equal("Accountability.MethodNotForCadre", Assert.Throws<DomainRuleException>(() =>
            new AccountabilityDecision(Guid.NewGuid(), Principal, Facts(AccountabilityTarget.LeadingCadre, AccountabilityMethod.Reorganisation), CauseLink.None, Options)).Code);
        Assert.Equal("Accountability.OfficialRequired", Assert.Throws<DomainRuleException>(() =>
            new AccountabilityDecision(Guid.NewGuid(), Unit, Facts(AccountabilityTarget.LeadingCadre, AccountabilityMethod.Examination), CauseLink.None, Options)).Code);
    }

    [Fact]
    public void A_circulated_notice_needs_a_notice_scope_and_an_organisational_measure_needs_its_kind()
    {
        Assert.Equal("Accountability.CirculationNeedsNotice", Assert.Throws<DomainRuleException>(() =>
            new AccountabilityDecision(Guid.NewGuid(), Principal, Facts(AccountabilityTarget.LeadingCadre, AccountabilityMethod.Circulation, notice: NoticeScope.None), CauseLink.None, Options)).Code);
        Assert.Equal("Accountability.MeasureMismatch", Assert.Throws<DomainRuleException>(() =>
            new AccountabilityDecision(Guid.NewGuid(), Principal, Facts(AccountabilityTarget.LeadingCadre, AccountabilityMethod.OrganisationalMeasure), CauseLink.None, Options)).Code);
        Assert.Equal("Accountability.MeasureMismatch", Assert.Throws<DomainRuleException>(() =>
            new AccountabilityDecision(Guid.NewGuid(), Principal, Facts(AccountabilityTarget.LeadingCadre, AccountabilityMethod.Admonishment, OrganisationalMeasureKind.Demoted), CauseLink.None, Options)).Code);
    }

    [Fact]
    public void The_longer_impact_period_counts_when_forms_are_combined_and_the_periods_are_configuration()
    {
        var decision = new AccountabilityDecision(Guid.NewGuid(), Principal,
            Facts(AccountabilityTarget.LeadingCadre, AccountabilityMethod.Admonishment | AccountabilityMethod.OrganisationalMeasure, OrganisationalMeasureKind.Demoted), CauseLink.None, Options);
        Assert.Equal(new DateOnly(2028, 4, 7), decision.ImpactUntil);
        Assert.Equal(new DateOnly(2026, 5, 8), decision.ExecuteBy);
        Assert.True(decision.InImpactPeriod(new DateOnly(2028, 4, 7)));
        Assert.False(decision.InImpactPeriod(new DateOnly(2028, 4, 8)));

        var shorter = new AccountabilityLimits(new AccountabilityOptions { AdmonishmentImpactMonths = 3 }, WorkingDayCalendar.BuiltIn());
        var admonished = new AccountabilityDecision(Guid.NewGuid(), Principal, Facts(AccountabilityTarget.LeadingCadre, AccountabilityMethod.Admonishment), CauseLink.None, shorter);
        Assert.Equal(new DateOnly(2026, 7, 7), admonished.ImpactUntil);
        Assert.Null(admonished.ExecuteBy);

        var examined = new AccountabilityDecision(Guid.NewGuid(), Principal, Facts(AccountabilityTarget.LeadingCadre, AccountabilityMethod.Examination), CauseLink.None, Options);
        Assert.Null(examined.ImpactUntil);
    }

    [Fact]
    public void A_decision_is_carried_out_once_and_revoking_it_ends_the_impact_period()
    {
        var decision = new AccountabilityDecision(Guid.NewGuid(), Principal, Facts(AccountabilityTarget.LeadingCadre, AccountabilityMethod.Admonishment), CauseLink.None, Options);
        Assert.Equal("Accountability.ExecutedBeforeDecided", Assert.Throws<DomainRuleException>(() => decision.Execute(new DateOnly(2026, 4, 7), null)).Code);
        decision.Execute(new DateOnly(2026, 4, 9), "诫勉谈话已进行");
        Assert.Equal(AccountabilityState.Executed, decision.State);
        Assert.Equal(409, Assert.Throws<DomainRuleException>(() => decision.Execute(new DateOnly(2026, 4, 10), null)).Status);

        Assert.Equal("Accountability.RevocationReasonRequired", Assert.Throws<DomainRuleException>(() => decision.Revoke(new DateOnly(2026, 5, 1), " ")).Code);
        decision.Revoke(new DateOnly(2026, 5, 1), "复查认定不应问责");
        Assert.Null(decision.ImpactUntil);
        Assert.False(decision.InImpactPeriod(new DateOnly(2026, 5, 2)));
    }

    [Theory]
    [InlineData(OrganisationalMeasureKind.Dismissed, "O.DISMISSAL")]
    [InlineData(OrganisationalMeasureKind.OrderedToResign, "O.RESIGNATION")]
    public void Removal_and_ordered_resignation_bar_a_leading_post_for_a_year_and_promotion_for_two_as_a_case_decision_does(OrganisationalMeasureKind measure, string code)
    {
        var decision = new AccountabilityDecision(Guid.NewGuid(), Principal,
            Facts(AccountabilityTarget.LeadingCadre, AccountabilityMethod.OrganisationalMeasure, measure), CauseLink.None, Options);
        var decidedOn = new DateOnly(2026, 4, 8);

        Assert.Equal(new DateOnly(2028, 4, 7), decision.ImpactUntil);
        Assert.Equal(new DateOnly(2027, 4, 7), AccountabilityOptions.LeadingPostBarredUntil(decision.Methods, decision.Measure, decidedOn));
        var sanction = SanctionCatalog.Find(code)!;
        Assert.Equal(decision.ImpactUntil, SanctionCatalog.InfluenceEnds(sanction, decidedOn));
        Assert.Equal(new DateOnly(2027, 4, 7), SanctionCatalog.LeadingPostBarredUntil(sanction, decidedOn));
    }

    [Fact]
    public void The_months_to_carry_out_and_to_appeal_end_on_the_next_working_day_when_they_fall_on_a_holiday()
    {
        var measure = Facts(AccountabilityTarget.LeadingCadre, AccountabilityMethod.OrganisationalMeasure, OrganisationalMeasureKind.PostAdjusted);
        var facts = measure with { DecidedOn = new DateOnly(2026, 9, 1) };
        var decision = new AccountabilityDecision(Guid.NewGuid(), Principal, facts, CauseLink.None, Options);

        // One month after 1 September is 1 October, National Day; the holiday runs to 7 October.
        Assert.Equal(new DateOnly(2026, 10, 8), decision.ExecuteBy);
        Assert.Equal(new DateOnly(2026, 10, 8), decision.AppealUntil);
    }
}
