using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OpenApiGen.Model;

namespace OpenApiGen.Emit;

// The class's converter: its wire names encoded once, Read (a hierarchy's subclass by its discriminator, required
// members checked, unknown members skipped or kept) and Write.
internal static partial class ObjectEmitter
{
    private static void WriteConverter(SourceWriter writer, SpecModel spec, ObjectTypeModel type, TypeName qualified)
    {
        var typeName = TypeNames.Of(qualified);
        var properties = type.AllProperties.ToList();
        ConverterWriter.Open(writer, spec, type.Name, $"Reads and writes <see cref=\"{typeName}\"/> with the spec's wire names, without reflection.");

        foreach (var property in properties)
        {
            writer.Line($"private static readonly {Json}.JsonEncodedText s_{property.Name} = {Json}.JsonEncodedText.Encode({Escape.Literal(property.WireName)});");
        }

        if (properties.Count > 0)
        {
            writer.Line();
        }

        ConverterWriter.WriteForwarders(writer, typeName);

        WriteRead(writer, type, typeName, properties);
        writer.Line();
        WriteWrite(writer, type, typeName, properties);

        writer.CloseBlock();
        writer.CloseBlock();
    }

    private static void WriteRead(SourceWriter writer, ObjectTypeModel type, string typeName, List<PropertyModel> properties)
    {
        const string JsonRead = "global::OpenApiGen.Runtime.JsonRead";
        writer.OpenBlock($"internal static {typeName} ReadValue(ref {Json}.Utf8JsonReader reader, {Json}.JsonSerializerOptions options)");
        writer.Line($"{JsonRead}.StartObject(ref reader, \"{type.Name}\");");
        if (type.Discriminator is { Subtypes.Count: > 0 } discriminator)
        {
            // The subclass is named by a member that may come anywhere in the object: look ahead on a copy.
            writer.Line("var scan = reader;");
            writer.OpenBlock($"switch ({JsonRead}.PeekString(ref scan, {Escape.Literal(discriminator.WireName)}u8))");
            foreach (var subtype in discriminator.Subtypes)
            {
                writer.Line($"case {Escape.Literal(subtype.Value)}:");
                writer.Line($"    return {TypeNames.ConverterOf(subtype.Type)}.ReadValue(ref reader, options);");
            }

            writer.CloseBlock();
        }

        foreach (var property in properties)
        {
            // A required reference starts out null until it is read; absence is checked below.
            var localType = property.IsRequired && !property.Type.IsValueType ? property.Type.WithNullable(true) : property.Type;
            writer.Line($"{TypeNames.Of(localType)} p_{property.Name} = {DefaultValueCode.Of(property) ?? "default"};");
            if (property.IsRequired)
            {
                writer.Line($"var has_{property.Name} = false;");
            }
        }

        if (type.ExtensionData is { } data)
        {
            writer.Line($"{ExtensionDataType(data)}? p_{data.Name} = null;");
        }

        var reads = properties.Count > 0 || type.ExtensionData is not null;
        if (reads)
        {
            // The member being read (its UTF-8 name), so a bad value is reported with its JSON path.
            writer.Line("global::System.ReadOnlySpan<byte> member = default;");
            writer.OpenBlock("try");
        }

        writer.OpenBlock($"while (reader.Read() && reader.TokenType != {Json}.JsonTokenType.EndObject)");
        var keyword = "if";
        foreach (var property in properties)
        {
            var assign = $"p_{property.Name} = {PropertyRead(type, property)};";
            var condition = $"{keyword} ({JsonRead}.Member(ref reader, {Escape.Literal(property.WireName)}u8, ref member))";
            writer.Line(property.IsRequired ? $"{condition} {{ {assign} has_{property.Name} = true; }}" : $"{condition} {assign}");
            keyword = "else if";
        }

        var otherwise = properties.Count > 0 ? "else " : string.Empty;
        if (type.ExtensionData is { } extension)
        {
            var read = JsonValueCode.ReadMaybeNull(extension.ValueType, "reader", "options");
            if (properties.Count > 0)
            {
                writer.Line("else");
            }

            writer.OpenBlock();
            writer.Line($"var key = {JsonRead}.MemberName(ref reader, ref member);");
            writer.Line($"(p_{extension.Name} ??= new global::System.Collections.Generic.Dictionary<string, {TypeNames.Of(extension.ValueType)}>())[key] = {read};");
            writer.CloseBlock();
        }
        else
        {
            writer.Line($"{otherwise}{JsonRead}.SkipMember(ref reader);");
        }

        writer.CloseBlock();
        if (reads)
        {
            writer.CloseBlock();
            writer.OpenBlock($"catch (global::System.Exception error) when (!member.IsEmpty && {JsonRead}.IsReadError(error))");
            writer.Line($"throw {JsonRead}.AtMember(error, member);");
            writer.CloseBlock();
            writer.Line();
        }

        foreach (var property in properties.Where(static p => p.IsRequired))
        {
            writer.Line($"if (!has_{property.Name}) throw {JsonRead}.MissingProperty({Escape.Literal(property.WireName)}, \"{type.Name}\");");
        }

        if (properties.Any(static p => p.IsRequired))
        {
            writer.Line();
        }

        var assignments = properties
            .Select(static p => $"{p.Name} = p_{p.Name}{(p.IsRequired && !p.Type.IsNullable && !p.Type.IsValueType ? "!" : string.Empty)},")
            .Concat(type.ExtensionData is { } kept ? new[] { $"{kept.Name} = p_{kept.Name}," } : Enumerable.Empty<string>())
            .ToList();
        if (assignments.Count == 0)
        {
            writer.Line($"return new {typeName}();");
        }
        else
        {
            writer.Line($"return new {typeName}");
            writer.Line("{");
            writer.Indent();
            for (var i = 0; i < assignments.Count; i++)
            {
                ObsoleteCode.Use(writer, i < properties.Count && ObsoleteCode.Applies(properties[i]), () => writer.Line(assignments[i]));
            }

            writer.Unindent();
            writer.Line("};");
        }

        writer.CloseBlock();
    }

    /// <summary>The expression that reads a member's value at the reader's current token, JSON null included.</summary>
    private static string PropertyRead(ObjectTypeModel type, PropertyModel property)
    {
        var read = JsonValueCode.Read(property.Type.WithNullable(false), "reader", "options");
        if (property.Type is { Kind: TypeKind.Json, IsNullable: false })
        {
            // A schema with no type allows any JSON, null included: a required one holds the null as a JsonElement.
            return read;
        }

        // default(T?) for a value type: a bare null would be taken through an extensible enum's conversion from string.
        var onNull = property.Type.IsNullable
            ? property.Type.Kind == TypeKind.Enum ? $"default({TypeNames.Of(property.Type)})" : "null"
            : property.IsRequired
                ? $"throw global::OpenApiGen.Runtime.JsonRead.NullValue({Escape.Literal(property.WireName)}, \"{type.Name}\")"
                : DefaultValueCode.Of(property) ?? "default"; // an explicit null for a defaulted property means what absence means
        return $"reader.TokenType == {Json}.JsonTokenType.Null ? {onNull} : {read}";
    }

    private static string WriteStatement(PropertyModel property)
    {
        var nonNull = property.Type.WithNullable(false);
        if (!property.Type.IsNullable)
        {
            return JsonValueCode.WriteMember(nonNull, "writer", "s_" + property.Name, "value." + property.Name, "options");
        }

        var write = JsonValueCode.WriteMember(nonNull, "writer", "s_" + property.Name, "v_" + property.Name, "options");
        var statement = JsonValueCode.IsOneCall(nonNull) ? write : "{ " + write + " }";

        // Required but null: the spec allows null here, and the member must still be present.
        var orNull = property.IsRequired ? $" else writer.WriteNull(s_{property.Name});" : string.Empty;
        return $"if (value.{property.Name} is {{ }} v_{property.Name}) {statement}{orNull}";
    }

    private static void WriteWrite(SourceWriter writer, ObjectTypeModel type, string typeName, List<PropertyModel> properties)
    {
        writer.OpenBlock($"internal static void WriteValue({Json}.Utf8JsonWriter writer, {typeName} value, {Json}.JsonSerializerOptions options)");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(writer);");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(value);");
        if (type.Discriminator is { Subtypes.Count: > 0 } discriminator)
        {
            // A subclass held as this type is written as itself, every member of it.
            for (var i = 0; i < discriminator.Subtypes.Count; i++)
            {
                var subtype = discriminator.Subtypes[i];
                var local = "subtype" + i.ToString(CultureInfo.InvariantCulture);
                writer.Line($"if (value is {TypeNames.Of(subtype.Type)} {local}) {{ {TypeNames.ConverterOf(subtype.Type)}.WriteValue(writer, {local}, options); return; }}");
            }
        }

        writer.Line("writer.WriteStartObject();");
        foreach (var property in properties)
        {
            ObsoleteCode.Use(writer, ObsoleteCode.Applies(property), () => writer.Line(WriteStatement(property)));
        }

        if (type.ExtensionData is { } data)
        {
            writer.OpenBlock($"if (value.{data.Name} is {{ }} kept)");
            writer.OpenBlock("foreach (var pair in kept)");
            writer.Line("writer.WritePropertyName(pair.Key);");
            writer.Line(JsonValueCode.WriteMaybeNull(data.ValueType, "writer", "pair.Value", "options"));
            writer.CloseBlock();
            writer.CloseBlock();
        }

        writer.Line("writer.WriteEndObject();");
        writer.CloseBlock();
    }
}
