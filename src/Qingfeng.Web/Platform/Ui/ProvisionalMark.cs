using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace Qingfeng.Platform.Ui;

/// <summary>
/// The 暂定 mark after a due date counted without its year's holiday schedule
/// (<see cref="Calendar.WorkingDayCalendar.IsProvisional"/>), with the reason as its title. Markup, not a component, so a
/// list's cells stay light (<see cref="ListTable{TItem}"/>).
/// </summary>
public static class ProvisionalMark
{
    public static RenderFragment For(bool provisional, DateOnly due, IStringLocalizer localizer, string testId) => builder =>
    {
        if (!provisional)
        {
            return;
        }

        builder.OpenElement(0, "span");
        builder.AddAttribute(1, "class", "ant-tag qf-provisional");
        builder.AddAttribute(2, "data-testid", testId);
        builder.AddAttribute(3, "title", localizer["Calendar.ProvisionalDeadline", due.Year].Value);
        builder.AddContent(4, localizer["Calendar.Provisional"].Value);
        builder.CloseElement();
    };
}
