using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using OpenApiGen.Reading;
using Xunit;

namespace OpenApiGen.Tests.Reading;

public class JsonPathTests
{
    // RFC 9535 section 1.5, Figure 1.
    private const string Bookstore = """
        { "store": {
            "book": [
              { "category": "reference", "author": "Nigel Rees", "title": "Sayings of the Century", "price": 8.95 },
              { "category": "fiction", "author": "Evelyn Waugh", "title": "Sword of Honour", "price": 12.99 },
              { "category": "fiction", "author": "Herman Melville", "title": "Moby Dick", "isbn": "0-553-21311-3", "price": 8.99 },
              { "category": "fiction", "author": "J. R. R. Tolkien", "title": "The Lord of the Rings", "isbn": "0-395-19395-8", "price": 22.99 }
            ],
            "bicycle": { "color": "red", "price": 399 }
          }
        }
        """;

    // RFC 9535 section 2.3.5.3.
    private const string FilterDocument = """
        { "a": [3, 5, 1, 2, 4, 6, {"b": "j"}, {"b": "k"}, {"b": {}}, {"b": "kilo"}],
          "o": {"p": 1, "q": 2, "r": 3, "s": 5, "t": {"u": 6}},
          "e": "f" }
        """;

    // RFC 9535 section 2.5.2.3.
    private const string DescendantDocument = """{ "o": {"j": 1, "k": 2}, "a": [5, 3, [{"j": 4}, {"k": 6}]] }""";

    private const string Spec = """
        { "paths": {
            "/v1/tasks": {
              "get": { "parameters": [ {"name": "limit", "in": "query"}, {"name": "x", "in": "header"}, {"name": "x", "in": "query"} ] },
              "post": { "parameters": [ {"name": "x", "in": "query"} ] }
            },
            "/v1/tasks/{id}": { "get": { "description": "one" } }
          },
          "components": { "schemas": { "a~b": { "description": null } } }
        }
        """;

    private static JsonNode Parse(string json) => JsonNode.Parse(json)!;

    private static JsonPathResult Run(string json, string expression)
    {
        var result = JsonPath.Evaluate(Parse(json), expression);
        Assert.True(result.Succeeded, result.Error);
        return result;
    }

    private static string[] Values(string json, string expression) =>
        Run(json, expression).Matches.Select(m => m.Node?.ToJsonString() ?? "null").ToArray();

    private static string[] Pointers(string json, string expression) =>
        Run(json, expression).Matches.Select(m => m.Pointer).ToArray();

    private static JsonPathResult Fail(string expression, string json = "{}")
    {
        var result = JsonPath.Evaluate(Parse(json), expression);
        Assert.False(result.Succeeded);
        Assert.True(result.Matches.IsEmpty);
        return result;
    }

    // ---- RFC 9535 examples ----

    [Theory]
    [InlineData("$.store.book[*].author", "\"Nigel Rees\"|\"Evelyn Waugh\"|\"Herman Melville\"|\"J. R. R. Tolkien\"")]
    [InlineData("$..author", "\"Nigel Rees\"|\"Evelyn Waugh\"|\"Herman Melville\"|\"J. R. R. Tolkien\"")]
    [InlineData("$.store..price", "8.95|12.99|8.99|22.99|399")]
    [InlineData("$..book[2].author", "\"Herman Melville\"")]
    [InlineData("$..book[2].publisher", "")]
    [InlineData("$..book[-1].title", "\"The Lord of the Rings\"")]
    [InlineData("$..book[0,1].title", "\"Sayings of the Century\"|\"Sword of Honour\"")]
    [InlineData("$..book[:2].title", "\"Sayings of the Century\"|\"Sword of Honour\"")]
    [InlineData("$..book[?@.isbn].title", "\"Moby Dick\"|\"The Lord of the Rings\"")]
    [InlineData("$..book[?@.price<10].title", "\"Sayings of the Century\"|\"Moby Dick\"")]
    [InlineData("$.store.bicycle.color", "\"red\"")]
    public void Bookstore_examples(string expression, string expected)
    {
        Assert.Equal(expected.Length == 0 ? Array.Empty<string>() : expected.Split('|'), Values(Bookstore, expression));
    }

    [Fact]
    public void Bookstore_wildcards()
    {
        Assert.Equal(new[] { "/store/book", "/store/bicycle" }, Pointers(Bookstore, "$.store.*"));
        Assert.Equal(27, Run(Bookstore, "$..*").Matches.Length);
    }

    [Theory]
    [InlineData("$.a[?@.b == 'kilo']", "/a/9")]
    [InlineData("$.a[?(@.b == 'kilo')]", "/a/9")]
    [InlineData("$.a[?@>3.5]", "/a/1|/a/4|/a/5")]
    [InlineData("$.a[?@.b]", "/a/6|/a/7|/a/8|/a/9")]
    [InlineData("$[?@.*]", "/a|/o")]
    [InlineData("$[?@[?@.b]]", "/a")]
    [InlineData("$.o[?@<3, ?@<3]", "/o/p|/o/q|/o/p|/o/q")]
    [InlineData("$.a[?@<2 || @.b == \"k\"]", "/a/2|/a/7")]
    [InlineData("$.o[?@>1 && @<4]", "/o/q|/o/r")]
    [InlineData("$.o[?@.u || @.x]", "/o/t")]
    [InlineData("$.a[?@.b == $.x]", "/a/0|/a/1|/a/2|/a/3|/a/4|/a/5")]
    [InlineData("$.a[?@ == @]", "/a/0|/a/1|/a/2|/a/3|/a/4|/a/5|/a/6|/a/7|/a/8|/a/9")]
    [InlineData("$.a[?!@.b]", "/a/0|/a/1|/a/2|/a/3|/a/4|/a/5")]
    [InlineData("$.a[?!(@.b == 'j' || @.b == 'k') && @.b]", "/a/8|/a/9")]
    [InlineData("$.a[?@.b > 'j']", "/a/7|/a/9")]
    [InlineData("$.a[?@.b >= 'k']", "/a/7|/a/9")]
    [InlineData("$.a[?@.b != 'j']", "/a/0|/a/1|/a/2|/a/3|/a/4|/a/5|/a/7|/a/8|/a/9")]
    [InlineData("$.a[?@ <= 2]", "/a/2|/a/3")]
    public void Filter_examples(string expression, string expected)
    {
        Assert.Equal(expected.Length == 0 ? Array.Empty<string>() : expected.Split('|'), Pointers(FilterDocument, expression));
    }

    [Theory]
    [InlineData("$..j", "1|4")]
    [InlineData("$..[0]", "5|{\"j\":4}")]
    [InlineData("$.o..[*, *]", "1|2|1|2")]
    [InlineData("$.a..[0, 1]", "5|3|{\"j\":4}|{\"k\":6}")]
    [InlineData("$..o", "{\"j\":1,\"k\":2}")]
    public void Descendant_examples(string expression, string expected)
    {
        Assert.Equal(expected.Split('|'), Values(DescendantDocument, expression));
    }

    [Fact]
    public void Descendant_wildcard_visits_parents_before_children_in_document_order()
    {
        Assert.Equal(
            new[] { "/o", "/a", "/o/j", "/o/k", "/a/0", "/a/1", "/a/2", "/a/2/0", "/a/2/1", "/a/2/0/j", "/a/2/1/k" },
            Pointers(DescendantDocument, "$..*"));
    }

    [Theory]
    [InlineData("$[1:3]", "\"b\"|\"c\"")]
    [InlineData("$[5:]", "\"f\"|\"g\"")]
    [InlineData("$[1:5:2]", "\"b\"|\"d\"")]
    [InlineData("$[5:1:-2]", "\"f\"|\"d\"")]
    [InlineData("$[::-1]", "\"g\"|\"f\"|\"e\"|\"d\"|\"c\"|\"b\"|\"a\"")]
    [InlineData("$[-2:]", "\"f\"|\"g\"")]
    [InlineData("$[0:7:0]", "")]
    [InlineData("$[1]", "\"b\"")]
    [InlineData("$[-2]", "\"f\"")]
    [InlineData("$[7]", "")]
    [InlineData("$[-8]", "")]
    public void Index_and_slice_examples(string expression, string expected)
    {
        Assert.Equal(expected.Length == 0 ? Array.Empty<string>() : expected.Split('|'), Values("""["a", "b", "c", "d", "e", "f", "g"]""", expression));
    }

    [Theory]
    [InlineData("$.o['j j']", "{\"k.k\":3}")]
    [InlineData("$.o['j j']['k.k']", "3")]
    [InlineData("$.o[\"j j\"][\"k.k\"]", "3")]
    [InlineData("$[\"'\"][\"@\"]", "2")]
    [InlineData("$['\\'']['@']", "2")]
    [InlineData("$['\\u006f']['j\\u0020j']", "{\"k.k\":3}")]
    [InlineData("$ ['o'] [ 'j j' , 'missing' ]", "{\"k.k\":3}")]
    public void Name_selector_examples(string expression, string expected)
    {
        Assert.Equal(expected.Split('|'), Values("""{"o": {"j j": {"k.k": 3}}, "'": {"@": 2}}""", expression));
    }

    [Fact]
    public void Escapes_in_names_cover_slash_backslash_and_surrogate_pairs()
    {
        const string json = """{"a/b": 1, "c\\d": 2, "😀": 3, "q\"q": 4}""";

        Assert.Equal(new[] { "1" }, Values(json, "$['a\\/b']"));
        Assert.Equal(new[] { "2" }, Values(json, "$['c\\\\d']"));
        Assert.Equal(new[] { "3" }, Values(json, "$['\\uD83D\\uDE00']"));
        Assert.Equal(new[] { "3" }, Values(json, "$.😀"));
        Assert.Equal(new[] { "4" }, Values(json, "$[\"q\\\"q\"]"));
    }

    // ---- OpenAPI shaped queries ----

    [Fact]
    public void Bracket_names_with_slashes_select_paths()
    {
        var result = Run(Spec, "$.paths['/v1/tasks'].get");

        var match = Assert.Single(result.Matches);
        Assert.Equal("/paths/~1v1~1tasks/get", match.Pointer);
        Assert.Equal("get", match.Key);
        Assert.Equal(-1, match.Index);
        Assert.IsType<JsonObject>(match.Parent);
        Assert.Same(match.Parent!["get"], match.Node);
    }

    [Fact]
    public void Filter_on_parameters_by_name()
    {
        var result = Run(Spec, "$.paths['/v1/tasks'].get.parameters[?@.name=='x']");

        Assert.Equal(new[] { "/paths/~1v1~1tasks/get/parameters/1", "/paths/~1v1~1tasks/get/parameters/2" }, result.Matches.Select(m => m.Pointer));
        Assert.Equal(new[] { 1, 2 }, result.Matches.Select(m => m.Index));
        Assert.All(result.Matches, m => Assert.IsType<JsonArray>(m.Parent));
        Assert.All(result.Matches, m => Assert.Null(m.Key));
    }

    [Fact]
    public void Filter_with_several_conditions_and_multi_segment_relative_paths()
    {
        Assert.Equal(
            new[] { "/paths/~1v1~1tasks/get/parameters/2", "/paths/~1v1~1tasks/post/parameters/0" },
            Pointers(Spec, "$.paths.*.*.parameters[?(@.name == 'x' && @['in'] == \"query\")]"));
        Assert.Equal(new[] { "/paths/~1v1~1tasks" }, Pointers(Spec, "$.paths[?@.get.parameters[0].name == 'limit']"));
        Assert.Equal(new[] { "/paths/~1v1~1tasks~1{id}" }, Pointers(Spec, "$.paths[?@.get.description]"));
    }

    [Fact]
    public void Descendant_with_a_filter_finds_every_matching_parameter()
    {
        Assert.Equal(3, Run(Spec, "$..parameters[?@.in == 'query']").Matches.Length);
        Assert.Equal(3, Run(Spec, "$..[?@.name == 'x']").Matches.Length);
    }

    [Fact]
    public void Null_values_are_selected_and_exist_and_pointers_escape_tilde()
    {
        var result = Run(Spec, "$.components.schemas['a~b'].description");

        var match = Assert.Single(result.Matches);
        Assert.Null(match.Node);
        Assert.Equal("description", match.Key);
        Assert.Equal("/components/schemas/a~0b/description", match.Pointer);
        Assert.Single(Run(Spec, "$.components.schemas[?@.description]").Matches);
        Assert.Single(Run(Spec, "$.components.schemas[?@.description == null]").Matches);
        Assert.Empty(Run(Spec, "$.components.schemas[?@.title == null]").Matches);
    }

    [Fact]
    public void Root_query_selects_the_root_without_parent()
    {
        var root = Parse(Spec);
        var match = Assert.Single(JsonPath.Evaluate(root, "$").Matches);

        Assert.Same(root, match.Node);
        Assert.Null(match.Parent);
        Assert.Equal(string.Empty, match.Pointer);
    }

    [Fact]
    public void Numbers_compare_by_value_whatever_their_clr_type()
    {
        var root = new JsonObject
        {
            ["items"] = new JsonArray(JsonValue.Create(1), JsonValue.Create(1L), JsonValue.Create(1.0), JsonValue.Create(1.0m), JsonValue.Create(2.5f), JsonValue.Create((byte)1)),
        };

        var result = JsonPath.Evaluate(root, "$.items[?@ == 1]");
        Assert.Equal(new[] { 0, 1, 2, 3, 5 }, result.Matches.Select(m => m.Index));
        Assert.Equal(new[] { 4 }, JsonPath.Evaluate(root, "$.items[?@ > 1.0e0]").Matches.Select(m => m.Index));
    }

    [Fact]
    public void Comparisons_follow_rfc_type_rules()
    {
        const string json = """{"x": [1, "1", true, null, [1], {"a": 1}]}""";

        Assert.Equal(new[] { "/x/0" }, Pointers(json, "$.x[?@ == 1]"));
        Assert.Equal(new[] { "/x/1" }, Pointers(json, "$.x[?@ == '1']"));
        Assert.Equal(new[] { "/x/2" }, Pointers(json, "$.x[?@ == true]"));
        Assert.Equal(new[] { "/x/3" }, Pointers(json, "$.x[?@ == null]"));
        Assert.Equal(new[] { "/x/4" }, Pointers(json, "$.x[?@ == $.x[4]]"));
        Assert.Equal(new[] { "/x/5" }, Pointers(json, "$.x[?@ == $.x[5]]"));
        Assert.Empty(Pointers(json, "$.x[?@ < true]"));
        Assert.Equal(new[] { "/x/2", "/x/3" }, Pointers(json, "$.x[?@ <= null || @ >= true]"));
    }

    [Fact]
    public void Strings_order_by_code_point_not_utf16_unit()
    {
        // U+FB01 sorts before U+1F600 by code point, but after its surrogates (D83D...) by UTF-16 unit.
        var result = Run("""{"x": ["😀"]}""", "$.x[?@ > 'ﬁ']");

        Assert.Single(result.Matches);
    }

    // ---- errors ----

    [Theory]
    [InlineData("", 0, "empty")]
    [InlineData("paths", 0, "'$'")]
    [InlineData("$.200", 2, "bracket notation")]
    [InlineData("$.x-logo", 3, "'-'")]
    [InlineData("$.paths[/pets]", 8, "unexpected character '/'")]
    [InlineData("$[name]", 2, "quoted")]
    [InlineData("$.a[", 4, "not closed")]
    [InlineData("$.a[0", 5, "not closed")]
    [InlineData("$['a", 2, "not closed")]
    [InlineData("$['a\\x']", 4, "escape")]
    [InlineData("$[01]", 2, "leading zeros")]
    [InlineData("$[-0]", 2, "leading zeros")]
    [InlineData("$[9007199254740992]", 2, "range")]
    [InlineData("$[]", 2, "empty brackets")]
    [InlineData("$.a ", 3, "unexpected character ' '")]
    [InlineData("$.a[?length(@)]", 5, "the result of length() is a value")]
    [InlineData("$.a[?match(@.b, 'x') == true]", 5, "match() is true or false")]
    [InlineData("$.a[?size(@) > 1]", 5, "unknown function 'size()'")]
    [InlineData("$.a[?count(1) > 1]", 11, "count() takes a query")]
    [InlineData("$.a[?length(@.*) > 1]", 12, "singular query")]
    [InlineData("$.a[?search(@.b)]", 5, "search() takes 2 arguments, not 1")]
    [InlineData("$.a.length(@)", 4, "inside a filter")]
    [InlineData("$[?@.* == 1]", 3, "singular")]
    [InlineData("$[?@..x == 1]", 3, "singular")]
    [InlineData("$[?@.a = 1]", 7, "'=='")]
    [InlineData("$[?@.a == ]", 10, "'@', '$'")]
    [InlineData("$[?1 ]", 5, "compared")]
    [InlineData("$[?1]", 4, "compared")]
    [InlineData("$[?@.b == {}]", 10, "'@', '$'")]
    [InlineData("$[?!@.a == 1]", 7, "'!'")]
    [InlineData("$[?(@.a == 1]", 12, "unexpected character ']'")]
    [InlineData("$.a..", 5, "member name")]
    [InlineData("$[?@.a == 'x' && ]", 17, "'@', '$'")]
    public void Unsupported_or_invalid_queries_report_what_and_where(string expression, int position, string messagePart)
    {
        var result = Fail(expression);

        Assert.Contains(messagePart, result.Error, StringComparison.Ordinal);
        Assert.Equal(position, result.ErrorPosition);
    }

    [Fact]
    public void Functions_select_what_an_overlay_author_means()
    {
        // Operations with more than one parameter, and those whose description mentions a beta.
        Assert.Equal(new[] { "/paths/~1v1~1tasks/get" }, Pointers(Spec, "$.paths[*][?count(@.parameters[*]) > 1]"));
        Assert.Equal(new[] { "/paths/~1v1~1tasks~1{id}/get" }, Pointers(Spec, "$.paths[*][?match(@.description, 'o.e')]"));
        Assert.Empty(Pointers(Spec, "$.paths[*][?search(@.description, '^n')]"));
        Assert.Equal(new[] { "/paths/~1v1~1tasks" }, Pointers(Spec, "$.paths[?length(@) == 2]"));
        Assert.Equal(new[] { "/paths/~1v1~1tasks~1{id}/get" }, Pointers(Spec, "$.paths[*][?value(@.description) == 'one']"));
    }

    [Fact]
    public void A_pattern_that_backtracks_exponentially_runs_on_the_non_backtracking_engine()
    {
        // On this host (.NET 7 on) the engine is linear: '(a+)+' on 5,000 letters and a mismatch is no 2^5000 steps,
        // and the answer is the same as the backtracking engine's.
        var regex = IRegexp.ToRegex("(a+)+", whole: true)!;
        Assert.Equal(System.Text.RegularExpressions.RegexOptions.NonBacktracking, regex.Options & System.Text.RegularExpressions.RegexOptions.NonBacktracking);
        var document = "{\"a\": [{\"b\": \"" + new string('a', 5000) + "!\"}, {\"b\": \"aaa\"}]}";
        Assert.Equal(new[] { "/a/1" }, Pointers(document, "$.a[?match(@.b, '(a+)+')]"));
    }

    [Fact]
    public void Deeply_nested_filters_are_refused_not_a_stack_overflow()
    {
        var expression = "$[?" + string.Concat(Enumerable.Repeat("(", 10000)) + "@" + string.Concat(Enumerable.Repeat(")", 10000)) + "]";

        Assert.Contains("nested too deeply", Fail(expression).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Cancellation_is_honoured_on_large_documents()
    {
        var big = new JsonArray(Enumerable.Range(0, 50000).Select(i => (JsonNode?)new JsonObject { ["i"] = i }).ToArray());
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => JsonPath.Evaluate(big, "$..i", cancelled.Token));
    }
}
