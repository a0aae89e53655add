namespace OpenApiGen.Model;

internal enum TypeKind
{
    String,
    Boolean,
    Int32,
    Int64,
    Single,
    Double,
    Decimal,
    DateTimeOffset,
    DateOnly,
    TimeSpan,
    Guid,
    Uri,
    Bytes,

    /// <summary><c>format: binary</c>: raw content, a stream (base64 when it must travel inside JSON).</summary>
    Binary,

    /// <summary>Any JSON: a schema with no type, or one the generator cannot type precisely.</summary>
    Json,

    /// <summary>A generated class.</summary>
    Object,

    /// <summary>A generated extensible enum (a readonly struct).</summary>
    Enum,

    /// <summary>A generated union (a class holding one of several cases).</summary>
    Union,
    List,
    Map,
}

/// <summary>A generated type's name: its namespace and its own name, apart, so nothing has to cut a qualified name back.</summary>
internal sealed record TypeName(string Namespace, string Name);

/// <summary>The C# type of a value. <paramref name="Name"/> is set for generated types, <paramref name="Element"/> for lists and maps.</summary>
internal sealed record TypeRef(TypeKind Kind, bool IsNullable = false, TypeName? Name = null, TypeRef? Element = null)
{
    public bool IsValueType => Kind switch
    {
        TypeKind.String or TypeKind.Uri or TypeKind.Bytes or TypeKind.Binary or TypeKind.Object or TypeKind.Union or TypeKind.List or TypeKind.Map => false,
        _ => true,
    };

    public TypeRef WithNullable(bool nullable) => nullable == IsNullable ? this : this with { IsNullable = nullable };

    public static TypeRef Of(TypeKind kind) => new(kind);
}
