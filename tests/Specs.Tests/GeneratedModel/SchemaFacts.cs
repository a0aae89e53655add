using NJsonSchema;

namespace Specs.Tests.GeneratedModel;

/// <summary>A property as the spec declares it: on the schema itself or on one of its <c>allOf</c> parts.</summary>
internal sealed record SpecProperty(string WireName, JsonSchemaProperty Schema, bool IsRequired, string Pointer);

/// <summary>What a schema, as NSwag's NJsonSchema read it, says about the JSON it allows.</summary>
internal static class SchemaFacts
{
    /// <summary>
    /// The JSON types a schema allows. Without <c>type</c>, what its keywords imply: the branches of
    /// <c>oneOf</c>/<c>anyOf</c>, the parts of <c>allOf</c>, <c>properties</c>, <c>items</c>, the values of
    /// <c>enum</c> or <c>const</c>. <see cref="JsonFamily.None"/> when it says nothing (any JSON).
    /// </summary>
    public static JsonFamily Families(JsonSchema schema) => Families(schema, depth: 0);

    /// <summary>
    /// Every property of an object schema, with its <c>allOf</c> parts' (as JSON Schema merges them). A property of a
    /// referenced part is reported at the part's own pointer (<paramref name="pointerOf"/>), where a reader finds it.
    /// </summary>
    public static IReadOnlyList<SpecProperty> Properties(JsonSchema schema, string pointer, Func<JsonSchema, string?> pointerOf)
    {
        var properties = new List<SpecProperty>();
        var required = new HashSet<string>(StringComparer.Ordinal);
        Collect(schema, pointer, pointerOf, properties, required, depth: 0);
        return properties.Select(p => p with { IsRequired = required.Contains(p.WireName) }).ToList();
    }

    /// <summary>
    /// An object schema written in place rather than referenced: properties of its own, or an <c>allOf</c> that adds
    /// up to more than one reference (<c>allOf: [$ref]</c> alone is how 3.0 puts a description on a reference).
    /// </summary>
    public static bool IsInlineObject(JsonSchema schema)
        => !schema.HasReference
            && (schema.Properties.Count > 0
                || schema.AllOf.Any(static p => !p.HasReference && IsInlineObject(p))
                || schema.AllOf.Count(static p => p.HasReference) > 1);

    /// <summary>The branches of <c>oneOf</c> or <c>anyOf</c>, whichever the schema has.</summary>
    public static IReadOnlyList<JsonSchema> Alternatives(JsonSchema schema, out string keyword)
    {
        keyword = schema.OneOf.Count > 0 ? "oneOf" : "anyOf";
        return (schema.OneOf.Count > 0 ? schema.OneOf : schema.AnyOf).ToList();
    }

    public static bool IsNullOnly(JsonSchema schema) => schema.ActualSchema.Type == JsonObjectType.Null;

    /// <summary>JSON Pointer escaping of one key (RFC 6901).</summary>
    public static string Escape(string key) => key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static void Collect(JsonSchema schema, string pointer, Func<JsonSchema, string?> pointerOf, List<SpecProperty> properties, HashSet<string> required, int depth)
    {
        if (depth > 16)
        {
            return;
        }

        if (schema.HasReference)
        {
            Collect(schema.ActualSchema, pointerOf(schema.ActualSchema) ?? pointer, pointerOf, properties, required, depth + 1);
            return;
        }

        required.UnionWith(schema.RequiredProperties);
        foreach (var (name, property) in schema.Properties)
        {
            if (!properties.Any(p => p.WireName == name))
            {
                properties.Add(new SpecProperty(name, property, false, pointer + "/properties/" + Escape(name)));
            }
        }

        var index = 0;
        foreach (var part in schema.AllOf)
        {
            Collect(part, pointer + "/allOf/" + index, pointerOf, properties, required, depth + 1);
            index++;
        }
    }

    private static JsonFamily Families(JsonSchema schema, int depth)
    {
        if (depth > 16)
        {
            return JsonFamily.None;
        }

        schema = schema.ActualSchema;
        var type = schema.Type;
        var families = JsonFamily.None;
        families |= type.HasFlag(JsonObjectType.String) || type.HasFlag(JsonObjectType.File) ? JsonFamily.String : JsonFamily.None;
        families |= type.HasFlag(JsonObjectType.Integer) ? JsonFamily.Integer : JsonFamily.None;
        families |= type.HasFlag(JsonObjectType.Number) ? JsonFamily.Number : JsonFamily.None;
        families |= type.HasFlag(JsonObjectType.Boolean) ? JsonFamily.Boolean : JsonFamily.None;
        families |= type.HasFlag(JsonObjectType.Array) ? JsonFamily.Array : JsonFamily.None;
        families |= type.HasFlag(JsonObjectType.Object) ? JsonFamily.Object : JsonFamily.None;
        if (families != JsonFamily.None)
        {
            return families;
        }

        foreach (var branch in schema.OneOf.Concat(schema.AnyOf).Concat(schema.AllOf))
        {
            families |= Families(branch, depth + 1);
        }

        if (schema.Properties.Count > 0 || schema.AdditionalPropertiesSchema is not null)
        {
            families |= JsonFamily.Object;
        }

        if (schema.Item is not null || schema.Items.Count > 0)
        {
            families |= JsonFamily.Array;
        }

        var values = schema.Enumeration.AsEnumerable();
        if (schema.ExtensionData?.TryGetValue("const", out var constant) == true)
        {
            values = values.Append(constant);
        }

        foreach (var value in values.Select(static v => v is Newtonsoft.Json.Linq.JValue json ? json.Value : v))
        {
            families |= value switch
            {
                string => JsonFamily.String,
                bool => JsonFamily.Boolean,
                long or int or short or byte or ulong or uint or ushort or sbyte or System.Numerics.BigInteger => JsonFamily.Integer,
                double or float or decimal => JsonFamily.Number,
                _ => JsonFamily.None,
            };
        }

        return families;
    }
}
