using Qingfeng.Features.Decisions;
using Qingfeng.Features.Supervision;
using Qingfeng.Platform.Rules;
using Xunit;

namespace Qingfeng.Tests.Features.Decisions;

public sealed class DecisionChecksTests
{
    private static readonly SupervisedSubject Unit = new(Guid.NewGuid(), "某县交通运输局", "520121", null, null, null, false, null);
    private static readonly SupervisedSubject Principal = new(Unit.UnitId, "某县交通运输局", "520121", Guid.NewGuid(), "甲某", "局长", true, null);
    private static readonly DateTimeOffset At = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    /// <summary>A decision made by the book: collective, quorate, agenda in time, principal last, nothing in charge.</summary>
    private static readonly DecisionFacts Clean = new(
        DecisionKind.LargeExpenditure, "采购办公设备", new DateOnly(2026, 3, 2), "党组会", 3, 7, 9, true, true, null, 80_000_000, RestrictedArea.None);

    private static IEnumerable<string> Codes(DecisionFacts facts, DecisionCheckOptions? options = null) =>
        DecisionChecks.Evaluate(facts, options ?? new DecisionCheckOptions()).Select(r => r.Code);

    [Fact]
    public void A_decision_made_by_the_book_has_no_findings() => Assert.Empty(Codes(Clean));

    [Fact]
    public void A_decision_not_taken_collectively_is_a_high_finding_that_raises_a_clue_only_from_the_threshold()
    {
        var large = DecisionChecks.Evaluate(Clean with { DecidedCollectively = false }, new DecisionCheckOptions());
        var notCollective = Assert.Single(large, r => r.Code == DecisionCheckCodes.NotCollective);
        Assert.Equal(FindingSeverity.High, notCollective.Severity);
        Assert.True(notCollective.RaisesClue);

        var small = DecisionChecks.Evaluate(Clean with { DecidedCollectively = false, AmountFen = 10_000_00 }, new DecisionCheckOptions());
        Assert.False(Assert.Single(small, r => r.Code == DecisionCheckCodes.NotCollective).RaisesClue);
    }

    [Fact]
    public void A_large_expenditure_without_collective_decision_raises_a_clue_and_a_small_one_does_not_fire()
    {
        var large = Assert.Single(DecisionChecks.Evaluate(Clean with { DecidedCollectively = false }, new DecisionCheckOptions()), r => r.Code == DecisionCheckCodes.LargeExpenditureWithoutCollective);
        Assert.Equal(FindingSeverity.High, large.Severity);
        Assert.True(large.RaisesClue);
        Assert.Contains("800,000.00", large.Text, StringComparison.Ordinal);

        Assert.DoesNotContain(DecisionCheckCodes.LargeExpenditureWithoutCollective, Codes(Clean with { DecidedCollectively = false, AmountFen = 49_999_999 }));
        Assert.DoesNotContain(DecisionCheckCodes.LargeExpenditureWithoutCollective, Codes(Clean));
    }

    [Fact]
    public void The_principal_not_speaking_last_is_a_medium_finding()
    {
        var result = Assert.Single(DecisionChecks.Evaluate(Clean with { PrincipalSpokeLast = false }, new DecisionCheckOptions()));
        Assert.Equal((DecisionCheckCodes.PrincipalNotLast, FindingSeverity.Medium, false), (result.Code, result.Severity, result.RaisesClue));
    }

    [Fact]
    public void Fewer_than_two_thirds_present_is_below_quorum_and_exactly_two_thirds_is_not()
    {
        Assert.Equal([DecisionCheckCodes.QuorumBelow], Codes(Clean with { MembersPresent = 5, MembersTotal = 9 }));
        Assert.Empty(Codes(Clean with { MembersPresent = 6, MembersTotal = 9 }));
    }

    [Fact]
    public void An_agenda_sent_the_same_day_is_late_and_one_day_ahead_is_not()
    {
        var late = Assert.Single(DecisionChecks.Evaluate(Clean with { AgendaDaysAhead = 0 }, new DecisionCheckOptions()));
        Assert.Equal((DecisionCheckCodes.AgendaLate, FindingSeverity.Low), (late.Code, late.Severity));
        Assert.Empty(Codes(Clean with { AgendaDaysAhead = 1 }));
        Assert.Empty(Codes(Clean with { AgendaDaysAhead = null }));
    }

    [Fact]
    public void A_principal_in_charge_of_procurement_breaks_the_five_not_directly_in_charge_rule()
    {
        var result = Assert.Single(DecisionChecks.Evaluate(Clean with { PrincipalInChargeOf = RestrictedArea.Procurement | RestrictedArea.Finance }, new DecisionCheckOptions()));
        Assert.Equal(DecisionCheckCodes.PrincipalInChargeOfRestrictedArea, result.Code);
        Assert.Contains("财务、物资采购", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Disabling_a_check_or_changing_its_settings_through_the_options_changes_the_result()
    {
        var facts = Clean with { DecidedCollectively = false, PrincipalSpokeLast = false, AgendaDaysAhead = 1, AmountFen = 30_000_000 };
        Assert.Equal([DecisionCheckCodes.NotCollective, DecisionCheckCodes.PrincipalNotLast], Codes(facts));

        var options = new DecisionCheckOptions { LargeAmountYuan = 200_000m, MinAgendaDays = 2 };
        options.PrincipalNotLast.Enabled = false;
        options.NotCollective.ClueFromAmountYuan = null;
        options.AgendaLate.Severity = FindingSeverity.Medium;
        var results = DecisionChecks.Evaluate(facts, options);
        Assert.Equal([DecisionCheckCodes.NotCollective, DecisionCheckCodes.AgendaLate, DecisionCheckCodes.LargeExpenditureWithoutCollective], results.Select(r => r.Code));
        Assert.True(results[0].RaisesClue);
        Assert.Equal(FindingSeverity.Medium, results[1].Severity);

        options.MinQuorumShare = 0.9;
        Assert.Contains(DecisionCheckCodes.QuorumBelow, Codes(Clean with { MembersPresent = 8, MembersTotal = 9 }, options));
    }

    [Fact]
    public void Re_running_the_checks_keeps_one_finding_per_check_and_clears_what_no_longer_applies()
    {
        var record = new DecisionRecord(Guid.NewGuid(), Unit, Principal, Clean with { PrincipalSpokeLast = false, AgendaDaysAhead = 0 }, null);
        var options = new DecisionCheckOptions();
        Assert.Equal(2, record.ApplyFindings(DecisionChecks.Evaluate(record, options), At).Count);

        record.Update(Clean with { PrincipalSpokeLast = false }, null);
        Assert.Empty(record.ApplyFindings(DecisionChecks.Evaluate(record, options), At.AddDays(1)));
        Assert.Equal(2, record.Findings.Count);
        Assert.Null(record.Findings.Single(f => f.CheckCode == DecisionCheckCodes.PrincipalNotLast).ClearedAt);
        Assert.NotNull(record.Findings.Single(f => f.CheckCode == DecisionCheckCodes.AgendaLate).ClearedAt);
    }

    [Fact]
    public void More_members_present_than_in_total_is_refused()
    {
        var error = Assert.Throws<DomainRuleException>(() => new DecisionRecord(Guid.NewGuid(), Unit, Principal, Clean with { MembersPresent = 10 }, null));
        Assert.Equal("Decision.MembersInvalid", error.Code);
    }
}
