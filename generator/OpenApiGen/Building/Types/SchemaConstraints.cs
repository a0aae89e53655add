using System;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.OpenApi;
using OpenApiGen.Diagnostics;
using OpenApiGen.Model;

namespace OpenApiGen.Building;

/// <summary>A schema's validation keywords, as <c>Validate()</c> checks them; a pattern .NET cannot run is reported and left out.</summary>
internal static class SchemaConstraints
{
    public static ConstraintModel Of(BuildContext context, IOpenApiSchema schema, string pointer)
    {
        schema = SchemaFacts.KeywordSource(schema);
        var pattern = schema.Pattern;
        if (pattern is not null)
        {
            try
            {
                _ = new Regex(pattern, RegexOptions.CultureInvariant);
            }
            catch (ArgumentException e)
            {
                context.Report(Descriptors.UncheckedPattern, pointer + "/pattern", pattern, e.Message);
                pattern = null;
            }
        }

        var (minimum, exclusiveMinimum) = Bound(schema.Minimum, schema.ExclusiveMinimum);
        var (maximum, exclusiveMaximum) = Bound(schema.Maximum, schema.ExclusiveMaximum);
        var constraints = new ConstraintModel(
            schema.MinLength,
            schema.MaxLength,
            pattern,
            minimum,
            exclusiveMinimum,
            maximum,
            exclusiveMaximum,
            schema.MinItems,
            schema.MaxItems,
            schema.UniqueItems == true);
        return constraints.IsEmpty ? ConstraintModel.None : constraints;
    }

    /// <summary>The items schema of a list, looking through <c>allOf</c> of one.</summary>
    public static IOpenApiSchema? Items(IOpenApiSchema schema)
    {
        var target = SchemaFacts.Resolved(schema);
        return target.Items ?? (SchemaFacts.AllOfParts(target) is { Count: 1 } allOf ? Items(allOf[0]) : null);
    }

    /// <summary>3.1 gives an exclusive bound as a number of its own; 3.0 as a boolean beside the inclusive one.</summary>
    private static (string? Value, bool Exclusive) Bound(string? inclusive, string? exclusive)
    {
        if (exclusive is { Length: > 0 } && decimal.TryParse(exclusive, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            return (exclusive, true);
        }

        return (inclusive, string.Equals(exclusive, "true", StringComparison.OrdinalIgnoreCase));
    }
}
