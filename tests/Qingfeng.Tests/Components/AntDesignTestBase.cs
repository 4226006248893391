using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Qingfeng.Platform.Ui;

namespace Qingfeng.Tests.Components;

/// <summary>bUnit base for AntDesign components: loose JS interop, zh-CN culture, the text catalog.</summary>
public abstract class AntDesignTestBase : BunitContext
{
    /// <summary>
    /// bUnit's "wait for" methods wait on a render condition and return as soon as it holds; the bound only decides when
    /// a wait gives up. bUnit's one second is too short on a loaded build machine, so a busy CI run failed a page test.
    /// </summary>
    static AntDesignTestBase() => DefaultWaitTimeout = TimeSpan.FromSeconds(15);

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
