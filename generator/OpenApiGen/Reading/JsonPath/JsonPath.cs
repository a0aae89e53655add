using System.Collections.Immutable;
using System.Text.Json.Nodes;
using System.Threading;

namespace OpenApiGen.Reading;

/// <summary>
/// An RFC 9535 JSONPath evaluator over System.Text.Json nodes, for overlay targets: the whole query syntax, and the
/// function extensions the RFC defines (length(), count(), match(), search(), value()), with match() and search()
/// taking RFC 9485 I-Regexp (<see cref="IRegexp"/>). The RFC's compliance suite runs in the tests.
/// </summary>
internal static partial class JsonPath
{
    // Bounds recursion in the parser; real overlay targets nest two or three levels.
    private const int MaxNesting = 64;

    // RFC 9535 restricts integers to the I-JSON range.
    private const long MaxSafeInteger = 9007199254740991;

    /// <summary>Never throws for a bad expression; only cancellation escapes.</summary>
    public static JsonPathResult Evaluate(JsonNode? root, string expression, CancellationToken ct = default)
    {
        if (expression is null)
        {
            return JsonPathResult.Failure("the query is empty", 0);
        }

        Query query;
        try
        {
            query = new Parser(expression).ParseQuery();
        }
        catch (SyntaxError error)
        {
            return JsonPathResult.Failure(error.Message, error.Position);
        }

        var locations = new Evaluator(root, ct).Run(query);
        var matches = ImmutableArray.CreateBuilder<JsonPathMatch>(locations.Count);
        foreach (var location in locations)
        {
            matches.Add(new JsonPathMatch(location));
        }

        return JsonPathResult.Success(matches.MoveToImmutable());
    }
}
