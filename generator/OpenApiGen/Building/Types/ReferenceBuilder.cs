using Microsoft.OpenApi;
using OpenApiGen.Diagnostics;
using OpenApiGen.Model;

namespace OpenApiGen.Building;

/// <summary>
/// A <c>$ref</c>: a component's type, or else what the pointer leads to, followed as the spec writes it (see
/// <see cref="SchemaReferences"/>) and named where it is declared.
/// </summary>
internal static class ReferenceBuilder
{
    public static TypeRef Build(BuildContext context, OpenApiSchemaReference reference, string name, string pointer)
    {
        if (SchemaReferences.ComponentId(reference) is { } id && context.Components.ContainsKey(id))
        {
            return TypeResolver.ResolveComponent(context, id);
        }

        if (Dereference(context, reference, pointer) is ({ } target, var targetPointer))
        {
            // Microsoft.OpenApi keeps a percent-encoded component reference's id encoded (%54hing); followed, it is
            // still that component.
            if (targetPointer is not null && SchemaReferences.ComponentAt(targetPointer) is { } component && context.Components.ContainsKey(component))
            {
                return TypeResolver.ResolveComponent(context, component);
            }

            // A schema already typed (or declared: a type is referenced before it is built) is that type, cycles included.
            if (context.References.TryGetInline(target, out var typed))
            {
                return typed;
            }

            // A reference into a schema names the type as its declaration would, whichever is met first.
            var declaredName = targetPointer is null ? name : SchemaReferences.DeclaredName(targetPointer, context.Names.ComponentName) ?? name;
            var key = targetPointer ?? pointer;
            if (context.References.FollowingTooDeep)
            {
                context.Report(Descriptors.UnsupportedConstruct, pointer, $"A chain of more than {TypeReferences.MaxFollowing} references that each contain the next", reference.Reference?.ReferenceV3 ?? pointer);
                return new TypeRef(TypeKind.Json, IsNullable: true);
            }

            if (!context.References.StartFollowing(key))
            {
                context.Report(Descriptors.UnsupportedConstruct, pointer, "A $ref cycle that passes through no object", reference.Reference?.ReferenceV3 ?? pointer);
                return new TypeRef(TypeKind.Json, IsNullable: true);
            }

            var followed = TypeResolver.Resolve(context, target, declaredName, key);
            context.References.StopFollowing(key);
            return followed;
        }

        context.Report(Descriptors.UnresolvedReference, pointer, reference.Reference?.ReferenceV3 ?? reference.Reference?.Id ?? "(empty)");
        return new TypeRef(TypeKind.Json, IsNullable: true);
    }

    /// <summary>
    /// What a reference that names no component leads to, and where that is in the document: followed by its own text
    /// for a local pointer, else as Microsoft.OpenApi resolves it; no target when it leads nowhere.
    /// </summary>
    public static (IOpenApiSchema? Target, string? Pointer) Dereference(BuildContext context, OpenApiSchemaReference reference, string pointer)
    {
        if (SchemaReferences.LocalPointer(reference, context.Spec.Root, pointer) is { } local)
        {
            return (SchemaReferences.Find(context.Spec.Document, local), local);
        }

        return (SchemaFacts.Target(reference), null);
    }
}
