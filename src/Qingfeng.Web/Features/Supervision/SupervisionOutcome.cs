namespace Qingfeng.Features.Supervision;

/// <summary>
/// What a piece of supervision work achieved (domain.md A18): problems found, clues found, funds paid out
/// to citizens or recovered, institutional rules adopted. Recorded per item (talk, rectification item,
/// recommendation…) and summed across modules. Mapped as an EF Core complex type; money in fen (分) so both
/// databases sum it exactly.
/// </summary>
public sealed record SupervisionOutcome
{
    public int ProblemsFound { get; init; }

    public int CluesFound { get; init; }

    /// <summary>Fen paid out (e.g. wages or subsidies owed to citizens).</summary>
    public long FundsPaidOutFen { get; init; }

    /// <summary>Fen recovered (清退, 追缴).</summary>
    public long FundsRecoveredFen { get; init; }

    public int RulesAdopted { get; init; }

    public decimal FundsPaidOut => FundsPaidOutFen / 100m;

    public decimal FundsRecovered => FundsRecoveredFen / 100m;

    public static SupervisionOutcome operator +(SupervisionOutcome a, SupervisionOutcome b) => new()
    {
        ProblemsFound = a.ProblemsFound + b.ProblemsFound,
        CluesFound = a.CluesFound + b.CluesFound,
        FundsPaidOutFen = a.FundsPaidOutFen + b.FundsPaidOutFen,
        FundsRecoveredFen = a.FundsRecoveredFen + b.FundsRecoveredFen,
        RulesAdopted = a.RulesAdopted + b.RulesAdopted,
    };

    public static SupervisionOutcome Add(SupervisionOutcome a, SupervisionOutcome b) => a + b;
}

/// <summary>The outcome as callers enter it (money in yuan).</summary>
public sealed record SupervisionOutcomeInput : IRequestExample<SupervisionOutcomeInput>
{
    [Range(0, 1_000_000)]
    public int ProblemsFound { get; init; }

    [Range(0, 1_000_000)]
    public int CluesFound { get; init; }

    [Range(0, 1_000_000_000_000)]
    public decimal FundsPaidOut { get; init; }

    [Range(0, 1_000_000_000_000)]
    public decimal FundsRecovered { get; init; }

    [Range(0, 1_000_000)]
    public int RulesAdopted { get; init; }

    /// <summary>Refuses negative figures (the entity-side check, whatever the caller validated).</summary>
    public SupervisionOutcome ToOutcome()
    {
        if (ProblemsFound < 0 || CluesFound < 0 || FundsPaidOut < 0 || FundsRecovered < 0 || RulesAdopted < 0)
        {
            throw new DomainRuleException("Supervision.OutcomeNegative");
        }

        return new SupervisionOutcome
        {
            ProblemsFound = ProblemsFound,
            CluesFound = CluesFound,
            FundsPaidOutFen = (long)Math.Round(FundsPaidOut * 100m, MidpointRounding.AwayFromZero),
            FundsRecoveredFen = (long)Math.Round(FundsRecovered * 100m, MidpointRounding.AwayFromZero),
            RulesAdopted = RulesAdopted,
        };
    }

    public static SupervisionOutcomeInput From(SupervisionOutcome outcome) => new()
    {
        ProblemsFound = outcome.ProblemsFound,
        CluesFound = outcome.CluesFound,
        FundsPaidOut = outcome.FundsPaidOut,
        FundsRecovered = outcome.FundsRecovered,
        RulesAdopted = outcome.RulesAdopted,
    };

    public static SupervisionOutcomeInput Example => new()
    {
        ProblemsFound = 21,
        CluesFound = 4,
        FundsPaidOut = 820000.00m,
        FundsRecovered = 654000.00m,
        RulesAdopted = 2,
    };
}
