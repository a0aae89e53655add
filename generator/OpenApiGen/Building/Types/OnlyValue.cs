using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using OpenApiGen.Model;

namespace OpenApiGen.Building;

/// <summary>
/// The one value a member's schema allows: a <c>const</c>, or an <c>enum</c> of one value (Stripe's
/// <c>object: {enum: [list]}</c>, a 3.1 discriminator's <c>const</c>). A member the spec requires with such a value is
/// filled in with it, so a caller cannot forget what only has one right answer.
/// </summary>
internal static class OnlyValue
{
    /// <summary>The value as JSON, or null when the schema allows null, several values, or none named.</summary>
    public static JsonNode? Of(IOpenApiSchema schema, TypeRef type)
    {
        if (type.IsNullable)
        {
            return null;
        }

        var keywords = SchemaFacts.KeywordSource(schema);
        if (keywords.Enum is { Count: > 0 } values)
        {
            // null among the values is a second value; the same value written twice is still one.
            if (values.Any(SchemaFacts.IsNull))
            {
                return null;
            }

            var first = values[0]!;
            return values.All(v => JsonNode.DeepEquals(v, first)) ? first : null;
        }

        // Microsoft.OpenApi keeps 'const' as text: read back as the member's type says.
        return keywords.Const is { } text ? Parse(text, type.Kind) : null;
    }

    private static JsonNode? Parse(string text, TypeKind kind) => kind switch
    {
        TypeKind.Boolean => text is "true" ? JsonValue.Create(true) : text is "false" ? JsonValue.Create(false) : null,
        TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single or TypeKind.Double or TypeKind.Decimal
            => decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? JsonNode.Parse(text) : null,
        _ => JsonValue.Create(text),
    };
}
