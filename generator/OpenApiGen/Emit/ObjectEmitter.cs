using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OpenApiGen.Model;

namespace OpenApiGen.Emit;

/// <summary>
/// Writes a class for an object schema and the converter that reads and writes it without reflection: the spec's wire
/// names, required members checked, unknown members skipped (or kept, where the class has extension data), a
/// hierarchy's subclass chosen by its discriminator.
/// </summary>
internal static partial class ObjectEmitter
{
    private const string Json = "global::System.Text.Json";

    public static string Emit(SpecModel spec, ObjectTypeModel type)
    {
        var writer = new SourceWriter();
        FileHeader.Write(writer);
        var qualified = new TypeName(spec.Namespace, type.Name);

        writer.OpenBlock("namespace " + spec.Namespace);
        XmlDocWriter.Write(writer, type.Docs, $"The <c>{Escape.Xml(type.Name)}</c> schema.", HierarchyRemarks(type), type.Name, obsolete: type.Docs.Deprecated);
        ConverterWriter.WriteTypeAttributes(writer, qualified);
        ObsoleteCode.Attribute(writer, type.Docs);
        writer.OpenBlock($"public partial class {type.Name} : {(type.BaseType is null ? ValidationEmitter.Base : TypeNames.Of(type.BaseType))}");
        ValidationEmitter.WritePatternFields(writer, type);
        var first = true;
        foreach (var property in type.Properties)
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            XmlDocWriter.Write(writer, property.Docs, $"The <c>{Escape.Xml(property.WireName)}</c> property.", MemberRemarks(property), property.WireName, obsolete: ObsoleteCode.Applies(property));
            if (ObsoleteCode.Applies(property))
            {
                ObsoleteCode.Attribute(writer, property.Docs);
            }
            var required = property.IsRequired ? "required " : string.Empty;
            var initializer = DefaultValueCode.Of(property) is { } value ? " = " + value + ";" : string.Empty;
            writer.Line($"public {required}{TypeNames.Of(property.Type)} {property.Name} {{ get; set; }}{initializer}");
        }

        if (type.ExtensionData is { IsInherited: false } data)
        {
            if (!first)
            {
                writer.Line();
            }

            XmlDocWriter.Summary(writer, "Members of the JSON that this class does not declare, kept as they were read and written back unchanged.");
            writer.Line($"public {ExtensionDataType(data)}? {data.Name} {{ get; set; }}");
        }

        ValidationEmitter.WriteMembers(writer, spec, type);
        writer.CloseBlock();
        writer.CloseBlock();
        writer.Line();

        WriteConverter(writer, spec, type, qualified);
        return writer.ToString();
    }

    private static IEnumerable<string> MemberRemarks(PropertyModel property)
    {
        if (property.IsOnlyValue)
        {
            yield return "Set for you: it is the only value the spec allows.";
        }

        foreach (var constraint in ConstraintText.For(property))
        {
            yield return constraint;
        }
    }

    private static IEnumerable<string> HierarchyRemarks(ObjectTypeModel type)
    {
        if (type.Discriminator is { Subtypes.Count: > 0 } discriminator)
        {
            var subtypes = string.Join(", ", discriminator.Subtypes.Select(static s => $"<c>{Escape.Xml(s.Value)}</c>: <see cref=\"{TypeNames.Of(s.Type)}\"/>"));
            yield return $"The <c>{Escape.Xml(discriminator.WireName)}</c> member names the subclass: {subtypes}. Another value is read as this class, its other members kept in <see cref=\"{type.ExtensionData!.Name}\"/>.";
        }
    }

    private static string ExtensionDataType(ExtensionDataModel data)
        => $"global::System.Collections.Generic.IDictionary<string, {TypeNames.Of(data.ValueType)}>";
}
