using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using OpenApiGen.Diagnostics;
using OpenApiGen.Model;
using OpenApiGen.Naming;

namespace OpenApiGen.Building;

/// <summary>
/// The body of a class: its members (its own and its <c>allOf</c> parts', flattened), each typed through the chain;
/// <c>allOf</c> with one generated class among its parts derives from it when that is sound.
/// </summary>
internal static class ObjectBuilder
{
    private static readonly string[] s_reservedMembers = { "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "Validate", "ValidateInto" };

    public static void Build(BuildContext context, PendingType pending)
    {
        var schema = pending.Schema;
        var name = pending.Name.Name;
        var pointer = pending.Pointer;

        var (baseModel, baseIndex, cut) = FindBase(context, schema, name, pointer);
        var collected = new List<CollectedProperty>();
        var required = new HashSet<string>(StringComparer.Ordinal);
        PropertyCollector.Collect(context, schema, pointer, collected, required, PropertyCollector.NewVisited(), skipAllOf: baseIndex);
        if (baseModel is not null && !CanDerive(baseModel, collected, required))
        {
            baseModel = null;
            collected.Clear();
            required.Clear();
            PropertyCollector.Collect(context, schema, pointer, collected, required, PropertyCollector.NewVisited());
        }

        var inherited = baseModel?.AllProperties.ToList() ?? new List<PropertyModel>();
        var scope = new NameScope(s_reservedMembers);
        scope.Claim(name, "the class itself");
        foreach (var member in inherited.Select(static p => p.Name).Concat(baseModel?.ExtensionData is { } baseData ? new[] { baseData.Name } : Array.Empty<string>()))
        {
            scope.Claim(member, "a member of the base class");
        }

        var names = NameScope.NameSiblings(collected.Select(static p => p.Wire).ToList(), scope, i => $"the property '{collected[i].Wire}'");
        var properties = new List<PropertyModel>(collected.Count);
        var stem = context.Names.StemOf(name);
        for (var i = 0; i < collected.Count; i++)
        {
            properties.Add(Property(context, collected[i], names[i], stem + names[i], required));
        }

        var discriminator = schema.Discriminator is { PropertyName: { Length: > 0 } } found && SchemaFacts.Alternatives(schema) is null ? found : null;
        ExtensionDataModel? extensionData = null;
        if (baseModel?.ExtensionData is { } inheritedData)
        {
            extensionData = inheritedData with { IsInherited = true };
        }
        else if (schema.AdditionalProperties is { } additional && properties.Count > 0)
        {
            var valueType = TypeResolver.Resolve(context, additional, stem + "AdditionalProperty", pointer + "/additionalProperties");
            extensionData = new ExtensionDataModel(scope.Claim("AdditionalProperties", "the members the spec does not name"), valueType, false);
        }
        else if (cut)
        {
            // The members of the base past the budget are not declared: kept as they came, none lost.
            extensionData = new ExtensionDataModel(scope.Claim("AdditionalProperties", "the members the spec does not name"), new TypeRef(TypeKind.Json), false);
        }
        else if (discriminator is not null)
        {
            // A subclass this version does not know is read as the base: its other members are kept, not dropped.
            extensionData = new ExtensionDataModel(scope.Claim("AdditionalProperties", "the members the spec does not name"), new TypeRef(TypeKind.Json), false);
        }

        context.Types.Add(pending.Name, new ObjectTypeModel(
            name,
            DocBuilder.ForSchema(schema),
            pointer,
            properties.ToEquatableArray(),
            baseModel is null ? null : context.Qualify(baseModel.Name),
            inherited.ToEquatableArray(),
            extensionData,
            null));
        if (discriminator is not null)
        {
            context.Types.Hierarchies.Add((pending.Name, discriminator));
            DiscriminatorMappings.ReportOutsideComponents(context, pointer, name, "reads as " + name);
        }
    }

    private static PropertyModel Property(BuildContext context, CollectedProperty property, string name, string typeName, HashSet<string> required)
    {
        var (wire, schema, pointer) = property;
        var type = TypeResolver.Resolve(context, schema, typeName, pointer);
        var allowsNull = type.IsNullable;
        var keywords = SchemaFacts.KeywordSource(schema);

        DefaultValueModel? defaultValue = null;
        if (keywords.Default is { } specDefault && !SchemaFacts.IsNull(specDefault) && DefaultValues.IsScalar(specDefault) && type.Kind is not (TypeKind.List or TypeKind.Map or TypeKind.Object or TypeKind.Json))
        {
            defaultValue = type.Kind == TypeKind.Union
                ? UnionDefault(context, type, specDefault)
                : DefaultValues.From(specDefault, type, value => EnumMember(context, type, value));
            if (defaultValue is null)
            {
                context.Report(Descriptors.IgnoredDefault, pointer + "/default", specDefault.ToJsonString(), wire, type.Kind.ToString());
            }
        }

        // A read-only property is the server's to fill and a credential the client fills: neither is C# 'required'.
        var isCredential = SchemaFacts.IsCredential(schema);
        if (isCredential && type.Kind != TypeKind.String)
        {
            // The client fills a credential from its options' ApiKey, a string: a member of another type cannot take it.
            context.Report(Descriptors.ValueLeftOut, pointer + "/" + SchemaFacts.CredentialExtension, $"'{wire}' is marked as the credential, but it is typed {type.Kind}, not a string, so the client cannot fill it from ApiKey; the mark is left out");
            isCredential = false;
        }

        // A member the spec requires is filled in with its default, or with the one value it allows, and always sent:
        // it is not C# 'required' either. An optional member's default is the server's: the member stays null, and
        // unsent, until the caller sets it (its docs say the default).
        var specRequired = required.Contains(wire);
        var onlyValue = specRequired && defaultValue is null ? OnlyValueOf(context, schema, type) : null;
        var filled = specRequired ? defaultValue ?? onlyValue : null;
        var isRequired = specRequired && !keywords.ReadOnly && filled is null && !isCredential;
        var annotated = isRequired || filled is not null ? allowsNull : true;
        var items = type.Kind == TypeKind.List ? SchemaConstraints.Items(schema) : null;
        var docs = DocBuilder.ForSchema(schema);
        return new PropertyModel(
            name,
            wire,
            type.WithNullable(annotated),
            isRequired,
            allowsNull,
            filled,
            isCredential ? docs with { Description = (keywords.Description is { Length: > 0 } text ? text + "\n\n" : string.Empty) + "The client fills it from its options' ApiKey when it is left null." } : docs,
            SchemaConstraints.Of(context, schema, pointer),
            items is null ? ConstraintModel.None : SchemaConstraints.Of(context, items, pointer + "/items"),
            isCredential,
            IsOnlyValue: onlyValue is not null);
    }

    /// <summary>The one value the member allows (<see cref="OnlyValue"/>), as a value of its type; null when it has none that fits.</summary>
    private static DefaultValueModel? OnlyValueOf(BuildContext context, IOpenApiSchema schema, TypeRef type)
        => type.Kind is TypeKind.Enum or TypeKind.String or TypeKind.Boolean or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single or TypeKind.Double or TypeKind.Decimal
           && OnlyValue.Of(schema, type) is { } value
            ? DefaultValues.From(value, type, text => EnumMember(context, type, text))
            : null;

    /// <summary>The member a default names, once the enum's body is built (a default can be met before its enum).</summary>
    private static string? EnumMember(BuildContext context, TypeRef type, string value)
        => type.Name is { } name && context.Worklist.EnsureBuilt(context, name) ? context.Types.EnumMember(name, value) : null;

    /// <summary>A union's default, once its body is built: as the case it fits.</summary>
    private static DefaultValueModel? UnionDefault(BuildContext context, TypeRef type, JsonNode value)
        => UnionOf(context, type) is { } union
            ? DefaultValues.ForUnion(value, union, (caseType, text) => EnumMember(context, caseType, text), caseType => UnionOf(context, caseType))
            : null;

    private static UnionTypeModel? UnionOf(BuildContext context, TypeRef type)
        => type.Name is { } name && context.Worklist.EnsureBuilt(context, name) && context.Types.TryGetUnion(name, out var union) ? union : null;

    /// <summary>
    /// The one allOf part that is a generated class, built first; none when there are several, or when it is being built
    /// right now (a base that is also a subclass of this class: a cycle of allOf). Cut when building it would nest past
    /// the worklist's budget: then the class neither derives from it nor declares its members (a chain of thousands
    /// would repeat each base's members in every class below it), and keeps them as raw JSON.
    /// </summary>
    private static (ObjectTypeModel? Model, int Index, bool Cut) FindBase(BuildContext context, IOpenApiSchema schema, string name, string pointer)
    {
        if (schema.AllOf is not { Count: > 0 } parts)
        {
            return (null, -1, false);
        }

        var candidates = Enumerable.Range(0, parts.Count)
            .Where(i => parts[i] is OpenApiSchemaReference part && SchemaReferences.ComponentId(part) is { } id && context.Components.TryGetValue(id, out var target) && SchemaShape.Of(target) == Shape.Object)
            .ToList();
        if (candidates.Count != 1)
        {
            return (null, -1, false);
        }

        var baseId = SchemaReferences.ComponentId((OpenApiSchemaReference)parts[candidates[0]])!;
        var baseRef = TypeResolver.ResolveComponent(context, baseId);
        if (baseRef is { Kind: TypeKind.Object, Name: { } baseName } && context.Worklist.WouldNestTooDeep(baseName))
        {
            context.Report(
                Descriptors.UnsupportedConstruct,
                pointer + "/allOf/" + candidates[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"A chain of more than {Worklist.MaxNesting} allOf bases ('{name}' would derive from '{baseName.Name}')",
                name + ".AdditionalProperties");
            return (null, candidates[0], true);
        }

        return baseRef.Kind == TypeKind.Object && context.Worklist.EnsureBuilt(context, baseRef.Name!) && context.Types.TryGetObject(baseRef.Name!, out var model)
            ? (model, candidates[0], false)
            : (null, -1, false);
    }

    /// <summary>A subclass is sound when it declares no member its base has, and requires nothing the base leaves optional.</summary>
    private static bool CanDerive(ObjectTypeModel baseModel, List<CollectedProperty> own, HashSet<string> required)
    {
        var inherited = baseModel.AllProperties.ToDictionary(static p => p.WireName, StringComparer.Ordinal);
        if (own.Any(p => inherited.ContainsKey(p.Wire)))
        {
            return false;
        }

        return required.All(wire => !inherited.TryGetValue(wire, out var member) || member.IsRequired || member.Default is not null);
    }
}
