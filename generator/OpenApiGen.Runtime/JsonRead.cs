using System.ComponentModel;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace OpenApiGen.Runtime;

/// <summary>
/// Reading helpers for generated converters. Wrong token kinds surface as <see cref="JsonException"/>, to which
/// System.Text.Json adds the JSON path, so a bad response says where it is bad.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonRead
{
    /// <summary>Reads a string token; any other token is an error.</summary>
    public static string String(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw Unexpected(ref reader, "a string");

    /// <summary>Reads an absolute or relative URI.</summary>
    public static Uri Uri(ref Utf8JsonReader reader)
    {
        var text = String(ref reader);
        return System.Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out var uri)
            ? uri
            : throw new JsonException($"The value is not a valid URI.");
    }

    /// <summary>Reads an RFC 3339 full-date (<c>2024-01-31</c>).</summary>
    public static DateOnly DateOnly(ref Utf8JsonReader reader)
    {
        var text = String(ref reader);
        return System.DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new JsonException("The value is not a date in the form yyyy-MM-dd.");
    }

    /// <summary>Reads a JSON array into a list, each element with <paramref name="element"/>.</summary>
    public static List<T> List<T>(ref Utf8JsonReader reader, JsonSerializerOptions options, JsonValueReader<T> element)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Unexpected(ref reader, "an array");
        }

        var list = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            try
            {
                list.Add(element(ref reader, options));
            }
            catch (Exception error) when (IsReadError(error))
            {
                throw At(error, JsonPathText.Index(string.Empty, list.Count));
            }
        }

        return list;
    }

    /// <summary>Reads a JSON object into a dictionary, each value with <paramref name="value"/>.</summary>
    public static Dictionary<string, T> Map<T>(ref Utf8JsonReader reader, JsonSerializerOptions options, JsonValueReader<T> value)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Unexpected(ref reader, "an object");
        }

        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = reader.GetString()!;
            reader.Read();
            try
            {
                map[key] = value(ref reader, options);
            }
            catch (Exception error) when (IsReadError(error))
            {
                throw AtMember(error, key);
            }
        }

        return map;
    }

    /// <summary>
    /// The string value of member <paramref name="name"/> of the object the reader is on, or null when it is absent or not a
    /// string. Reads ahead, so pass a copy of the reader: a discriminator may come after the members it governs.
    /// </summary>
    public static string? PeekString(ref Utf8JsonReader reader, ReadOnlySpan<byte> name)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var match = reader.ValueTextEquals(name);
            reader.Read();
            if (match)
            {
                return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }

            reader.Skip();
        }

        return null;
    }

    /// <summary>Checks that the reader is on the start of an object (<paramref name="typeName"/>'s JSON).</summary>
    public static void StartObject(ref Utf8JsonReader reader, string typeName)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Unexpected(ref reader, $"an object ({typeName})");
        }
    }

    /// <summary>
    /// Whether the reader, on a property name, is on <paramref name="name"/>; if so it notes the name in
    /// <paramref name="member"/> (for the JSON path of an error) and moves to the value. One call a member keeps each
    /// generated member read to one line.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Member(ref Utf8JsonReader reader, ReadOnlySpan<byte> name, ref ReadOnlySpan<byte> member)
    {
        if (!reader.ValueTextEquals(name))
        {
            return false;
        }

        member = name;
        reader.Read();
        return true;
    }

    /// <summary>
    /// The name of the member the reader is on, for a type that keeps members it does not declare; notes it in
    /// <paramref name="member"/> (for the JSON path of an error) and moves to the value.
    /// </summary>
    public static string MemberName(ref Utf8JsonReader reader, ref ReadOnlySpan<byte> member)
    {
        var name = reader.GetString()!;
        member = reader.HasValueSequence || reader.ValueIsEscaped ? Encoding.UTF8.GetBytes(name) : reader.ValueSpan;
        reader.Read();
        return name;
    }

    /// <summary>Skips a member the type does not declare, its name and its value: servers add fields, and that must not break a client.</summary>
    public static void SkipMember(ref Utf8JsonReader reader)
    {
        reader.Read();
        reader.Skip();
    }

    /// <summary>Whether an exception is bad input (which gets a JSON path) rather than a bug (which passes through untouched).</summary>
    public static bool IsReadError(Exception error)
        => error is JsonException or InvalidOperationException or FormatException or OverflowException;

    /// <summary>
    /// The error of reading member <paramref name="wireName"/>, with its JSON path. System.Text.Json only knows the path
    /// up to the converter it called; generated converters read whole objects, so they add the rest themselves.
    /// </summary>
    public static JsonException AtMember(Exception error, string wireName)
        => At(error, JsonPathText.Member(string.Empty, wireName));

    /// <summary>The error of reading the member named <paramref name="wireName"/> (UTF-8), with its JSON path.</summary>
    public static JsonException AtMember(Exception error, ReadOnlySpan<byte> wireName)
        => AtMember(error, Encoding.UTF8.GetString(wireName));

    private static JsonException At(Exception error, string segment)
    {
        var inner = error is JsonException { Path: { Length: > 0 } path } && path[0] == '$' ? path[1..] : string.Empty;
        var fullPath = "$" + segment + inner;
        var reason = error.Data[ReasonKey] as string ?? error.Message;
        var wrapped = new JsonException($"{reason} Path: {fullPath}.", fullPath, (error as JsonException)?.LineNumber, (error as JsonException)?.BytePositionInLine, error.InnerException ?? error);
        wrapped.Data[ReasonKey] = reason;
        return wrapped;
    }

    private const string ReasonKey = "OpenApiGen.Reason";

    /// <summary>The error for a token of the wrong kind.</summary>
    public static JsonException Unexpected(ref Utf8JsonReader reader, string expected)
        => new($"Expected {expected} but found {Describe(reader.TokenType)}.");

    /// <summary>The error for a required property that is absent.</summary>
    public static JsonException MissingProperty(string wireName, string typeName)
        => new($"The required property '{wireName}' of {typeName} is missing.");

    /// <summary>
    /// The error for the first of <paramref name="wireNames"/> (a type's required members, in order) whose bit in
    /// <paramref name="seen"/> is clear: a generated converter notes each required member it reads as one bit.
    /// </summary>
    public static JsonException MissingProperty(ulong seen, string typeName, params string[] wireNames)
    {
        ArgumentNullException.ThrowIfNull(wireNames);
        var index = System.Numerics.BitOperations.TrailingZeroCount(~seen);
        return MissingProperty(index < wireNames.Length ? wireNames[index] : "?", typeName);
    }

    /// <summary>The error for the first of <paramref name="wireNames"/> not marked in <paramref name="seen"/>, for a type with more than 64 required members.</summary>
    public static JsonException MissingProperty(bool[] seen, string typeName, params string[] wireNames)
    {
        ArgumentNullException.ThrowIfNull(seen);
        ArgumentNullException.ThrowIfNull(wireNames);
        var index = Array.IndexOf(seen, false);
        return MissingProperty(index >= 0 && index < wireNames.Length ? wireNames[index] : "?", typeName);
    }

    /// <summary>The error for a JSON null where the spec does not allow one.</summary>
    public static JsonException NullValue(string wireName, string typeName)
        => new($"The property '{wireName}' of {typeName} must not be null.");

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
