using System;
using System.Collections.Generic;
using Microsoft.OpenApi;
using OpenApiGen.Diagnostics;

namespace OpenApiGen.Building;

/// <summary>One member an object schema declares, itself or through an <c>allOf</c> part: its wire name, schema and place.</summary>
internal readonly record struct CollectedProperty(string Wire, IOpenApiSchema Schema, string Pointer);

/// <summary>
/// The members of an object schema: its own and those of every <c>allOf</c> part, flattened; a later declaration of a
/// name replaces an earlier one in place, and <c>required</c> adds up.
/// </summary>
internal static class PropertyCollector
{
    public static void Collect(
        BuildContext context,
        IOpenApiSchema schema,
        string pointer,
        List<CollectedProperty> properties,
        HashSet<string> required,
        HashSet<IOpenApiSchema> visited,
        int skipAllOf = -1)
    {
        if (!visited.Add(schema))
        {
            return;
        }

        if (schema.AllOf is not null)
        {
            for (var i = 0; i < schema.AllOf.Count; i++)
            {
                if (i == skipAllOf)
                {
                    continue;
                }

                var part = schema.AllOf[i];
                var partPointer = pointer + "/allOf/" + i;
                if (part is OpenApiSchemaReference reference)
                {
                    var (target, targetPointer) = SchemaReferences.ComponentId(reference) is { } id && context.Components.TryGetValue(id, out var component)
                        ? (component, BuildContext.ComponentPointer(id))
                        : ReferenceBuilder.Dereference(context, reference, partPointer);
                    if (target is null)
                    {
                        context.Report(Descriptors.UnresolvedReference, partPointer, reference.Reference?.ReferenceV3 ?? "(empty)");
                        continue;
                    }

                    partPointer = targetPointer ?? partPointer;
                    part = target;
                }

                Collect(context, part, partPointer, properties, required, visited);
            }
        }

        if (schema.Properties is not null)
        {
            foreach (var property in schema.Properties)
            {
                var entry = new CollectedProperty(property.Key, property.Value, pointer + "/properties/" + SchemaFacts.Escape(property.Key));
                var index = properties.FindIndex(p => string.Equals(p.Wire, property.Key, StringComparison.Ordinal));
                if (index >= 0)
                {
                    properties[index] = entry;
                }
                else
                {
                    properties.Add(entry);
                }
            }
        }

        if (schema.Required is not null)
        {
            required.UnionWith(schema.Required);
        }
    }

    /// <summary>A set that tells schemas apart by identity, for <see cref="Collect"/>'s visited schemas.</summary>
    public static HashSet<IOpenApiSchema> NewVisited() => new(SchemaIdentity.Instance);
}
