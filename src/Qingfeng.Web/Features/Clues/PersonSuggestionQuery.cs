namespace Qingfeng.Features.Clues;

/// <summary>A reported person as typed, for <c>/api/v1/clues/person-suggestions</c>.</summary>
public sealed record PersonSuggestionQuery
{
    /// <summary>The reported person as written: a name, a pinyin, or a phrase with name, unit and post.</summary>
    [Required]
    [StringLength(200, MinimumLength = 1)]
    public string Text { get; init; } = "";

    /// <summary>The date of the facts (today's holders when not given).</summary>
    public DateOnly? FactsOn { get; init; }
}
