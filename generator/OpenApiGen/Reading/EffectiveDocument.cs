using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenApiGen.Reading;

/// <summary>
/// The spec after its overlays as compact JSON text: what the generated types were built from, for contract tests
/// that must validate against exactly that document.
/// </summary>
internal static class EffectiveDocument
{
    // Relaxed escaping keeps non-ASCII descriptions and quotes in text readable in the generated file; the text is
    // never embedded in HTML, which is all the stricter default encoder guards against.
    private static readonly JsonWriterOptions s_options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Deterministic: members in document order, numbers as the loader kept them, no whitespace.</summary>
    public static string ToJson(JsonNode root)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, s_options))
        {
            root.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
