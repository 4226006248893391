using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Qingfeng.Platform.Ui;

/// <summary>
/// Renders its content after the components declared before it in the same parent have rendered: a component's children
/// render in the order they appear, so <see cref="ListTable{TItem}"/> draws its rows once its columns have added themselves.
/// </summary>
public sealed class Deferred : ComponentBase
{
    [Parameter] public RenderFragment? ChildContent { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, ChildContent);
}
