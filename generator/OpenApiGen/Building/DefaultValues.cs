using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenApiGen.Model;

namespace OpenApiGen.Building;

/// <summary>
/// A spec's <c>default</c> as a value of its property's type. Returns null (and the caller reports it) when the
/// default does not fit the type: a fraction for an integer, text for a number, a malformed GUID, a union none of
/// whose cases it fits.
/// </summary>
internal static class DefaultValues
{
    /// <summary>True when the default is of a kind we initialise with; structured defaults are documented only.</summary>
    public static bool IsScalar(JsonNode node) => node is JsonValue;

    public static DefaultValueModel? From(JsonNode node, TypeRef type, Func<string, string?> enumMember)
    {
        if (node is not JsonValue value)
        {
            return null;
        }

        var kind = value.GetValueKind();
        switch (type.Kind)
        {
            case TypeKind.String or TypeKind.Uri when kind == JsonValueKind.String:
                return new DefaultValueModel(Text: value.GetValue<string>());
            case TypeKind.Boolean when kind is JsonValueKind.True or JsonValueKind.False:
                return new DefaultValueModel(Boolean: kind == JsonValueKind.True);
            case TypeKind.Enum when kind == JsonValueKind.String:
                var text = value.GetValue<string>();
                return enumMember(text) is { } member ? new DefaultValueModel(EnumMember: member) : new DefaultValueModel(Text: text);
            case TypeKind.Guid when kind == JsonValueKind.String && Guid.TryParse(value.GetValue<string>(), out var guid):
                return new DefaultValueModel(Text: guid.ToString("D", CultureInfo.InvariantCulture));
            case TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single or TypeKind.Double or TypeKind.Decimal when kind == JsonValueKind.Number:
                return Number(value.ToJsonString(), type.Kind) is { } number ? new DefaultValueModel(Number: number) : null;
            default:
                return null;
        }
    }

    /// <summary>
    /// A union's default as the case it fits: a member an enum case names first (<c>en_us</c> of a LanguageCode-or-string
    /// union), then any other case in the union's order, then an enum case's value it does not name.
    /// </summary>
    public static DefaultValueModel? ForUnion(JsonNode node, UnionTypeModel union, Func<TypeRef, string, string?> enumMember)
    {
        DefaultValueModel? best = null;
        var bestRank = int.MaxValue;
        foreach (var @case in union.Cases)
        {
            if (From(node, @case.Type, value => enumMember(@case.Type, value)) is not { } value)
            {
                continue;
            }

            var rank = @case.Type.Kind != TypeKind.Enum ? 1 : value.EnumMember is not null ? 0 : 2;
            if (rank < bestRank)
            {
                (best, bestRank) = (value with { Case = @case.Type }, rank);
            }
        }

        return best;
    }

    private static decimal? Number(string json, TypeKind kind)
    {
        if (!decimal.TryParse(json, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        var isIntegral = decimal.Truncate(number) == number;
        return kind switch
        {
            TypeKind.Int32 => isIntegral && number >= int.MinValue && number <= int.MaxValue ? number : null,
            TypeKind.Int64 => isIntegral && number >= long.MinValue && number <= long.MaxValue ? number : null,
            _ => number,
        };
    }
}
