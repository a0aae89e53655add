using System.Globalization;
using OpenApiGen.Model;

namespace OpenApiGen.Emit;

/// <summary>A spec's default, spelled as the C# expression of its property's type.</summary>
internal static class DefaultValueCode
{
    public static string Of(DefaultValueModel value, TypeRef type) => type.Kind switch
    {
        TypeKind.Union when value.Case is { } @case => $"new {TypeNames.Of(type.Name!)}({Of(value.Inner ?? value, @case)})",
        TypeKind.Boolean => value.Boolean == true ? "true" : "false",
        TypeKind.Enum when value.EnumMember is { } member => TypeNames.Of(type.Name!) + "." + member,
        TypeKind.Enum => $"new {TypeNames.Of(type.Name!)}({Escape.Literal(value.Text!)})",
        TypeKind.Uri => $"new global::System.Uri({Escape.Literal(value.Text!)}, global::System.UriKind.RelativeOrAbsolute)",
        TypeKind.Guid => $"new global::System.Guid({Escape.Literal(value.Text!)})",
        TypeKind.Int32 => value.Number!.Value.ToString("0", CultureInfo.InvariantCulture),
        TypeKind.Int64 => value.Number!.Value.ToString("0", CultureInfo.InvariantCulture) + "L",
        TypeKind.Single => Trim(value.Number!.Value) + "f",
        TypeKind.Double => Trim(value.Number!.Value) + "d",
        TypeKind.Decimal => Trim(value.Number!.Value) + "m",
        _ => Escape.Literal(value.Text!),
    };

    /// <summary>A property's initialiser, or null when it has no default.</summary>
    public static string? Of(PropertyModel property) => property.Default is { } value ? Of(value, property.Type) : null;

    private static string Trim(decimal number)
    {
        var text = number.ToString(CultureInfo.InvariantCulture);
        return text.IndexOf('.') >= 0 ? text.TrimEnd('0').TrimEnd('.') : text;
    }
}
