using OpenApiGen.Model;
using OpenApiGen.Naming;

namespace OpenApiGen.Emit;

/// <summary>What every generated type and converter shares: the attributes on the type, the converter's class and its forwarding overrides.</summary>
internal static class ConverterWriter
{
    private const string Json = "global::System.Text.Json";

    /// <summary>The attributes on a generated type: its converter (so even reflection-based options use the spec's wire format) and [GeneratedCode].</summary>
    public static void WriteTypeAttributes(SourceWriter writer, TypeName type) => WriteTypeAttributes(writer, TypeNames.ConverterOf(type));

    /// <summary>The attributes on a generated type whose converter is <paramref name="converter"/> (a runtime one, for enums).</summary>
    public static void WriteTypeAttributes(SourceWriter writer, string converter)
    {
        writer.Line($"[global::System.Text.Json.Serialization.JsonConverter(typeof({converter}))]");
        writer.Line(FileHeader.GeneratedCodeAttribute);
    }

    /// <summary>Opens the Serialization namespace and the converter class; the caller closes both blocks.</summary>
    public static void Open(SourceWriter writer, SpecModel spec, string name, string summary)
    {
        writer.OpenBlock("namespace " + spec.Namespace + "." + ConverterNames.Namespace);
        XmlDocWriter.Summary(writer, summary);
        writer.Line(FileHeader.GeneratedCodeAttribute);
        writer.OpenBlock($"internal sealed class {ConverterNames.Of(name)} : global::System.Text.Json.Serialization.JsonConverter<global::{spec.Namespace}.{name}>");
    }

    /// <summary>
    /// The overrides System.Text.Json calls, forwarding to static <c>ReadValue</c>/<c>WriteValue</c> that other generated
    /// converters call directly, without going through options.
    /// </summary>
    public static void WriteForwarders(SourceWriter writer, string typeName)
    {
        writer.Line("/// <inheritdoc/>");
        writer.Line($"public override {typeName} Read(ref {Json}.Utf8JsonReader reader, global::System.Type typeToConvert, {Json}.JsonSerializerOptions options)");
        writer.Line("    => ReadValue(ref reader, options);");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line($"public override void Write({Json}.Utf8JsonWriter writer, {typeName} value, {Json}.JsonSerializerOptions options)");
        writer.Line("    => WriteValue(writer, value, options);");
        writer.Line();
    }
}
