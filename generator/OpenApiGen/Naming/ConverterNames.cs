namespace OpenApiGen.Naming;

/// <summary>
/// How a converter is named, in one place. A generated class's or union's converter is <c>{Type}JsonConverter</c> in
/// the spec's <c>Serialization</c> namespace, which holds nothing but those converters, one a type name, so that name
/// is never taken there and needs no claim (a schema named <c>PetJsonConverter</c> beside <c>Pet</c> is a type in the
/// spec's namespace, not the converter's). A JSON context's converter for a type that is no generated class is nested
/// in the context beside properties named like the types, so Building claims its name in the types' scope.
/// </summary>
internal static class ConverterNames
{
    /// <summary>The namespace, under the spec's, that holds the generated converters; no type may take the name.</summary>
    public const string Namespace = "Serialization";

    public const string Suffix = "JsonConverter";

    /// <summary>The converter's name for a type (or JSON context member) named <paramref name="typeName"/>.</summary>
    public static string Of(string typeName) => typeName + Suffix;
}
