using System.Linq;
using Microsoft.OpenApi;
using OpenApiGen.Model;

namespace OpenApiGen.Building;

/// <summary>
/// A <c>oneOf</c>/<c>anyOf</c> that is no union: one real branch beside <c>null</c> is that branch, nullable, and
/// branches that are all the same type (3.1's <c>oneOf</c> of consts for an integer enum) are that type.
/// </summary>
internal static class NullableAlternativesBuilder
{
    public static TypeRef? TryBuild(BuildContext context, IOpenApiSchema schema, string name, string pointer)
    {
        if (SchemaFacts.Alternatives(schema) is not { } alternatives)
        {
            return null;
        }

        var keyword = SchemaFacts.AlternativesKeyword(schema);
        var branches = Enumerable.Range(0, alternatives.Count).Where(i => !SchemaFacts.IsNullOnly(alternatives[i])).ToList();
        var nullable = SchemaFacts.AllowsNull(schema) || branches.Count < alternatives.Count;
        if (branches.Count == 0)
        {
            return new TypeRef(TypeKind.Json, nullable);
        }

        var single = TypeResolver.Resolve(context, alternatives[branches[0]], name, pointer + "/" + keyword + "/" + branches[0]);
        return single.WithNullable(nullable || single.IsNullable);
    }
}
