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

        // The wire names encoded once, for the writes: a pre-encoded name is not checked for escaping on every write
        // (a UTF-8 literal cost 10 % more CPU a write), and Specs.Tests reads the names from these fields.
        foreach (var property in properties)
        {
            writer.Line($"private static readonly {Json}.JsonEncodedText s_{property.Name} = {Json}.JsonEncodedText.Encode({Escape.Literal(property.WireName)});");
        }

        if (properties.Count > 0)
        {
            writer.Line();
        }

        WriteRead(writer, type, typeName, properties);
        writer.Line();
        WriteWrite(writer, type, typeName, properties);

        writer.CloseBlock();
        writer.CloseBlock();
    }

    private static void WriteRead(SourceWriter writer, ObjectTypeModel type, string typeName, List<PropertyModel> properties)
    {
        const string JsonRead = "global::OpenApiGen.Runtime.JsonRead";
        writer.OpenBlock($"public static {typeName} ReadValue(ref {Json}.Utf8JsonReader reader, {Json}.JsonSerializerOptions options)");
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

        // The object is made first and each member set as it is read: one line a member. Required members are set to a
        // placeholder (C# requires them in the initializer); a bit of `seen` for each says whether the JSON had it.
        var required = properties.Where(static p => p.IsRequired).ToList();
        var placeholders = string.Join(", ", required.Select(static p => p.Name + " = default!"));
        writer.Line(required.Count == 0 ? $"var result = new {typeName}();" : $"var result = new {typeName} {{ {placeholders} }};");
        var bits = required.Count <= 64;
        if (required.Count > 0)
        {
            writer.Line(bits ? "var seen = 0UL;" : $"var seen = new bool[{required.Count.ToString(CultureInfo.InvariantCulture)}];");
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
            var assign = $"result.{property.Name} = {PropertyRead(type, property)};";
            var condition = $"{keyword} ({JsonRead}.Member(ref reader, {Escape.Literal(property.WireName)}u8, ref member))";
            var line = property.IsRequired ? $"{condition} {{ {assign} {Seen(required.IndexOf(property), bits)} }}" : $"{condition} {assign}";
            ObsoleteCode.Use(writer, ObsoleteCode.Applies(property), () => writer.Line(line));
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
            writer.Line($"(result.{extension.Name} ??= new global::System.Collections.Generic.Dictionary<string, {TypeNames.Of(extension.ValueType)}>())[key] = {read};");
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

        if (required.Count > 0)
        {
            // The first required member absent, in the spec's order, is the one the error names.
            var names = string.Join(", ", required.Select(static p => Escape.Literal(p.WireName)));
            var all = bits ? "0x" + (required.Count == 64 ? ulong.MaxValue : (1UL << required.Count) - 1).ToString("X", CultureInfo.InvariantCulture) + "UL" : null;
            writer.Line(bits
                ? $"if (seen != {all}) throw {JsonRead}.MissingProperty(seen, \"{type.Name}\", {names});"
                : $"if (global::System.Array.IndexOf(seen, false) >= 0) throw {JsonRead}.MissingProperty(seen, \"{type.Name}\", {names});");
        }

        writer.Line("return result;");
        writer.CloseBlock();
    }

    /// <summary>The statement that notes required member <paramref name="index"/> as read.</summary>
    private static string Seen(int index, bool bits)
        => bits
            ? "seen |= 0x" + (1UL << index).ToString("X", CultureInfo.InvariantCulture) + "UL;"
            : $"seen[{index.ToString(CultureInfo.InvariantCulture)}] = true;";

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
        var name = "s_" + property.Name;
        var nonNull = property.Type.WithNullable(false);
        if (!property.Type.IsNullable)
        {
            return JsonValueCode.WriteMember(nonNull, "writer", name, "value." + property.Name, "options");
        }

        var write = JsonValueCode.WriteMember(nonNull, "writer", name, "v_" + property.Name, "options");
        var statement = JsonValueCode.IsOneCall(nonNull) ? write : "{ " + write + " }";

        // Required but null: the spec allows null here, and the member must still be present.
        var orNull = property.IsRequired ? $" else writer.WriteNull({name});" : string.Empty;
        return $"if (value.{property.Name} is {{ }} v_{property.Name}) {statement}{orNull}";
    }

    private static void WriteWrite(SourceWriter writer, ObjectTypeModel type, string typeName, List<PropertyModel> properties)
    {
        writer.OpenBlock($"public static void WriteValue({Json}.Utf8JsonWriter writer, {typeName} value, {Json}.JsonSerializerOptions options)");
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
