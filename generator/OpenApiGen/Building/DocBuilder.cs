using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using OpenApiGen.Model;

namespace OpenApiGen.Building;

/// <summary>The documentation a schema carries, for the XML docs of what it becomes.</summary>
internal static class DocBuilder
{
    public static DocModel ForSchema(IOpenApiSchema schema, string? fallbackDescription = null)
    {
        schema = SchemaFacts.KeywordSource(schema);
        var description = schema.Description ?? fallbackDescription;
        var example = schema.Examples is { Count: > 0 } examples ? examples[0] : LegacyExample(schema);
        return new DocModel(
            Summary: Normalize(schema.Title),
            Description: Normalize(description),
            Example: example is null ? null : ToJson(example),
            Default: schema.Default is null ? null : ToJson(schema.Default),
            Deprecated: schema.Deprecated);
    }

    public static DocModel ForText(string? summary, string? description)
        => new(Normalize(summary), Normalize(description), null, null, false);

    // 3.0's singular 'example' is still where most specs put it; the reader keeps it on the obsolete property.
#pragma warning disable CS0618
    private static JsonNode? LegacyExample(IOpenApiSchema schema) => schema.Example;
#pragma warning restore CS0618

    private static string ToJson(JsonNode node) => SchemaFacts.IsNull(node) ? "null" : node.ToJsonString();

    private static string? Normalize(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var trimmed = text.Replace("\r\n", "\n").Trim();
        return trimmed.Length == 0 ? null : trimmed;
    }
}
