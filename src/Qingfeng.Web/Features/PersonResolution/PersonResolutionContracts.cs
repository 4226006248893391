using Qingfeng.Features.Roster;
using Qingfeng.Platform.Ui;

namespace Qingfeng.Features.PersonResolution;

/// <summary>
/// A person as a text names them: one free phrase (<see cref="Text"/>: 开阳县交通运输局局长王建华) or the parts as typed
/// (name, possibly masked like 王某; unit; post), with the date of the facts (whose holder of the post is meant) and an
/// optional region scope.
/// </summary>
public sealed record PersonMention
{
    public string? Text { get; init; }

    public string? Name { get; init; }

    public string? UnitText { get; init; }

    public string? PostText { get; init; }

    /// <summary>Only officials of this region's subtree (tree key), on top of the caller's jurisdiction.</summary>
    public string? RegionKey { get; init; }

    /// <summary>The date of the facts: a tenure that covers it counts, one that ended before it counts against.</summary>
    public DateOnly? FactsOn { get; init; }
}

/// <summary>One point of a candidate's score: what matched, how much it counts and what it matched on.</summary>
public sealed record MatchReason(string Code, int Points, string? Detail)
{
    /// <summary>The reason in the caller's language (the catalog key <c>PersonLink.Reason.{Code}</c>).</summary>
    public string Text => TextCatalog.Instance.Get("PersonLink.Reason." + Code, CultureInfo.CurrentUICulture, Detail ?? "");
}

/// <summary>A roster official the mention may mean, with the score and a reason per point.</summary>
public sealed record PersonCandidate(
    Guid OfficialId,
    string Name,
    string? UnitName,
    string Position,
    bool IsPrincipal,
    LeaderCategory? Category,
    string RegionKey,
    Guid? UnitId,
    int Score,
    IReadOnlyList<MatchReason> Reasons);

public enum ResolutionOutcome
{
    /// <summary>One candidate is clearly ahead: linked without an officer.</summary>
    AutoLinked = 1,

    /// <summary>Candidates, none clearly ahead (or a masked name): an officer picks (待关联).</summary>
    Pending = 2,

    /// <summary>Nobody on the roster within the caller's jurisdiction matches.</summary>
    NoCandidate = 3,
}

/// <summary>
/// What the resolver made of a mention: the parts it read, the decision, the official linked (when auto-linked) and the
/// ranked candidates with their reasons. <see cref="MentionKey"/> is the normalised name + unit under which officers'
/// decisions are kept and reused.
/// </summary>
public sealed record MentionResolution(
    ResolutionOutcome Outcome,
    string MentionKey,
    string? Name,
    string? Unit,
    string? Post,
    bool IsMasked,
    PersonCandidate? Linked,
    IReadOnlyList<PersonCandidate> Candidates);

/// <summary>An officer's earlier decision about a mention, as the resolver reuses it.</summary>
public sealed record KnownDecision(Guid OfficialId, bool IsSame, string DecidedBy, DateTimeOffset DecidedAt);

/// <summary>How a reported person stands with the roster.</summary>
public enum PersonLinkState
{
    /// <summary>Free text that has not been through the resolver (registered before it existed).</summary>
    Unlinked = 0,

    /// <summary>Waiting for an officer in the 待关联 queue.</summary>
    Pending = 1,

    /// <summary>Linked by the resolver (score and reasons in the history and the decision table).</summary>
    AutoLinked = 2,

    /// <summary>Linked, chosen or confirmed by an officer (or given by id at registration).</summary>
    Confirmed = 3,

    /// <summary>An officer stated that the person is not on the roster.</summary>
    NotOnRoster = 4,
}
