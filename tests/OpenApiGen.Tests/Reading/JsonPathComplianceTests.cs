using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using OpenApiGen.Reading;
using OpenApiGen.Tests.Infrastructure;

namespace OpenApiGen.Tests.Reading;

/// <summary>
/// The JSONPath Compliance Test Suite (github.com/jsonpath-standard/jsonpath-compliance-test-suite, BSD-2, kept as
/// data in <c>JsonPathCompliance/</c> with its licence), run case by case against the overlay targets' evaluator:
/// an invalid query must fail, a valid one must select exactly the nodes listed, in order, at the paths listed.
/// </summary>
public class JsonPathComplianceTests
{
    /// <summary>The cases the evaluator does not pass, each with why. The test fails when a listed case passes too.</summary>
    private static readonly Dictionary<string, string> s_notPassed = new(StringComparer.Ordinal);

    private static readonly Lazy<Dictionary<string, JsonObject>> s_cases = new(Load);

    public static IEnumerable<object[]> Names => s_cases.Value.Keys.Select(static name => new object[] { name });

    [Theory]
    [MemberData(nameof(Names))]
    public void Case(string name)
    {
        var problem = Check(s_cases.Value[name]);
        if (s_notPassed.TryGetValue(name, out var reason))
        {
            Assert.True(problem is not null, $"'{name}' passes now; remove it from the list ({reason}).");
        }
        else
        {
            Assert.True(problem is null, problem);
        }
    }

    [Fact]
    public void Every_listed_case_is_in_the_suite()
        => Assert.All(s_notPassed.Keys, static name => Assert.True(s_cases.Value.ContainsKey(name), name));

    /// <summary>Null when the evaluator does what the case says, else what it did instead.</summary>
    private static string? Check(JsonObject test)
    {
        var selector = (string)test["selector"]!;
        var result = JsonPath.Evaluate(test["document"]?.DeepClone(), selector);
        if (test["invalid_selector"] is JsonValue invalid && (bool)invalid)
        {
            return result.Succeeded ? $"'{selector}' is invalid, but selected {result.Matches.Length} nodes" : null;
        }

        if (!result.Succeeded)
        {
            return $"'{selector}' is valid, but failed: {result.Error}";
        }

        var values = new JsonArray(result.Matches.Select(static m => m.Node?.DeepClone()).ToArray());
        var pointers = result.Matches.Select(static m => m.Pointer).ToList();

        // Where the RFC allows more than one order (the members of an object), any listed one will do.
        var expected = test["results"] is JsonArray alternatives
            ? alternatives.Select((r, i) => (Values: r!.AsArray(), Paths: (test["results_paths"] as JsonArray)?[i]?.AsArray())).ToList()
            : new List<(JsonArray Values, JsonArray? Paths)> { (test["result"]!.AsArray(), test["result_paths"] as JsonArray) };
        foreach (var (expectedValues, expectedPaths) in expected)
        {
            if (JsonNode.DeepEquals(values, expectedValues)
                && (expectedPaths is null || expectedPaths.Select(static p => ToPointer((string)p!)).SequenceEqual(pointers, StringComparer.Ordinal)))
            {
                return null;
            }
        }

        return $"'{selector}' selected {values.ToJsonString()} at [{string.Join(", ", pointers)}], expected {expected[0].Values.ToJsonString()}";
    }

    /// <summary>An RFC 9535 normalized path (<c>$['a'][0]</c>) as the RFC 6901 pointer the evaluator reports.</summary>
    private static string ToPointer(string normalized)
    {
        var pointer = new StringBuilder();
        var i = 1;
        while (i < normalized.Length)
        {
            i++; // '['
            pointer.Append('/');
            if (normalized[i] != '\'')
            {
                var end = normalized.IndexOf(']', i);
                pointer.Append(normalized, i, end - i);
                i = end + 1;
                continue;
            }

            var name = new StringBuilder();
            for (i++; normalized[i] != '\''; i++)
            {
                if (normalized[i] != '\\')
                {
                    name.Append(normalized[i]);
                    continue;
                }

                var escape = normalized[++i];
                name.Append(escape switch
                {
                    'b' => "\b",
                    'f' => "\f",
                    'n' => "\n",
                    'r' => "\r",
                    't' => "\t",
                    'u' => ((char)int.Parse(normalized.Substring(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString(),
                    _ => escape.ToString(),
                });
                i += escape == 'u' ? 4 : 0;
            }

            pointer.Append(name.ToString().Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));
            i += 2; // "']"
        }

        return pointer.ToString();
    }

    private static Dictionary<string, JsonObject> Load()
    {
        var path = Path.Combine(RepoPaths.Root, "tests", "OpenApiGen.Tests", "Reading", "JsonPathCompliance", "cts.json");
        var cases = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var test in JsonNode.Parse(File.ReadAllText(path))!["tests"]!.AsArray())
        {
            cases.Add((string)test!["name"]!, test.AsObject());
        }

        return cases;
    }
}
