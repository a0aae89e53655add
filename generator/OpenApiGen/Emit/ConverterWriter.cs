using OpenApiGen.Model;
using OpenApiGen.Naming;

namespace OpenApiGen.Emit;

/// <summary>What every generated type and converter shares: the attributes on the type and the converter's class.</summary>
internal static class ConverterWriter
{
    /// <summary>The attributes on a generated type: its converter (so even reflection-based options use the spec's wire format) and [GeneratedCode].</summary>
    public static void WriteTypeAttributes(SourceWriter writer, TypeName type) => WriteTypeAttributes(writer, TypeNames.ConverterOf(type));

    /// <summary>The attributes on a generated type whose converter is <paramref name="converter"/> (a runtime one, for enums).</summary>
    public static void WriteTypeAttributes(SourceWriter writer, string converter)
    {
        writer.Line($"[global::System.Text.Json.Serialization.JsonConverter(typeof({converter}))]");
        writer.Line(FileHeader.GeneratedCodeAttribute);
    }

    /// <summary>
    /// Opens the Serialization namespace and the converter class; the caller writes its static <c>ReadValue</c> and
    /// <c>WriteValue</c> (which other generated converters call directly, without going through options) and closes both
    /// blocks. The runtime's base class holds the overrides System.Text.Json calls, which forward to those two.
    /// </summary>
    public static void Open(SourceWriter writer, SpecModel spec, string name, string summary)
    {
        writer.OpenBlock("namespace " + spec.Namespace + "." + ConverterNames.Namespace);
        XmlDocWriter.Summary(writer, summary);
        writer.Line(FileHeader.GeneratedCodeAttribute);
        var converter = ConverterNames.Of(name);
        var type = $"global::{spec.Namespace}.{name}";
        writer.OpenBlock($"internal sealed class {converter} : global::OpenApiGen.Runtime.GeneratedJsonConverter<{type}, {converter}>, global::OpenApiGen.Runtime.IGeneratedJsonConverter<{type}>");
    }
}
