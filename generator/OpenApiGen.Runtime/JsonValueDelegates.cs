using System.ComponentModel;
using System.Text.Json;

namespace OpenApiGen.Runtime;

/// <summary>Reads one JSON value; generated converters compose these for lists and maps.</summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="reader">The reader, positioned on the value's first token.</param>
/// <param name="options">The options of the current serialization.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate T JsonValueReader<T>(ref Utf8JsonReader reader, JsonSerializerOptions options);

/// <summary>Writes one JSON value; generated converters compose these for lists and maps.</summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="writer">The writer.</param>
/// <param name="value">The value to write.</param>
/// <param name="options">The options of the current serialization.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate void JsonValueWriter<in T>(Utf8JsonWriter writer, T value, JsonSerializerOptions options);
