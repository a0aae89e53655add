using System.ComponentModel;
using System.Globalization;
using System.Text.RegularExpressions;

namespace OpenApiGen.Runtime;

/// <summary>
/// Gathers the violations generated <c>Validate()</c> methods find. Ordinary invalid data is collected, never thrown:
/// a caller gets every problem at once, each with its JSON path.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ValidationCollector
{
    private readonly List<ValidationError> _errors = [];

    /// <summary>The violations found so far, in the order found.</summary>
    public IReadOnlyList<ValidationError> Errors => _errors;

    /// <summary>The path of a member: <c>$.prompt</c>, or <c>$['odd name']</c>.</summary>
    public static string Member(string path, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return JsonPathText.Member(path, name);
    }

    /// <summary>The path of an element: <c>$.image_urls[2]</c>.</summary>
    public static string Index(string path, int index) => JsonPathText.Index(path, index);

    /// <summary>A required member holds null.</summary>
    public void Missing(string path) => Add(path, "required", "is required");

    /// <summary>Checks a string's length.</summary>
    public void Length(string path, string value, int? minimum, int? maximum)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (minimum is { } min && value.Length < min)
        {
            Add(path, "minLength", $"must be at least {min} characters long, but is {value.Length}");
        }

        if (maximum is { } max && value.Length > max)
        {
            Add(path, "maxLength", $"must be at most {max} characters long, but is {value.Length}");
        }
    }

    /// <summary>
    /// Checks a string against the spec's pattern. A match that runs past the regex's timeout (a pattern only the
    /// backtracking engine runs, <see cref="ValidationPattern"/>) is a failed check: the value could not be shown to match.
    /// </summary>
    public void Pattern(string path, string value, Regex pattern)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(pattern);
        bool matches;
        try
        {
            matches = pattern.IsMatch(value);
        }
        catch (RegexMatchTimeoutException e)
        {
            Add(path, "pattern", $"could not be checked against the pattern {pattern} within {e.MatchTimeout.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)} ms");
            return;
        }

        if (!matches)
        {
            Add(path, "pattern", $"must match the pattern {pattern}");
        }
    }

    /// <summary>Checks a number against its bounds.</summary>
    public void Range(string path, double value, double? minimum, bool exclusiveMinimum, double? maximum, bool exclusiveMaximum)
    {
        if (minimum is { } min && (exclusiveMinimum ? value <= min : value < min))
        {
            Add(path, exclusiveMinimum ? "exclusiveMinimum" : "minimum", $"must be {(exclusiveMinimum ? "greater than" : "at least")} {Format(min)}, but is {Format(value)}");
        }

        if (maximum is { } max && (exclusiveMaximum ? value >= max : value > max))
        {
            Add(path, exclusiveMaximum ? "exclusiveMaximum" : "maximum", $"must be {(exclusiveMaximum ? "less than" : "at most")} {Format(max)}, but is {Format(value)}");
        }
    }

    /// <summary>Checks how many items a list has.</summary>
    public void Count(string path, int count, int? minimum, int? maximum)
    {
        if (minimum is { } min && count < min)
        {
            Add(path, "minItems", $"must have at least {min} item{(min == 1 ? string.Empty : "s")}, but has {count}");
        }

        if (maximum is { } max && count > max)
        {
            Add(path, "maxItems", $"must have at most {max} item{(max == 1 ? string.Empty : "s")}, but has {count}");
        }
    }

    /// <summary>Checks that no item of a list repeats.</summary>
    public void Unique<T>(string path, IEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var seen = new HashSet<T>();
        foreach (var item in items)
        {
            if (!seen.Add(item))
            {
                Add(path, "uniqueItems", $"must not repeat items, but repeats {item}");
                return;
            }
        }
    }

    /// <summary>Checks that a value is one the spec lists (extensible enums hold any value; the spec still names the allowed ones).</summary>
    public void OneOf<T>(string path, T value, IReadOnlyCollection<T> allowed)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        if (!allowed.Contains(value))
        {
            Add(path, "enum", $"must be one of {string.Join(", ", allowed)}, but is {value}");
        }
    }

    /// <summary>Adds a violation found by a rule of the caller's own (the facade's, say).</summary>
    public void Add(string path, string rule, string message) => _errors.Add(new ValidationError(path, rule, message));

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
