using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenApiGen.Model;

namespace OpenApiGen.Building;

/// <summary>
/// Turns a spec's <c>default</c> into the C# expression a property is initialised with.
/// Returns null (and the caller reports it) when the default does not fit the property's type.
/// </summary>
internal static class DefaultValues
{
    /// <summary>True when the default is of a kind we initialise with; structured defaults are documented only.</summary>
    public static bool IsScalar(JsonNode node) => node is JsonValue;

    public static string? ToExpression(JsonNode node, TypeRef type, Func<string, string?> enumMember)
    {
        if (node is not JsonValue value)
        {
            return null;
        }

        var kind = value.GetValueKind();
        switch (type.Kind)
        {
            case TypeKind.String when kind == JsonValueKind.String:
                return Emit.Escape.Literal(value.GetValue<string>());
            case TypeKind.Boolean when kind is JsonValueKind.True or JsonValueKind.False:
                return kind == JsonValueKind.True ? "true" : "false";
            case TypeKind.Enum when kind == JsonValueKind.String:
                var text = value.GetValue<string>();
                var member = enumMember(text);
                return member is not null
                    ? $"global::{type.Name}.{member}"
                    : $"new global::{type.Name}({Emit.Escape.Literal(text)})";
            case TypeKind.Uri when kind == JsonValueKind.String:
                return $"new global::System.Uri({Emit.Escape.Literal(value.GetValue<string>())}, global::System.UriKind.RelativeOrAbsolute)";
            case TypeKind.Guid when kind == JsonValueKind.String && Guid.TryParse(value.GetValue<string>(), out var guid):
                return $"new global::System.Guid(\"{guid.ToString("D", CultureInfo.InvariantCulture)}\")";
            case TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single or TypeKind.Double or TypeKind.Decimal when kind == JsonValueKind.Number:
                return Number(value.ToJsonString(), type.Kind);
            default:
                return null;
        }
    }

    private static string? Number(string json, TypeKind kind)
    {
        if (!decimal.TryParse(json, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        var isIntegral = decimal.Truncate(number) == number;
        switch (kind)
        {
            case TypeKind.Int32:
                return isIntegral && number >= int.MinValue && number <= int.MaxValue ? number.ToString("0", CultureInfo.InvariantCulture) : null;
            case TypeKind.Int64:
                return isIntegral && number >= long.MinValue && number <= long.MaxValue ? number.ToString("0", CultureInfo.InvariantCulture) + "L" : null;
            case TypeKind.Single:
                return Trim(number) + "f";
            case TypeKind.Double:
                return Trim(number) + "d";
            case TypeKind.Decimal:
                return Trim(number) + "m";
            default:
                return null;
        }
    }

    private static string Trim(decimal number)
    {
        var text = number.ToString(CultureInfo.InvariantCulture);
        return text.IndexOf('.') >= 0 ? text.TrimEnd('0').TrimEnd('.') : text;
    }
}
