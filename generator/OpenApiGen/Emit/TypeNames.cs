using OpenApiGen.Model;
using OpenApiGen.Naming;

namespace OpenApiGen.Emit;

/// <summary>The C# spelling of a <see cref="TypeRef"/>, always <c>global::</c>-qualified.</summary>
internal static class TypeNames
{
    public static string Of(TypeRef type) => NonNullable(type) + (type.IsNullable ? "?" : string.Empty);

    public static string NonNullable(TypeRef type) => type.Kind switch
    {
        TypeKind.String => "string",
        TypeKind.Boolean => "bool",
        TypeKind.Int32 => "int",
        TypeKind.Int64 => "long",
        TypeKind.Single => "float",
        TypeKind.Double => "double",
        TypeKind.Decimal => "decimal",
        TypeKind.DateTimeOffset => "global::System.DateTimeOffset",
        TypeKind.DateOnly => "global::System.DateOnly",
        TypeKind.TimeSpan => "global::System.TimeSpan",
        TypeKind.Guid => "global::System.Guid",
        TypeKind.Uri => "global::System.Uri",
        TypeKind.Bytes => "byte[]",
        TypeKind.Binary => "global::System.IO.Stream",
        TypeKind.Json => "global::System.Text.Json.JsonElement",
        TypeKind.List => "global::System.Collections.Generic.IList<" + Of(type.Element!) + ">",
        TypeKind.Map => "global::System.Collections.Generic.IDictionary<string, " + Of(type.Element!) + ">",
        _ => Of(type.Name!),
    };

    /// <summary>A generated type, <c>global::</c>-qualified.</summary>
    public static string Of(TypeName name) => "global::" + name.Namespace + "." + name.Name;

    /// <summary>The converter that reads and writes a generated type: beside it, in the Serialization namespace.</summary>
    public static string ConverterOf(TypeName name) => "global::" + name.Namespace + "." + ConverterNames.Namespace + "." + ConverterNames.Of(name.Name);
}
