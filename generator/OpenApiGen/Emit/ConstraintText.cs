using System.Collections.Generic;
using OpenApiGen.Model;

namespace OpenApiGen.Emit;

/// <summary>Constraints as a sentence for XML docs, so they show in the IDE where the value is set.</summary>
internal static class ConstraintText
{
    public static IEnumerable<string> For(PropertyModel property)
    {
        var parts = Describe(property.Constraints, items: false);
        parts.AddRange(Describe(property.ItemConstraints, items: true));
        if (parts.Count > 0)
        {
            yield return "Constraints: " + string.Join("; ", parts) + ".";
        }
    }

    private static List<string> Describe(ConstraintModel c, bool items)
    {
        var parts = new List<string>();
        var prefix = items ? "each item " : string.Empty;
        if (c.MinLength is { } minLength && c.MaxLength is { } maxLength)
        {
            parts.Add($"{prefix}{minLength} to {maxLength} characters");
        }
        else if (c.MinLength is { } min)
        {
            parts.Add($"{prefix}at least {min} characters");
        }
        else if (c.MaxLength is { } max)
        {
            parts.Add($"{prefix}at most {max} characters");
        }

        if (c.Minimum is not null || c.Maximum is not null)
        {
            var low = c.Minimum is null ? string.Empty : Escape.Xml(c.Minimum) + (c.ExclusiveMinimum ? " &lt; " : " &lt;= ");
            var high = c.Maximum is null ? string.Empty : (c.ExclusiveMaximum ? " &lt; " : " &lt;= ") + Escape.Xml(c.Maximum);
            parts.Add($"{prefix}{low}value{high}".Trim());
        }

        if (c.MinItems is { } minItems && c.MaxItems is { } maxItems)
        {
            parts.Add($"{minItems} to {maxItems} items");
        }
        else if (c.MinItems is { } fewest)
        {
            parts.Add($"at least {fewest} items");
        }
        else if (c.MaxItems is { } most)
        {
            parts.Add($"at most {most} items");
        }

        if (c.UniqueItems)
        {
            parts.Add("no repeated items");
        }

        if (c.Pattern is { } pattern)
        {
            parts.Add($"{prefix}matches <c>{Escape.Xml(pattern)}</c>");
        }

        return parts;
    }
}
