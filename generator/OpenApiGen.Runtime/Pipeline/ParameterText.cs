using System.ComponentModel;
using System.Globalization;

namespace OpenApiGen.Runtime;

/// <summary>
/// A parameter's value as the text it is sent as, or nothing: every type a path, query, header, cookie or form value
/// can have converts to it implicitly, in the invariant culture, so a generated request builder passes its parameters
/// as they are and a null (an optional parameter left out) is simply not sent.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct ParameterText
{
    private ParameterText(string? text) => Text = text;

    /// <summary>The text, or null when there is no value to send.</summary>
    public string? Text { get; }

    /// <summary>Whether there is a value.</summary>
    public bool HasValue => Text is not null;

    /// <summary>A string, as it is.</summary>
    public static implicit operator ParameterText(string? value) => new(value);

    /// <summary>A boolean as JSON writes it.</summary>
    public static implicit operator ParameterText(bool? value) => new(value is { } v ? (v ? "true" : "false") : null);

    /// <summary>A number in the invariant culture.</summary>
    public static implicit operator ParameterText(int? value) => new(value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>A number in the invariant culture.</summary>
    public static implicit operator ParameterText(long? value) => new(value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>A number in the invariant culture, round-trippable.</summary>
    public static implicit operator ParameterText(float? value) => new(value?.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>A number in the invariant culture, round-trippable.</summary>
    public static implicit operator ParameterText(double? value) => new(value?.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>A number in the invariant culture.</summary>
    public static implicit operator ParameterText(decimal? value) => new(value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>An RFC 3339 date-time.</summary>
    public static implicit operator ParameterText(DateTimeOffset? value) => new(value?.ToString("O", CultureInfo.InvariantCulture));

    /// <summary>An RFC 3339 full-date.</summary>
    public static implicit operator ParameterText(DateOnly? value) => new(value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>A duration in the invariant constant format.</summary>
    public static implicit operator ParameterText(TimeSpan? value) => new(value?.ToString("c", CultureInfo.InvariantCulture));

    /// <summary>A UUID in its usual form.</summary>
    public static implicit operator ParameterText(Guid? value) => new(value?.ToString("D"));

    /// <summary>A URI as it was written.</summary>
    public static implicit operator ParameterText(Uri? value) => new(value?.OriginalString);

    /// <summary>Bytes as base64.</summary>
    public static implicit operator ParameterText(byte[]? value) => new(value is null ? null : Convert.ToBase64String(value));

    /// <summary>An extensible enum (or anything else with a wire text of its own) by its text.</summary>
    public static ParameterText Of<T>(T? value)
        where T : struct, IExtensibleEnum<T>
        => new(value?.Value);

    /// <summary>Anything else (an object's or a JSON value's own text, invariant), or nothing for null.</summary>
    public static ParameterText FromObject(object? value) => new(value is null ? null : ApiRequest.Text(value));

    /// <summary>A list as comma-separated values (OpenAPI's <c>simple</c> style), or nothing for a null list.</summary>
    public static ParameterText Join<T>(IEnumerable<T>? values, Func<T, ParameterText> text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return values is null ? default : new(string.Join(",", values.Select(value => text(value).Text)));
    }

    /// <inheritdoc/>
    public override string ToString() => Text ?? string.Empty;
}
