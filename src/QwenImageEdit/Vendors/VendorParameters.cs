using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace QwenImageEdit.Vendors;

/// <summary>Reads <see cref="ImageEditRequest.VendorParameters"/>: typed, and never silently ignoring a name.</summary>
internal sealed class VendorParameters
{
    private readonly IDictionary<string, object?> _values;
    private readonly ICollection<ImageEditValidationError> _errors;
    private readonly string _owner;

    public VendorParameters(IDictionary<string, object?> values, IReadOnlyCollection<string> accepted, string owner, ICollection<ImageEditValidationError> errors)
    {
        _values = values;
        _errors = errors;
        _owner = owner;
        foreach (var name in values.Keys.Where(name => !accepted.Contains(name)))
        {
            errors.Add(new ImageEditValidationError(
                $"VendorParameters[{name}]",
                accepted.Count == 0
                    ? $"{owner} takes no vendor parameters."
                    : $"{owner} does not take '{name}'; it takes {string.Join(", ", accepted)}."));
        }
    }

    public bool? Bool(string name) => Read(name, "true or false", static value => value switch
    {
        bool b => b,
        string s when bool.TryParse(s, out var b) => b,
        JsonElement { ValueKind: JsonValueKind.True } => true,
        JsonElement { ValueKind: JsonValueKind.False } => false,
        _ => (bool?)null,
    });

    public double? Number(string name) => Read(name, "a number", static value => value switch
    {
        double d => d,
        float f => f,
        int i => i,
        long l => l,
        decimal m => (double)m,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        JsonElement { ValueKind: JsonValueKind.Number } e => e.GetDouble(),
        _ => (double?)null,
    });

    public string? Text(string name) => Read(name, "text", static value => value switch
    {
        string s => s,
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => null,
    });

    /// <summary>A list of text: a string array (or any sequence of strings), a JSON array of strings, or one comma-separated string.</summary>
    public IReadOnlyList<string>? Texts(string name) => Read<IReadOnlyList<string>>(name, "a list of text", static value => value switch
    {
        string s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        IEnumerable<string> list => list.ToArray(),
        JsonElement { ValueKind: JsonValueKind.Array } e when e.EnumerateArray().All(static i => i.ValueKind == JsonValueKind.String) => e.EnumerateArray().Select(static i => i.GetString()!).ToArray(),
        _ => null,
    });

    private T? Read<T>(string name, string expected, Func<object, T?> convert)
    {
        if (!_values.TryGetValue(name, out var value) || value is null)
        {
            return default;
        }

        var result = convert(value);
        if (result is null)
        {
            _errors.Add(new ImageEditValidationError($"VendorParameters[{name}]", $"{_owner} expects {expected} for '{name}', not '{value}'."));
        }

        return result;
    }
}
