using System.Linq;
using Microsoft.OpenApi;
using OpenApiGen.Model;

namespace OpenApiGen.Building;

/// <summary>What a schema becomes: a generated type of its own (an object, an extensible enum, a union), or what it contains.</summary>
internal enum Shape
{
    /// <summary>No type of its own: a reference, a primitive, a list or map, a nullable alternative.</summary>
    Other,
    Object,
    Enum,
    Union,
}

/// <summary>Tells a schema's <see cref="Shape"/> from its keywords alone, wherever it stands.</summary>
internal static class SchemaShape
{
    public static Shape Of(IOpenApiSchema schema)
    {
        if (schema is OpenApiSchemaReference)
        {
            return Shape.Other;
        }

        if (SchemaFacts.StringEnumValues(schema) is not null && !SchemaFacts.HasProperties(schema))
        {
            return Shape.Enum;
        }

        if (SchemaFacts.Alternatives(schema) is { } alternatives)
        {
            if (SchemaFacts.HasProperties(schema))
            {
                return Shape.Object;
            }

            // Branches that are all one type (a oneOf of integer consts) are that type, not a union.
            var signatures = alternatives.Where(static a => !SchemaFacts.IsNullOnly(a)).Select(static a => Signature(a, depth: 0)).Distinct(System.StringComparer.Ordinal).Count();
            return signatures > 1 ? Shape.Union : Shape.Other;
        }

        if (SchemaFacts.AllOfParts(schema) is { Count: > 0 } allOf)
        {
            return allOf.Count == 1 && !SchemaFacts.HasProperties(schema) ? Shape.Other : Shape.Object;
        }

        var type = SchemaFacts.NonNullType(schema) ?? SchemaFacts.EnumValueTypes(schema);
        if (type is { } several && !SchemaFacts.IsSingleType(several))
        {
            return Shape.Union;
        }

        return SchemaFacts.HasProperties(schema) && (type is null || type == JsonSchemaType.Object) ? Shape.Object : Shape.Other;
    }

    public static TypeKind KindOf(Shape shape) => shape switch
    {
        Shape.Enum => TypeKind.Enum,
        Shape.Union => TypeKind.Union,
        _ => TypeKind.Object,
    };

    /// <summary>What a union branch would become, cheaply, to tell whether branches differ: a component, a structure, or a JSON type and format.</summary>
    private static string Signature(IOpenApiSchema branch, int depth)
    {
        if (branch is OpenApiSchemaReference reference)
        {
            // A reference to an alias (a component that is just a string, say) is what it aliases. Structure is asked
            // first: Of would look at a target's branches, and a oneOf that holds itself would recurse without end.
            return SchemaReferences.ComponentId(reference) is not null && SchemaFacts.Target(reference) is { } target && depth < 8 && !SchemaFacts.HasStructure(target) && Of(target) == Shape.Other
                ? Signature(target, depth + 1)
                : "ref:" + (reference.Reference?.ReferenceV3 ?? string.Empty);
        }

        if (SchemaFacts.HasStructure(branch) || SchemaFacts.StringEnumValues(branch) is not null)
        {
            return "schema:" + System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(branch).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return (branch.Type?.ToString() ?? "any") + ":" + branch.Format;
    }
}
