namespace OpenApiGen.Model;

/// <summary>
/// Everything the emitters need to write one spec's code, with every name already decided.
/// Plain, equatable data: no Roslyn symbols, no OpenAPI objects, so an unchanged spec stays cached.
/// <c>EmbeddedDocuments</c> is empty unless the spec asked for its effective document to be embedded (a client of
/// several documents embeds each that asked); <c>SpecPath</c> is where a failure to emit it is reported.
/// </summary>
internal sealed record SpecModel(
    string SpecPath,
    string Namespace,
    string ClientName,
    string HintPrefix,
    string JsonContextName,
    DocModel Docs,
    EquatableArray<TypeModel> Types,
    ClientModel Client,
    EquatableArray<EmbeddedDocumentModel> EmbeddedDocuments);

/// <summary>The client for a spec: its operations, the credentials it can send, and where it sends them by default.</summary>
/// <param name="OptionsName">The options class's name.</param>
/// <param name="InterfaceName">The interface's name, for mocking.</param>
/// <param name="DefaultBaseAddress">The spec's first server, or null when it names none (or only a relative one).</param>
/// <param name="Operations">A method per operation of the API's paths.</param>
/// <param name="SecuritySchemes">The credentials the operations send.</param>
/// <param name="RootTypes">Types the JSON context serves beside the generated ones (lists, strings, ...).</param>
/// <param name="RegistrationName">The static class of <c>services.AddXxxClient()</c>.</param>
internal sealed record ClientModel(
    string OptionsName,
    string InterfaceName,
    string RegistrationName,
    string? DefaultBaseAddress,
    EquatableArray<OperationModel> Operations,
    EquatableArray<SecuritySchemeModel> SecuritySchemes,
    EquatableArray<RootTypeModel> RootTypes);

/// <summary>A generated type: a class for an object schema or an extensible enum for a string enum.</summary>
internal abstract record TypeModel(string Name, DocModel Docs, string SpecPointer);

/// <summary>A class for an object schema.</summary>
/// <param name="Name">The class's name.</param>
/// <param name="Docs">Its documentation.</param>
/// <param name="SpecPointer">Where its schema is in the spec.</param>
/// <param name="Properties">The members this class declares.</param>
/// <param name="BaseType">The generated class it derives from (allOf with one base); null for none.</param>
/// <param name="InheritedProperties">The members its base classes declare, which its converter also reads and writes.</param>
/// <param name="ExtensionData">Where members the spec does not name are kept, if anywhere.</param>
/// <param name="Discriminator">For a base of a hierarchy: the member whose value names the subclass.</param>
internal sealed record ObjectTypeModel(
    string Name,
    DocModel Docs,
    string SpecPointer,
    EquatableArray<PropertyModel> Properties,
    TypeName? BaseType,
    EquatableArray<PropertyModel> InheritedProperties,
    ExtensionDataModel? ExtensionData,
    DiscriminatorModel? Discriminator) : TypeModel(Name, Docs, SpecPointer)
{
    /// <summary>Every member the JSON of this class can carry, base members first.</summary>
    public System.Collections.Generic.IEnumerable<PropertyModel> AllProperties => System.Linq.Enumerable.Concat(InheritedProperties, Properties);
}

/// <summary>A dictionary member that keeps the JSON members a class does not declare.</summary>
/// <param name="Name">The member's C# name.</param>
/// <param name="ValueType">The type of each kept value (JsonElement unless the spec's additionalProperties says).</param>
/// <param name="IsInherited">Declared by a base class; this class only reads and writes it.</param>
internal sealed record ExtensionDataModel(string Name, TypeRef ValueType, bool IsInherited);

/// <summary>The member that names the subclass, and which value names which.</summary>
internal sealed record DiscriminatorModel(string WireName, EquatableArray<DerivedTypeModel> Subtypes);

/// <summary>A subclass and the discriminator value that selects it.</summary>
internal sealed record DerivedTypeModel(string Value, TypeName Type);

internal sealed record EnumTypeModel(
    string Name,
    DocModel Docs,
    string SpecPointer,
    EquatableArray<EnumMemberModel> Members) : TypeModel(Name, Docs, SpecPointer);

internal sealed record EnumMemberModel(string Name, string Value, string? Description);

/// <summary>
/// A value that is one of several shapes (<c>oneOf</c>/<c>anyOf</c> without a discriminator, or a 3.1 type array):
/// a class that holds exactly one case, chosen when read by the JSON's shape, or the raw JSON when no case fits.
/// </summary>
internal sealed record UnionTypeModel(
    string Name,
    DocModel Docs,
    string SpecPointer,
    EquatableArray<UnionCaseModel> Cases) : TypeModel(Name, Docs, SpecPointer);

/// <summary>One case of a union.</summary>
/// <param name="Name">The case's name in members: <c>IsString</c>, <c>TryGetString</c>.</param>
/// <param name="Type">Its C# type (never nullable: null is the union's own business).</param>
/// <param name="Required">For an object case, the members the JSON must have.</param>
/// <param name="Declared">For an object case, the members it declares; more of them present makes it the likelier case.</param>
/// <param name="Discriminators">For an object case, members whose value must be one of a closed set (<c>status: success</c>).</param>
/// <param name="Constraints">What the branch's schema allows for the value (a list case's item count, say).</param>
/// <param name="ItemConstraints">For a list case, what it allows for each item.</param>
internal sealed record UnionCaseModel(
    string Name,
    TypeRef Type,
    EquatableArray<string> Required,
    EquatableArray<string> Declared,
    EquatableArray<UnionConstraint> Discriminators,
    ConstraintModel Constraints,
    ConstraintModel ItemConstraints);

/// <summary>A member that tells union cases apart: its value must be one of <paramref name="Values"/>.</summary>
internal sealed record UnionConstraint(string WireName, EquatableArray<string> Values);

/// <summary>A property of a generated class.</summary>
/// <param name="Name">The C# identifier.</param>
/// <param name="WireName">The JSON name, exactly as the spec spells it.</param>
/// <param name="Type">The C# type; <see cref="TypeRef.IsNullable"/> is the annotation the property carries.</param>
/// <param name="IsRequired">Marked <c>required</c> in C#, and must be present when read.</param>
/// <param name="AllowsNull">The spec allows JSON <c>null</c> for it (3.0 <c>nullable</c> or a 3.1 <c>null</c> type).</param>
/// <param name="Default">What the property is initialised with, and always sent: the spec's default, or its only value, of a member the spec requires.</param>
/// <param name="Docs">The property's documentation.</param>
/// <param name="Constraints">What the spec allows for the value (its length, range, item count, pattern).</param>
/// <param name="ItemConstraints">For a list, what the spec allows for each item.</param>
/// <param name="IsCredential">Marked <c>x-openapigen-credential</c>: the client fills it from its options' <c>ApiKey</c> when it is null.</param>
/// <param name="IsOnlyValue"><see cref="Default"/> is the one value the spec allows (a <c>const</c> or a one-value <c>enum</c>), not a default.</param>
internal sealed record PropertyModel(
    string Name,
    string WireName,
    TypeRef Type,
    bool IsRequired,
    bool AllowsNull,
    DefaultValueModel? Default,
    DocModel Docs,
    ConstraintModel Constraints,
    ConstraintModel ItemConstraints,
    bool IsCredential = false,
    bool IsOnlyValue = false);

/// <summary>A schema's validation keywords, as the generated <c>Validate()</c> checks them. Numbers are kept as the spec's text.</summary>
internal sealed record ConstraintModel(
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
    public static readonly ConstraintModel None = new(null, null, null, null, false, null, false, null, null, false);

    public bool IsEmpty => Equals(None);
}

/// <summary>XML documentation taken from the spec.</summary>
internal sealed record DocModel(
    string? Summary,
    string? Description,
    string? Example,
    string? Default,
    bool Deprecated,
    string? DeprecationText = null)
{
    public static readonly DocModel Empty = new(null, null, null, null, false);
}
