using System.Collections.Frozen;
using Microsoft.Extensions.Localization;

namespace Qingfeng.Platform.Ui;

/// <summary>
/// The UI and error texts in both languages, side by side in embedded files (<c>Platform/Ui/texts.tsv</c>
/// and a <c>texts.tsv</c> in any feature folder: key, Simplified Chinese, English). Chinese is the default.
/// A key may be defined once across all files.
/// </summary>
public sealed class TextCatalog
{
    public const string ResourceName = "Qingfeng.Platform.Ui.texts.tsv";

    private TextCatalog(FrozenDictionary<string, (string Zh, string En)> entries) => Entries = entries;

    public static TextCatalog Instance { get; } = Load();

    public FrozenDictionary<string, (string Zh, string En)> Entries { get; }

    public static bool IsEnglish(CultureInfo culture) => culture.TwoLetterISOLanguageName == "en";

    public string? Find(string key, CultureInfo culture) =>
        Entries.TryGetValue(key, out var text) ? (IsEnglish(culture) ? text.En : text.Zh) : null;

    public string Get(string key, CultureInfo culture, params object[] arguments)
    {
        var format = Find(key, culture) ?? key;
        if (arguments.Length == 0)
        {
            return format;
        }

        // Enum arguments (a state, an action) read in the user's language.
        var shown = arguments.Select(a => a is Enum e ? Find($"Enum.{e.GetType().Name}.{e}", culture) ?? e.ToString() : a).ToArray();
        return string.Format(culture, format, shown);
    }

    private static TextCatalog Load()
    {
        var assembly = typeof(TextCatalog).Assembly;
        var names = assembly.GetManifestResourceNames().Where(n => n.EndsWith("texts.tsv", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        if (!names.Contains(ResourceName))
        {
            throw new InvalidOperationException($"Missing embedded resource {ResourceName}.");
        }

        var entries = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var lineNumber = 0;
            while (reader.ReadLine() is { } line)
            {
                lineNumber++;
                if (line.Length == 0 || line.StartsWith('#'))
                {
                    continue;
                }

                var parts = line.Split('\t');
                if (parts.Length != 3 || !entries.TryAdd(parts[0], (parts[1], parts[2])))
                {
                    throw new InvalidOperationException($"{name} line {lineNumber} is malformed or duplicates a key.");
                }
            }
        }

        return new TextCatalog(entries.ToFrozenDictionary(StringComparer.Ordinal));
    }
}

/// <summary>An <see cref="IStringLocalizer"/> over <see cref="TextCatalog"/>, using the current UI culture.</summary>
public sealed class CatalogStringLocalizer : IStringLocalizer
{
    public LocalizedString this[string name] => Localize(name, []);

    public LocalizedString this[string name, params object[] arguments] => Localize(name, arguments);

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        TextCatalog.Instance.Entries.Keys.Select(k => this[k]);

    private static LocalizedString Localize(string name, object[] arguments)
    {
        var culture = CultureInfo.CurrentUICulture;
        var found = TextCatalog.Instance.Find(name, culture);
        var value = found is null ? name : (arguments.Length == 0 ? found : string.Format(culture, found, arguments));
        return new LocalizedString(name, value, resourceNotFound: found is null);
    }
}

public sealed class CatalogStringLocalizerFactory : IStringLocalizerFactory
{
    private static readonly CatalogStringLocalizer Localizer = new();

    public IStringLocalizer Create(Type resourceSource) => Localizer;

    public IStringLocalizer Create(string baseName, string location) => Localizer;
}
