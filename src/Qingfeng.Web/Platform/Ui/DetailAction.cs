using Microsoft.AspNetCore.Components;

namespace Qingfeng.Platform.Ui;

/// <summary>
/// One action a detail page offers on its record, rendered by <see cref="DetailScaffold{TDetail}"/> in its action panel only
/// when the record's available actions (the workflow table's answer for the caller) name it.
/// </summary>
/// <param name="Name">The action's name as the detail contract lists it (e.g. <c>nameof(AccountabilityAction.Execute)</c>).</param>
/// <param name="Label">The button's text.</param>
/// <param name="Run">What the button does, given the record as loaded (its <c>Version</c> for optimistic concurrency); the scaffold reloads after it.</param>
public sealed record DetailAction<TDetail>(string Name, string Label, Func<TDetail, Task> Run)
{
    /// <summary>A section title above the action (the action panel lists its actions under their titles).</summary>
    public string? Title { get; init; }

    /// <summary>The inputs the action needs, rendered before its button.</summary>
    public RenderFragment? Form { get; init; }

    /// <summary>When set, the button asks this question first (Popconfirm).</summary>
    public string? Confirm { get; init; }

    /// <summary>A destructive action (revoke, cancel): the button is marked dangerous.</summary>
    public bool Danger { get; init; }

    /// <summary>The button's <c>data-testid</c>.</summary>
    public string? TestId { get; init; }
}
