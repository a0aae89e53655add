using System.ComponentModel;
using System.Globalization;
using System.Text;

namespace OpenApiGen.Runtime;

/// <summary>How generated clients build requests: parameters as invariant text, escaped, joined to the base address.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ApiRequest
{
    /// <summary>
    /// The request URI: <paramref name="relativePath"/> under <paramref name="baseAddress"/>, keeping the base's own path
    /// (<c>https://modelslab.com/api/v6</c> + <c>image_editing/fetch/1</c>), plus the query.
    /// </summary>
    public static Uri Address(Uri baseAddress, string relativePath, QueryBuilder? query)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        ArgumentNullException.ThrowIfNull(relativePath);
        var root = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        var address = new Uri(root, relativePath.TrimStart('/'));
        return query is null || query.IsEmpty ? address : new Uri(address.AbsoluteUri + "?" + query);
    }

    /// <summary>Escapes a value for a path segment.</summary>
    public static string Segment(string text) => Uri.EscapeDataString(text);

    /// <summary>A string parameter, as it is.</summary>
    public static string Text(string value) => value;

    /// <summary>A boolean as JSON writes it.</summary>
    public static string Text(bool value) => value ? "true" : "false";

    /// <summary>A number in the invariant culture.</summary>
    public static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A number in the invariant culture.</summary>
    public static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A number in the invariant culture, round-trippable.</summary>
    public static string Text(float value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A number in the invariant culture, round-trippable.</summary>
    public static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A number in the invariant culture.</summary>
    public static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>An RFC 3339 date-time.</summary>
    public static string Text(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>An RFC 3339 full-date.</summary>
    public static string Text(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A UUID in its usual form.</summary>
    public static string Text(Guid value) => value.ToString("D");

    /// <summary>A URI as it was written.</summary>
    public static string Text(Uri value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.OriginalString;
    }

    /// <summary>Bytes as base64.</summary>
    public static string Text(byte[] value) => Convert.ToBase64String(value);

    /// <summary>Anything else (an extensible enum, a JSON value) as its own text.</summary>
    public static string Text(object value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>The file name a multipart file part announces: the file's own name for a file stream, else <paramref name="fallback"/>.</summary>
    public static string FileName(Stream stream, string fallback)
        => stream is FileStream { Name: { Length: > 0 } path } ? Path.GetFileName(path) : fallback;

    /// <summary>A list as comma-separated values (OpenAPI's <c>form</c> style without <c>explode</c>, and headers).</summary>
    public static string Join<T>(IEnumerable<T> values, Func<T, string> text)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(text);
        return string.Join(",", values.Select(text));
    }
}

/// <summary>A query string, built one escaped <c>name=value</c> pair at a time.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class QueryBuilder
{
    private readonly StringBuilder _text = new();

    /// <summary>Whether nothing was added.</summary>
    public bool IsEmpty => _text.Length == 0;

    /// <summary>Adds a pair; both sides are escaped.</summary>
    public void Add(string name, string value)
    {
        if (_text.Length > 0)
        {
            _text.Append('&');
        }

        _text.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
    }

    /// <summary>
    /// Adds <c>name=a,b</c>: each value escaped, the delimiter (already escaped: <c>,</c>, <c>%20</c>, <c>|</c>) left as
    /// it is, so a delimiter inside a value stays apart from one between values (RFC 6570, OpenAPI's style table).
    /// </summary>
    internal void AddJoined(string name, IEnumerable<string> values, string delimiter)
    {
        if (_text.Length > 0)
        {
            _text.Append('&');
        }

        _text.Append(Uri.EscapeDataString(name)).Append('=').AppendJoin(delimiter, values.Select(Uri.EscapeDataString));
    }

    /// <inheritdoc/>
    public override string ToString() => _text.ToString();
}
