using Microsoft.OpenApi;
using OpenApiGen.Model;

namespace OpenApiGen.Building;

/// <summary><c>allOf: [$ref]</c>, how 3.0 attaches a description to a reference: the part's type.</summary>
internal static class SingleAllOfBuilder
{
    public static TypeRef? TryBuild(BuildContext context, IOpenApiSchema schema, string name, string pointer)
    {
        if (schema.AllOf is not { Count: 1 } allOf)
        {
            return null;
        }

        var inner = TypeResolver.Resolve(context, allOf[0], name, pointer + "/allOf/0");
        return inner.WithNullable(SchemaFacts.AllowsNull(schema) || inner.IsNullable);
    }
}
