namespace Qingfeng.Platform.Ui;

/// <summary>Localised labels of enum values (catalog keys <c>Enum.Type.Value</c>), and parsing back from Chinese labels.</summary>
public static class EnumText
{
    public static string Label<TEnum>(TEnum value, CultureInfo? culture = null)
        where TEnum : struct, Enum =>
        TextCatalog.Instance.Get($"Enum.{typeof(TEnum).Name}.{value}", culture ?? CultureInfo.CurrentUICulture);

    public static string Label<TEnum>(TEnum? value, CultureInfo? culture = null)
        where TEnum : struct, Enum =>
        value is { } v ? Label(v, culture) : "";

    /// <summary>Parses a label in either language (or the enum name); null when nothing matches.</summary>
    public static TEnum? Parse<TEnum>(string? text)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        foreach (var value in Enum.GetValues<TEnum>())
        {
            if (TextCatalog.Instance.Entries.TryGetValue($"Enum.{typeof(TEnum).Name}.{value}", out var labels)
                && (labels.Zh == trimmed || string.Equals(labels.En, trimmed, StringComparison.OrdinalIgnoreCase)))
            {
                return value;
            }
        }

        return Enum.TryParse<TEnum>(trimmed, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
    }

    public static IEnumerable<(TEnum Value, string Label)> All<TEnum>()
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(v => (v, Label(v)));
}
