using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
using Qingfeng.Platform.Ui;

namespace Qingfeng.Platform.Rules;

/// <summary>
/// The one set of input rules of every request, whichever door it comes through (an <c>/api/v1</c> endpoint, a page, a
/// service): each property's DataAnnotations, then an enum must be one of its members, a date must lie in its window
/// (<see cref="DateWindowAttribute"/>, by default <see cref="EarliestDate"/> to <see cref="LatestDate"/>), and nested
/// objects and list entries are checked the same way. Messages are localised; members are named by their JSON names
/// (<c>issuedOn</c>, <c>persons[0].name</c>). A text over its limit is refused here, never cut later.
/// </summary>
public static class InputRules
{
    /// <summary>The code of a 400 validation problem (and of the rule exception a service throws for one).</summary>
    public const string FailedCode = "Validation.Failed";

    public static readonly DateOnly EarliestDate = new(2000, 1, 1);

    public static readonly DateOnly LatestDate = new(2100, 12, 31);

    private const int MaxDepth = 8;

    /// <summary>The problems of a request, one message per member (the first rule it fails).</summary>
    public static IEnumerable<(string Member, string Message)> Validate(object instance) =>
        Validate(instance, JsonName, CultureInfo.CurrentUICulture);

    /// <summary>As <see cref="Validate(object)"/>, with the names the top-level members were sent under.</summary>
    public static IEnumerable<(string Member, string Message)> Validate(object instance, Func<PropertyInfo, string> topLevelName, CultureInfo culture) =>
        ValidateObject(instance, "", topLevelName, culture, 0);

    /// <summary>Refuses a request that breaks a rule: a 400 rule exception carrying every member's message.</summary>
    public static void Ensure(object? request)
    {
        if (request is null)
        {
            return;
        }

        var errors = ErrorsOf(Validate(request));
        if (errors.Count > 0)
        {
            throw Refused(errors);
        }
    }

    /// <summary>Groups problems by member, as a validation ProblemDetails carries them.</summary>
    public static Dictionary<string, string[]> ErrorsOf(IEnumerable<(string Member, string Message)> problems)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (member, message) in problems)
        {
            errors[member] = [.. errors.GetValueOrDefault(member, []), message];
        }

        return errors;
    }

    /// <summary>The rule exception for refused input (<see cref="RuleKind.Invalid"/>, status 400), the first message as its argument, all messages by member.</summary>
    public static DomainRuleException Refused(IReadOnlyDictionary<string, string[]> errors) =>
        new(FailedCode, errors.Values.SelectMany(m => m).FirstOrDefault() ?? "") { Kind = RuleKind.Invalid, Errors = errors };

    /// <summary>
    /// An entity's text as given (trimmed; null when blank), refused when longer than <paramref name="maxLength"/>:
    /// the last wall behind the request rules, so no caller can have a text silently cut to its column.
    /// </summary>
    public static string? Text(string? text, int maxLength, [CallerArgumentExpression(nameof(text))] string member = "")
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        if (trimmed.Length > maxLength)
        {
            var culture = CultureInfo.CurrentUICulture;
            var name = member[(member.LastIndexOf('.') + 1)..].TrimEnd('!');
            var message = TextCatalog.Instance.Get("Validation.Length", culture, Label(name, culture), maxLength);
            throw Refused(new Dictionary<string, string[]>(StringComparer.Ordinal) { [JsonName(name)] = [message] });
        }

        return trimmed;
    }

    /// <summary>An entity's refusal of a value its enum does not define (the request rules refuse it first).</summary>
    public static DomainRuleException Undefined(string member)
    {
        var culture = CultureInfo.CurrentUICulture;
        return Refused(new Dictionary<string, string[]>(StringComparer.Ordinal) { [JsonName(member)] = [TextCatalog.Instance.Get("Validation.Enum", culture, Label(member, culture))] });
    }

    /// <summary>A required entity text (see <see cref="Text"/>): empty when blank.</summary>
    public static string RequiredText(string? text, int maxLength, [CallerArgumentExpression(nameof(text))] string member = "") => Text(text, maxLength, member) ?? "";

    /// <summary>
    /// What is wrong with one value (a property or a scalar parameter) under its attributes, or null: the first
    /// DataAnnotation it fails (a required id must not be the empty Guid), then an undefined enum value, then a date outside
    /// its window.
    /// </summary>
    public static string? Check(object? value, IReadOnlyList<Attribute> attributes, string label, CultureInfo culture)
    {
        foreach (var attribute in attributes.OfType<ValidationAttribute>())
        {
            // A required id left out of JSON binds as the empty Guid, which DataAnnotations accept: it is missing all the same.
            if (!attribute.IsValid(value) || (attribute is RequiredAttribute && value is Guid id && id == Guid.Empty))
            {
                return Message(attribute, label, culture);
            }
        }

        if (value is Enum member && !IsDefined(member))
        {
            return TextCatalog.Instance.Get("Validation.Enum", culture, label);
        }

        if (DateOf(value) is { } date)
        {
            var (earliest, latest) = WindowOf(attributes);
            if (date < earliest || date > latest)
            {
                return TextCatalog.Instance.Get("Validation.Range", culture, label, Iso(earliest), Iso(latest));
            }
        }

        return null;
    }

    /// <summary>Whether an enum value is one of its members (for a flags enum: made only of its members' bits).</summary>
    public static bool IsDefined(Enum value)
    {
        var type = value.GetType();
        if (!type.IsDefined(typeof(FlagsAttribute), inherit: false))
        {
            return Enum.IsDefined(type, value);
        }

        var all = Enum.GetValues(type).Cast<Enum>().Aggregate(0UL, (bits, member) => bits | Convert.ToUInt64(member, CultureInfo.InvariantCulture));
        return (Convert.ToUInt64(value, CultureInfo.InvariantCulture) & ~all) == 0;
    }

    /// <summary>Whether a text names a member exactly (case aside; for a flags enum, comma-separated members): no numbers, no combinations of a plain enum.</summary>
    public static bool IsMemberName(Type enumType, string text)
    {
        var names = Enum.GetNames(enumType);
        var parts = enumType.IsDefined(typeof(FlagsAttribute), inherit: false) ? text.Split(',', StringSplitOptions.TrimEntries) : [text];
        return parts.Length > 0 && parts.All(p => names.Contains(p, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The date window a member declares, or the default one.</summary>
    public static (DateOnly Earliest, DateOnly Latest) WindowOf(IEnumerable<Attribute> attributes) =>
        attributes.OfType<DateWindowAttribute>().FirstOrDefault() is { } window ? (window.Earliest, window.Latest) : (EarliestDate, LatestDate);

    /// <summary>Whether a type holds a date (DateOnly, DateTime, DateTimeOffset, nullable or not).</summary>
    public static bool IsDate(Type type) => (Nullable.GetUnderlyingType(type) ?? type) is var t
        && (t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset));

    /// <summary>The member's label in the catalog (<c>Field.Name</c>), or its name.</summary>
    public static string Label(string member, CultureInfo culture) =>
        TextCatalog.Instance.Find("Field." + char.ToUpperInvariant(member[0]) + member[1..], culture) ?? member;

    /// <summary>The name a property has in JSON (camel case unless renamed).</summary>
    public static string JsonName(PropertyInfo property) =>
        property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonName(property.Name);

    public static string JsonName(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary>The rule attributes of a member (for a parameter of an [AsParameters] type, those of its property).</summary>
    public static IReadOnlyList<Attribute> AttributesOf(ICustomAttributeProvider member) => [.. member.GetCustomAttributes(inherit: true).OfType<Attribute>()];

    private static IEnumerable<(string Member, string Message)> ValidateObject(object instance, string prefix, Func<PropertyInfo, string> name, CultureInfo culture, int depth)
    {
        if (depth > MaxDepth)
        {
            yield break;
        }

        foreach (var property in instance.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            // Only what a request can carry: computed members (a page's size, a total) are not input.
            if (property.GetIndexParameters().Length > 0 || property.SetMethod is null || property.GetMethod is null)
            {
                continue;
            }

            var value = property.GetValue(instance);
            var member = prefix + name(property);
            var attributes = AttributesOf(property);
            var label = Label(property.Name, culture);
            if (Check(value, attributes, label, culture) is { } message)
            {
                yield return (member, message);
                continue;
            }

            foreach (var problem in ValidateNested(value, member, attributes, label, culture, depth))
            {
                yield return problem;
            }
        }
    }

    private static IEnumerable<(string Member, string Message)> ValidateNested(object? value, string member, IReadOnlyList<Attribute> attributes, string label, CultureInfo culture, int depth)
    {
        if (value is null or string)
        {
            yield break;
        }

        if (value is IEnumerable entries)
        {
            var itemLength = attributes.OfType<ItemMaxLengthAttribute>().FirstOrDefault();
            var index = 0;
            foreach (var entry in entries)
            {
                var entryMember = $"{member}[{index.ToString(CultureInfo.InvariantCulture)}]";
                if (entry is string text && itemLength is not null && text.Length > itemLength.Length)
                {
                    yield return (entryMember, TextCatalog.Instance.Get("Validation.Length", culture, label, itemLength.Length));
                }
                else if (entry is Enum or DateOnly or DateTime or DateTimeOffset && Check(entry, attributes.Where(a => a is not ValidationAttribute).ToList(), label, culture) is { } message)
                {
                    yield return (entryMember, message);
                }
                else if (entry is not null && IsRequestType(entry.GetType()))
                {
                    foreach (var problem in ValidateObject(entry, entryMember + ".", JsonName, culture, depth + 1))
                    {
                        yield return problem;
                    }
                }

                index++;
            }
        }
        else if (IsRequestType(value.GetType()))
        {
            foreach (var problem in ValidateObject(value, member + ".", JsonName, culture, depth + 1))
            {
                yield return problem;
            }
        }
    }

    /// <summary>A class of this application (a request, an input record): its members are checked in turn.</summary>
    private static bool IsRequestType(Type type) =>
        type.IsClass && type != typeof(string) && type.Assembly == typeof(InputRules).Assembly;

    private static string Message(ValidationAttribute attribute, string label, CultureInfo culture) => attribute switch
    {
        RangeAttribute range => TextCatalog.Instance.Get("Validation.Range", culture, label, range.Minimum, range.Maximum),
        StringLengthAttribute { MinimumLength: > 0 } length => TextCatalog.Instance.Get("Validation.LengthRange", culture, label, length.MinimumLength, length.MaximumLength),
        StringLengthAttribute length => TextCatalog.Instance.Get("Validation.Length", culture, label, length.MaximumLength),
        RequiredAttribute => TextCatalog.Instance.Get("Validation.Required", culture, label),
        MinLengthAttribute { Length: 1, ErrorMessage: null } => TextCatalog.Instance.Get("Validation.Required", culture, label),
        MaxLengthAttribute { ErrorMessage: null } most => TextCatalog.Instance.Get("Validation.MaxItems", culture, label, most.Length),
        _ => TextCatalog.Instance.Get(attribute.ErrorMessage ?? "Validation.Invalid", culture, label),
    };

    private static DateOnly? DateOf(object? value) => value switch
    {
        DateOnly date => date,
        DateTime time => DateOnly.FromDateTime(time),
        DateTimeOffset time => DateOnly.FromDateTime(time.DateTime),
        _ => null,
    };

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>
/// The dates a member accepts when the default window (2000-01-01 to 2100-12-31) does not fit it, e.g. a date of birth.
/// Dates are ISO (<c>yyyy-MM-dd</c>). Domain rules such as "not in the future" stay with the domain.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, AllowMultiple = false)]
public sealed class DateWindowAttribute(string earliest, string latest) : Attribute
{
    public DateOnly Earliest { get; } = DateOnly.ParseExact(earliest, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public DateOnly Latest { get; } = DateOnly.ParseExact(latest, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>The longest text each entry of a list of texts may be (each entry is named on its own when it is over).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, AllowMultiple = false)]
public sealed class ItemMaxLengthAttribute(int length) : Attribute
{
    public int Length { get; } = length;
}
