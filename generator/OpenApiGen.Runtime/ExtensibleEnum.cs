using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenApiGen.Runtime;

/// <summary>
/// A string enum that keeps values it does not know (a value the server adds later round-trips instead of failing):
/// what generated extensible enums implement, so one converter and one set of helpers serve them all.
/// </summary>
/// <typeparam name="TSelf">The enum type itself.</typeparam>
public interface IExtensibleEnum<TSelf> : IEquatable<TSelf>
    where TSelf : struct, IExtensibleEnum<TSelf>
{
    /// <summary>The value as it appears on the wire; null only for <c>default</c>.</summary>
    string? Value { get; }

    /// <summary>The value for a wire text, documented or not: the conversion every generated enum declares anyway, so it
    /// needs no factory of its own.</summary>
    /// <param name="value">The wire text.</param>
    static abstract implicit operator TSelf(string value);
}

/// <summary>
/// Reads and writes any <see cref="IExtensibleEnum{TSelf}"/> as a JSON string (and as a dictionary key), without
/// reflection: the one converter every generated extensible enum names in its <c>[JsonConverter]</c>.
/// </summary>
/// <typeparam name="T">The enum type.</typeparam>
public sealed class ExtensibleEnumConverter<T> : JsonConverter<T>
    where T : struct, IExtensibleEnum<T>
{
    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadValue(ref reader, options);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => WriteValue(writer, value, options);

    /// <inheritdoc/>
    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString()!;

    /// <inheritdoc/>
    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(value.Value ?? string.Empty);
    }

    /// <summary>
    /// Reads a value: a JSON string, whatever its text. The values seen first (at most <see cref="CacheSize"/>, each at
    /// most <see cref="CacheValueBytes"/> bytes: the documented ones, in practice) are kept, so reading one again
    /// allocates nothing; a server sending ever new values only fills the cache once.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static T ReadValue(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw JsonRead.Unexpected(ref reader, "a string");
        }

        var cacheable = !reader.ValueIsEscaped && !reader.HasValueSequence && reader.ValueSpan.Length <= CacheValueBytes;
        var seen = s_seen;
        if (cacheable)
        {
            foreach (var entry in seen)
            {
                if (reader.ValueSpan.SequenceEqual(entry.Utf8))
                {
                    return entry.Value;
                }
            }
        }

        T value = reader.GetString()!;
        if (cacheable && seen.Length < CacheSize)
        {
            // Copy on write: readers on other threads keep scanning the array they have; a lost race only drops an entry.
            Interlocked.CompareExchange(ref s_seen, [.. seen, (reader.ValueSpan.ToArray(), value)], seen);
        }

        return value;
    }

    /// <summary>How many distinct values the reader keeps.</summary>
    public const int CacheSize = 64;

    /// <summary>The longest value (in UTF-8 bytes) the reader keeps.</summary>
    public const int CacheValueBytes = 64;

    private static (byte[] Utf8, T Value)[] s_seen = [];

    /// <summary>Writes a value as its wire text.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void WriteValue(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Value ?? string.Empty);
    }
}
