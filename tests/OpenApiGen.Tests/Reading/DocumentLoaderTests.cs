using System;
using System.IO;
using System.Net.Http;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using OpenApiGen.Reading;
using OpenApiGen.Tests.Infrastructure;
using Xunit;

namespace OpenApiGen.Tests.Reading;

public class DocumentLoaderTests
{
    private static LoadedDocument Yaml(string text) => DocumentLoader.Load(text, isJson: false, CancellationToken.None);

    private static LoadedDocument Json(string text) => DocumentLoader.Load(text, isJson: true, CancellationToken.None);

    private static SourceSpan Span(LoadedDocument document, string pointer)
    {
        Assert.True(document.Map.TryGetSpan(pointer, out var span), "no span for " + pointer);
        return span;
    }

    private static SourceSpan KeySpan(LoadedDocument document, string pointer)
    {
        Assert.True(document.Map.TryGetKeySpan(pointer, out var span), "no key span for " + pointer);
        return span;
    }

    private static string TextOf(string text, SourceSpan span) => text.Substring(span.Start, span.Length);

    private static void AssertPosition(SourceSpan span, int line, int column)
    {
        Assert.Equal((line, column), (span.StartLine, span.StartColumn));
    }

    // ---- YAML positions ----

    [Fact]
    public void Yaml_nested_values_have_their_line_and_column()
    {
        const string text = "openapi: 3.0.3\n" +
                            "paths:\n" +
                            "  /v1/tasks:\n" +
                            "    get:\n" +
                            "      summary: List tasks\n" +
                            "      responses:\n" +
                            "        200:\n" +
                            "          description: ok\n";
        var document = Yaml(text);

        Assert.Empty(document.Errors);
        var summary = Span(document, "/paths/~1v1~1tasks/get/summary");
        AssertPosition(summary, 4, 15);
        Assert.Equal("List tasks", TextOf(text, summary));
        Assert.Equal((4, 25), (summary.EndLine, summary.EndColumn));

        var key = KeySpan(document, "/paths/~1v1~1tasks/get/summary");
        AssertPosition(key, 4, 6);
        Assert.Equal("summary", TextOf(text, key));

        var responseKey = KeySpan(document, "/paths/~1v1~1tasks/get/responses/200");
        AssertPosition(responseKey, 6, 8);
        var response = Span(document, "/paths/~1v1~1tasks/get/responses/200");
        AssertPosition(response, 7, 10);
        Assert.Equal("description: ok", TextOf(text, response));
    }

    [Fact]
    public void Yaml_block_collections_end_at_their_last_value_not_at_the_next_key()
    {
        const string text = "a:\n  b: 1\n  c: [x]\n\n# trailing comment\n\nd: 2\n";
        var document = Yaml(text);

        var a = Span(document, "/a");
        Assert.Equal("b: 1\n  c: [x]", TextOf(text, a));
        Assert.Equal((1, 2, 2, 8), (a.StartLine, a.StartColumn, a.EndLine, a.EndColumn));
    }

    [Fact]
    public void Yaml_literal_block_scalar_spans_all_its_lines_but_not_the_blank_ones_after()
    {
        const string text = "info:\n  description: |\n    line one\n    line two\n\n  title: T\n";
        var document = Yaml(text);

        Assert.Equal("line one\nline two\n", document.Root!["info"]!["description"]!.GetValue<string>());
        var span = Span(document, "/info/description");
        Assert.Equal("|\n    line one\n    line two", TextOf(text, span));
        Assert.Equal((1, 15, 3, 12), (span.StartLine, span.StartColumn, span.EndLine, span.EndColumn));
        AssertPosition(Span(document, "/info/title"), 5, 9);
    }

    [Fact]
    public void Yaml_folded_block_scalar_is_a_string_with_its_span()
    {
        const string text = "x: >-\n  123\n  456\ny: 1\n";
        var document = Yaml(text);

        Assert.Equal("123 456", document.Root!["x"]!.GetValue<string>());
        var span = Span(document, "/x");
        Assert.Equal((0, 3, 2, 5), (span.StartLine, span.StartColumn, span.EndLine, span.EndColumn));
    }

    [Fact]
    public void Yaml_flow_collections_include_their_brackets()
    {
        const string text = "schema: {type: object, required: [id, name], x: {y: 1}}\n";
        var document = Yaml(text);

        Assert.Empty(document.Errors);
        Assert.Equal("{type: object, required: [id, name], x: {y: 1}}", TextOf(text, Span(document, "/schema")));
        Assert.Equal("[id, name]", TextOf(text, Span(document, "/schema/required")));
        var name = Span(document, "/schema/required/1");
        Assert.Equal("name", TextOf(text, name));
        AssertPosition(name, 0, 38);
        Assert.Equal("{y: 1}", TextOf(text, Span(document, "/schema/x")));
        Assert.Equal("1", TextOf(text, Span(document, "/schema/x/y")));
    }

    [Fact]
    public void Yaml_with_crlf_line_endings_counts_lines_like_the_editor()
    {
        const string text = "a: 1\r\nlist:\r\n  - first\r\n  - |\r\n    block\r\n    text\r\nz: last\r\n";
        var document = Yaml(text);

        Assert.Empty(document.Errors);
        AssertPosition(Span(document, "/list/0"), 2, 4);
        var block = Span(document, "/list/1");
        Assert.Equal("|\r\n    block\r\n    text", TextOf(text, block));
        Assert.Equal((3, 4, 5, 8), (block.StartLine, block.StartColumn, block.EndLine, block.EndColumn));
        Assert.Equal("block\ntext\n", document.Root!["list"]![1]!.GetValue<string>());
        var last = Span(document, "/z");
        AssertPosition(last, 6, 3);
        Assert.Equal(text.IndexOf("last", StringComparison.Ordinal), last.Start);
    }

    [Fact]
    public void Yaml_offsets_are_utf16_offsets_after_non_ascii_text()
    {
        const string text = "a: \"é😀\"\nb: x\n";
        var document = Yaml(text);

        Assert.Equal("é😀", document.Root!["a"]!.GetValue<string>());
        var b = Span(document, "/b");
        Assert.Equal(text.IndexOf('x'), b.Start);
        AssertPosition(b, 1, 3);
    }

    // ---- YAML typing ----

    [Theory]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("Null")]
    [InlineData("NULL")]
    [InlineData("")]
    public void Yaml_core_schema_nulls(string plain)
    {
        var document = Yaml("v: " + plain + "\n");

        var root = Assert.IsType<JsonObject>(document.Root);
        Assert.True(root.ContainsKey("v"));
        Assert.Null(root["v"]);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("TRUE", true)]
    [InlineData("false", false)]
    [InlineData("False", false)]
    [InlineData("FALSE", false)]
    public void Yaml_core_schema_booleans(string plain, bool expected)
    {
        var value = Yaml("v: " + plain + "\n").Root!["v"]!;

        Assert.Equal(JsonValueKind.True == value.GetValueKind(), expected);
        Assert.Equal(expected, value.GetValue<bool>());
    }

    [Theory]
    [InlineData("12", "12")]
    [InlineData("-5", "-5")]
    [InlineData("+7", "7")]
    [InlineData("007", "7")]
    [InlineData("0x1F", "31")]
    [InlineData("0o17", "15")]
    [InlineData("1.5", "1.5")]
    [InlineData("1.50", "1.50")]
    [InlineData("-.5", "-0.5")]
    [InlineData("1e3", "1000")]
    [InlineData("99999999999999999999", "99999999999999999999")]
    public void Yaml_core_schema_numbers(string plain, string json)
    {
        var value = Yaml("v: " + plain + "\n").Root!["v"]!;

        Assert.Equal(JsonValueKind.Number, value.GetValueKind());
        Assert.Equal(json, value.ToJsonString());
    }

    [Fact]
    public void Yaml_integers_are_longs_so_consumers_can_read_them_exactly()
    {
        var value = Yaml("v: 9007199254740993\n").Root!["v"]!;

        Assert.Equal(9007199254740993L, value.GetValue<long>());
    }

    [Theory]
    [InlineData(".inf")]
    [InlineData("-.Inf")]
    [InlineData(".NaN")]
    [InlineData("yes")]
    [InlineData("no")]
    [InlineData("on")]
    [InlineData("2024-01-01")]
    [InlineData("1_000")]
    [InlineData("0x")]
    [InlineData("1.2.3")]
    [InlineData("3.0.3")]
    [InlineData("+")]
    [InlineData("-x")]
    public void Yaml_other_plain_scalars_stay_strings(string plain)
    {
        var value = Yaml("v: " + plain + "\n").Root!["v"]!;

        Assert.Equal(JsonValueKind.String, value.GetValueKind());
        Assert.Equal(plain, value.GetValue<string>());
    }

    [Theory]
    [InlineData("'12'", "12")]
    [InlineData("\"true\"", "true")]
    [InlineData("'null'", "null")]
    [InlineData("\"\"", "")]
    [InlineData("!!str 12", "12")]
    public void Yaml_quoted_and_str_tagged_scalars_are_always_strings(string scalar, string expected)
    {
        var value = Yaml("v: " + scalar + "\n").Root!["v"]!;

        Assert.Equal(JsonValueKind.String, value.GetValueKind());
        Assert.Equal(expected, value.GetValue<string>());
    }

    [Fact]
    public void Yaml_block_scalar_of_digits_is_a_string()
    {
        var value = Yaml("v: |-\n  42\n").Root!["v"]!;

        Assert.Equal(JsonValueKind.String, value.GetValueKind());
    }

    [Fact]
    public void Yaml_mapping_keys_are_strings_whether_plain_or_quoted()
    {
        var plain = Yaml("responses:\n  200: {description: a}\n  default: {description: b}\n");
        var quoted = Yaml("responses:\n  '200': {description: a}\n");

        Assert.Equal(new[] { "200", "default" }, plain.Root!["responses"]!.AsObject().Select(p => p.Key));
        Assert.Equal(new[] { "200" }, quoted.Root!["responses"]!.AsObject().Select(p => p.Key));
        Assert.True(plain.Map.TryGetSpan("/responses/200/description", out _));
        Assert.True(quoted.Map.TryGetSpan("/responses/200/description", out _));
    }

    [Fact]
    public void Yaml_plain_200_and_quoted_200_are_the_same_key_so_the_second_is_a_duplicate()
    {
        const string text = "responses:\n  200: {description: a}\n  \"200\": {description: b}\n";
        var document = Yaml(text);

        var error = Assert.Single(document.Errors);
        Assert.Contains("'200'", error.Message, StringComparison.Ordinal);
        AssertPosition(error.Span, 2, 2);
        Assert.Equal("\"200\"", TextOf(text, error.Span));
        Assert.Equal("a", document.Root!["responses"]!["200"]!["description"]!.GetValue<string>());
    }

    // ---- anchors, aliases, merge keys ----

    [Fact]
    public void Yaml_aliases_are_deep_copies_of_their_anchor()
    {
        const string text = "base: &b\n  type: object\n  properties: {id: {type: integer}}\ncopy: *b\n";
        var document = Yaml(text);

        Assert.Empty(document.Errors);
        var root = document.Root!.AsObject();
        Assert.True(JsonNode.DeepEquals(root["base"], root["copy"]));
        Assert.NotSame(root["base"], root["copy"]);
        root["copy"]!["type"] = "string";
        Assert.Equal("object", root["base"]!["type"]!.GetValue<string>());

        // The alias itself is located; what is inside it falls back to it.
        var alias = Span(document, "/copy");
        Assert.Equal("*b", TextOf(text, alias));
        Assert.Equal(alias, document.Map.Nearest("/copy/properties/id"));
    }

    [Fact]
    public void Yaml_merge_keys_copy_missing_keys_and_explicit_keys_win_wherever_they_are()
    {
        const string text =
            "defaults: &d {a: 1, b: 2, c: 3}\n" +
            "more: &m {c: 30, e: 5}\n" +
            "item:\n" +
            "  a: explicit-before\n" +
            "  <<: [*d, *m]\n" +
            "  b: explicit-after\n";
        var document = Yaml(text);

        Assert.Empty(document.Errors);
        var item = document.Root!["item"]!.AsObject();
        Assert.Equal("explicit-before", item["a"]!.GetValue<string>());
        Assert.Equal("explicit-after", item["b"]!.GetValue<string>());
        Assert.Equal(3, item["c"]!.GetValue<long>());
        Assert.Equal(5, item["e"]!.GetValue<long>());
        Assert.False(item.ContainsKey("<<"));
        Assert.Equal(new[] { "a", "b", "c", "e" }, item.Select(p => p.Key));

        AssertPosition(Span(document, "/item/b"), 5, 5);
        Assert.Equal("<<", TextOf(text, KeySpan(document, "/item/c")));
    }

    [Fact]
    public void Yaml_merge_key_with_a_scalar_is_an_error()
    {
        var document = Yaml("a:\n  <<: 5\n  b: 1\n");

        var error = Assert.Single(document.Errors);
        Assert.Contains("merge", error.Message, StringComparison.Ordinal);
        AssertPosition(error.Span, 1, 6);
    }

    [Fact]
    public void Yaml_unknown_alias_is_an_error_at_the_alias()
    {
        var document = Yaml("a: 1\nb: *nope\n");

        var error = Assert.Single(document.Errors);
        Assert.Contains("nope", error.Message, StringComparison.Ordinal);
        AssertPosition(error.Span, 1, 3);
    }

    [Fact]
    public void Yaml_alias_bomb_is_refused_instead_of_expanded()
    {
        var builder = new StringBuilder("l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 10; i++)
        {
            builder.Append("l").Append(i).Append(": &l").Append(i).Append(" [");
            builder.Append(string.Join(", ", Enumerable.Repeat("*l" + (i - 1), 10)));
            builder.Append("]\n");
        }

        var document = Yaml(builder.ToString());

        Assert.Null(document.Root);
        Assert.Contains(document.Errors, e => e.Message.Contains("aliases expand", StringComparison.Ordinal));
    }

    // ---- YAML errors ----

    [Fact]
    public void Yaml_duplicate_key_is_reported_at_the_second_key_and_the_first_value_is_kept()
    {
        const string text = "info:\n  title: first\n  version: 1\n  title: second\n";
        var document = Yaml(text);

        var error = Assert.Single(document.Errors);
        Assert.Contains("duplicate key 'title'", error.Message, StringComparison.Ordinal);
        AssertPosition(error.Span, 3, 2);
        Assert.Equal(5, error.Span.Length);
        Assert.Equal("first", document.Root!["info"]!["title"]!.GetValue<string>());
        AssertPosition(Span(document, "/info/title"), 1, 9);
    }

    [Fact]
    public void Yaml_syntax_error_is_reported_where_the_parser_found_it()
    {
        var document = Yaml("openapi: 3.0.0\ninfo:\n  title: x\n   version: 1\n");

        Assert.Null(document.Root);
        var error = Assert.Single(document.Errors);
        Assert.Equal(3, error.Span.StartLine);
        Assert.Contains("mapping", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Yaml_unclosed_quote_is_reported_at_the_quote()
    {
        var document = Yaml("a: 1\nb: \"open\n");

        var error = Assert.Single(document.Errors);
        AssertPosition(error.Span, 1, 3);
    }

    [Fact]
    public void Yaml_unclosed_flow_sequence_is_an_error_not_an_exception()
    {
        var document = Yaml("a: 1\nb: [1, 2\nc: 3\n");

        Assert.Null(document.Root);
        var error = Assert.Single(document.Errors);
        Assert.Equal(1, error.Span.StartLine);
    }

    [Fact]
    public void Yaml_second_document_is_reported_and_ignored()
    {
        var document = Yaml("a: 1\n---\nb: 2\n");

        var error = Assert.Single(document.Errors);
        AssertPosition(error.Span, 1, 0);
        Assert.Equal(new[] { "a" }, document.Root!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void Yaml_complex_key_is_an_error()
    {
        var document = Yaml("? [a, b]\n: 1\nc: 2\n");

        var error = Assert.Single(document.Errors);
        Assert.Contains("scalar", error.Message, StringComparison.Ordinal);
        Assert.Equal(new[] { "c" }, document.Root!.AsObject().Select(p => p.Key));
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("   \n\n", false)]
    [InlineData("# only a comment\n", false)]
    [InlineData("---\n", false)]
    [InlineData("", true)]
    [InlineData(" \r\n\t", true)]
    [InlineData("\uFEFF", true)]
    [InlineData("// only a comment\n", true)]
    public void Empty_document_is_an_error(string text, bool isJson)
    {
        var document = DocumentLoader.Load(text, isJson, CancellationToken.None);

        Assert.Null(document.Root);
        Assert.Equal("the document is empty", Assert.Single(document.Errors).Message);
        Assert.Equal(0, document.Map.Nearest(string.Empty).StartLine);
    }

    [Fact]
    public void Yaml_bom_is_skipped_but_offsets_stay_offsets_of_the_given_text()
    {
        const string text = "\uFEFFopenapi: 3.1.0\ninfo: {}\n";
        var document = Yaml(text);

        Assert.Empty(document.Errors);
        Assert.Equal(new[] { "openapi", "info" }, document.Root!.AsObject().Select(p => p.Key));
        var key = KeySpan(document, "/openapi");
        Assert.Equal(1, key.Start);
        Assert.Equal("openapi", TextOf(text, key));
        AssertPosition(Span(document, "/info"), 1, 6);
    }

    [Fact]
    public void Yaml_nesting_is_bounded_at_1000_levels()
    {
        var accepted = Yaml(new string('[', 1000) + new string(']', 1000));
        var refused = Yaml("a: " + new string('[', 100000) + new string(']', 100000));

        Assert.Empty(accepted.Errors);
        Assert.IsType<JsonArray>(accepted.Root);
        Assert.Null(refused.Root);
        var error = Assert.Single(refused.Errors);
        Assert.Contains("deeper than 1000", error.Message, StringComparison.Ordinal);
        AssertPosition(error.Span, 0, 1002);
    }

    // ---- JSON ----

    [Fact]
    public void Json_nested_values_and_keys_have_their_line_and_column()
    {
        const string text = "{\n  \"paths\": {\n    \"/v1/tasks\": {\n      \"get\": {\"responses\": {\"200\": {\"description\": \"ok\"}}}\n    }\n  }\n}\n";
        var document = Json(text);

        Assert.Empty(document.Errors);
        var response = Span(document, "/paths/~1v1~1tasks/get/responses/200");
        Assert.Equal("{\"description\": \"ok\"}", TextOf(text, response));
        AssertPosition(response, 3, 35);
        var key = KeySpan(document, "/paths/~1v1~1tasks");
        Assert.Equal("\"/v1/tasks\"", TextOf(text, key));
        AssertPosition(key, 2, 4);
        var paths = Span(document, "/paths");
        Assert.Equal((1, 11, 5, 3), (paths.StartLine, paths.StartColumn, paths.EndLine, paths.EndColumn));
        var root = Span(document, string.Empty);
        Assert.Equal((0, text.Length - 1), (root.Start, root.Length));
    }

    [Fact]
    public void Json_offsets_are_utf16_offsets_even_after_multi_byte_characters()
    {
        const string text = "{\"é\": \"日本語😀\", \"next\": [1, \"x\"]}";
        var document = Json(text);

        Assert.Empty(document.Errors);
        Assert.Equal("日本語😀", document.Root!["é"]!.GetValue<string>());
        Assert.Equal("\"日本語😀\"", TextOf(text, Span(document, "/é")));
        var x = Span(document, "/next/1");
        Assert.Equal("\"x\"", TextOf(text, x));
        AssertPosition(x, 0, text.IndexOf("\"x\"", StringComparison.Ordinal));
        Assert.Equal("\"next\"", TextOf(text, KeySpan(document, "/next")));
    }

    [Fact]
    public void Json_escaped_strings_span_their_raw_text()
    {
        const string text = "{\"a\\u0062\": \"line\\nbreak \\\"q\\\"\", \"z\": 1}";
        var document = Json(text);

        Assert.Equal("line\nbreak \"q\"", document.Root!["ab"]!.GetValue<string>());
        Assert.Equal("\"line\\nbreak \\\"q\\\"\"", TextOf(text, Span(document, "/ab")));
        Assert.Equal("\"a\\u0062\"", TextOf(text, KeySpan(document, "/ab")));
        Assert.Equal("1", TextOf(text, Span(document, "/z")));
    }

    [Fact]
    public void Json_with_crlf_and_bom_counts_lines_like_the_editor()
    {
        const string text = "\uFEFF{\r\n  \"a\": 1,\r\n  \"b\": [\r\n    true\r\n  ]\r\n}\r\n";
        var document = Json(text);

        Assert.Empty(document.Errors);
        var item = Span(document, "/b/0");
        AssertPosition(item, 3, 4);
        Assert.Equal("true", TextOf(text, item));
        Assert.Equal("\"a\"", TextOf(text, KeySpan(document, "/a")));
    }

    [Fact]
    public void Json_numbers_keep_their_value_and_text()
    {
        var root = Json("{\"i\": 42, \"neg\": -7, \"d\": 1.50, \"big\": 12345678901234567890, \"tiny\": 1e-30, \"huge\": 1e400, \"e\": 2E+2}").Root!;

        Assert.Equal(42L, root["i"]!.GetValue<long>());
        Assert.Equal(-7L, root["neg"]!.GetValue<long>());
        Assert.Equal("1.50", root["d"]!.ToJsonString());
        Assert.Equal("12345678901234567890", root["big"]!.ToJsonString());
        Assert.Equal(1e-30, root["tiny"]!.GetValue<double>());
        Assert.Equal(JsonValueKind.Number, root["huge"]!.GetValueKind());
        Assert.Equal("1e400", root["huge"]!.ToJsonString());
        Assert.Equal(200d, root["e"]!.GetValue<double>());
    }

    [Fact]
    public void Json_literals_and_null_members()
    {
        var root = Json("{\"t\": true, \"f\": false, \"n\": null, \"s\": \"\"}").Root!.AsObject();

        Assert.True(root["t"]!.GetValue<bool>());
        Assert.False(root["f"]!.GetValue<bool>());
        Assert.True(root.ContainsKey("n"));
        Assert.Null(root["n"]);
        Assert.Equal(string.Empty, root["s"]!.GetValue<string>());
    }

    [Fact]
    public void Json_comments_and_trailing_commas_are_accepted()
    {
        var document = Json("{\n  // a comment\n  \"a\": [1, 2,],\n  /* another */ \"b\": {\"c\": 1,},\n}\n");

        Assert.Empty(document.Errors);
        Assert.Equal(2, document.Root!["a"]!.AsArray().Count);
        AssertPosition(Span(document, "/b/c"), 3, 27);
    }

    [Fact]
    public void Json_duplicate_key_is_reported_at_the_second_key_and_the_first_value_is_kept()
    {
        const string text = "{\n  \"a\": {\"x\": 1},\n  \"b\": 2,\n  \"a\": {\"y\": 3}\n}";
        var document = Json(text);

        var error = Assert.Single(document.Errors);
        Assert.Contains("duplicate key 'a'", error.Message, StringComparison.Ordinal);
        AssertPosition(error.Span, 3, 2);
        Assert.Equal("\"a\"", TextOf(text, error.Span));
        Assert.Equal(1, document.Root!["a"]!["x"]!.GetValue<long>());
        Assert.Null(document.Root!["a"]!["y"]);
        AssertPosition(Span(document, "/a"), 1, 7);
        Assert.False(document.Map.TryGetSpan("/a/y", out _));
    }

    [Fact]
    public void Json_syntax_error_is_reported_at_its_line_and_column()
    {
        const string text = "{\n  \"a\": 1,\n  \"b\": }\n";
        var document = Json(text);

        Assert.Null(document.Root);
        var error = Assert.Single(document.Errors);
        AssertPosition(error.Span, 2, 7);
        Assert.Equal("}", TextOf(text, error.Span));
        Assert.DoesNotContain("LineNumber", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_syntax_error_column_counts_characters_not_bytes()
    {
        const string text = "{\"ü😀\": 1, \"b\": tru}";
        var document = Json(text);

        // The reader stops at the character after "tru"; the column must not count the 3 extra UTF-8 bytes.
        var error = Assert.Single(document.Errors);
        Assert.Equal("}", TextOf(text, error.Span));
        AssertPosition(error.Span, 0, text.IndexOf('}', StringComparison.Ordinal));
    }

    [Fact]
    public void Json_truncated_document_is_an_error()
    {
        var document = Json("{\"a\": [1, 2");

        Assert.Null(document.Root);
        Assert.Single(document.Errors);
    }

    [Fact]
    public void Json_scalar_root_is_allowed()
    {
        var document = Json("  \"just text\"  ");

        Assert.Empty(document.Errors);
        Assert.Equal("just text", document.Root!.GetValue<string>());
        AssertPosition(Span(document, string.Empty), 0, 2);
    }

    [Fact]
    public void Json_deep_nesting_is_an_error_not_a_crash()
    {
        var text = new string('[', 5000) + new string(']', 5000);
        var document = Json(text);

        Assert.Null(document.Root);
        Assert.Single(document.Errors);
    }

    // ---- source map lookups ----

    [Fact]
    public void Map_accepts_fragment_pointers_and_escapes()
    {
        const string text = "{\"components\": {\"schemas\": {\"a/b~c\": {\"type\": \"string\"}, \"x y\": {}}}}";
        var document = Json(text);

        var direct = Span(document, "/components/schemas/a~1b~0c/type");
        Assert.Equal("\"string\"", TextOf(text, direct));
        Assert.Equal(direct, Span(document, "#/components/schemas/a~1b~0c/type"));
        Assert.Equal("{}", TextOf(text, Span(document, "#/components/schemas/x%20y")));
        Assert.Equal(Span(document, string.Empty), Span(document, "#"));
    }

    [Fact]
    public void Map_nearest_falls_back_to_the_closest_known_ancestor()
    {
        const string text = "paths:\n  /a:\n    get: {}\n";
        var document = Yaml(text);

        Assert.False(document.Map.TryGetSpan("/paths/~1a/get/responses/200", out _));
        Assert.Equal(Span(document, "/paths/~1a/get"), document.Map.Nearest("/paths/~1a/get/responses/200"));
        Assert.Equal(Span(document, string.Empty), document.Map.Nearest("/nothing/here"));
        Assert.Equal(Span(document, string.Empty), document.Map.Nearest("not a pointer"));
    }

    [Fact]
    public void Map_array_indices_follow_rfc_6901()
    {
        var document = Json("{\"a\": [10, 20], \"o\": {\"0\": \"zero\"}}");

        Assert.True(document.Map.TryGetSpan("/a/1", out _));
        Assert.False(document.Map.TryGetSpan("/a/01", out _));
        Assert.False(document.Map.TryGetSpan("/a/-", out _));
        Assert.False(document.Map.TryGetSpan("/a/2", out _));
        Assert.True(document.Map.TryGetSpan("/o/0", out _));
        Assert.False(document.Map.TryGetKeySpan("/a/1", out _));
    }

    [Fact]
    public void Cancellation_is_honoured()
    {
        var text = "[" + string.Join(",", Enumerable.Repeat("{\"a\": 1}", 20000)) + "]";
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => DocumentLoader.Load(text, isJson: true, cancelled.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => DocumentLoader.Load(text, isJson: false, cancelled.Token));
    }

    // ---- real documents ----

    [Fact]
    public void Twilio_json_loads_with_positions()
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Corpus, "twilio_api_v2010.json"));
        var document = Json(text);

        Assert.Empty(document.Errors);
        const string pointer = "/paths/~12010-04-01~1Accounts~1{AccountSid}~1Calls.json";
        AssertPosition(KeySpan(document, pointer), 13124, 4);
        Assert.Equal("\"https://api.twilio.com\"", TextOf(text, Span(document, pointer + "/servers/0/url")));

        var startTime = document.Root!["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject())
            .Where(p => p.Value is JsonObject o && o["parameters"] is JsonArray)
            .SelectMany(p => p.Value!["parameters"]!.AsArray())
            .First(p => p!["name"]!.GetValue<string>() == "StartTime<");
        Assert.NotNull(startTime);
        Assert.Equal(13806, Span(document, ToPointer(startTime!["name"]!)).StartLine);
    }

    [Fact]
    public void Petstore_yaml_loads_with_positions()
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Corpus, "petstore3.yaml"));
        var document = Yaml(text);

        Assert.Empty(document.Errors);
        Assert.Equal("3.0.4", document.Root!["openapi"]!.GetValue<string>());
        var operationId = Span(document, "/paths/~1pet~1findByStatus/get/operationId");
        Assert.Equal(125, operationId.StartLine);
        Assert.Equal("findPetsByStatus", TextOf(text, operationId));
        Assert.StartsWith("This is a sample Pet Store Server", document.Root!["info"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Microsoft_OpenApi_reads_our_tree_exactly_like_the_text_it_came_from()
    {
        // Our values are long/decimal/double/bool-backed where JsonNode.Parse gives JsonElement-backed ones;
        // the OpenAPI reader must not be able to tell the difference.
        var text = File.ReadAllText(Path.Combine(RepoPaths.Corpus, "twilio_api_v2010.json"));
        var settings = new OpenApiReaderSettings { LoadExternalRefs = false };
        var baseUri = new Uri("file:///twilio.json");

        var native = new OpenApiJsonReader().Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), baseUri, settings);
        var ours = new OpenApiJsonReader().Read(Json(text).Root!, baseUri, settings);
        var oursViaYaml = new OpenApiJsonReader().Read(Yaml(text).Root!, baseUri, settings);

        Assert.Empty(ours.Diagnostic!.Errors);
        Assert.Equal(Serialize(native.Document!), Serialize(ours.Document!));
        Assert.Equal(Serialize(native.Document!), Serialize(oursViaYaml.Document!));
    }

    [Fact]
    public void Microsoft_OpenApi_reads_a_yaml_tree_with_numbers_and_booleans()
    {
        var document = Yaml("openapi: 3.0.0\ninfo: {title: t, version: 1.0}\npaths:\n  /a:\n    get:\n      deprecated: true\n" +
                            "      parameters:\n        - {name: x, in: query, schema: {type: integer, maximum: 10, minimum: 1.5, default: 3}}\n" +
                            "      responses:\n        200: {description: ok}\n");

        var result = new OpenApiJsonReader().Read(document.Root!, new Uri("file:///a.yaml"), new OpenApiReaderSettings { LoadExternalRefs = false });

        Assert.Empty(result.Diagnostic!.Errors);
        Assert.Equal("1.0", result.Document!.Info.Version);
        var operation = result.Document.Paths["/a"].Operations![HttpMethod.Get];
        Assert.True(operation.Deprecated);
        var schema = operation.Parameters![0].Schema!;
        Assert.Equal("10", schema.Maximum);
        Assert.Equal("1.5", schema.Minimum);
        Assert.True(operation.Responses!.ContainsKey("200"));
    }

    private static string Serialize(OpenApiDocument document)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        document.SerializeAsV3(new OpenApiJsonWriter(writer));
        return writer.ToString();
    }

    /// <summary>JsonNode.GetPath gives $.a['b'][0]; the map wants an RFC 6901 pointer.</summary>
    private static string ToPointer(JsonNode node)
    {
        var segments = new System.Collections.Generic.List<string>();
        for (var current = node; current.Parent is not null; current = current.Parent)
        {
            segments.Add(current.Parent is JsonArray
                ? current.GetElementIndex().ToString(System.Globalization.CultureInfo.InvariantCulture)
                : current.GetPropertyName().Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));
        }

        segments.Reverse();
        return string.Concat(segments.Select(s => "/" + s));
    }

    [Theory]
    // Spaces deeper than the text (the issue's case), spaces as deep as it (YamlDotNet refuses two or more), a folded
    // scalar, and OpenAI's: a kept scalar with no text at all before the next key.
    [InlineData("a: |+\n        \n    first\n    second\n\nb: 1\n", "\nfirst\nsecond\n\n")]
    [InlineData("a: |\n    \n    first\nb: 1\n", "\nfirst\n")]
    [InlineData("a: >\n        \n    first\n    second\nb: 1\n", "\nfirst second\n")]
    [InlineData("x:\n  a: |+ # kept\n              \n  b: 1\n", "\n")]
    public void A_block_scalar_whose_leading_empty_lines_hold_spaces_is_read_with_a_warning_at_its_header(string text, string value)
    {
        var document = Yaml(text);

        Assert.Empty(document.Errors);
        var warning = Assert.Single(document.Warnings);
        Assert.Equal(text.IndexOf('|') is var bar and >= 0 ? bar : text.IndexOf('>'), warning.Span.Start);
        var holder = text.StartsWith("x:", StringComparison.Ordinal) ? document.Root!["x"]! : document.Root!;
        Assert.Equal(value, holder["a"]!.GetValue<string>());
        Assert.Equal(1L, holder["b"]!.GetValue<long>());

        // Nodes after the scalar keep their places in the text as written.
        var pointer = text.StartsWith("x:", StringComparison.Ordinal) ? "/x/b" : "/b";
        Assert.Equal("b", TextOf(text, KeySpan(document, pointer)));
    }

    [Fact]
    public void A_block_scalar_with_an_indentation_indicator_is_not_repaired()
    {
        // An explicit indentation says where the text starts, so spaces beyond it are text ("   \n" here): emptying the
        // line would change the value. YamlDotNet refuses it (stricter than YAML), and the error stands.
        var document = Yaml("a: |2\n     \n  first\nb: 1\n");
        Assert.Empty(document.Warnings);
        Assert.Contains("found extra spaces in first line", Assert.Single(document.Errors).Message, StringComparison.Ordinal);
    }
}
