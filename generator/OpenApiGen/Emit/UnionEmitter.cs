using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OpenApiGen.Model;

namespace OpenApiGen.Emit;

/// <summary>
/// Writes a union: a class that holds exactly one of its cases, with <c>IsX</c>, <c>TryGetX</c> and <c>Match</c>, implicit
/// conversions from each case, and the raw JSON when the JSON fits no case. Its converter picks the case by the JSON's
/// token kind and, for objects, by required members and closed values (see <c>UnionMatcher</c> in the runtime).
/// </summary>
internal static partial class UnionEmitter
{
    private const string Json = "global::System.Text.Json";

    public static string Emit(SpecModel spec, UnionTypeModel type)
    {
        var writer = new SourceWriter();
        FileHeader.Write(writer);
        var qualified = new TypeName(spec.Namespace, type.Name);
        var name = type.Name;
        var cases = type.Cases;

        writer.OpenBlock("namespace " + spec.Namespace);
        var shapes = string.Join(", ", cases.Select(static c => Describe(c.Type)));
        XmlDocWriter.Write(writer, type.Docs, $"One of: {shapes}.", new[] { $"One of: {shapes}. JSON that fits none of them is kept as it is, in <see cref=\"UnmatchedJson\"/>." }, obsolete: type.Docs.Deprecated);
        ConverterWriter.WriteTypeAttributes(writer, qualified);
        ObsoleteCode.Attribute(writer, type.Docs);
        writer.OpenBlock($"public sealed partial class {name} : {ValidationEmitter.Base}");
        for (var i = 0; i < cases.Count; i++)
        {
            ValidationEmitter.WritePatternFields(writer, "Case" + (i + 1).ToString(CultureInfo.InvariantCulture), cases[i].Constraints, cases[i].ItemConstraints);
        }

        writer.Line("private readonly int _case;");
        for (var i = 0; i < cases.Count; i++)
        {
            writer.Line($"private readonly {Field(cases[i].Type)} {FieldName(i)};");
        }

        writer.Line($"private readonly {Json}.JsonElement _unmatched;");

        for (var i = 0; i < cases.Count; i++)
        {
            var @case = cases[i];
            writer.Line();
            XmlDocWriter.Summary(writer, $"Holds {Describe(@case.Type)}.");
            writer.Line("/// <param name=\"value\">The value.</param>");
            var value = @case.Type.IsValueType ? "value" : "value ?? throw new global::System.ArgumentNullException(nameof(value))";
            writer.Line($"public {name}({TypeNames.Of(@case.Type)} value) => (_case, {FieldName(i)}) = ({i + 1}, {value});");
        }

        writer.Line();
        writer.OpenBlock($"private {name}({Json}.JsonElement unmatched, bool keepUnmatched)");
        writer.Line("_ = keepUnmatched;");
        writer.Line("_unmatched = unmatched;");
        writer.CloseBlock();

        writer.Line();
        XmlDocWriter.Summary(writer, "Wraps JSON that fits none of the cases, kept as it is.");
        writer.Line("/// <param name=\"json\">The JSON.</param>");
        writer.Line($"public static {name} FromUnmatchedJson({Json}.JsonElement json) => new(json.Clone(), keepUnmatched: true);");

        for (var i = 0; i < cases.Count; i++)
        {
            var @case = cases[i];
            writer.Line();
            XmlDocWriter.Summary(writer, $"Whether this holds {Describe(@case.Type)}.");
            writer.Line($"public bool Is{@case.Name} => _case == {i + 1};");
            writer.Line();
            XmlDocWriter.Summary(writer, $"Gets {Describe(@case.Type)}, if that is what this holds.");
            writer.Line("/// <param name=\"value\">The value, when this holds one.</param>");
            writer.Line("/// <returns>Whether this holds that case.</returns>");
            var attribute = @case.Type.IsValueType ? string.Empty : "[global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] ";
            var outType = @case.Type.IsValueType ? TypeNames.Of(@case.Type) : TypeNames.Of(@case.Type.WithNullable(true));
            writer.Line($"public bool TryGet{@case.Name}({attribute}out {outType} value) {{ value = {FieldName(i)}; return _case == {i + 1}; }}");
        }

        writer.Line();
        XmlDocWriter.Summary(writer, "Whether the JSON fit none of the cases.");
        writer.Line("public bool IsUnmatched => _case == 0;");
        writer.Line();
        XmlDocWriter.Summary(writer, "The JSON as it was read, when it fit none of the cases; otherwise null.");
        writer.Line($"public {Json}.JsonElement? UnmatchedJson => _case == 0 ? _unmatched : null;");

        WriteMatch(writer, cases);
        WriteConversions(writer, name, cases);
        WriteToString(writer, cases);
        WriteWriteTo(writer, cases);
        ValidationEmitter.WriteUnionMember(writer, spec, type);

        writer.CloseBlock();
        writer.CloseBlock();
        writer.Line();
        WriteConverter(writer, spec, type, qualified);
        return writer.ToString();
    }

    private static void WriteMatch(SourceWriter writer, EquatableArray<UnionCaseModel> cases)
    {
        writer.Line();
        XmlDocWriter.Summary(writer, "Calls the function for the case this holds and returns its result.");
        writer.Line("/// <typeparam name=\"TResult\">The result type.</typeparam>");
        foreach (var @case in cases)
        {
            writer.Line($"/// <param name=\"on{@case.Name}\">Called when this holds {Describe(@case.Type)}.</param>");
        }

        writer.Line("/// <param name=\"onUnmatched\">Called with the raw JSON when it fit none of the cases.</param>");
        writer.Line("/// <returns>What the function called returned.</returns>");
        var parameters = cases.Select(static c => $"global::System.Func<{TypeNames.Of(c.Type)}, TResult> on{c.Name}")
            .Append($"global::System.Func<{Json}.JsonElement, TResult> onUnmatched");
        writer.OpenBlock($"public TResult Match<TResult>({string.Join(", ", parameters)})");
        foreach (var @case in cases)
        {
            writer.Line($"global::System.ArgumentNullException.ThrowIfNull(on{@case.Name});");
        }

        writer.Line("global::System.ArgumentNullException.ThrowIfNull(onUnmatched);");
        writer.Line("return _case switch");
        writer.Line("{");
        writer.Indent();
        for (var i = 0; i < cases.Count; i++)
        {
            writer.Line($"{i + 1} => on{cases[i].Name}({Value(cases[i].Type, i)}),");
        }

        writer.Line("_ => onUnmatched(_unmatched),");
        writer.Unindent();
        writer.Line("};");
        writer.CloseBlock();
    }

    private static void WriteConversions(SourceWriter writer, string name, EquatableArray<UnionCaseModel> cases)
    {
        foreach (var @case in cases)
        {
            // C# has no conversions from interfaces, so a list case converts from the concrete collections.
            var sources = @case.Type.Kind switch
            {
                TypeKind.List => new[]
                {
                    $"global::System.Collections.Generic.List<{TypeNames.Of(@case.Type.Element!)}>",
                    TypeNames.Of(@case.Type.Element!) + "[]",
                },
                TypeKind.Map => new[] { $"global::System.Collections.Generic.Dictionary<string, {TypeNames.Of(@case.Type.Element!)}>" },
                _ => new[] { TypeNames.Of(@case.Type) },
            };

            foreach (var source in sources)
            {
                writer.Line();
                XmlDocWriter.Summary(writer, $"Holds {Describe(@case.Type)}.");
                writer.Line("/// <param name=\"value\">The value.</param>");
                var argument = source == TypeNames.Of(@case.Type) ? "value" : $"({TypeNames.Of(@case.Type)})value";
                writer.Line($"public static implicit operator {name}({source} value) => new({argument});");
            }
        }
    }

    private static void WriteToString(SourceWriter writer, EquatableArray<UnionCaseModel> cases)
    {
        writer.Line();
        XmlDocWriter.Summary(writer, "The value as text: a string as it is, a number or boolean as JSON writes it, anything else as JSON.");
        var stringCase = cases.Select(static (c, i) => (c, i)).FirstOrDefault(static p => p.c.Type.Kind == TypeKind.String);
        const string AsJson = "global::OpenApiGen.Runtime.JsonWrite.ToJson(this, static (writer, value, options) => value.WriteTo(writer, options))";
        writer.Line(stringCase.c is null
            ? $"public override string ToString() => {AsJson};"
            : $"public override string ToString() => _case == {stringCase.i + 1} ? {FieldName(stringCase.i)}! : {AsJson};");
    }

    private static void WriteWriteTo(SourceWriter writer, EquatableArray<UnionCaseModel> cases)
    {
        writer.Line();
        writer.OpenBlock($"internal void WriteTo({Json}.Utf8JsonWriter writer, {Json}.JsonSerializerOptions options)");
        writer.OpenBlock("switch (_case)");
        for (var i = 0; i < cases.Count; i++)
        {
            writer.Line($"case {i + 1}: {JsonValueCode.Write(cases[i].Type, "writer", Value(cases[i].Type, i), "options")} break;");
        }

        writer.Line("default: _unmatched.WriteTo(writer); break;");
        writer.CloseBlock();
        writer.CloseBlock();
    }

    private static string Field(TypeRef type) => type.IsValueType ? TypeNames.Of(type) : TypeNames.Of(type.WithNullable(true));

    private static string FieldName(int index) => "_case" + (index + 1).ToString(CultureInfo.InvariantCulture);

    private static string Value(TypeRef type, int index) => type.IsValueType ? FieldName(index) : FieldName(index) + "!";

    /// <summary>How XML docs name a case's type.</summary>
    private static string Describe(TypeRef type) => type.Kind switch
    {
        TypeKind.List => "a list of " + Plain(type.Element!),
        TypeKind.Map => "a map of " + Plain(type.Element!),
        TypeKind.Json => "any JSON value",
        _ => "a " + Plain(type),
    };

    private static string Plain(TypeRef type) => type.Kind switch
    {
        TypeKind.Object or TypeKind.Enum or TypeKind.Union => $"<see cref=\"{TypeNames.Of(type.Name!)}\"/>",
        TypeKind.List => "list of " + Plain(type.Element!),
        TypeKind.Map => "map of " + Plain(type.Element!),
        _ => $"<c>{Escape.Xml(TypeNames.Of(type.WithNullable(false)).Replace("global::", string.Empty))}</c>",
    };
}
