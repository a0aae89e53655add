using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace OpenApiGen.Runtime;

/// <summary>
/// The typed properties of a generated <c>JsonSerializerContext</c>: each keeps its metadata in a slot of one array the
/// context holds, instead of a field of its own a type, so a property is one line and a second read is a field read.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonContextMetadata
{
    /// <summary>The metadata of <typeparamref name="T"/> in <paramref name="options"/>, kept in <paramref name="slot"/> after the first call.</summary>
    /// <typeparam name="T">The type the metadata describes.</typeparam>
    /// <param name="slot">The context's slot for <typeparamref name="T"/>.</param>
    /// <param name="options">The context's options.</param>
    public static JsonTypeInfo<T> Get<T>(ref JsonTypeInfo? slot, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return (JsonTypeInfo<T>)(slot ??= options.GetTypeInfo(typeof(T)));
    }
}
