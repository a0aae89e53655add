using Microsoft.OpenApi;
using OpenApiGen.Model;
using OpenApiGen.Naming;

namespace OpenApiGen.Building;

/// <summary>An array is a list of its items' type; an object without properties a map of its additionalProperties' type.</summary>
internal static class CollectionBuilder
{
    public static TypeRef? TryBuild(BuildContext context, IOpenApiSchema schema, string name, string pointer)
        => PrimitiveBuilder.SingleType(schema) is { } type && TryBuildOfType(context, schema, type, name, pointer) is { } collection
            ? collection.WithNullable(SchemaFacts.AllowsNull(schema))
            : null;

    public static TypeRef? TryBuildOfType(BuildContext context, IOpenApiSchema schema, JsonSchemaType type, string name, string pointer)
    {
        switch (type)
        {
            case JsonSchemaType.Array:
                var element = schema.Items is null
                    ? new TypeRef(TypeKind.Json)
                    : TypeResolver.Resolve(context, schema.Items, Identifier.Singularize(name), pointer + "/items");
                return new TypeRef(TypeKind.List, Element: element);
            case JsonSchemaType.Object:
                var value = schema.AdditionalProperties is null
                    ? new TypeRef(TypeKind.Json)
                    : TypeResolver.Resolve(context, schema.AdditionalProperties, name + "Value", pointer + "/additionalProperties");
                return new TypeRef(TypeKind.Map, Element: value);
            default:
                return null;
        }
    }
}
