using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using OpenApiGen.Naming;
using OpenApiGen.Reading;

namespace OpenApiGen.Building;

/// <summary>
/// Where a schema <c>$ref</c> points. Microsoft.OpenApi resolves <c>#/components/schemas/X</c>; a reference into a
/// schema (<c>#/components/schemas/Outer/properties/inner</c>, <c>.../$defs/Deep</c>) or into a path keeps its text
/// but gets the pointer's last segment as its id, so it resolved to a component of that name when there was one (the
/// wrong type, silently) or to nothing (OAG004). These follow the reference's own text through the document instead.
/// </summary>
internal static class SchemaReferences
{
    /// <summary>The component a reference names, when it names a component itself and nothing inside one; else null.</summary>
    public static string? ComponentId(OpenApiSchemaReference reference)
        => reference.Reference is { IsExternal: false, Id: { } id, ReferenceV3: { } text }
           && string.Equals(ComponentOf(SourceMap.ParsePointer(text) ?? new List<string>()), id, StringComparison.Ordinal)
            ? id
            : null;

    /// <summary>The component a JSON pointer names (<c>/components/schemas/X</c>), or null when it leads elsewhere.</summary>
    public static string? ComponentAt(string pointer) => ComponentOf(Segments(pointer));

    private static string? ComponentOf(IReadOnlyList<string> segments)
        => segments.Count == 3 && segments[0] == "components" && segments[1] == "schemas" ? segments[2] : null;

    /// <summary>
    /// The JSON pointer a local reference leads to: its text as the spec writes it at <paramref name="at"/> (Microsoft.OpenApi
    /// rewrites references into paths), else as Microsoft.OpenApi kept it; null for a reference to another document.
    /// </summary>
    public static string? LocalPointer(OpenApiSchemaReference reference, JsonNode root, string at)
    {
        var text = SourceMap.TryFind(root, at, out var node) && node is JsonObject { } written && written["$ref"] is JsonValue value && value.TryGetValue<string>(out var own)
            ? own
            : reference.Reference?.ReferenceV3;

        // Decoded (percent-encoding, ~1, ~0) and written again as the plain pointers the rest of the builder uses.
        return text is { Length: > 0 } && text[0] == '#' && SourceMap.ParsePointer(text) is { } segments
            ? string.Concat(segments.Select(static s => "/" + SchemaFacts.Escape(s)))
            : null;
    }

    /// <summary>The schema a JSON pointer leads to in the document's object model, or null when it leads to no schema.</summary>
    public static IOpenApiSchema? Find(OpenApiDocument document, string pointer)
    {
        object? current = document;
        foreach (var segment in Segments(pointer))
        {
            current = current switch
            {
                OpenApiDocument d => segment switch { "components" => d.Components, "paths" => d.Paths, "webhooks" => d.Webhooks, _ => null },
                OpenApiComponents c => segment switch
                {
                    "schemas" => c.Schemas,
                    "parameters" => c.Parameters,
                    "responses" => c.Responses,
                    "requestBodies" => c.RequestBodies,
                    "headers" => c.Headers,
                    "pathItems" => c.PathItems,
                    _ => null,
                },
                IOpenApiSchema s => segment switch
                {
                    "properties" => s.Properties,
                    "patternProperties" => s.PatternProperties,
                    "$defs" => s.Definitions,
                    "items" => s.Items,
                    "additionalProperties" => s.AdditionalProperties,
                    "not" => s.Not,
                    "allOf" => s.AllOf,
                    "oneOf" => s.OneOf,
                    "anyOf" => s.AnyOf,
                    _ => null,
                },
                IOpenApiPathItem p => segment == "parameters" ? p.Parameters : p.Operations?.FirstOrDefault(o => string.Equals(o.Key.Method, segment, StringComparison.OrdinalIgnoreCase)).Value,
                OpenApiOperation o => segment switch { "parameters" => o.Parameters, "requestBody" => o.RequestBody, "responses" => o.Responses, _ => null },
                IOpenApiParameter p => segment switch { "schema" => p.Schema, "content" => p.Content, _ => null },
                IOpenApiRequestBody b => segment == "content" ? b.Content : null,
                IOpenApiResponse r => segment switch { "content" => r.Content, "headers" => r.Headers, _ => null },
                IOpenApiHeader h => segment switch { "schema" => h.Schema, "content" => h.Content, _ => null },
                IOpenApiMediaType m => segment == "schema" ? m.Schema : null,
                IDictionary map => map.Contains(segment) ? map[segment] : null,
                IList list => int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < list.Count ? list[index] : null,
                _ => null,
            };
        }

        return current as IOpenApiSchema;
    }

    /// <summary>
    /// The name the schema at a pointer gets where it is declared, for a pointer into a component through properties,
    /// <c>$defs</c>, items and additionalProperties (<c>Outer/properties/inner</c> is <c>OuterInner</c>), so that a
    /// reference naming it first gives it that name too; null for any other pointer.
    /// </summary>
    /// <param name="pointer">The JSON pointer.</param>
    /// <param name="componentName">The type name of a component, by its id.</param>
    public static string? DeclaredName(string pointer, Func<string, string> componentName)
    {
        var segments = Segments(pointer);
        if (segments.Count < 3 || segments[0] != "components" || segments[1] != "schemas")
        {
            return null;
        }

        var name = componentName(segments[2]);
        for (var i = 3; i < segments.Count; i++)
        {
            switch (segments[i])
            {
                case "properties" or "$defs" when i + 1 < segments.Count:
                    name += Identifier.ToPascalCase(segments[++i]);
                    break;
                case "items":
                    name = Identifier.Singularize(name);
                    break;
                case "additionalProperties":
                    name += "Value";
                    break;
                default:
                    return null;
            }
        }

        return name;
    }

    private static IReadOnlyList<string> Segments(string pointer) => SourceMap.ParsePointer(pointer) ?? new List<string>();
}
