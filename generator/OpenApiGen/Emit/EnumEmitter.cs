using OpenApiGen.Model;

namespace OpenApiGen.Emit;

/// <summary>
/// Writes an extensible enum: a readonly struct with the documented values as static members that also holds any
/// value the server sends later (EvoLink documents no <c>cancelled</c> status, yet sends one). The Azure SDK's pattern.
/// </summary>
internal static class EnumEmitter
{
    private const string Json = "global::System.Text.Json";

    public static string Emit(SpecModel spec, EnumTypeModel type)
    {
        var writer = new SourceWriter();
        FileHeader.Write(writer);
        var qualified = new TypeName(spec.Namespace, type.Name);
        var name = type.Name;

        writer.OpenBlock("namespace " + spec.Namespace);
        XmlDocWriter.Write(writer, type.Docs, $"The values of <c>{Escape.Xml(name)}</c>.", new[] { "Values other than the documented ones are kept as they are, so a value added by the server later round-trips." });
        ConverterWriter.WriteTypeAttributes(writer, qualified);
        writer.OpenBlock($"public readonly partial struct {name} : global::System.IEquatable<{name}>");
        writer.Line("private readonly string? _value;");
        writer.Line();
        XmlDocWriter.Summary(writer, $"Creates a <see cref=\"{name}\"/> from its wire value, documented or not.");
        writer.Line("/// <param name=\"value\">The value as it appears in JSON.</param>");
        writer.Line("/// <exception cref=\"global::System.ArgumentNullException\"><paramref name=\"value\"/> is null.</exception>");
        writer.Line($"public {name}(string value) => _value = value ?? throw new global::System.ArgumentNullException(nameof(value));");

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
        writer.Line($"public static global::System.Collections.Generic.IReadOnlyList<{name}> KnownValues {{ get; }} = new {name}[]");
        writer.Line("{");
        writer.Indent();
        foreach (var member in type.Members)
        {
            writer.Line(member.Name + ",");
        }

        writer.Unindent();
        writer.Line("};");
        writer.Line();
        XmlDocWriter.Summary(writer, "Compares two values by their wire text, ordinally.");
        writer.Line($"public static bool operator ==({name} left, {name} right) => left.Equals(right);");
        writer.Line();
        XmlDocWriter.Summary(writer, "Compares two values by their wire text, ordinally.");
        writer.Line($"public static bool operator !=({name} left, {name} right) => !left.Equals(right);");
        writer.Line();
        XmlDocWriter.Summary(writer, $"Converts a wire value to a <see cref=\"{name}\"/>.");
        writer.Line($"public static implicit operator {name}(string value) => new(value);");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line($"public bool Equals({name} other) => string.Equals(_value, other._value, global::System.StringComparison.Ordinal);");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line($"public override bool Equals(object? obj) => obj is {name} other && Equals(other);");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("public override int GetHashCode() => _value is null ? 0 : global::System.StringComparer.Ordinal.GetHashCode(_value);");
        writer.Line();
        XmlDocWriter.Summary(writer, "The value as it appears in JSON.");
        writer.Line("public override string ToString() => _value ?? string.Empty;");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.Line();

        var typeName = TypeNames.Of(qualified);
        ConverterWriter.Open(writer, spec, name, $"Reads and writes <see cref=\"{typeName}\"/> as a JSON string, keeping unknown values.");
        ConverterWriter.WriteForwarders(writer, typeName);
        writer.Line($"internal static {typeName} ReadValue(ref {Json}.Utf8JsonReader reader, {Json}.JsonSerializerOptions options)");
        writer.Line("    => new(global::OpenApiGen.Runtime.JsonRead.String(ref reader));");
        writer.Line();
        writer.OpenBlock($"internal static void WriteValue({Json}.Utf8JsonWriter writer, {typeName} value, {Json}.JsonSerializerOptions options)");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(writer);");
        writer.Line("writer.WriteStringValue(value.ToString());");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToString();
    }
}
