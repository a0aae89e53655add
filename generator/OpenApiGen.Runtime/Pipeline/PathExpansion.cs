namespace OpenApiGen.Runtime;

/// <summary>
/// A path parameter's text in its style, as RFC 6570 expands <c>{name}</c>, <c>{.name}</c> and <c>{;name}</c> (with
/// <c>*</c> when exploded): each value escaped for a path segment, the delimiters the style adds left as they are, so a
/// comma inside a value (<c>%2C</c>) stays apart from the comma between two.
/// </summary>
internal static class PathExpansion
{
    public static string Scalar(string name, string value, ParameterStyle style) => style switch
    {
        ParameterStyle.Label => "." + Escape(value),
        ParameterStyle.Matrix => ";" + Escape(name) + (value.Length == 0 ? string.Empty : "=" + Escape(value)),
        _ => Escape(value),
    };

    public static string List(string name, IEnumerable<string> items, ParameterStyle style, bool explode)
    {
        var escaped = items.Select(Escape).ToList();
        return style switch
        {
            ParameterStyle.Label => "." + string.Join(explode ? "." : ",", escaped),
            ParameterStyle.Matrix when explode => string.Concat(escaped.Select(item => ";" + Escape(name) + "=" + item)),
            ParameterStyle.Matrix => ";" + Escape(name) + (escaped.Count == 0 ? string.Empty : "=" + string.Join(",", escaped)),
            _ => string.Join(",", escaped),
        };
    }

    public static string Object(string name, IEnumerable<KeyValuePair<string, string>> members, ParameterStyle style, bool explode)
    {
        var pairs = members.Select(static m => (Key: Escape(m.Key), Value: Escape(m.Value))).ToList();
        var flat = string.Join(",", pairs.Select(static p => p.Key + "," + p.Value));
        return style switch
        {
            ParameterStyle.Label when explode => "." + string.Join(".", pairs.Select(static p => p.Key + "=" + p.Value)),
            ParameterStyle.Label => "." + flat,
            ParameterStyle.Matrix when explode => string.Concat(pairs.Select(static p => ";" + p.Key + "=" + p.Value)),
            ParameterStyle.Matrix => ";" + Escape(name) + (pairs.Count == 0 ? string.Empty : "=" + flat),
            _ when explode => string.Join(",", pairs.Select(static p => p.Key + "=" + p.Value)),
            _ => flat,
        };
    }

    private static string Escape(string text) => Uri.EscapeDataString(text);
}
