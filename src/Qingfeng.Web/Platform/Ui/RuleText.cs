using Microsoft.Extensions.Localization;

namespace Qingfeng.Platform.Ui;

/// <summary>Localised text of a refused business rule, for pages that show it inline.</summary>
public static class RuleText
{
    public static string Message(this IStringLocalizer localizer, DomainRuleException exception) =>
        localizer[exception.Code, [.. exception.Arguments]];
}
