using System.Linq;
using Microsoft.OpenApi;
using OpenApiGen.Model;

namespace OpenApiGen.Building;

/// <summary>
/// <c>allOf: [$ref]</c>, how 3.0 attaches a description (or <c>nullable: true</c>) to a reference: the part's type. A
/// part that says only <c>nullable: true</c> does not count, it makes the type nullable (<see cref="TypelessNullable"/>).
/// </summary>
internal static class SingleAllOfBuilder
{
    public static TypeRef? TryBuild(BuildContext context, IOpenApiSchema schema, string name, string pointer)
    {
        if (schema.AllOf is not { Count: > 0 } allOf)
        {
            return null;
        }

        var parts = Enumerable.Range(0, allOf.Count).Where(i => !SchemaFacts.IsNullOnly(allOf[i])).ToList();
        if (parts.Count != 1)
        {
            return null;
        }

        var inner = TypeResolver.Resolve(context, allOf[parts[0]], name, pointer + "/allOf/" + parts[0].ToString(System.Globalization.CultureInfo.InvariantCulture));
        return inner.WithNullable(SchemaFacts.AllowsNull(schema) || inner.IsNullable);
    }
}
