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

    // Unions whose cases are unions, followed this deep (two unions may hold each other).
    private const int MaxUnionNesting = 8;

    /// <summary>
    /// A union's default as the case it fits: a member an enum case names first (<c>en_us</c> of a LanguageCode-or-string
    /// union), then any other case in the union's order, then an enum case's value it does not name. A case that is a
    /// union itself is chosen the same way, inside it (<paramref name="unionOf"/> gives its model); the value then holds
    /// the inner union's default as <see cref="DefaultValueModel.Inner"/>.
    /// </summary>
    public static DefaultValueModel? ForUnion(JsonNode node, UnionTypeModel union, Func<TypeRef, string, string?> enumMember, Func<TypeRef, UnionTypeModel?> unionOf)
        => ForUnion(node, union, enumMember, unionOf, 0)?.Value;

    private static (DefaultValueModel Value, int Rank)? ForUnion(JsonNode node, UnionTypeModel union, Func<TypeRef, string, string?> enumMember, Func<TypeRef, UnionTypeModel?> unionOf, int depth)
    {
        (DefaultValueModel Value, int Rank)? best = null;
        foreach (var @case in union.Cases)
        {
            (DefaultValueModel Value, int Rank)? found;
            if (@case.Type.Kind == TypeKind.Union)
            {
                found = depth < MaxUnionNesting && unionOf(@case.Type) is { } inner && ForUnion(node, inner, enumMember, unionOf, depth + 1) is { } nested
                    ? (new DefaultValueModel(Case: @case.Type, Inner: nested.Value), nested.Rank)
                    : null;
            }
            else
            {
                found = From(node, @case.Type, value => enumMember(@case.Type, value)) is { } value
                    ? (value with { Case = @case.Type }, @case.Type.Kind != TypeKind.Enum ? 1 : value.EnumMember is not null ? 0 : 2)
                    : null;
            }

            if (found is { } candidate && (best is null || candidate.Rank < best.Value.Rank))
            {
                best = candidate;
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
