namespace Qingfeng.Platform.Api;

/// <summary>The HTTP status of each <see cref="RuleKind"/>: the one place where a refusal becomes a status code.</summary>
public static class RuleStatus
{
    private static readonly (RuleKind Kind, int Status)[] Statuses =
    [
        (RuleKind.Refused, StatusCodes.Status422UnprocessableEntity),
        (RuleKind.Invalid, StatusCodes.Status400BadRequest),
        (RuleKind.NotFound, StatusCodes.Status404NotFound),
        (RuleKind.Conflict, StatusCodes.Status409Conflict),
        (RuleKind.Forbidden, StatusCodes.Status403Forbidden),
        (RuleKind.TooLarge, StatusCodes.Status413PayloadTooLarge),
    ];

    public static int Of(RuleKind kind) =>
        Statuses.Single(s => s.Kind == kind).Status;

    /// <summary>The kind a status stands for (for callers that still state a status, <see cref="DomainRuleException.Status"/>).</summary>
    public static RuleKind KindOf(int status) =>
        Statuses.Where(s => s.Status == status).Select(s => (RuleKind?)s.Kind).SingleOrDefault()
            ?? throw new ArgumentOutOfRangeException(nameof(status), status, "No rule kind answers with this status.");
}
