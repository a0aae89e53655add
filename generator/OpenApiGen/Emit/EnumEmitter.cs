using OpenApiGen.Model;

namespace OpenApiGen.Emit;

/// <summary>
/// Writes an extensible enum: a readonly record struct with the documented values as static members that also holds
/// any value the server sends later (EvoLink documents no <c>cancelled</c> status, yet sends one). The Azure SDK's
/// pattern, over the runtime's <c>IExtensibleEnum</c>, so one shared converter reads and writes them all and equality
/// is the record's (ordinal, by the wire text).
/// </summary>
internal static class EnumEmitter
{
    private const string Runtime = "global::OpenApiGen.Runtime";

    /// <summary>The converter every extensible enum names: the runtime's, one for all.</summary>
    public static string ConverterOf(TypeName type) => $"{Runtime}.ExtensibleEnumConverter<{TypeNames.Of(type)}>";

    public static string Emit(SpecModel spec, EnumTypeModel type)
    {
        var writer = new SourceWriter();
        FileHeader.Write(writer);
        var qualified = new TypeName(spec.Namespace, type.Name);
        var name = type.Name;

        writer.OpenBlock("namespace " + spec.Namespace);
        XmlDocWriter.Write(writer, type.Docs, $"The values of <c>{Escape.Xml(name)}</c>.", new[] { "Values other than the documented ones are kept as they are, so a value added by the server later round-trips." }, name, obsolete: type.Docs.Deprecated);
        ConverterWriter.WriteTypeAttributes(writer, ConverterOf(qualified));
        ObsoleteCode.Attribute(writer, type.Docs);
        writer.OpenBlock($"public readonly partial record struct {name} : {Runtime}.IExtensibleEnum<{name}>");
        XmlDocWriter.Summary(writer, $"Creates a <see cref=\"{name}\"/> from its wire value, documented or not.");
        writer.Line("/// <param name=\"value\">The value as it appears in JSON.</param>");
        writer.Line("/// <exception cref=\"global::System.ArgumentNullException\"><paramref name=\"value\"/> is null.</exception>");
        writer.Line($"public {name}(string value) => Value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
        writer.Line();
        XmlDocWriter.Summary(writer, "The value as it appears in JSON; null only for <c>default</c>.");
        writer.Line("public string? Value { get; }");

        foreach (var member in type.Members)
        {
            writer.Line();
            XmlDocWriter.Summary(writer, member.Description is { } description
                ? $"<c>{Escape.Xml(member.Value)}</c>: {XmlDocWriter.Inline(description)}"
                : $"<c>{Escape.Xml(member.Value)}</c>");
            writer.Line($"public static {name} {member.Name} {{ get; }} = new({Escape.Literal(member.Value)});");
        }

        writer.Line();
        XmlDocWriter.Summary(writer, "The values the spec documents, in its order.");
        writer.Line($"public static global::System.Collections.Generic.IReadOnlyList<{name}> KnownValues {{ get; }} = new {name}[] {{ {string.Join(", ", System.Linq.Enumerable.Select(type.Members, static m => m.Name))} }};");
        writer.Line();
        XmlDocWriter.Summary(writer, $"Converts a wire value to a <see cref=\"{name}\"/>.");
        writer.Line($"public static implicit operator {name}(string value) => new(value);");
        writer.Line();
        writer.Line($"static {name} {Runtime}.IExtensibleEnum<{name}>.Create(string value) => new(value);");
        writer.Line();
        XmlDocWriter.Summary(writer, "The value as it appears in JSON.");
        writer.Line("public override string ToString() => Value ?? string.Empty;");
        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToString();
    }
}
