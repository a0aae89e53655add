using OpenApiGen.Emit;
using OpenApiGen.Model;

namespace OpenApiGen.Cli.Diff;

/// <summary>
/// The generator's model of a spec (<see cref="SpecModel"/>), seen as users see the code it emits: the one file of
/// the diff that knows the model's shape, so the model can change under it with this file alone adapting.
/// </summary>
internal static class SurfaceReader
{
    public static ApiSurface Read(SpecModel model)
    {
        var types = model.Types.Select(Type).ToList();
        var client = model.Client;
        var operations = client.Operations.Select(Operation).ToList();
        var credentials = client.SecuritySchemes
            .Select(static s => new SurfaceCredential(
                s.Name,
                s.SecondOptionName is null ? [s.OptionName] : [s.OptionName, s.SecondOptionName],
                s.Kind == CredentialKind.ApiKey ? $"apiKey {Lower(s.In)} {s.WireName}" : Lower(s.Kind)))
            .ToList();
        return new ApiSurface(model.ClientName, client.OptionsName, client.DefaultBaseAddress, types, operations, credentials);
    }

    private static SurfaceType Type(TypeModel type) => type switch
    {
        ObjectTypeModel o => new ObjectSurface(
            o.Name,
            o.SpecPointer,
            Docs(o.Docs),
            o.Properties.Select(Member).ToList(),
            Simple(o.BaseType),
            o.ExtensionData is { IsInherited: false } data ? data.Name + ": " + Type(data.ValueType) : null,
            o.Discriminator?.WireName,
            o.Discriminator?.Subtypes.Select(static d => (d.Value, d.Type.Name)).ToList() ?? []),
        EnumTypeModel e => new EnumSurface(e.Name, e.SpecPointer, Docs(e.Docs), e.Members.Select(static m => new SurfaceEnumValue(m.Name, m.Value, m.Description)).ToList()),
        UnionTypeModel u => new UnionSurface(u.Name, u.SpecPointer, Docs(u.Docs), u.Cases.Select(static c => (c.Name, Type(c.Type))).ToList()),
        _ => throw new NotSupportedException("A generated type the diff does not know: " + type.GetType().Name),
    };

    private static SurfaceMember Member(PropertyModel p)
        => new(p.Name, p.WireName, Type(p.Type), p.IsRequired, p.AllowsNull, DefaultValueCode.Of(p), Docs(p.Docs), Constraints(p.Constraints), Constraints(p.ItemConstraints));

    private static SurfaceOperation Operation(OperationModel o) => new(
        o.MethodName,
        o.Method,
        o.Path,
        Docs(o.Docs),
        o.Parameters.Select(static p => new SurfaceParameter(p.Name, p.WireName, Lower(p.Location), Type(p.Type), p.IsRequired, Docs(p.Docs), Style(p))).ToList(),
        o.Body is { } body ? new SurfaceBody(body.MediaType, body.Kind.ToString(), Type(body.Type), body.IsRequired, Docs(body.Docs)) : null,
        o.Result is { } result ? Type(result.Type).WithNullable(o.ResultMayBeEmpty || result.Type.IsNullable) : null,
        o.Errors.Select(static e => (e.Status, e.Body is { } b ? Type(b.Type) : null)).ToList(),
        o.Security.ToList());

    private static string Style(ParameterModel p)
        => p.IsJsonText ? "JSON text" : p.Style == ParameterStyle.DeepObject ? "deepObject" : p.Explode ? "exploded" : "not exploded";

    private static CsType Type(TypeRef type) => new(
        type.Kind switch
        {
            TypeKind.String => CsKind.String,
            TypeKind.Boolean => CsKind.Boolean,
            TypeKind.Int32 => CsKind.Int32,
            TypeKind.Int64 => CsKind.Int64,
            TypeKind.Single => CsKind.Single,
            TypeKind.Double => CsKind.Double,
            TypeKind.Decimal => CsKind.Decimal,
            TypeKind.DateTimeOffset => CsKind.DateTimeOffset,
            TypeKind.DateOnly => CsKind.DateOnly,
            TypeKind.TimeSpan => CsKind.TimeSpan,
            TypeKind.Guid => CsKind.Guid,
            TypeKind.Uri => CsKind.Uri,
            TypeKind.Bytes => CsKind.Bytes,
            TypeKind.Binary => CsKind.Stream,
            TypeKind.Json => CsKind.Json,
            TypeKind.Object => CsKind.Object,
            TypeKind.Enum => CsKind.Enum,
            TypeKind.Union => CsKind.Union,
            TypeKind.List => CsKind.List,
            TypeKind.Map => CsKind.Map,
            _ => throw new NotSupportedException("A type kind the diff does not know: " + type.Kind),
        },
        Simple(type.Name),
        type.Element is { } element ? Type(element) : null,
        type.IsNullable);

    /// <summary>A generated type's name without its namespace: both versions are read into the same namespace, and users read it so.</summary>
    private static string? Simple(TypeName? name) => name?.Name;

    /// <summary>An enum of the model as the spec spells it (<c>query</c>, <c>bearer</c>), so the report reads in the spec's words.</summary>
    private static string Lower<T>(T value)
        where T : struct, Enum
        => char.ToLowerInvariant(value.ToString()[0]) + value.ToString()[1..];

    private static string? Lower<T>(T? value)
        where T : struct, Enum
        => value is { } v ? Lower(v) : null;

    private static SurfaceDocs Docs(DocModel docs) => new(docs.Summary, docs.Description, docs.Example, docs.Default, docs.Deprecated);

    private static SurfaceConstraints Constraints(ConstraintModel c)
        => new(c.MinLength, c.MaxLength, c.Pattern, c.Minimum, c.ExclusiveMinimum, c.Maximum, c.ExclusiveMaximum, c.MinItems, c.MaxItems, c.UniqueItems);
}
