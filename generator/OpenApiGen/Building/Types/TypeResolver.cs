using System.Linq;
using Microsoft.OpenApi;
using OpenApiGen.Diagnostics;
using OpenApiGen.Model;
using OpenApiGen.Naming;

namespace OpenApiGen.Building;

/// <summary>
/// The chain of builders that types a schema wherever it stands, each in its own file and tried in this order, as
/// Mapperly's mapping builders are: a reference; a schema already typed; a type of its own (object, enum, union),
/// named here and built later from the <see cref="Worklist"/>; or what a schema contains (nullable alternatives,
/// <c>allOf</c> of one, a list or map, a primitive).
/// </summary>
internal static class TypeResolver
{
    /// <param name="context">The spec's build.</param>
    /// <param name="schema">The schema.</param>
    /// <param name="name">The name a type of its own gets here (its place: <c>ImageGenerationResponseStatus</c>).</param>
    /// <param name="pointer">Where the schema is, for diagnostics.</param>
    public static TypeRef Resolve(BuildContext context, IOpenApiSchema schema, string name, string pointer)
    {
        context.CancellationToken.ThrowIfCancellationRequested();
        if (schema is OpenApiSchemaReference reference)
        {
            return ReferenceBuilder.Build(context, reference, name, pointer);
        }

        if (context.References.TryGetInline(schema, out var known))
        {
            return known;
        }

        var resolved = Inline(context, schema, name, pointer);
        context.References.SetInline(schema, resolved);
        return resolved;
    }

    /// <summary>A component schema's type: its own type, declared the first time it is met, or what it aliases.</summary>
    public static TypeRef ResolveComponent(BuildContext context, string id)
    {
        if (context.References.TryGetComponent(id, out var known))
        {
            return known;
        }

        var schema = context.Components[id];
        var pointer = BuildContext.ComponentPointer(id);
        if (context.Names.TryGetComponentName(id, out var name))
        {
            var declared = context.Declare(schema, SchemaShape.Of(schema), name, pointer, SchemaFacts.AllowsNull(schema));
            context.References.SetComponent(id, declared);
            return declared;
        }

        // A component that is no type of its own (a string with a format, an array, a union) stands for what it contains.
        if (context.References.FollowingTooDeep)
        {
            context.Report(Descriptors.UnsupportedConstruct, pointer, $"A chain of more than {TypeReferences.MaxFollowing} components that each contain the next", id);
            return new TypeRef(TypeKind.Json, IsNullable: true);
        }

        if (!context.References.StartFollowing(id))
        {
            context.Report(Descriptors.UnsupportedConstruct, pointer, "A $ref cycle that passes through no object", id);
            return new TypeRef(TypeKind.Json, IsNullable: true);
        }

        var resolved = Resolve(context, schema, Identifier.ToPascalCase(id), pointer);
        context.References.StopFollowing(id);
        context.References.SetComponent(id, resolved);
        return resolved;
    }

    /// <summary>The type of a schema read as one JSON type only (for a 3.1 type array, each of its types in turn).</summary>
    public static TypeRef OfType(BuildContext context, IOpenApiSchema schema, JsonSchemaType type, string name, string pointer)
        => CollectionBuilder.TryBuildOfType(context, schema, type, name, pointer) ?? PrimitiveBuilder.OfType(schema, type);

    private static TypeRef Inline(BuildContext context, IOpenApiSchema schema, string name, string pointer)
    {
        var shape = SchemaShape.Of(schema);
        if (shape != Shape.Other)
        {
            var claimed = context.Names.Claim(name, $"the schema at {pointer}", pointer, shape);
            var nullable = SchemaFacts.AllowsNull(schema) || (shape == Shape.Enum && schema.Enum?.Any(SchemaFacts.IsNull) == true);
            return context.Declare(schema, shape, claimed, pointer, nullable);
        }

        return NullableAlternativesBuilder.TryBuild(context, schema, name, pointer)
            ?? SingleAllOfBuilder.TryBuild(context, schema, name, pointer)
            ?? CollectionBuilder.TryBuild(context, schema, name, pointer)
            ?? PrimitiveBuilder.Build(schema);
    }
}
