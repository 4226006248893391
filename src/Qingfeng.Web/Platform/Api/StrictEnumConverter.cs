using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qingfeng.Platform.Api;

/// <summary>
/// Enums travel by name and only by name: a JSON number, a number in a string ("9") and, for a plain enum, a comma list
/// ("TalkInquiry, Verification", which <see cref="JsonStringEnumConverter"/> reads as the OR of the two, i.e. another member)
/// are refused like an unknown name. The refusal names the field (<see cref="UndefinedEnumException"/>). Only a member is
/// written: a value no member has (a combination of flags, a number) is a contract bug, not an answer.
/// </summary>
public sealed class StrictEnumConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

    private sealed class Converter<T> : JsonConverter<T>
        where T : struct, Enum
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String ? Parse(reader.GetString()) : throw new UndefinedEnumException();

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(Enum.IsDefined(value) ? value.ToString() : throw new JsonException(
                $"{typeof(T).Name} {value} is not one member: a contract lists a combination of flags as a list of members."));

        public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Parse(reader.GetString());

        public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WritePropertyName(value.ToString());

        private static T Parse(string? text) =>
            text is not null && InputRules.IsMemberName(typeof(T), text) && Enum.TryParse<T>(text, ignoreCase: true, out var value)
                ? value
                : throw new UndefinedEnumException();
    }
}

/// <summary>A JSON value that is not a member's name; the serializer adds the path of the field.</summary>
public sealed class UndefinedEnumException : JsonException
{
    public UndefinedEnumException()
    {
    }

    public UndefinedEnumException(string message)
        : base(message)
    {
    }

    public UndefinedEnumException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
