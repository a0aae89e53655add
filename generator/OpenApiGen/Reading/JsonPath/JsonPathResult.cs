using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace OpenApiGen.Reading;

/// <summary>
/// One node selected by a JSONPath query, with enough context to change the tree there: JSON null values are
/// C# null in System.Text.Json, so a match is identified by its parent and key or index, not by the node.
/// </summary>
internal sealed class JsonPathMatch
{
    private readonly JsonPath.Location _location;
    private string? _pointer;

    internal JsonPathMatch(JsonPath.Location location)
    {
        _location = location;
    }

    /// <summary>The selected value (null for a JSON null).</summary>
    public JsonNode? Node => _location.Node;

    /// <summary>The <see cref="JsonObject"/> or <see cref="JsonArray"/> holding the node; null for the root.</summary>
    public JsonNode? Parent => _location.Parent?.Node;

    /// <summary>The member name when <see cref="Parent"/> is an object, otherwise null.</summary>
    public string? Key => _location.Name;

    /// <summary>The element index when <see cref="Parent"/> is an array, otherwise -1.</summary>
    public int Index => _location.Name is null && _location.Parent is not null ? _location.Index : -1;

    /// <summary>RFC 6901 pointer of the node ("" for the root), built on first use only.</summary>
    public string Pointer => _pointer ??= _location.ToPointer();

    public override string ToString() => Pointer;
}

/// <summary>Either the matches of a query, in RFC 9535 order, or why the query could not be used.</summary>
internal sealed class JsonPathResult
{
    private JsonPathResult(ImmutableArray<JsonPathMatch> matches, string? error, int errorPosition)
    {
        Matches = matches;
        Error = error;
        ErrorPosition = errorPosition;
    }

    public bool Succeeded => Error is null;

    /// <summary>Empty when the query failed.</summary>
    public ImmutableArray<JsonPathMatch> Matches { get; }

    public string? Error { get; }

    /// <summary>Character index in the expression where the problem was found; -1 on success.</summary>
    public int ErrorPosition { get; }

    internal static JsonPathResult Success(ImmutableArray<JsonPathMatch> matches) => new JsonPathResult(matches, null, -1);

    internal static JsonPathResult Failure(string error, int position) => new JsonPathResult(ImmutableArray<JsonPathMatch>.Empty, error, position);
}
