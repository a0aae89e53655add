namespace OpenApiGen.Cli.Diff;

/// <summary>
/// What users of one spec's generated code see, and what it sends and reads: the diff's own view of a spec, read from
/// the generator's model by <see cref="SurfaceReader"/> (the only file that knows the model's shape). Names are C#
/// names, wire names are the JSON's; nothing here is C# text to emit.
/// </summary>
internal sealed record ApiSurface(
    string ClientName,
    string OptionsName,
    string? BaseAddress,
    IReadOnlyList<SurfaceType> Types,
    IReadOnlyList<SurfaceOperation> Operations,
    IReadOnlyList<SurfaceCredential> Credentials)
{
    private Dictionary<string, SurfaceType>? _byName;

    public SurfaceType? Type(string? name)
        => name is null ? null : (_byName ??= Types.ToDictionary(static t => t.Name, StringComparer.Ordinal)).GetValueOrDefault(name);
}

/// <summary>Where users meet a type: in what they send, in what they read, or both (or neither known: both, to be safe).</summary>
[Flags]
internal enum Usage
{
    None = 0,
    Request = 1,
    Response = 2,
    Both = Request | Response,
}

/// <summary>Documentation users read in IntelliSense.</summary>
internal sealed record SurfaceDocs(string? Summary, string? Description, string? Example, string? Default, bool Deprecated)
{
    public static readonly SurfaceDocs None = new(null, null, null, null, false);
}

/// <summary>A C# type as users write it: a kind, a generated type's name, a list's or map's element, and <c>?</c>.</summary>
internal sealed record CsType(CsKind Kind, string? Name = null, CsType? Element = null, bool IsNullable = false)
{
    public CsType NotNull => this with { IsNullable = false };

    public CsType WithNullable(bool nullable) => nullable == IsNullable ? this : this with { IsNullable = nullable };

    public override string ToString()
    {
        var text = Kind switch
        {
            CsKind.Object or CsKind.Enum or CsKind.Union => Name ?? "?",
            CsKind.List => $"IReadOnlyList<{Element}>",
            CsKind.Map => $"IReadOnlyDictionary<string, {Element}>",
            CsKind.Bytes => "byte[]",
            CsKind.Int32 => "int",
            CsKind.Int64 => "long",
            CsKind.Single => "float",
            CsKind.Double => "double",
            CsKind.Decimal => "decimal",
            CsKind.Boolean => "bool",
            CsKind.String => "string",
            CsKind.Json => "JsonElement",
            _ => Kind.ToString(),
        };
        return IsNullable ? text + "?" : text;
    }
}

internal enum CsKind
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
    Stream,
    Json,
    Object,
    Enum,
    Union,
    List,
    Map,
}

/// <summary>A validation keyword set, as <c>Validate()</c> checks it and the XML docs state it. Numbers are the spec's text.</summary>
internal sealed record SurfaceConstraints(
    int? MinLength,
    int? MaxLength,
    string? Pattern,
    string? Minimum,
    bool ExclusiveMinimum,
    string? Maximum,
    bool ExclusiveMaximum,
    int? MinItems,
    int? MaxItems,
    bool UniqueItems)
{
    public static readonly SurfaceConstraints None = new(null, null, null, null, false, null, false, null, null, false);
}

/// <summary>A generated type.</summary>
/// <param name="Name">Its C# name.</param>
/// <param name="Pointer">Where its schema is in the spec: how a renamed type is recognised.</param>
/// <param name="Docs">Its documentation.</param>
internal abstract record SurfaceType(string Name, string Pointer, SurfaceDocs Docs)
{
    public abstract string KindName { get; }
}

/// <summary>A class: its members, its base class, its subclasses by discriminator value, and where unknown members are kept.</summary>
internal sealed record ObjectSurface(
    string Name,
    string Pointer,
    SurfaceDocs Docs,
    IReadOnlyList<SurfaceMember> Members,
    string? BaseType,
    string? ExtensionData,
    string? DiscriminatorWireName,
    IReadOnlyList<(string Value, string Type)> Subtypes) : SurfaceType(Name, Pointer, Docs)
{
    public override string KindName => "class";
}

/// <summary>An extensible enum: its documented values.</summary>
internal sealed record EnumSurface(string Name, string Pointer, SurfaceDocs Docs, IReadOnlyList<SurfaceEnumValue> Values) : SurfaceType(Name, Pointer, Docs)
{
    public override string KindName => "enum";
}

/// <summary>A union: the cases it can hold.</summary>
internal sealed record UnionSurface(string Name, string Pointer, SurfaceDocs Docs, IReadOnlyList<(string Name, CsType Type)> Cases) : SurfaceType(Name, Pointer, Docs)
{
    public override string KindName => "union";
}

internal sealed record SurfaceEnumValue(string Name, string WireValue, string? Description);

/// <summary>A member of a class.</summary>
/// <param name="Name">Its C# name.</param>
/// <param name="WireName">Its JSON name.</param>
/// <param name="Type">Its C# type.</param>
/// <param name="IsRequired">C# <c>required</c>: every object initialiser must set it.</param>
/// <param name="AllowsNull">JSON <c>null</c> is a value it can send and read.</param>
/// <param name="Default">What it starts as (and so what is sent when the caller leaves it), as C#; null for nothing.</param>
/// <param name="Docs">Its documentation.</param>
/// <param name="Constraints">What <c>Validate()</c> checks about its value.</param>
/// <param name="ItemConstraints">For a list, what <c>Validate()</c> checks about each item.</param>
internal sealed record SurfaceMember(
    string Name,
    string WireName,
    CsType Type,
    bool IsRequired,
    bool AllowsNull,
    string? Default,
    SurfaceDocs Docs,
    SurfaceConstraints Constraints,
    SurfaceConstraints ItemConstraints);

/// <summary>A client method.</summary>
/// <param name="Name">The method's name, <c>Async</c> suffix included.</param>
/// <param name="HttpMethod">The HTTP method it sends.</param>
/// <param name="Path">The path template it sends to.</param>
/// <param name="Docs">Its documentation.</param>
/// <param name="Parameters">Its path, query, header and cookie parameters, in the method's order (a body comes first in C#, separately).</param>
/// <param name="Body">Its request body, if it takes one.</param>
/// <param name="Result">What a success returns; null for no body (<c>Task</c>).</param>
/// <param name="Errors">Each documented error status and the body type its <c>ApiException&lt;T&gt;</c> carries (null: a plain <c>ApiException</c>).</param>
/// <param name="Security">The security schemes whose credentials it sends.</param>
internal sealed record SurfaceOperation(
    string Name,
    string HttpMethod,
    string Path,
    SurfaceDocs Docs,
    IReadOnlyList<SurfaceParameter> Parameters,
    SurfaceBody? Body,
    CsType? Result,
    IReadOnlyList<(string Status, CsType? Body)> Errors,
    IReadOnlyList<string> Security)
{
    public string Route => HttpMethod + " " + Path;

    /// <summary>What goes over the wire: the route with its parameters unnamed (<c>GET /pets/{}</c>), since <c>{id}</c> and <c>{petId}</c> send the same request.</summary>
    public string Shape => HttpMethod + " " + System.Text.RegularExpressions.Regex.Replace(Path, @"\{[^}]*\}", "{}");
}

/// <summary>A path, query, header or cookie parameter.</summary>
/// <param name="Name">Its C# name.</param>
/// <param name="WireName">Its name on the wire.</param>
/// <param name="Location"><c>path</c>, <c>query</c>, <c>header</c> or <c>cookie</c>.</param>
/// <param name="Type">Its C# type.</param>
/// <param name="IsRequired">Callers must pass it.</param>
/// <param name="Docs">Its documentation.</param>
/// <param name="Style">How it is written on the wire beyond its name (exploded, deepObject, JSON text), for wire-only changes.</param>
internal sealed record SurfaceParameter(string Name, string WireName, string Location, CsType Type, bool IsRequired, SurfaceDocs Docs, string Style);

/// <summary>A request body: its media type, how it is written, and its C# type.</summary>
internal sealed record SurfaceBody(string MediaType, string Kind, CsType Type, bool IsRequired, SurfaceDocs Docs);

/// <summary>A credential the options carry, and how it is sent.</summary>
/// <param name="Scheme">The security scheme's name in the spec.</param>
/// <param name="Options">The options members that hold it (<c>BearerToken</c>; <c>Username</c>, <c>Password</c>).</param>
/// <param name="Wire">How it is sent: <c>bearer</c>, <c>basic</c>, <c>apiKey header X-Key</c>.</param>
internal sealed record SurfaceCredential(string Scheme, IReadOnlyList<string> Options, string Wire);
