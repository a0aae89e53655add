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
    private const string FunctionExtensions = "function extensions (length, count, match, search, value) are not implemented: a query that uses one is rejected";

    /// <summary>The cases the evaluator does not pass, each with why. The test fails when a listed case passes too.</summary>
    private static readonly Dictionary<string, string> s_notPassed = new(StringComparer.Ordinal)
    {
        ["filter, equals, empty node list and special nothing"] = FunctionExtensions,
        ["filter, equals, special nothing"] = FunctionExtensions,
        ["functions, count, count function"] = FunctionExtensions,
        ["functions, count, multiple-selector arg"] = FunctionExtensions,
        ["functions, count, single-node arg"] = FunctionExtensions,
        ["functions, length, arg is a function expression"] = FunctionExtensions,
        ["functions, length, arg is special nothing"] = FunctionExtensions,
        ["functions, length, array data"] = FunctionExtensions,
        ["functions, length, false arg"] = FunctionExtensions,
        ["functions, length, missing data"] = FunctionExtensions,
        ["functions, length, null arg"] = FunctionExtensions,
        ["functions, length, number arg"] = FunctionExtensions,
        ["functions, length, string data"] = FunctionExtensions,
        ["functions, length, string data, unicode"] = FunctionExtensions,
        ["functions, length, true arg"] = FunctionExtensions,
        ["functions, match, arg is a function expression"] = FunctionExtensions,
        ["functions, match, don't select match"] = FunctionExtensions,
        ["functions, match, dot in character class"] = FunctionExtensions,
        ["functions, match, dot matcher on \\u2028"] = FunctionExtensions,
        ["functions, match, dot matcher on \\u2029"] = FunctionExtensions,
        ["functions, match, double quotes"] = FunctionExtensions,
        ["functions, match, escaped backslash before dot"] = FunctionExtensions,
        ["functions, match, escaped dot"] = FunctionExtensions,
        ["functions, match, escaped left square bracket"] = FunctionExtensions,
        ["functions, match, escaped right square bracket"] = FunctionExtensions,
        ["functions, match, explicit caret"] = FunctionExtensions,
        ["functions, match, explicit dollar"] = FunctionExtensions,
        ["functions, match, filter, match function, unicode char class negated, uppercase"] = FunctionExtensions,
        ["functions, match, filter, match function, unicode char class, uppercase"] = FunctionExtensions,
        ["functions, match, filter, match function, unicode, surrogate pair"] = FunctionExtensions,
        ["functions, match, found match"] = FunctionExtensions,
        ["functions, match, non-string first arg"] = FunctionExtensions,
        ["functions, match, non-string second arg"] = FunctionExtensions,
        ["functions, match, not a match"] = FunctionExtensions,
        ["functions, match, regex from the document"] = FunctionExtensions,
        ["functions, match, select non-match"] = FunctionExtensions,
        ["functions, search, arg is a function expression"] = FunctionExtensions,
        ["functions, search, at the end"] = FunctionExtensions,
        ["functions, search, at the start"] = FunctionExtensions,
        ["functions, search, don't select match"] = FunctionExtensions,
        ["functions, search, dot in character class"] = FunctionExtensions,
        ["functions, search, dot matcher on \\u2028"] = FunctionExtensions,
        ["functions, search, dot matcher on \\u2029"] = FunctionExtensions,
        ["functions, search, double quotes"] = FunctionExtensions,
        ["functions, search, escaped backslash before dot"] = FunctionExtensions,
        ["functions, search, escaped dot"] = FunctionExtensions,
        ["functions, search, escaped left square bracket"] = FunctionExtensions,
        ["functions, search, escaped right square bracket"] = FunctionExtensions,
        ["functions, search, filter, search function, unicode char class negated, uppercase"] = FunctionExtensions,
        ["functions, search, filter, search function, unicode char class, uppercase"] = FunctionExtensions,
        ["functions, search, filter, search function, unicode, surrogate pair"] = FunctionExtensions,
        ["functions, search, in the middle"] = FunctionExtensions,
        ["functions, search, non-string first arg"] = FunctionExtensions,
        ["functions, search, non-string second arg"] = FunctionExtensions,
        ["functions, search, not a match"] = FunctionExtensions,
        ["functions, search, regex from the document"] = FunctionExtensions,
        ["functions, search, select non-match"] = FunctionExtensions,
        ["functions, value, multi-value nodelist"] = FunctionExtensions,
        ["functions, value, single-value nodelist"] = FunctionExtensions,
        ["whitespace, functions, newline between arg and comma"] = FunctionExtensions,
        ["whitespace, functions, newline between arg and parenthesis"] = FunctionExtensions,
        ["whitespace, functions, newline between comma and arg"] = FunctionExtensions,
        ["whitespace, functions, newline between parenthesis and arg"] = FunctionExtensions,
        ["whitespace, functions, newlines in a relative singular selector"] = FunctionExtensions,
        ["whitespace, functions, newlines in an absolute singular selector"] = FunctionExtensions,
        ["whitespace, functions, return between arg and comma"] = FunctionExtensions,
        ["whitespace, functions, return between arg and parenthesis"] = FunctionExtensions,
        ["whitespace, functions, return between comma and arg"] = FunctionExtensions,
        ["whitespace, functions, return between parenthesis and arg"] = FunctionExtensions,
        ["whitespace, functions, returns in a relative singular selector"] = FunctionExtensions,
        ["whitespace, functions, returns in an absolute singular selector"] = FunctionExtensions,
        ["whitespace, functions, space between arg and comma"] = FunctionExtensions,
        ["whitespace, functions, space between arg and parenthesis"] = FunctionExtensions,
        ["whitespace, functions, space between comma and arg"] = FunctionExtensions,
        ["whitespace, functions, space between parenthesis and arg"] = FunctionExtensions,
        ["whitespace, functions, spaces in a relative singular selector"] = FunctionExtensions,
        ["whitespace, functions, spaces in an absolute singular selector"] = FunctionExtensions,
        ["whitespace, functions, tab between arg and comma"] = FunctionExtensions,
        ["whitespace, functions, tab between arg and parenthesis"] = FunctionExtensions,
        ["whitespace, functions, tab between comma and arg"] = FunctionExtensions,
        ["whitespace, functions, tab between parenthesis and arg"] = FunctionExtensions,
        ["whitespace, functions, tabs in a relative singular selector"] = FunctionExtensions,
        ["whitespace, functions, tabs in an absolute singular selector"] = FunctionExtensions,
    };

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
