namespace OpenApiGen.Reading;

/// <summary>The members of a path item that are operations, as the JSON tree names them (3.2's <c>query</c> included).</summary>
internal static class PathItemMethods
{
    public static readonly string[] All = { "get", "put", "post", "delete", "options", "head", "patch", "trace", "query" };
}
