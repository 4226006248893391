using Qingfeng.Features.Supervision;

namespace Qingfeng.Features.Recommendations;

/// <summary>The three document types (domain.md 10): 纪律检查建议书, 监察建议书, 纪检监察建议书.</summary>
public enum RecommendationKind
{
    Discipline,
    Supervision,
    Combined,
}

/// <summary>Issued → the unit replies (or objects) → follow-up checks (回头看) → closed when a check finds it done.</summary>
public enum RecommendationState
{
    Issued,
    Replied,
    Closed,
}

/// <summary>The content of a recommendation as issued.</summary>
public sealed record RecommendationContent(RecommendationKind Kind, string Title, string Origin, string Findings, IReadOnlyList<string> Measures, DateOnly IssuedOn);

/// <summary>
/// A 纪检监察建议书 issued to a unit: where the issue came from, the facts found, the measures required, and a reply
/// deadline; then the unit's reply (and objection, if any), the follow-up checks of whoever issued it (谁建议谁跟踪), and
/// the institutional rules the unit adopted (e.g. a procurement “十不准”), which are searchable across units. Each
/// required measure is also a rectification item in the ledger.
/// </summary>
public sealed class Recommendation : Entity, IOwnedRecord
{
    public const int TitleMaxLength = 200;
    public const int TextMaxLength = 4000;
    public const int MeasureMaxLength = 1000;
    public const int MaxMeasures = 20;

    private Recommendation()
    {
    }

    internal Recommendation(Guid organId, SupervisedSubject unit, RecommendationContent content, string number, int year, int sequence, DateOnly replyDueOn)
    {
        OrganId = organId;
        Subject = unit with { OfficialPosition = null, IsPrincipal = false, LeaderCategory = null };
        if (!Enum.IsDefined(content.Kind))
        {
            throw new DomainRuleException("Recommendation.UnknownValue");
        }

        if (string.IsNullOrWhiteSpace(content.Title) || string.IsNullOrWhiteSpace(content.Findings) || string.IsNullOrWhiteSpace(content.Origin))
        {
            throw new DomainRuleException("Recommendation.ContentRequired");
        }

        var measures = content.Measures.Where(m => !string.IsNullOrWhiteSpace(m)).ToList();
        if (measures.Count == 0 || measures.Count > MaxMeasures)
        {
            throw new DomainRuleException("Recommendation.MeasuresRequired");
        }

        if (replyDueOn <= content.IssuedOn)
        {
            throw new DomainRuleException("Recommendation.DueAfterIssue");
        }

        Kind = content.Kind;
        Title = InputRules.RequiredText(content.Title, TitleMaxLength);
        Origin = InputRules.RequiredText(content.Origin, TextMaxLength);
        Findings = InputRules.RequiredText(content.Findings, TextMaxLength);
        IssuedOn = content.IssuedOn;
        ReplyDueOn = replyDueOn;
        Number = number;
        Year = year;
        Sequence = sequence;
        Measures = [.. measures.Select((m, i) => new RecommendationMeasure(Id, i + 1, InputRules.RequiredText(m, MeasureMaxLength, "Measures")))];
    }

    public Guid OrganId { get; private set; }

    /// <summary>The unit and its 一把手 when issued (the addressee of the letter), kept as <c>PrincipalId</c>/<c>PrincipalName</c>.</summary>
    public SupervisedSubject Subject { get; private set; } = null!;

    public RecommendationKind Kind { get; private set; }

    /// <summary>Unified numbering (统一编号) per issuing organ and year, e.g. 纪建〔2026〕3号.</summary>
    public string Number { get; private set; } = "";

    public int Year { get; private set; }

    public int Sequence { get; private set; }

    public string Title { get; private set; } = "";

    /// <summary>问题来源: the case, inspection or supervision work the issue came from.</summary>
    public string Origin { get; private set; } = "";

    /// <summary>The facts and problems found.</summary>
    public string Findings { get; private set; } = "";

    public DateOnly IssuedOn { get; private set; }

    public DateOnly ReplyDueOn { get; private set; }

    public RecommendationState State { get; private set; }

    public DateOnly? RepliedOn { get; private set; }

    public string? Reply { get; private set; }

    /// <summary>The unit's objection (异议), if it raised one.</summary>
    public string? Objection { get; private set; }

    public DateOnly? ClosedOn { get; private set; }

    public SupervisionOutcome Outcome { get; private set; } = new();

    public List<RecommendationMeasure> Measures { get; private set; } = [];

    public List<RecommendationCheck> Checks { get; private set; } = [];

    public List<AdoptedRule> Rules { get; private set; } = [];

    public bool IsReplyOverdue(DateOnly today) => State == RecommendationState.Issued && ReplyDueOn < today;

    internal void RecordReply(DateOnly on, string reply, string? objection)
    {
        var to = RecommendationWorkflow.Table.EnsureLegal(this, RecommendationAction.Reply);
        if (string.IsNullOrWhiteSpace(reply))
        {
            throw new DomainRuleException("Recommendation.ReplyRequired");
        }

        if (on < IssuedOn)
        {
            throw new DomainRuleException("Recommendation.DateBeforeIssue");
        }

        State = to!.Value;
        RepliedOn = on;
        Reply = InputRules.RequiredText(reply, TextMaxLength);
        Objection = string.IsNullOrWhiteSpace(objection) ? null : InputRules.Text(objection, TextMaxLength);
    }

    /// <summary>A follow-up check (回头看); a satisfactory one after the reply closes the recommendation.</summary>
    internal RecommendationCheck AddCheck(DateOnly on, string finding, bool satisfactory, SupervisionActor by)
    {
        RecommendationState? to = null;
        foreach (var action in RecommendationWorkflow.ForCheck(satisfactory))
        {
            to = RecommendationWorkflow.Table.EnsureLegal(this, action) ?? to;
        }

        if (string.IsNullOrWhiteSpace(finding))
        {
            throw new DomainRuleException("Recommendation.CheckFindingRequired");
        }

        if (on < IssuedOn)
        {
            throw new DomainRuleException("Recommendation.DateBeforeIssue");
        }

        var check = new RecommendationCheck(Id, on, InputRules.RequiredText(finding, TextMaxLength), satisfactory, by);
        Checks.Add(check);
        if (to is { } closed)
        {
            State = closed;
            ClosedOn = on;
        }

        return check;
    }

    /// <summary>Records a rule the unit adopted; the outcome's rules count follows the list.</summary>
    internal AdoptedRule AddRule(string title, DateOnly adoptedOn, string? summary)
    {
        RecommendationWorkflow.Table.EnsureLegal(this, RecommendationAction.AddRule);
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new DomainRuleException("Recommendation.RuleTitleRequired");
        }

        if (adoptedOn < IssuedOn)
        {
            throw new DomainRuleException("Recommendation.DateBeforeIssue");
        }

        var rule = new AdoptedRule(Id, Subject, InputRules.RequiredText(title, TitleMaxLength), adoptedOn, string.IsNullOrWhiteSpace(summary) ? null : InputRules.Text(summary, TextMaxLength));
        Rules.Add(rule);
        Outcome = Outcome with { RulesAdopted = Rules.Count };
        return rule;
    }

    /// <summary>Records the other outcomes (problems, clues, funds); the rules count stays that of the rules recorded.</summary>
    internal void RecordOutcome(SupervisionOutcome outcome)
    {
        RecommendationWorkflow.Table.EnsureLegal(this, RecommendationAction.RecordOutcome);
        Outcome = outcome with { RulesAdopted = Rules.Count };
    }
}

/// <summary>A measure the recommendation requires; it is tracked as a ledger item.</summary>
public sealed class RecommendationMeasure : ChildRow
{
    private RecommendationMeasure()
    {
    }

    internal RecommendationMeasure(Guid recommendationId, int number, string text)
    {
        RecommendationId = recommendationId;
        Number = number;
        Text = text;
    }

    public Guid RecommendationId { get; private set; }

    public int Number { get; private set; }

    public string Text { get; private set; } = "";

    public Guid? RectificationItemId { get; private set; }

    internal void Link(Guid itemId) => RectificationItemId = itemId;
}

/// <summary>A follow-up check by the issuing organ.</summary>
public sealed class RecommendationCheck : ChildRow
{
    private RecommendationCheck()
    {
    }

    internal RecommendationCheck(Guid recommendationId, DateOnly on, string finding, bool satisfactory, SupervisionActor by)
    {
        RecommendationId = recommendationId;
        CheckedOn = on;
        Finding = finding;
        Satisfactory = satisfactory;
        ByUserId = by.UserId;
        ByName = by.Name;
    }

    public Guid RecommendationId { get; private set; }

    public DateOnly CheckedOn { get; private set; }

    public string Finding { get; private set; } = "";

    public bool Satisfactory { get; private set; }

    public Guid ByUserId { get; private set; }

    public string ByName { get; private set; } = "";
}

/// <summary>An institutional rule a unit adopted in response (e.g. 药品耗材采购“十不准”); searchable across units in jurisdiction.</summary>
public sealed class AdoptedRule : ChildRow, ISupervisedRecord
{
    private AdoptedRule()
    {
    }

    internal AdoptedRule(Guid recommendationId, SupervisedSubject subject, string title, DateOnly adoptedOn, string? summary)
    {
        RecommendationId = recommendationId;
        Subject = subject.UnitOnly() with { UnitName = "" };
        Title = title;
        AdoptedOn = adoptedOn;
        Summary = summary;
    }

    public Guid RecommendationId { get; private set; }

    /// <summary>The unit (its id and region key only).</summary>
    public SupervisedSubject Subject { get; private set; } = null!;

    public string Title { get; private set; } = "";

    public DateOnly AdoptedOn { get; private set; }

    public string? Summary { get; private set; }
}
