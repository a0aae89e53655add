using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace QwenImageEdit.Testing;

/// <summary>How the fakes write JSON: compact, and without escaping '+' or '&lt;' the way the default encoder does, as the vendors' servers do not.</summary>
internal static class JsonText
{
    public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(JsonNode node) => node.ToJsonString(Options);

    /// <summary>Parses text that may not be JSON; null when it is not.</summary>
    public static JsonNode? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The string a node holds, or null when it is missing or not a string.</summary>
    public static string? String(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
