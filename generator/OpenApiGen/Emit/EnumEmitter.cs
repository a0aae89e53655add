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

    // Past this many values an enum is written in the form that compiles in linear time (below).
    internal const int LargeEnum = 500;

    /// <summary>The converter every extensible enum names: the runtime's, one for all.</summary>
    public static string ConverterOf(TypeName type) => $"{Runtime}.ExtensibleEnumConverter<{TypeNames.Of(type)}>";

    public static string Emit(SpecModel spec, EnumTypeModel type)
    {
        var writer = new SourceWriter();
        FileHeader.Write(writer);
        var qualified = new TypeName(spec.Namespace, type.Name);
        var name = type.Name;

        // One type a file, so the namespace is file-scoped: two lines and a level of indentation fewer.
        writer.Line($"namespace {spec.Namespace};");
        writer.Line();
        XmlDocWriter.Write(writer, type.Docs, $"The values of <c>{Escape.Xml(name)}</c>.", new[] { "Values other than the documented ones are kept as they are, so a value added by the server later round-trips." }, name, obsolete: type.Docs.Deprecated);
        ConverterWriter.WriteTypeAttributes(writer, ConverterOf(qualified));
        ObsoleteCode.Attribute(writer, type.Docs);
        writer.OpenBlock($"public readonly partial record struct {name} : {Runtime}.IExtensibleEnum<{name}>");
        XmlDocWriter.Summary(writer, $"Creates a <see cref=\"{name}\"/> from its wire value, documented or not.");
        writer.Line("/// <exception cref=\"global::System.ArgumentNullException\"><paramref name=\"value\"/> is null.</exception>");
        writer.Line($"public {name}(string value) => Value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
        writer.Line();
        XmlDocWriter.Summary(writer, "The value as it appears in JSON; null only for <c>default</c>.");
        writer.Line("public string? Value { get; }");

        // A large enum's members are getters and its list is read from one literal: the same public shape, but no
        // static initializer with a statement a value and no array of 30,000 elements, which the compiler took minutes
        // on (30,000 values, a 5.8 MB file: over 2 minutes).
        var large = type.Members.Count > LargeEnum;
        foreach (var member in type.Members)
        {
            writer.Line();
            XmlDocWriter.Summary(writer, member.Description is { } description
                ? $"<c>{Escape.Xml(member.Value)}</c>: {XmlDocWriter.Inline(description)}"
                : $"<c>{Escape.Xml(member.Value)}</c>");
            writer.Line(large
                ? $"public static {name} {member.Name} => new({Escape.Literal(member.Value)});"
                : $"public static {name} {member.Name} {{ get; }} = new({Escape.Literal(member.Value)});");
        }

        writer.Line();
        XmlDocWriter.Summary(writer, "The values the spec documents, in its order.");
        writer.Line(large
            ? $"public static global::System.Collections.Generic.IReadOnlyList<{name}> KnownValues {{ get; }} = global::System.Array.ConvertAll({KnownValuesText(type)}, static value => new {name}(value));"
            : $"public static global::System.Collections.Generic.IReadOnlyList<{name}> KnownValues {{ get; }} = new {name}[] {{ {string.Join(", ", System.Linq.Enumerable.Select(type.Members, static m => m.Name))} }};");
        writer.Line();
        // Also the interface's factory: the shared converter makes values through it.
        XmlDocWriter.Summary(writer, $"Converts a wire value to a <see cref=\"{name}\"/>.");
        writer.Line($"public static implicit operator {name}(string value) => new(value);");
        writer.Line();
        XmlDocWriter.Summary(writer, "The value as it appears in JSON.");
        writer.Line("public override string ToString() => Value ?? string.Empty;");
        writer.CloseBlock();
        return writer.ToString();
    }

    /// <summary>
    /// The values as one string array expression: a literal split at a separator no value holds (U+0000, or failing
    /// that U+FFFF), so the compiler binds one constant instead of an element a value; an array of literals when every
    /// separator occurs.
    /// </summary>
    private static string KnownValuesText(EnumTypeModel type)
    {
        foreach (var separator in new[] { '\u0000', '\uFFFF' })
        {
            if (System.Linq.Enumerable.All(type.Members, m => m.Value.IndexOf(separator) < 0))
            {
                var joined = string.Join(separator.ToString(), System.Linq.Enumerable.Select(type.Members, static m => m.Value));
                return $"{Escape.Literal(joined)}.Split({(separator == '\u0000' ? "'\\0'" : "'\\uFFFF'")})";
            }
        }

        return "new string[] { " + string.Join(", ", System.Linq.Enumerable.Select(type.Members, static m => Escape.Literal(m.Value))) + " }";
    }
}
