using AntDesign;

namespace Qingfeng.Platform.Ui;

/// <summary>
/// AntDesign's tag as plain markup, for the cells of a <see cref="ListTable{TItem}"/>: a <c>&lt;Tag&gt;</c> there would be a
/// component per row, kept alive with the session (a few KiB each), for a coloured label that never changes by itself.
/// </summary>
public static class TagMarkup
{
    /// <summary>The classes AntDesign gives a tag of a preset colour: <c>ant-tag ant-tag-geekblue</c>, <c>ant-tag ant-tag-red-inverse</c>.</summary>
    public static string Class(TagColor color)
    {
        var name = color.ToString();
        var inverse = name.EndsWith("Inverse", StringComparison.Ordinal);
        return $"ant-tag ant-tag-{(inverse ? name[..^"Inverse".Length] : name).ToLowerInvariant()}{(inverse ? "-inverse" : "")}";
    }
}
