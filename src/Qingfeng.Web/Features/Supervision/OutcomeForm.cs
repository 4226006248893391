namespace Qingfeng.Features.Supervision;

/// <summary>The editable outcome figures of a page form (<see cref="OutcomeFields"/>), turned into the request's input.</summary>
public sealed class OutcomeForm
{
    public int ProblemsFound { get; set; }

    public int CluesFound { get; set; }

    public decimal FundsPaidOut { get; set; }

    public decimal FundsRecovered { get; set; }

    public int RulesAdopted { get; set; }

    public static OutcomeForm From(SupervisionOutcome outcome) => new()
    {
        ProblemsFound = outcome.ProblemsFound,
        CluesFound = outcome.CluesFound,
        FundsPaidOut = outcome.FundsPaidOut,
        FundsRecovered = outcome.FundsRecovered,
        RulesAdopted = outcome.RulesAdopted,
    };

    public SupervisionOutcomeInput ToInput() => new()
    {
        ProblemsFound = ProblemsFound,
        CluesFound = CluesFound,
        FundsPaidOut = FundsPaidOut,
        FundsRecovered = FundsRecovered,
        RulesAdopted = RulesAdopted,
    };
}
