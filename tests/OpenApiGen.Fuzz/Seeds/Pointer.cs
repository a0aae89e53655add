namespace OpenApiGen.Fuzz.Seeds;

/// <summary>JSON pointers (RFC 6901), with the percent-encoding a URI fragment adds.</summary>
internal static class Pointer
{
    public static string[] Parse(string pointer)
        => pointer.Length == 0
            ? []
            : pointer.TrimStart('/').Split('/').Select(static s => Uri.UnescapeDataString(s).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();

    public static string Escape(string segment) => segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    public static string Format(IEnumerable<string> segments) => string.Concat(segments.Select(static s => "/" + Escape(s)));
}
