using System;
using System.Text.Json.Nodes;
using OpenApiGen.Diagnostics;
using OpenApiGen.Reading;

namespace OpenApiGen.Building;

/// <summary>
/// A discriminator's <c>mapping</c> entries that lead somewhere other than a component schema: into a path
/// (<c>#/paths/~1events/post/requestBody/content/application~1json/schema</c>) or inside a schema. A value selects a
/// subclass or a union case, and those are component schemas, so such an entry selects nothing. Microsoft.OpenApi
/// read the pointer's last segment as a component's name and warned that "'#/components/schemas/schema' does not point
/// to an existing schema", naming a schema the spec never wrote; the warning is dropped (Reading/ReaderWorkarounds.cs)
/// and this says what the entry is and what becomes of it, at the entry.
/// </summary>
internal static class DiscriminatorMappings
{
    /// <param name="context">The spec's build.</param>
    /// <param name="pointer">Where the schema holding the discriminator is written.</param>
    /// <param name="owner">The type the discriminator belongs to.</param>
    /// <param name="instead">What a payload with that value is read as, for the message: "reads as Event".</param>
    public static void ReportOutsideComponents(BuildContext context, string pointer, string owner, string instead)
    {
        var at = pointer + "/discriminator/mapping";
        if (!SourceMap.TryFind(context.Spec.Root, at, out var node) || node is not JsonObject mapping)
        {
            return;
        }

        foreach (var pair in mapping)
        {
            if (pair.Value is not JsonValue value || !value.TryGetValue<string>(out var text) || !text.StartsWith("#", StringComparison.Ordinal)
                || SourceMap.ParsePointer(text) is not { } segments || SchemaReferences.ComponentAt(text) is not null)
            {
                continue;
            }

            var where = segments.Count > 0 && segments[0] == "paths" ? "into a path"
                : segments.Count > 3 && segments[0] == "components" && segments[1] == "schemas" ? "inside the component schema '" + segments[2] + "'"
                : "outside the component schemas";
            context.Report(
                Descriptors.ValueLeftOut,
                at + "/" + SchemaFacts.Escape(pair.Key),
                $"The discriminator mapping of '{pair.Key}' on '{owner}' leads {where} ('{text}'), not to a component schema; a value selects a component schema, so this entry is left out and a payload whose '{DiscriminatorProperty(mapping.Parent)}' is '{pair.Key}' {instead}");
        }
    }

    private static string DiscriminatorProperty(JsonNode? discriminator)
        => discriminator is JsonObject obj && obj["propertyName"] is JsonValue name && name.TryGetValue<string>(out var text) ? text : "discriminator";
}
