using Qingfeng.Features.Accountability;
using Qingfeng.Features.Supervision;
using Qingfeng.Platform.Rules;
using Xunit;

namespace Qingfeng.Tests.Features.Accountability;

public sealed class AccountabilityDecisionTests
{
    private static readonly SupervisedSubject Principal = new(Guid.NewGuid(), "某县卫生健康局", "520121", Guid.NewGuid(), "乙某", "局长", true, null);
    private static readonly SupervisedSubject Unit = Principal with { OfficialId = null, OfficialName = null, OfficialPosition = null, IsPrincipal = false };
    private static readonly AccountabilityOptions Options = new();

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

        var shorter = new AccountabilityOptions { AdmonishmentImpactMonths = 3 };
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
}
