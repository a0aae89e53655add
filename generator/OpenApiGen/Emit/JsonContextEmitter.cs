using OpenApiGen.Model;

namespace OpenApiGen.Emit;

/// <summary>
/// Writes the spec's <c>JsonSerializerContext</c>. System.Text.Json's own generator cannot see types another generator
/// emits, so this context hands out metadata built on our converters: AOT- and trim-safe, no reflection.
/// </summary>
internal static class JsonContextEmitter
{
    private const string Json = "global::System.Text.Json";
    private const string Metadata = "global::System.Text.Json.Serialization.Metadata";

    public static string Emit(SpecModel spec)
    {
        var writer = new SourceWriter();
        FileHeader.Write(writer);
        var name = spec.JsonContextName;

        writer.OpenBlock("namespace " + spec.Namespace);
        XmlDocWriter.Summary(writer, $"System.Text.Json metadata for every type of {(spec.Docs.Summary is { } title ? "<i>" + XmlDocWriter.Text(title) + "</i>" : "this API")}, without reflection.");
        writer.Line("/// <remarks>");
        writer.Line($"/// Use <see cref=\"Default\"/> as a <see cref=\"{Json}.JsonSerializerOptions.TypeInfoResolver\"/>, or its typed properties");
        writer.Line($"/// with <see cref=\"{Json}.JsonSerializer\"/>: <c>JsonSerializer.Serialize(value, {Escape.Xml(name)}.Default.SomeType)</c>.");
        writer.Line("/// </remarks>");
        writer.Line(FileHeader.GeneratedCodeAttribute);
        writer.OpenBlock($"public sealed partial class {name} : global::System.Text.Json.Serialization.JsonSerializerContext, {Metadata}.IJsonTypeInfoResolver");
        writer.Line($"private static readonly {Json}.JsonSerializerOptions s_defaultOptions = new();");
        writer.Line();
        XmlDocWriter.Summary(writer, "The shared instance, with default options.");
        writer.Line($"public static {name} Default {{ get; }} = new(new {Json}.JsonSerializerOptions(s_defaultOptions));");
        writer.Line();
        XmlDocWriter.Summary(writer, "Creates a context bound to new default options.");
        writer.Line($"public {name}() : base(null)");
        writer.Line("{");
        writer.Line("}");
        writer.Line();
        XmlDocWriter.Summary(writer, "Creates a context bound to <paramref name=\"options\"/>.");
        writer.Line("/// <param name=\"options\">The options this context serves; they become read-only.</param>");
        writer.Line($"public {name}({Json}.JsonSerializerOptions options) : base(options)");
        writer.Line("{");
        writer.Line("}");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line($"protected override {Json}.JsonSerializerOptions? GeneratedSerializerOptions => s_defaultOptions;");

        // One array of slots instead of a field a type: each typed property below is then one line.
        writer.Line();
        writer.Line($"private readonly {Metadata}.JsonTypeInfo?[] _metadata = new {Metadata}.JsonTypeInfo?[{(spec.Types.Count + spec.Client.RootTypes.Count).ToString(System.Globalization.CultureInfo.InvariantCulture)}];");
        var slot = 0;
        foreach (var type in spec.Types)
        {
            var typeName = TypeNames.Of(new TypeName(spec.Namespace, type.Name));
            writer.Line();
            XmlDocWriter.Summary(writer, $"Metadata for <see cref=\"{typeName}\"/>.");
            writer.Line($"public {Metadata}.JsonTypeInfo<{typeName}> {type.Name} => {Slot(typeName, slot++)}");
        }

        foreach (var root in spec.Client.RootTypes)
        {
            var typeName = TypeNames.Of(root.Type);
            writer.Line();
            XmlDocWriter.Summary(writer, $"Metadata for <c>{Escape.Xml(typeName.Replace("global::", string.Empty))}</c>, as the client reads and writes it.");
            writer.Line($"public {Metadata}.JsonTypeInfo<{typeName}> {root.Name} => {Slot(typeName, slot++)}");
        }

        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.OpenBlock($"public override {Metadata}.JsonTypeInfo? GetTypeInfo(global::System.Type type)");
        writer.Line("Options.TryGetTypeInfo(type, out var typeInfo);");
        writer.Line("return typeInfo;");
        writer.CloseBlock();
        writer.Line();
        writer.OpenBlock($"{Metadata}.JsonTypeInfo? {Metadata}.IJsonTypeInfoResolver.GetTypeInfo(global::System.Type type, {Json}.JsonSerializerOptions options)");
        foreach (var type in spec.Types)
        {
            var qualified = new TypeName(spec.Namespace, type.Name);
            var converter = type is EnumTypeModel ? EnumEmitter.ConverterOf(qualified) : TypeNames.ConverterOf(qualified);
            writer.Line($"if (type == typeof({TypeNames.Of(qualified)})) return {Metadata}.JsonMetadataServices.CreateValueInfo<{TypeNames.Of(qualified)}>(options, new {converter}());");
        }

        foreach (var root in spec.Client.RootTypes)
        {
            var typeName = TypeNames.Of(root.Type);
            writer.Line($"if (type == typeof({typeName})) return {Metadata}.JsonMetadataServices.CreateValueInfo<{typeName}>(options, new {root.ConverterName}());");
        }

        writer.Line("return null;");
        writer.CloseBlock();

        foreach (var root in spec.Client.RootTypes)
        {
            WriteRootConverter(writer, root);
        }

        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToString();
    }

    /// <summary>A converter for a type that is no generated class, built from the same value code the classes use.</summary>
    private static void WriteRootConverter(SourceWriter writer, RootTypeModel root)
    {
        var typeName = TypeNames.Of(root.Type);
        writer.Line();
        writer.OpenBlock($"private sealed class {root.ConverterName} : global::System.Text.Json.Serialization.JsonConverter<{typeName}>");
        writer.Line($"public override {typeName} Read(ref {Json}.Utf8JsonReader reader, global::System.Type typeToConvert, {Json}.JsonSerializerOptions options)");
        writer.Line($"    => {JsonValueCode.Read(root.Type, "reader", "options")};");
        writer.Line();
        writer.OpenBlock($"public override void Write({Json}.Utf8JsonWriter writer, {typeName} value, {Json}.JsonSerializerOptions options)");
        writer.Line(JsonValueCode.Write(root.Type, "writer", "value", "options"));
        writer.CloseBlock();
        writer.CloseBlock();
    }

    private static string Slot(string typeName, int slot)
        => $"global::OpenApiGen.Runtime.JsonContextMetadata.Get<{typeName}>(ref _metadata[{slot.ToString(System.Globalization.CultureInfo.InvariantCulture)}], Options);";
}
