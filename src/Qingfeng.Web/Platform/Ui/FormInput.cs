using AntDesign.TableModels;

namespace Qingfeng.Platform.Ui;

/// <summary>What the user typed or chose on a page, read the same way on every page.</summary>
public static class FormInput
{
    /// <summary>The text trimmed, or null when nothing but white space was typed.</summary>
    public static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>What is wrong with a form's request before it is sent: one message per field.</summary>
    public static List<string> Problems(object request) => [.. ValidationFilter.Validate(request).Select(p => p.Message)];

    /// <summary>
    /// As <see cref="Problems(object)"/> for a form that chooses its official or unit with a picker: when nothing was picked,
    /// the picker's message comes first and stands for the validator's on the ids.
    /// </summary>
    public static List<string> Problems(object request, bool picked, string pickMessage)
    {
        List<string> problems = [.. ValidationFilter.Validate(request).Where(p => p.Member is not ("officialId" or "unitId")).Select(p => p.Message)];
        if (!picked)
        {
            problems.Insert(0, pickMessage);
        }

        return problems;
    }

    /// <summary>The query at the page and page size the table shows (the page size within the API's limit).</summary>
    public static TQuery AtTablePage<TQuery, TItem>(this TQuery query, QueryModel<TItem> model)
        where TQuery : PageRequest =>
        (TQuery)(query with { Page = Math.Max(1, model.PageIndex), PageSize = Math.Clamp(model.PageSize, 1, 200) });
}
