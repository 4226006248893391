namespace Qingfeng.Platform.Rules;

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

    /// <summary>HTTP status the API uses: 404 for "not found or not yours", 409 for state conflicts, 400 for refused input, 422 otherwise.</summary>
    public int Status { get; init; } = 422;

    /// <summary>For refused input (<see cref="InputRules"/>): the messages by member, as a validation ProblemDetails carries them.</summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }

    public static DomainRuleException NotFound(string code = "Rule.NotFound") => new(code) { Status = 404 };
}
