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
    /// <remarks>
    /// Walked with a stack of its own, not by recursion: a chain of components each an <c>allOf</c> of the next is as
    /// long as the spec makes it, and thousands of them must not overflow the compiler's stack.
    /// </remarks>
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

        // Each part's members come before the schema's own, in the order the parts are written.
        var stack = new Stack<Frame>();
        stack.Push(new Frame(schema, pointer, skipAllOf));
        while (stack.Count > 0)
        {
            var frame = stack.Peek();
            if (frame.Schema.AllOf is { } parts && frame.Next < parts.Count)
            {
                var i = frame.Next++;
                if (i != frame.Skip && Part(context, parts[i], frame.Pointer + "/allOf/" + i) is ({ } part, var partPointer) && visited.Add(part))
                {
                    stack.Push(new Frame(part, partPointer, -1));
                }

                continue;
            }

            stack.Pop();
            AddOwn(frame.Schema, frame.Pointer, properties, required);
        }
    }

    /// <summary>An <c>allOf</c> part as a schema to collect from, and where it is; none when its reference does not resolve (reported).</summary>
    private static (IOpenApiSchema? Part, string Pointer) Part(BuildContext context, IOpenApiSchema part, string partPointer)
    {
        if (part is not OpenApiSchemaReference reference)
        {
            return (part, partPointer);
        }

        var (target, targetPointer) = SchemaReferences.ComponentId(reference) is { } id && context.Components.TryGetValue(id, out var component)
            ? (component, BuildContext.ComponentPointer(id))
            : ReferenceBuilder.Dereference(context, reference, partPointer);
        if (target is null)
        {
            context.Report(Descriptors.UnresolvedReference, partPointer, reference.Reference?.ReferenceV3 ?? "(empty)");
            return (null, partPointer);
        }

        return (target, targetPointer ?? partPointer);
    }

    private static void AddOwn(IOpenApiSchema schema, string pointer, List<CollectedProperty> properties, HashSet<string> required)
    {
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

    private sealed class Frame
    {
        public Frame(IOpenApiSchema schema, string pointer, int skip) => (Schema, Pointer, Skip) = (schema, pointer, skip);

        public IOpenApiSchema Schema { get; }

        public string Pointer { get; }

        /// <summary>The part left out (the base class's, whose members are inherited), or -1.</summary>
        public int Skip { get; }

        /// <summary>The next part to collect.</summary>
        public int Next { get; set; }
    }

    /// <summary>A set that tells schemas apart by identity, for <see cref="Collect"/>'s visited schemas.</summary>
    public static HashSet<IOpenApiSchema> NewVisited() => new(SchemaIdentity.Instance);
}
