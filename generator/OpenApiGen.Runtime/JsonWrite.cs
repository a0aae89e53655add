using System.ComponentModel;
using System.Globalization;
using System.Text.Json;

namespace OpenApiGen.Runtime;

/// <summary>Writing helpers for generated converters.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonWrite
{
    /// <summary>Writes a list as a JSON array, each element with <paramref name="element"/>.</summary>
    public static void List<T>(Utf8JsonWriter writer, IEnumerable<T> values, JsonSerializerOptions options, JsonValueWriter<T> element)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(values);
        writer.WriteStartArray();
        foreach (var value in values)
        {
            element(writer, value, options);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes a dictionary as a JSON object, each value with <paramref name="value"/>.</summary>
    public static void Map<T>(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, T>> values, JsonSerializerOptions options, JsonValueWriter<T> value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(values);
        writer.WriteStartObject();
        foreach (var pair in values)
        {
            writer.WritePropertyName(pair.Key);
            value(writer, pair.Value, options);
        }

        writer.WriteEndObject();
    }

    // Options built here, not JsonSerializerOptions.Default: that one is annotated as needing reflection, which trimming and AOT warn about.
    private static readonly JsonSerializerOptions s_options = new();

    /// <summary>The JSON text of a value written by <paramref name="write"/>, for <c>ToString()</c>.</summary>
    public static string ToJson<T>(T value, JsonValueWriter<T> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer, value, s_options);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes a URI as the text it was made from.</summary>
    public static void Uri(Utf8JsonWriter writer, Uri value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(value.OriginalString);
    }

    /// <summary>
    /// Writes a stream's remaining content as base64, for a <c>format: binary</c> value inside JSON. Multipart and raw
    /// bodies send the stream as it is; this is only for the rare spec that puts binary in JSON.
    /// </summary>
    public static void Stream(Utf8JsonWriter writer, Stream value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        using var buffer = new MemoryStream();
        value.CopyTo(buffer);
        writer.WriteBase64StringValue(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    /// <summary>Writes an RFC 3339 full-date.</summary>
    public static void DateOnly(Utf8JsonWriter writer, DateOnly value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }
}
