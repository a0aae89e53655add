using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenApiGen.Runtime;

/// <summary>
/// What a generated converter provides: static reads and writes, which other generated converters call directly,
/// without looking a converter up in the options.
/// </summary>
/// <typeparam name="T">The type read and written.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IGeneratedJsonConverter<T>
{
    /// <summary>Reads a <typeparamref name="T"/> at the reader's current token.</summary>
    static abstract T ReadValue(ref Utf8JsonReader reader, JsonSerializerOptions options);

    /// <summary>Writes <paramref name="value"/>.</summary>
    static abstract void WriteValue(Utf8JsonWriter writer, T value, JsonSerializerOptions options);
}

/// <summary>
/// The <see cref="JsonConverter{T}"/> overrides System.Text.Json calls, forwarding to the generated converter's static
/// methods: written once here instead of in every generated converter.
/// </summary>
/// <typeparam name="T">The type read and written.</typeparam>
/// <typeparam name="TSelf">The generated converter.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class GeneratedJsonConverter<T, TSelf> : JsonConverter<T>
    where TSelf : IGeneratedJsonConverter<T>
{
    /// <inheritdoc/>
    public sealed override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => TSelf.ReadValue(ref reader, options);

    /// <inheritdoc/>
    public sealed override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        => TSelf.WriteValue(writer, value, options);
}
