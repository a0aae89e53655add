using System.Globalization;
using OpenApiGen.Model;

namespace OpenApiGen.Emit;

/// <summary>
/// The C# that reads or writes one value of a <see cref="TypeRef"/> with a <c>Utf8JsonReader</c>/<c>Utf8JsonWriter</c>.
/// Lists and maps nest lambdas; a depth counter keeps their parameter names distinct.
/// </summary>
internal static class JsonValueCode
{
    private const string Runtime = "global::OpenApiGen.Runtime";
    private const string ReaderType = "global::System.Text.Json.Utf8JsonReader";
    private const string OptionsType = "global::System.Text.Json.JsonSerializerOptions";

    /// <summary>An expression that reads a non-null value of <paramref name="type"/> at the reader's current token.</summary>
    public static string Read(TypeRef type, string reader, string options, int depth = 0)
    {
        switch (type.Kind)
        {
            case TypeKind.String: return $"{Runtime}.JsonRead.String(ref {reader})";
            case TypeKind.Boolean: return $"{reader}.GetBoolean()";
            case TypeKind.Int32: return $"{reader}.GetInt32()";
            case TypeKind.Int64: return $"{reader}.GetInt64()";
            case TypeKind.Single: return $"{reader}.GetSingle()";
            case TypeKind.Double: return $"{reader}.GetDouble()";
            case TypeKind.Decimal: return $"{reader}.GetDecimal()";
            case TypeKind.DateTimeOffset: return $"{reader}.GetDateTimeOffset()";
            case TypeKind.DateOnly: return $"{Runtime}.JsonRead.DateOnly(ref {reader})";
            case TypeKind.Guid: return $"{reader}.GetGuid()";
            case TypeKind.Uri: return $"{Runtime}.JsonRead.Uri(ref {reader})";
            case TypeKind.Bytes: return $"{reader}.GetBytesFromBase64()";
            case TypeKind.Binary: return $"new global::System.IO.MemoryStream({reader}.GetBytesFromBase64(), writable: false)";
            case TypeKind.Enum:
                return $"{EnumEmitter.ConverterOf(type.Name!)}.ReadValue(ref {reader}, {options})";
            case TypeKind.Object:
            case TypeKind.Union:
                return $"{TypeNames.ConverterOf(type.Name!)}.ReadValue(ref {reader}, {options})";
            case TypeKind.List:
            case TypeKind.Map:
                var r = "r" + depth.ToString(CultureInfo.InvariantCulture);
                var o = "o" + depth.ToString(CultureInfo.InvariantCulture);
                var element = type.Element!;
                var body = ReadMaybeNull(element, r, o, depth + 1);
                var helper = type.Kind == TypeKind.List ? "List" : "Map";
                return $"{Runtime}.JsonRead.{helper}<{TypeNames.Of(element)}>(ref {reader}, {options}, static (ref {ReaderType} {r}, {OptionsType} {o}) => {body})";
            default:
                return $"global::System.Text.Json.JsonElement.ParseValue(ref {reader})";
        }
    }

    /// <summary>An expression that reads a value of <paramref name="type"/>, which may be JSON null when the type is nullable.</summary>
    public static string ReadMaybeNull(TypeRef type, string reader, string options, int depth = 0)
    {
        if (!type.IsNullable)
        {
            return Read(type, reader, options, depth);
        }

        // default(T?) rather than null: in a generic lambda a bare null is taken for a reference type (CS8625).
        var none = type.IsValueType ? $"default({TypeNames.Of(type)})" : "null";
        return $"{reader}.TokenType == global::System.Text.Json.JsonTokenType.Null ? {none} : {Read(type.WithNullable(false), reader, options, depth)}";
    }

    /// <summary>A statement that writes <paramref name="value"/>, or JSON null when it is null and the type allows that.</summary>
    public static string WriteMaybeNull(TypeRef type, string writer, string value, string options, int depth = 0)
    {
        if (!type.IsNullable)
        {
            return Write(type, writer, value, options, depth);
        }

        var item = "n" + depth.ToString(CultureInfo.InvariantCulture);
        return $"if ({value} is {{ }} {item}) {{ {Write(type.WithNullable(false), writer, item, options, depth)} }} else {{ {writer}.WriteNullValue(); }}";
    }

    /// <summary>
    /// The statement(s) that write member <paramref name="name"/> (a <c>JsonEncodedText</c>) with the non-null value
    /// <paramref name="value"/>: one call where <c>Utf8JsonWriter</c> has one for the type (<see cref="IsOneCall"/>),
    /// the name and then the value otherwise.
    /// </summary>
    public static string WriteMember(TypeRef type, string writer, string name, string value, string options)
        => OneCall(type) is { } method
            ? $"{writer}.{method}({name}, {value}{(type.Kind == TypeKind.Enum ? ".ToString()" : string.Empty)});"
            : $"{writer}.WritePropertyName({name}); {Write(type, writer, value, options)}";

    /// <summary>Whether <see cref="WriteMember"/> writes <paramref name="type"/> in one statement.</summary>
    public static bool IsOneCall(TypeRef type) => OneCall(type) is not null;

    private static string? OneCall(TypeRef type) => type.Kind switch
    {
        TypeKind.String or TypeKind.DateTimeOffset or TypeKind.Guid or TypeKind.Enum => "WriteString",
        TypeKind.Boolean => "WriteBoolean",
        TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single or TypeKind.Double or TypeKind.Decimal => "WriteNumber",
        TypeKind.Bytes => "WriteBase64String",
        _ => null,
    };

    /// <summary>A statement that writes the non-null value <paramref name="value"/>.</summary>
    public static string Write(TypeRef type, string writer, string value, string options, int depth = 0)
    {
        switch (type.Kind)
        {
            case TypeKind.String:
            case TypeKind.DateTimeOffset:
            case TypeKind.Guid:
                return $"{writer}.WriteStringValue({value});";
            case TypeKind.Boolean: return $"{writer}.WriteBooleanValue({value});";
            case TypeKind.Int32:
            case TypeKind.Int64:
            case TypeKind.Single:
            case TypeKind.Double:
            case TypeKind.Decimal:
                return $"{writer}.WriteNumberValue({value});";
            case TypeKind.DateOnly: return $"{Runtime}.JsonWrite.DateOnly({writer}, {value});";
            case TypeKind.Uri: return $"{Runtime}.JsonWrite.Uri({writer}, {value});";
            case TypeKind.Bytes: return $"{writer}.WriteBase64StringValue({value});";
            case TypeKind.Binary: return $"{Runtime}.JsonWrite.Stream({writer}, {value});";
            case TypeKind.Enum: return $"{writer}.WriteStringValue({value}.ToString());";
            case TypeKind.Object:
            case TypeKind.Union:
                return $"{TypeNames.ConverterOf(type.Name!)}.WriteValue({writer}, {value}, {options});";
            case TypeKind.List:
            case TypeKind.Map:
                var w = "w" + depth.ToString(CultureInfo.InvariantCulture);
                var x = "x" + depth.ToString(CultureInfo.InvariantCulture);
                var o = "o" + depth.ToString(CultureInfo.InvariantCulture);
                var element = type.Element!;
                var body = $"{{ {WriteMaybeNull(element, w, x, o, depth + 1)} }}";
                var helper = type.Kind == TypeKind.List ? "List" : "Map";
                return $"{Runtime}.JsonWrite.{helper}<{TypeNames.Of(element)}>({writer}, {value}, {options}, static ({w}, {x}, {o}) => {body});";
            default:
                return $"{value}.WriteTo({writer});";
        }
    }
}
