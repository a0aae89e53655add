using System.Collections.Generic;
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
            Deprecated: schema.Deprecated,
            DeprecationText: schema.Deprecated ? DeprecationText(schema as IOpenApiExtensible) : null);
    }

    public static DocModel ForText(string? summary, string? description)
        => new(Normalize(summary), Normalize(description), null, null, false);

    /// <summary>An operation's text, and whether it is deprecated.</summary>
    public static DocModel ForOperation(OpenApiOperation operation)
        => new(Normalize(operation.Summary), Normalize(operation.Description), null, null, operation.Deprecated, operation.Deprecated ? DeprecationText(operation) : null);

    // OpenAPI has no field for why something is deprecated; Adyen's generator writes x-deprecatedMessage and
    // x-deprecatedInVersion, the only convention the corpus shows.
    private static string? DeprecationText(IOpenApiExtensible? element)
    {
        if (element?.Extensions is not { Count: > 0 } extensions)
        {
            return null;
        }

        var message = Text(extensions, "x-deprecatedMessage");
        var version = Text(extensions, "x-deprecatedInVersion");
        return version is null ? message : $"Deprecated in version {version}." + (message is null ? string.Empty : " " + message);

        static string? Text(IDictionary<string, IOpenApiExtension> extensions, string name)
            => extensions.TryGetValue(name, out var extension) && extension is JsonNodeExtension { Node: JsonValue value } && value.GetValueKind() == System.Text.Json.JsonValueKind.String
               ? Normalize(value.GetValue<string>())
               : null;
    }

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
