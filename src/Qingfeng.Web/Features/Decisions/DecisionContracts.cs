using Qingfeng.Features.Supervision;

namespace Qingfeng.Features.Decisions;

/// <summary>A 三重一大 decision as the keeper enters it (money in yuan); used to create and to update a record.</summary>
public sealed record SaveDecisionRequest : IRequestExample<SaveDecisionRequest>
{
    /// <summary>The unit that decided (required when creating unless an official of the unit is given; ignored on update).</summary>
    public Guid? UnitId { get; init; }

    /// <summary>Alternatively, an official of the unit (e.g. its 一把手): the official's current unit is used.</summary>
    public Guid? OfficialId { get; init; }

    [Required]
    public DecisionKind? Kind { get; init; }

    [Required]
    [StringLength(DecisionRecord.TitleMaxLength, MinimumLength = 2)]
    public string Title { get; init; } = "";

    [Required]
    public DateOnly? MeetingOn { get; init; }

    /// <summary>党委会, 党组会, 办公会…</summary>
    [Required]
    [StringLength(DecisionRecord.MeetingKindMaxLength, MinimumLength = 2)]
    public string MeetingKind { get; init; } = "";

    [Range(0, 365)]
    public int? AgendaDaysAhead { get; init; }

    [Range(0, 1000)]
    public int MembersPresent { get; init; }

    [Range(1, 1000)]
    public int MembersTotal { get; init; }

    public bool DecidedCollectively { get; init; }

    public bool PrincipalSpokeLast { get; init; }

    [StringLength(DecisionRecord.DissentMaxLength)]
    public string? Dissent { get; init; }

    /// <summary>Yuan, for expenditures and projects.</summary>
    [Range(0, 1_000_000_000_000)]
    public decimal? Amount { get; init; }

    /// <summary>The restricted areas (五个不直接分管) the 一把手 personally took charge of.</summary>
    [MaxLength(5)]
    public IReadOnlyList<RestrictedArea>? PrincipalInChargeOf { get; init; }

    public SupervisionOutcomeInput? Outcome { get; init; }

    /// <summary>The version read (required on update, for optimistic concurrency).</summary>
    public Guid? Version { get; init; }

    public static SaveDecisionRequest Example => new()
    {
        OfficialId = ExampleIds.Official,
        Kind = DecisionKind.LargeExpenditure,
        Title = "2027年农村公路提质改造项目资金安排",
        MeetingOn = new DateOnly(2026, 11, 18),
        MeetingKind = "局党组会",
        AgendaDaysAhead = 2,
        MembersPresent = 6,
        MembersTotal = 7,
        DecidedCollectively = true,
        PrincipalSpokeLast = true,
        Amount = 1280000m,
        PrincipalInChargeOf = [RestrictedArea.ConstructionTendering, RestrictedArea.Procurement],
    };
}

public sealed record DecisionQuery : PageRequest
{
    public DecisionKind? Kind { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public bool? HasFindings { get; init; }

    public bool? PrincipalSpokeLast { get; init; }

    public Guid? UnitId { get; init; }

    /// <summary>Unit name or title contains.</summary>
    [StringLength(100)]
    public string? Text { get; init; }
}

public sealed record DecisionListItem(
    Guid Id,
    SubjectView Subject,
    DecisionKind Kind,
    string Title,
    DateOnly MeetingOn,
    string MeetingKind,
    bool DecidedCollectively,
    bool PrincipalSpokeLast,
    decimal? Amount,
    int OpenFindings,
    FindingSeverity? WorstSeverity);

public sealed record DecisionFindingItem(
    Guid Id,
    string CheckCode,
    FindingSeverity Severity,
    string Text,
    DateTimeOffset FoundAt,
    DateTimeOffset? ClearedAt,
    Guid? RectificationItemId,
    Guid? ClueId,
    bool ClueRecommended)
{
    /// <summary>
    /// A clue was registered from the finding. <see cref="ClueId"/> names it only to readers inside the clue's circle
    /// (need-to-know); the others learn that it was registered, so that nobody raises it twice.
    /// </summary>
    public bool ClueRegistered { get; init; }
}

/// <summary>
/// The record as the caller may see it. <c>Actions</c> are the <see cref="DecisionAction"/> names the caller may take now
/// (<see cref="DecisionWorkflow"/>: permission and owning organ). <c>MayChange</c> says whether the caller's organ may change it
/// (ADR 0008: its owner, or an organ a delegation hands it to); pages show the read-only notice when it does not.
/// </summary>
public sealed record DecisionDetail(
    Guid Id,
    Guid OrganId,
    SubjectView Subject,
    DecisionKind Kind,
    string Title,
    DateOnly MeetingOn,
    string MeetingKind,
    int? AgendaDaysAhead,
    int MembersPresent,
    int MembersTotal,
    bool DecidedCollectively,
    bool PrincipalSpokeLast,
    string? Dissent,
    decimal? Amount,
    IReadOnlyList<RestrictedArea> PrincipalInChargeOf,
    SupervisionOutcome Outcome,
    IReadOnlyList<DecisionFindingItem> Findings,
    IReadOnlyList<string> Actions,
    Guid Version,
    bool MayChange);
