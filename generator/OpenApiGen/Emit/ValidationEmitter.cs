using System.Globalization;
using System.Linq;
using OpenApiGen.Model;

namespace OpenApiGen.Emit;

/// <summary>
/// Writes <c>Validate()</c>: the spec's constraints (required, lengths, ranges, item counts, patterns, enums) checked
/// without reflection, every violation returned with its JSON path. Nested objects, unions and list items are checked
/// in place.
/// </summary>
internal static class ValidationEmitter
{
    private const string Collector = "global::OpenApiGen.Runtime.ValidationCollector";
    private const string Regex = "global::System.Text.RegularExpressions.Regex";

    /// <summary>Static fields for the patterns, one per constrained property.</summary>
    public static void WritePatternFields(SourceWriter writer, ObjectTypeModel type)
    {
        foreach (var property in type.Properties)
        {
            WritePatternFields(writer, property.Name, property.Constraints, property.ItemConstraints);
        }
    }

    /// <summary>Static fields for the patterns of a value and its items: <c>s_{owner}Pattern</c>, <c>s_{owner}ItemPattern</c>.</summary>
    public static void WritePatternFields(SourceWriter writer, string owner, ConstraintModel constraints, ConstraintModel items)
    {
        foreach (var (pattern, suffix) in new[] { (constraints.Pattern, "Pattern"), (items.Pattern, "ItemPattern") })
        {
            if (pattern is not null)
            {
                // The runtime picks the engine (non-backtracking where the pattern allows, else a match timeout): the
                // choice needs .NET's regex library, which the generator's hosts may not have, and the output is the same everywhere.
                writer.Line($"private static readonly {Regex} s_{owner}{suffix} = global::OpenApiGen.Runtime.ValidationPattern.Create({Escape.Literal(pattern)});");
                writer.Line();
            }
        }
    }

    /// <summary>The runtime base every generated root object and union derives from: it holds <c>Validate()</c>.</summary>
    public const string Base = "global::OpenApiGen.Runtime.Validatable";

    /// <summary>
    /// The <c>ValidateInto</c> override of an object with something to check, adding its members' checks to its base's;
    /// none for an object without, whose base (the runtime's, or its parent's) already checks what there is.
    /// </summary>
    public static void WriteMembers(SourceWriter writer, SpecModel spec, ObjectTypeModel type)
    {
        var checks = CheckedTypes.Of(spec);
        var checkedProperties = type.Properties.Where(p => NeedsChecks(p, checks)).ToList();
        if (checkedProperties.Count == 0)
        {
            return;
        }

        OpenValidateInto(writer);
        if (type.BaseType is not null)
        {
            writer.Line("base.ValidateInto(collector, path);");
        }

        foreach (var property in checkedProperties)
        {
            ObsoleteCode.Use(writer, ObsoleteCode.Applies(property), () => WriteProperty(writer, property, checks));
        }

        writer.CloseBlock();
    }

    private static void OpenValidateInto(SourceWriter writer)
    {
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        writer.OpenBlock($"public override void ValidateInto({Collector} collector, string path)");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(collector);");
    }

    /// <summary>For a union: object and union cases validate themselves; other cases are checked against their branch's constraints.</summary>
    public static void WriteUnionMember(SourceWriter writer, SpecModel spec, UnionTypeModel type)
    {
        var checks = CheckedTypes.Of(spec);
        var checkedCases = Enumerable.Range(0, type.Cases.Count).Where(i => NeedsChecks(type.Cases[i].Type, type.Cases[i].Constraints, type.Cases[i].ItemConstraints, checks)).ToList();
        if (checkedCases.Count == 0)
        {
            return;
        }

        OpenValidateInto(writer);
        foreach (var i in checkedCases)
        {
            var @case = type.Cases[i];
            var field = "_case" + (i + 1).ToString(CultureInfo.InvariantCulture);
            writer.OpenBlock($"if (_case == {i + 1})");
            WriteChecks(writer, @case.Type, @case.Type.IsValueType ? field : field + "!", "path", @case.Constraints, @case.ItemConstraints, "Case" + (i + 1).ToString(CultureInfo.InvariantCulture), 0, checks);
            writer.CloseBlock();
        }

        writer.CloseBlock();
    }

    internal static bool NeedsChecks(PropertyModel property, CheckedTypes checks)
        => (property.IsRequired && !property.Type.IsValueType && !property.Type.IsNullable)
           || NeedsChecks(property.Type, property.Constraints, property.ItemConstraints, checks);

    internal static bool NeedsChecks(TypeRef type, ConstraintModel constraints, ConstraintModel items, CheckedTypes checks) => type.Kind switch
    {
        TypeKind.Object or TypeKind.Union => checks.Has(type.Name!),
        TypeKind.Enum => true,
        // Only what WriteChecks writes for a list: a constraint of another kind on one (a maxLength) writes nothing.
        TypeKind.List => constraints.MinItems is not null || constraints.MaxItems is not null || constraints.UniqueItems
                         || NeedsChecks(type.Element!, items, ConstraintModel.None, checks),
        TypeKind.Map => type.Element!.Kind is TypeKind.Object or TypeKind.Union && checks.Has(type.Element.Name!),
        TypeKind.String => constraints.MinLength is not null || constraints.MaxLength is not null || constraints.Pattern is not null,
        TypeKind.Uri => constraints.MinLength is not null || constraints.MaxLength is not null,
        TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single or TypeKind.Double or TypeKind.Decimal => constraints.Minimum is not null || constraints.Maximum is not null,
        _ => false,
    };

    private static void WriteProperty(SourceWriter writer, PropertyModel property, CheckedTypes checks)
    {
        var at = $"{Collector}.Member(path, {Escape.Literal(property.WireName)})";
        var nonNull = property.Type.WithNullable(false);
        var hasValueChecks = NeedsChecks(property.Type, property.Constraints, property.ItemConstraints, checks);
        if (property.IsRequired && !property.Type.IsValueType && !property.Type.IsNullable)
        {
            // 'required' makes callers set it, but not to something other than null!
            writer.Line($"if ({property.Name} is null) collector.Missing({at});");
            if (hasValueChecks)
            {
                WriteGuarded(writer, "else", w => WriteChecks(w, nonNull, property.Name, at, property.Constraints, property.ItemConstraints, property.Name, 0, checks));
            }

            return;
        }

        if (property.Type.IsNullable)
        {
            WriteGuarded(writer, $"if ({property.Name} is {{ }} v_{property.Name})", w => WriteChecks(w, nonNull, "v_" + property.Name, at, property.Constraints, property.ItemConstraints, property.Name, 0, checks));
            return;
        }

        WriteChecks(writer, nonNull, property.Name, at, property.Constraints, property.ItemConstraints, property.Name, 0, checks);
    }

    /// <summary>Checks under a condition: on the condition's line when they are one statement, in a block otherwise.</summary>
    private static void WriteGuarded(SourceWriter writer, string condition, System.Action<SourceWriter> checks)
    {
        var inner = new SourceWriter();
        checks(inner);
        var lines = inner.ToString().TrimEnd('\n').Split('\n');
        if (lines.Length == 1)
        {
            writer.Line(condition + " " + lines[0]);
            return;
        }

        writer.OpenBlock(condition);
        foreach (var line in lines)
        {
            writer.Line(line);
        }

        writer.CloseBlock();
    }

    private static void WriteChecks(SourceWriter writer, TypeRef type, string value, string at, ConstraintModel constraints, ConstraintModel items, string propertyName, int depth, CheckedTypes checks)
    {
        switch (type.Kind)
        {
            case TypeKind.String:
                if (constraints.MinLength is not null || constraints.MaxLength is not null)
                {
                    writer.Line($"collector.Length({at}, {value}, {Int(constraints.MinLength)}, {Int(constraints.MaxLength)});");
                }

                if (constraints.Pattern is not null)
                {
                    writer.Line($"collector.Pattern({at}, {value}, s_{propertyName}{(depth == 0 ? "Pattern" : "ItemPattern")});");
                }

                break;
            case TypeKind.Uri:
                // The spec's length is the length of the text a URI is written as.
                writer.Line($"collector.Length({at}, {value}.OriginalString, {Int(constraints.MinLength)}, {Int(constraints.MaxLength)});");
                break;
            case TypeKind.Int32:
            case TypeKind.Int64:
            case TypeKind.Single:
            case TypeKind.Double:
            case TypeKind.Decimal:
                if (constraints.Minimum is not null || constraints.Maximum is not null)
                {
                    writer.Line($"collector.Range({at}, (double){value}, {Number(constraints.Minimum)}, {Bool(constraints.ExclusiveMinimum)}, {Number(constraints.Maximum)}, {Bool(constraints.ExclusiveMaximum)});");
                }

                break;
            case TypeKind.Enum:
                writer.Line($"collector.OneOf({at}, {value}, {TypeNames.Of(type.Name!)}.KnownValues);");
                break;
            case TypeKind.Object:
            case TypeKind.Union:
                writer.Line($"{value}.ValidateInto(collector, {at});");
                break;
            case TypeKind.List:
                if (constraints.MinItems is not null || constraints.MaxItems is not null)
                {
                    writer.Line($"collector.Count({at}, {value}.Count, {Int(constraints.MinItems)}, {Int(constraints.MaxItems)});");
                }

                if (constraints.UniqueItems)
                {
                    writer.Line($"collector.Unique({at}, {value});");
                }

                var element = type.Element!;
                if (NeedsChecks(element, items, ConstraintModel.None, checks))
                {
                    var index = "i" + depth.ToString(CultureInfo.InvariantCulture);
                    var item = "item" + depth.ToString(CultureInfo.InvariantCulture);
                    writer.OpenBlock($"for (var {index} = 0; {index} < {value}.Count; {index}++)");
                    if (element.IsNullable || !element.IsValueType)
                    {
                        writer.OpenBlock($"if ({value}[{index}] is {{ }} {item})");
                    }
                    else
                    {
                        writer.OpenBlock();
                        writer.Line($"var {item} = {value}[{index}];");
                    }

                    WriteChecks(writer, element.WithNullable(false), item, $"{Collector}.Index({at}, {index})", items, ConstraintModel.None, propertyName, depth + 1, checks);
                    writer.CloseBlock();
                    writer.CloseBlock();
                }

                break;
            case TypeKind.Map:
                if (type.Element!.Kind is TypeKind.Object or TypeKind.Union && checks.Has(type.Element.Name!))
                {
                    var pair = "pair" + depth.ToString(CultureInfo.InvariantCulture);
                    writer.OpenBlock($"foreach (var {pair} in {value})");
                    writer.Line($"{pair}.Value?.ValidateInto(collector, {Collector}.Member({at}, {pair}.Key));");
                    writer.CloseBlock();
                }

                break;
        }
    }

    private static string Int(int? value) => value is { } number ? number.ToString(CultureInfo.InvariantCulture) : "null";

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Number(string? value)
        => value is null ? "null" : double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture) + "d";
}
