using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OpenApiGen.Model;

namespace OpenApiGen.Emit;

// The union's converter: which cases each JSON token kind can start, tried in order, object cases ranked by UnionMatcher.
internal static partial class UnionEmitter
{
    private static void WriteConverter(SourceWriter writer, SpecModel spec, UnionTypeModel type, TypeName qualified)
    {
        var typeName = TypeNames.Of(qualified);
        var cases = type.Cases;
        var objectCases = cases.Select(static (c, i) => (Case: c, Index: i)).Where(static p => p.Case.Type.Kind == TypeKind.Object).ToList();

        ConverterWriter.Open(writer, spec, type.Name, $"Reads and writes <see cref=\"{typeName}\"/>, choosing the case by the JSON's shape.");
        if (objectCases.Count > 0)
        {
            writer.Line("private static readonly global::OpenApiGen.Runtime.UnionObjectCase[] s_objectCases =");
            writer.Line("{");
            writer.Indent();
            foreach (var (@case, _) in objectCases)
            {
                var constraints = @case.Discriminators.Select(static c => $"new({Escape.Literal(c.WireName)}, {Strings(c.Values)})");
                writer.Line($"new({Strings(@case.Required)}, {Strings(@case.Declared)}, new global::OpenApiGen.Runtime.UnionValueConstraint[] {{ {string.Join(", ", constraints)} }}),");
            }

            writer.Unindent();
            writer.Line("};");
            writer.Line();
        }

        writer.OpenBlock($"public static {typeName} ReadValue(ref {Json}.Utf8JsonReader reader, {Json}.JsonSerializerOptions options)");
        writer.OpenBlock("switch (reader.TokenType)");
        var attempts = 0;
        foreach (var (tokens, kinds) in s_tokenGroups)
        {
            var candidates = Order(cases, kinds);
            var anyToken = cases.Select(static (c, i) => (Case: c, Index: i)).Where(static p => p.Case.Type.Kind is TypeKind.Union or TypeKind.Json).ToList();
            if (candidates.Count == 0 && anyToken.Count == 0)
            {
                continue;
            }

            foreach (var token in tokens)
            {
                writer.Line($"case {Json}.JsonTokenType.{token}:");
            }

            writer.Indent();
            if (tokens.Contains("StartObject") && objectCases.Count > 0)
            {
                WriteRankedObjectAttempts(writer, typeName, objectCases);
            }

            foreach (var (@case, _) in candidates.Where(static p => p.Case.Type.Kind != TypeKind.Object).Concat(anyToken))
            {
                WriteAttempt(writer, typeName, @case, "c" + (attempts++).ToString(CultureInfo.InvariantCulture));
            }

            writer.Line("break;");
            writer.Unindent();
        }

        writer.CloseBlock();
        writer.Line();
        writer.Line("// No case fits: keep the JSON as it is rather than lose it.");
        writer.Line($"return {typeName}.FromUnmatchedJson({Json}.JsonElement.ParseValue(ref reader));");
        writer.CloseBlock();
        writer.Line();
        writer.OpenBlock($"public static void WriteValue({Json}.Utf8JsonWriter writer, {typeName} value, {Json}.JsonSerializerOptions options)");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(writer);");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(value);");
        writer.Line("value.WriteTo(writer, options);");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.CloseBlock();
    }

    /// <summary>Object cases, likeliest first as <c>UnionMatcher</c> ranks them for this JSON; cases it rules out are not tried.</summary>
    private static void WriteRankedObjectAttempts(SourceWriter writer, string typeName, List<(UnionCaseModel Case, int Index)> objectCases)
    {
        writer.OpenBlock("foreach (var candidate in global::OpenApiGen.Runtime.UnionMatcher.Rank(ref reader, s_objectCases))");
        writer.OpenBlock("switch (candidate)");
        for (var i = 0; i < objectCases.Count; i++)
        {
            var local = "v" + i.ToString(CultureInfo.InvariantCulture);
            writer.Line($"case {i}: if ({TryRead(objectCases[i].Case.Type, local)}) return new {typeName}({local}); break;");
        }

        writer.CloseBlock();
        writer.CloseBlock();
    }

    /// <summary>One try of a case: read on a copy of the reader, kept only when the value reads as that case.</summary>
    private static void WriteAttempt(SourceWriter writer, string typeName, UnionCaseModel @case, string local)
        => writer.Line($"if ({TryRead(@case.Type, local)}) return new {typeName}({local});");

    private static string TryRead(TypeRef type, string local)
    {
        const string Matcher = "global::OpenApiGen.Runtime.UnionMatcher";
        if (type.Kind == TypeKind.Enum)
        {
            // Telling cases apart needs a closed set: only a documented value makes this the enum case.
            return $"{Matcher}.TryReadKnown(ref reader, {TypeNames.Of(type.Name!)}.KnownValues, out var {local})";
        }

        var read = JsonValueCode.Read(type, "r", "o");
        return $"{Matcher}.TryRead<{TypeNames.Of(type)}>(ref reader, options, static (ref {Json}.Utf8JsonReader r, {Json}.JsonSerializerOptions o) => {read}, out var {local})";
    }

    /// <summary>Which token kinds start which case kinds, most specific first; a plain string is the last string case.</summary>
    private static readonly (string[] Tokens, TypeKind[] Kinds)[] s_tokenGroups =
    {
        (new[] { "String" }, new[] { TypeKind.Enum, TypeKind.Guid, TypeKind.DateTimeOffset, TypeKind.DateOnly, TypeKind.Bytes, TypeKind.Binary, TypeKind.Uri, TypeKind.String }),
        (new[] { "Number" }, new[] { TypeKind.Int32, TypeKind.Int64, TypeKind.Decimal, TypeKind.Double, TypeKind.Single }),
        (new[] { "True", "False" }, new[] { TypeKind.Boolean }),
        (new[] { "StartArray" }, new[] { TypeKind.List }),
        (new[] { "StartObject" }, new[] { TypeKind.Object, TypeKind.Map }),
    };

    private static List<(UnionCaseModel Case, int Index)> Order(EquatableArray<UnionCaseModel> cases, TypeKind[] kinds)
        => kinds.SelectMany(kind => cases.Select(static (c, i) => (Case: c, Index: i)).Where(p => p.Case.Type.Kind == kind)).ToList();

    private static string Strings(IEnumerable<string> values)
        => "new string[] { " + string.Join(", ", values.Select(Escape.Literal)) + " }";
}
