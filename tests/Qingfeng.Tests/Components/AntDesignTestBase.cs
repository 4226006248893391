using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Qingfeng.Platform.Ui;

namespace Qingfeng.Tests.Components;

/// <summary>bUnit base for AntDesign components: loose JS interop, zh-CN culture, the text catalog.</summary>
public abstract class AntDesignTestBase : BunitContext
{
    protected AntDesignTestBase()
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("zh-CN");
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddAntDesign();
        Services.AddLocalization();
        Services.AddSingleton<IStringLocalizerFactory, CatalogStringLocalizerFactory>();
        Services.AddSingleton(typeof(IStringLocalizer<>), typeof(StringLocalizer<>));
    }
}
