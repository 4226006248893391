using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Qingfeng.Features.IntegrityFiles;
using Qingfeng.Features.IntegrityFiles.Pages;
using Qingfeng.Features.Roster.Pages;
using Qingfeng.Platform.Ui;
using Xunit;

namespace Qingfeng.Tests.Platform.Ui;

/// <summary>A page of a lower layer shows what features above it contribute to its slot, without knowing them (ADR 0009).</summary>
public sealed class PageSlotTests : BunitContext
{
    [Fact]
    public void A_slot_renders_the_components_registered_for_it_with_its_parameters_and_no_others()
    {
        Services.AddToPageSlot<Greeting>("official").AddToPageSlot<Farewell>("official").AddToPageSlot<Greeting>("elsewhere");
        var id = Guid.NewGuid();

        var slot = Render<PageSlot>(p => p
            .Add(s => s.Name, "official")
            .Add(s => s.Parameters, new Dictionary<string, object> { [nameof(Greeting.OfficialId)] = id }));

        Assert.Equal($"<p>hello {id}</p><p>bye {id}</p>", slot.Markup.Trim());
    }

    [Fact]
    public void A_slot_nobody_contributes_to_renders_nothing()
    {
        Services.AddToPageSlot<Greeting>("elsewhere");

        var slot = Render<PageSlot>(p => p.Add(s => s.Name, "official"));

        Assert.Equal("", slot.Markup.Trim());
    }

    [Fact]
    public void The_integrity_file_contributes_its_supervision_record_to_the_officials_page()
    {
        var contributions = new ServiceCollection().AddIntegrityFiles().BuildServiceProvider().GetServices<PageSlotContribution>();

        Assert.Contains(new PageSlotContribution(OfficialDetail.RecordsSlot, typeof(SupervisionRecordCard)), contributions);
    }

    private sealed class Greeting : ComponentBase
    {
        [Parameter]
        public Guid OfficialId { get; set; }

        protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddMarkupContent(0, $"<p>hello {OfficialId}</p>");
    }

    private sealed class Farewell : ComponentBase
    {
        [Parameter]
        public Guid OfficialId { get; set; }

        protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddMarkupContent(0, $"<p>bye {OfficialId}</p>");
    }
}
