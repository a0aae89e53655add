using System.ComponentModel;
using System.Globalization;
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

    /// <summary>Whether an exception is bad input (which gets a JSON path) rather than a bug (which passes through untouched).</summary>
    public static bool IsReadError(Exception error)
        => error is JsonException or InvalidOperationException or FormatException or OverflowException;

    /// <summary>
    /// The error of reading member <paramref name="wireName"/>, with its JSON path. System.Text.Json only knows the path
    /// up to the converter it called; generated converters read whole objects, so they add the rest themselves.
    /// </summary>
    public static JsonException AtMember(Exception error, string wireName)
        => At(error, JsonPathText.Member(string.Empty, wireName));

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
