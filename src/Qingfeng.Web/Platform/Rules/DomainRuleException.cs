namespace Qingfeng.Platform.Rules;

/// <summary>
/// What kind of refusal a <see cref="DomainRuleException"/> is. The rule states the kind; only the API layer
/// (<see cref="RuleStatus"/>) turns it into an HTTP status, so entities carry no status codes.
/// </summary>
public enum RuleKind
{
    /// <summary>A business rule refuses the operation (422).</summary>
    Refused,

    /// <summary>The input is refused, field by field (400).</summary>
    Invalid,

    /// <summary>Not found, or not the caller's to see: guessed ids reveal nothing (404).</summary>
    NotFound,

    /// <summary>The record's state (or a concurrent change) does not allow the operation (409).</summary>
    Conflict,

    /// <summary>The caller may not do this to a record the caller may see (403).</summary>
    Forbidden,

    /// <summary>An upload is larger than accepted (413).</summary>
    TooLarge,
}

/// <summary>
/// Thrown by entities and services when a business rule refuses an operation.
/// The <see cref="Code"/> is a resource key; the API and the UI localise it.
/// </summary>
public sealed class DomainRuleException : Exception
{
    public DomainRuleException(string code, params object[] arguments)
        : base(code)
    {
        Code = code;
        Arguments = arguments;
    }

    public DomainRuleException()
        : this("Rule.Violated")
    {
    }

    public DomainRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = message;
        Arguments = [];
    }

    public string Code { get; }

    public IReadOnlyList<object> Arguments { get; }

    /// <summary>What kind of refusal this is; the API derives the HTTP status from it (<see cref="RuleStatus"/>).</summary>
    public RuleKind Kind { get; init; } = RuleKind.Refused;

    /// <summary>
    /// The HTTP status the API answers with, derived from <see cref="Kind"/>. Setting it is the older way of stating the kind
    /// (kept until every caller throws through the factories below: <see cref="Conflict"/>, <see cref="Forbidden"/>,
    /// <see cref="NotFound"/>, <see cref="TooLarge"/>); the architecture tests keep entities from setting it.
    /// </summary>
    public int Status
    {
        get => RuleStatus.Of(Kind);
        init => Kind = RuleStatus.KindOf(value);
    }

    /// <summary>For refused input (<see cref="InputRules"/>): the messages by member, as a validation ProblemDetails carries them.</summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }

    public static DomainRuleException NotFound(string code = "Rule.NotFound") => new(code) { Kind = RuleKind.NotFound };

    public static DomainRuleException Conflict(string code, params object[] arguments) => new(code, arguments) { Kind = RuleKind.Conflict };

    public static DomainRuleException Forbidden(string code, params object[] arguments) => new(code, arguments) { Kind = RuleKind.Forbidden };

    public static DomainRuleException TooLarge(string code, params object[] arguments) => new(code, arguments) { Kind = RuleKind.TooLarge };
}
