using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenApiGen.Fuzz.Mutation;

/// <summary>
/// A mutant's tree as the text a user's file would hold, JSON or block YAML, with the duplicate members no tree can
/// hold written after each object's own. Written without recursion limits: deep nesting is a mutation.
/// </summary>
internal static class SpecText
{
    public static string Json(JsonObject root, IReadOnlyList<(JsonObject Owner, string Key, JsonNode? Value)> duplicates, bool raw, bool indented = true)
    {
        var extra = Group(duplicates);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = indented,
            MaxDepth = 1_000_000,
            SkipValidation = true,
            // Raw: U+2028 and friends as themselves, as a hand-written file would hold them; else \uXXXX escapes.
            Encoder = raw ? JavaScriptEncoder.UnsafeRelaxedJsonEscaping : JavaScriptEncoder.Default,
        }))
        {
            WriteJson(writer, root, extra);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static string Yaml(JsonObject root, IReadOnlyList<(JsonObject Owner, string Key, JsonNode? Value)> duplicates)
    {
        var text = new StringBuilder();
        WriteYaml(text, root, Group(duplicates), indent: 0, inSequence: false);
        return text.ToString();
    }

    private static Dictionary<JsonObject, List<(string Key, JsonNode? Value)>> Group(IReadOnlyList<(JsonObject Owner, string Key, JsonNode? Value)> duplicates)
    {
        var extra = new Dictionary<JsonObject, List<(string, JsonNode?)>>(ReferenceEqualityComparer.Instance);
        foreach (var (owner, key, value) in duplicates)
        {
            if (!extra.TryGetValue(owner, out var list))
            {
                extra[owner] = list = [];
            }

            list.Add((key, value));
        }

        return extra;
    }

    private static void WriteJson(Utf8JsonWriter writer, JsonNode? node, Dictionary<JsonObject, List<(string Key, JsonNode? Value)>> extra)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (key, value) in obj.Concat(Extra(obj, extra)))
                {
                    writer.WritePropertyName(key);
                    WriteJson(writer, value, extra);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    WriteJson(writer, item, extra);
                }

                writer.WriteEndArray();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }

    private static IEnumerable<KeyValuePair<string, JsonNode?>> Extra(JsonObject obj, Dictionary<JsonObject, List<(string Key, JsonNode? Value)>> extra)
        => extra.TryGetValue(obj, out var list) ? list.Select(static e => KeyValuePair.Create(e.Key, e.Value)) : [];

    // Block style throughout; every key and string double-quoted (YAML's double-quoted escapes are JSON's), so the text
    // means exactly the tree, whatever the strings hold.
    private static void WriteYaml(StringBuilder text, JsonNode? node, Dictionary<JsonObject, List<(string Key, JsonNode? Value)>> extra, int indent, bool inSequence)
    {
        switch (node)
        {
            case JsonObject obj when obj.Count > 0 || extra.ContainsKey(obj):
                var first = true;
                foreach (var (key, value) in obj.Concat(Extra(obj, extra)))
                {
                    if (!(first && inSequence))
                    {
                        text.Append(' ', indent);
                    }

                    first = false;
                    text.Append(Quote(key)).Append(':');
                    WriteYamlValue(text, value, extra, indent + 2);
                }

                break;
            case JsonArray array when array.Count > 0:
                var firstItem = true;
                foreach (var item in array)
                {
                    if (!(firstItem && inSequence))
                    {
                        text.Append(' ', indent);
                    }

                    firstItem = false;
                    text.Append("- ");
                    if (item is JsonObject { Count: > 0 } or JsonArray { Count: > 0 })
                    {
                        WriteYaml(text, item, extra, indent + 2, inSequence: true);
                    }
                    else
                    {
                        text.Append(Scalar(item)).Append('\n');
                    }
                }

                break;
            default:
                text.Append(Scalar(node)).Append('\n');
                break;
        }
    }

    private static void WriteYamlValue(StringBuilder text, JsonNode? value, Dictionary<JsonObject, List<(string Key, JsonNode? Value)>> extra, int indent)
    {
        if (value is JsonObject obj && (obj.Count > 0 || extra.ContainsKey(obj)) || value is JsonArray { Count: > 0 })
        {
            text.Append('\n');
            WriteYaml(text, value, extra, indent, inSequence: false);
        }
        else
        {
            text.Append(' ').Append(Scalar(value)).Append('\n');
        }
    }

    private static string Scalar(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "{}",
        JsonArray => "[]",
        JsonValue value when value.GetValueKind() == JsonValueKind.String => Quote(value.GetValue<string>()),
        _ => node.ToJsonString(),
    };

    private static string Quote(string text)
    {
        var quoted = new StringBuilder("\"");
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                // YAML's \u takes no surrogates: a pair is written as itself.
                quoted.Append(c).Append(text[++i]);
                continue;
            }

            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                _ when char.IsSurrogate(c) => "\\uFFFD",
                _ when c < 0x20 || c is '\u0085' or '\u2028' or '\u2029' or '\uFEFF' => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }
}
