using Microsoft.AspNetCore.Components;

namespace Qingfeng.Platform.Ui;

/// <summary>
/// A component that a feature contributes to a page of a feature below it in the layers (ADR 0009): the page names a slot
/// (<see cref="PageSlot"/>) and renders whatever the features above registered for it, without knowing them — the official's
/// page shows the integrity file's supervision record, though the roster may not use the integrity files.
/// </summary>
public sealed record PageSlotContribution(string Slot, Type Component);

public static class PageSlots
{
    /// <summary>Renders <typeparamref name="TComponent"/> in every <see cref="PageSlot"/> named <paramref name="slot"/>, in the order of registration.</summary>
    public static IServiceCollection AddToPageSlot<TComponent>(this IServiceCollection services, string slot)
        where TComponent : IComponent =>
        services.AddSingleton(new PageSlotContribution(slot, typeof(TComponent)));
}
