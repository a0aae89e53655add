using System.Text.Json.Nodes;
using NJsonSchema;

namespace Differential.Tests.Infrastructure;

/// <summary>
/// JSON that a schema allows, made from the schema alone: the spec's own example or default for a leaf value, the
/// first of an <c>enum</c>, the first branch of a <c>oneOf</c>/<c>anyOf</c> (or, for the other-branches sample, the
/// last, and the widest type of a 3.1 type array), every property of an object (or, for a minimal sample, only the
/// required ones), one item of a list (or <c>minItems</c>). Numbers sit inside the schema's
/// range; an <c>int64</c> is large (a millisecond timestamp), so a client that reads it as 32 bits shows it. An integer
/// without a format is small unless the spec's example says otherwise: how wide it is, is each generator's decision.
/// </summary>
internal enum SampleKind
{
    /// <summary>Every member, the first branch of each choice.</summary>
    Full,

    /// <summary>Only the required members.</summary>
    Minimal,

    /// <summary>Every member, the last branch of each choice.</summary>
    OtherBranches,
}

internal static class Samples
{
    public const string DateTime = "2026-01-02T03:04:05+00:00";

    public static JsonNode? For(JsonSchema schema, SampleKind kind) => For(schema, kind, depth: 0);

    /// <summary>A JSON value for a leaf schema written as text in a path, query or header.</summary>
    public static string Text(JsonNode? value) => value switch
    {
        null => string.Empty,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
        _ => value.ToJsonString(),
    };

    private static JsonNode? For(JsonSchema schema, SampleKind kind, int depth)
    {
        if (depth > 8)
        {
            return null;
        }

        var actual = schema.ActualSchema;
        if (actual.Enumeration.Count > 0)
        {
            return Node(actual.Enumeration.First(static e => e is not null));
        }

        if (Const(actual) is { } constant)
        {
            return constant;
        }

        var branches = actual.OneOf.Count > 0 ? actual.OneOf : actual.AnyOf;
        if (branches.Count > 0)
        {
            var choices = branches.Where(static b => b.ActualSchema.Type != JsonObjectType.Null).ToList();
            return For(kind == SampleKind.OtherBranches ? choices[^1] : choices[0], kind, depth + 1);
        }

        if (IsObject(actual))
        {
            var sample = new JsonObject();
            var required = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (name, property) in Properties(actual, required))
            {
                if (kind != SampleKind.Minimal || required.Contains(name))
                {
                    sample[name] = For(property, kind, depth + 1);
                }
            }

            return sample;
        }

        if (actual.Type.HasFlag(JsonObjectType.Array) || actual.Item is not null)
        {
            var list = new JsonArray();
            for (var i = 0; i < Math.Max(1, actual.MinItems); i++)
            {
                list.Add(actual.Item is { } item ? For(item, kind, depth + 1) : JsonValue.Create("item"));
            }

            return list;
        }

        if (schema.Example is not null || actual.Example is not null)
        {
            return Node(schema.Example ?? actual.Example);
        }

        if (actual.Default is not null)
        {
            return Node(actual.Default);
        }

        return Leaf(actual, kind);
    }

    private static JsonNode? Leaf(JsonSchema schema, SampleKind kind)
    {
        // Of a 3.1 type array ([integer, string]), whose order NJsonSchema does not keep, the narrowest type; the
        // other-branches sample takes the string.
        var type = schema.Type;
        if (kind != SampleKind.OtherBranches && (type.HasFlag(JsonObjectType.Integer) || type.HasFlag(JsonObjectType.Number) || type.HasFlag(JsonObjectType.Boolean)))
        {
            type &= ~JsonObjectType.String;
        }

        if (type.HasFlag(JsonObjectType.String) || type == JsonObjectType.None || type == JsonObjectType.Null)
        {
            return JsonValue.Create(schema.Format switch
            {
                "date-time" => DateTime,
                "date" => "2026-01-02",
                "uri" or "url" => "https://example.com/images/sample.png",
                "uuid" => "0b5d2a3c-0f2e-4e8b-9d3a-7a2b1c4d5e6f",
                "byte" => "c2FtcGxl",
                "email" => "someone@example.com",
                _ => new string('s', Math.Max(6, schema.MinLength ?? 0)),
            });
        }

        if (type.HasFlag(JsonObjectType.Integer))
        {
            var preferred = schema.Format == "int64" ? 1757156493000m : 7m;
            return JsonValue.Create((long)Clamp(schema, preferred));
        }

        if (type.HasFlag(JsonObjectType.Number))
        {
            return JsonValue.Create(Clamp(schema, 2.5m));
        }

        return type.HasFlag(JsonObjectType.Boolean) ? JsonValue.Create(true) : null;
    }

    private static decimal Clamp(JsonSchema schema, decimal preferred)
    {
        var value = preferred;
        if (schema.Maximum is { } maximum && value > maximum)
        {
            value = maximum - (schema.IsExclusiveMaximum ? 1 : 0);
        }

        if (schema.Minimum is { } minimum && value < minimum)
        {
            value = minimum + (schema.IsExclusiveMinimum ? 1 : 0);
        }

        return value;
    }

    private static bool IsObject(JsonSchema schema)
        => schema.Type.HasFlag(JsonObjectType.Object) || schema.Properties.Count > 0 || schema.AllOf.Count > 0;

    /// <summary>An object schema's properties, its <c>allOf</c> parts' included, and which are required.</summary>
    private static List<(string Name, JsonSchema Schema)> Properties(JsonSchema schema, HashSet<string> required)
    {
        var properties = new List<(string, JsonSchema)>();
        Collect(schema, properties, required, depth: 0);
        return properties;

        static void Collect(JsonSchema schema, List<(string Name, JsonSchema Schema)> properties, HashSet<string> required, int depth)
        {
            if (depth > 16)
            {
                return;
            }

            var actual = schema.ActualSchema;
            required.UnionWith(actual.RequiredProperties);
            foreach (var (name, property) in actual.Properties)
            {
                if (properties.All(p => p.Name != name))
                {
                    properties.Add((name, property));
                }
            }

            foreach (var part in actual.AllOf)
            {
                Collect(part, properties, required, depth + 1);
            }
        }
    }

    /// <summary>3.1's <c>const</c>, which NJsonSchema keeps among the keywords it does not model.</summary>
    private static JsonNode? Const(JsonSchema schema)
        => schema.ExtensionData is { } data && data.TryGetValue("const", out var value) && value is not null ? Node(value) : null;

    private static JsonNode? Node(object? value) => value switch
    {
        null => null,
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        double d => JsonValue.Create(d),
        decimal m => JsonValue.Create(m),
        _ => JsonNode.Parse(Newtonsoft.Json.JsonConvert.SerializeObject(value, Newtonsoft.Json.Formatting.None)),
    };
}
