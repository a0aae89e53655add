using Microsoft.OpenApi;
using OpenApiGen.Model;

namespace OpenApiGen.Building;

/// <summary>The end of the chain: a primitive by type and format, or any JSON when the schema says nothing more.</summary>
internal static class PrimitiveBuilder
{
    public static TypeRef Build(IOpenApiSchema schema)
    {
        var nullable = SchemaFacts.AllowsNull(schema);
        return SingleType(schema) is { } type ? OfType(schema, type).WithNullable(nullable) : new TypeRef(TypeKind.Json, nullable);
    }

    public static TypeRef OfType(IOpenApiSchema schema, JsonSchemaType type)
        => SchemaFacts.PrimitiveKind(schema, type) is { } kind ? new TypeRef(kind) : new TypeRef(TypeKind.Json);

    /// <summary>The one JSON type a schema that is no type of its own has: named, implied by its enum values, or by <c>items</c> or <c>additionalProperties</c>.</summary>
    public static JsonSchemaType? SingleType(IOpenApiSchema schema)
    {
        var type = SchemaFacts.NonNullType(schema) ?? SchemaFacts.EnumValueTypes(schema);
        if (type is not null)
        {
            return type;
        }

        if (schema.Items is not null)
        {
            return JsonSchemaType.Array;
        }

        return schema.AdditionalProperties is not null ? JsonSchemaType.Object : null;
    }
}
