using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using NJsonSchema;

namespace QwenImageEdit.Testing;

/// <summary>Removes every member a schema does not require, recursively, following allOf and the oneOf/anyOf branch the value matches.</summary>
internal static class OptionalMembers
{
    [RequiresUnreferencedCode(ContractValidation.Reason)]
    [RequiresDynamicCode(ContractValidation.Reason)]
    public static JsonNode? Strip(JsonNode? node, JsonSchema schema)
    {
        lock (SchemaValidator.Gate)
        {
            return StripCore(node, schema);
        }
    }

    private static JsonNode? StripCore(JsonNode? node, JsonSchema schema)
    {
        var parts = Parts(schema.ActualSchema, node);
        switch (node)
        {
            case JsonObject body:
                var required = parts.SelectMany(static p => p.RequiredProperties).ToHashSet(StringComparer.Ordinal);
                var result = new JsonObject();
                foreach (var (name, value) in body)
                {
                    if (!required.Contains(name))
                    {
                        continue;
                    }

                    var member = parts.Select(p => p.ActualProperties.TryGetValue(name, out var property) ? property : null).FirstOrDefault(static p => p is not null);
                    result[name] = member is null ? value?.DeepClone() : StripCore(value, member);
                }

                return result;

            case JsonArray items:
                var itemSchema = parts.Select(static p => p.Item).FirstOrDefault(static i => i is not null);
                return new JsonArray([.. items.Select(i => itemSchema is null ? i?.DeepClone() : StripCore(i, itemSchema))]);

            default:
                return node?.DeepClone();
        }
    }

    private static List<JsonSchema> Parts(JsonSchema schema, JsonNode? node)
    {
        var parts = new List<JsonSchema> { schema };
        foreach (var part in schema.AllOf)
        {
            parts.AddRange(Parts(part.ActualSchema, node));
        }

        var branches = schema.OneOf.Count > 0 ? schema.OneOf : schema.AnyOf;
        if (branches.Count > 0)
        {
            var json = node is null ? "null" : JsonText.Write(node);
            var chosen = branches.FirstOrDefault(b => b.ActualSchema.Validate(json).Count == 0) ?? branches.First();
            parts.AddRange(Parts(chosen.ActualSchema, node));
        }

        return parts;
    }
}
