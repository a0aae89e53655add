using System.Text;
using System.Text.RegularExpressions;
using OpenApiGen.Cli.Extract;
using OpenApiGen.Cli.Tests.Infrastructure;

namespace OpenApiGen.Cli.Tests.Extract;

/// <summary>
/// <c>openapigen extract</c> against the vendors' pages as saved (../shared/seeds/) and against purpose-written pages
/// for what CommonMark allows around a fence (line breaks, indentation, quotes, tildes, several fences, none).
/// </summary>
public sealed partial class ExtractTests : IDisposable
{
    private readonly TempFolder _folder = new();

    /// <summary>The "Saved pages" table of specs/README.md: each saved page and the verbatim spec it holds, if any.</summary>
    public static TheoryData<string, string> SavedPages()
    {
        var data = new TheoryData<string, string>();
        foreach (Match row in SavedPageRow().Matches(File.ReadAllText(Path.Combine(RepoPaths.Specs, "README.md"))))
        {
            data.Add(row.Groups["page"].Value, row.Groups["spec"].Success ? row.Groups["spec"].Value : string.Empty);
        }

        return data;
    }

    [Fact]
    public void The_saved_pages_table_lists_every_saved_page_and_both_verbatim_specs()
    {
        var rows = SavedPages().Select(static r => ((string)r[0], (string)r[1])).ToList();

        Assert.Equal(
            Directory.GetFiles(RepoPaths.Seeds).Select(Path.GetFileName).Order(StringComparer.Ordinal),
            rows.Select(static r => r.Item1).Order(StringComparer.Ordinal));
        Assert.Contains(("000_c3e07e8ae7c5783d.txt", "evolink/qwen-image-edit.yaml"), rows);
        Assert.Contains(("003_27a802eae937506b.txt", "modelslab/qwen-edit.yaml"), rows);
    }

    [Theory]
    [MemberData(nameof(SavedPages))]
    public void A_saved_page_gives_its_verbatim_spec_byte_for_byte_or_says_it_has_none(string page, string spec)
    {
        var output = Path.Combine(_folder.Path, "spec.yaml");
        var errors = new StringWriter();

        var code = ExtractCommand.Run(new ExtractRequest(new FileInfo(Path.Combine(RepoPaths.Seeds, page)), new FileInfo(output), null), NoStdout, errors);

        if (spec.Length == 0)
        {
            Assert.Equal(1, code);
            Assert.StartsWith($"error: no fenced code block in {page} holds an OpenAPI document", errors.ToString(), StringComparison.Ordinal);
            Assert.False(File.Exists(output));
        }
        else
        {
            Assert.Equal(0, code);
            Assert.Equal(File.ReadAllBytes(Path.Combine(RepoPaths.Specs, spec)), File.ReadAllBytes(output));
        }
    }

    [Fact]
    public void A_page_that_lost_its_markdown_is_pointed_at_where_the_document_starts()
    {
        // Apikley's page as saved: rendered text, the YAML's indentation gone, no fence.
        var errors = new StringWriter();

        var code = ExtractCommand.Run(new ExtractRequest(new FileInfo(RepoPaths.Seed("004")), null, null), NoStdout, errors);

        Assert.Equal(1, code);
        Assert.Contains("line 12 starts an OpenAPI document outside any fence", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_fence_is_copied_with_the_page_s_own_line_breaks_and_whitespace()
    {
        var yaml = "openapi: 3.1.0\r\ninfo:\r\n  title: \"Tabs\tand trailing spaces\"   \r\n  version: '1'\r\npaths: {}\r\n";
        var page = _folder.File("crlf.md", Encoding.UTF8.GetBytes("# Page\r\n\r\n```yaml\r\n" + yaml + "\r\n```\r\nAfter.\r\n"));

        Assert.Equal(Encoding.UTF8.GetBytes(yaml), Extract(page));
    }

    [Fact]
    public void Non_ascii_text_is_kept_as_its_utf8_bytes()
    {
        var yaml = "openapi: 3.0.0\ninfo:\n  title: Qwen 图像编辑 — édition\n  version: '1'\npaths: {}\n";
        var page = _folder.File("utf8.md", new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("```yaml\n" + yaml + "```\n")).ToArray());

        Assert.Equal(Encoding.UTF8.GetBytes(yaml), Extract(page));
    }

    [Fact]
    public void A_fence_inside_a_list_item_loses_the_indentation_commonmark_strips()
    {
        var page = _folder.File("list.md", "1. The spec:\n\n   ```yaml\n   openapi: 3.1.0\n   info:\n     title: Indented\n     version: '1'\n   paths: {}\n   ```\n");

        Assert.Equal("openapi: 3.1.0\ninfo:\n  title: Indented\n  version: '1'\npaths: {}\n", Encoding.UTF8.GetString(Extract(page)));
    }

    [Fact]
    public void A_fence_inside_a_quote_loses_the_quote_markers()
    {
        var page = _folder.File("quote.md", "> ```yaml\n> openapi: 3.1.0\n> info: {title: Quoted, version: '1'}\n> paths: {}\n> ```\n");

        Assert.Equal("openapi: 3.1.0\ninfo: {title: Quoted, version: '1'}\npaths: {}\n", Encoding.UTF8.GetString(Extract(page)));
    }

    [Fact]
    public void A_tilde_fence_left_open_at_the_end_of_the_page_still_ends_in_one_line_break()
    {
        var page = _folder.File("open.md", "Text\n\n~~~\nopenapi: 3.1.0\ninfo: {title: Open, version: '1'}\npaths: {}");

        Assert.Equal("openapi: 3.1.0\ninfo: {title: Open, version: '1'}\npaths: {}\n", Encoding.UTF8.GetString(Extract(page)));
    }

    [Fact]
    public void A_three_backtick_line_inside_a_four_backtick_fence_is_content()
    {
        var yaml = "openapi: 3.1.0\ninfo:\n  title: Nested\n  version: '1'\n  description: |\n    ```\n    Authorization: Bearer KEY\n    ```\npaths: {}\n";
        var page = _folder.File("nested.md", "````yaml\n" + yaml + "````\n");

        Assert.Equal(yaml, Encoding.UTF8.GetString(Extract(page)));
    }

    [Fact]
    public void A_json_document_is_found_and_other_fences_are_not()
    {
        var json = "{\n  \"openapi\": \"3.0.3\",\n  \"info\": {\"title\": \"Json\", \"version\": \"1\"},\n  \"paths\": {}\n}\n";
        var page = _folder.File("json.md", "```json\n{\"model\": \"qwen\"}\n```\n\n```curl\ncurl https://x\n```\n\n```json\n" + json + "```\n");

        Assert.Equal(json, Encoding.UTF8.GetString(Extract(page)));
    }

    [Fact]
    public void Several_openapi_fences_are_listed_and_one_is_picked_with_fence()
    {
        var page = _folder.File("two.md", "```yaml\nopenapi: 3.0.0\ninfo: {title: First, version: '1'}\npaths: {}\n```\n\ntext\n\n```yaml\nopenapi: 3.1.0\ninfo:\n  title: Second\n  version: '2'\npaths: {}\n```\n");
        var errors = new StringWriter();

        var ambiguous = ExtractCommand.Run(new ExtractRequest(new FileInfo(page), null, null), NoStdout, errors);
        var outOfRange = ExtractCommand.Run(new ExtractRequest(new FileInfo(page), null, 3), NoStdout, new StringWriter());

        Assert.Equal(1, ambiguous);
        Assert.Equal(
            "error: two.md has 2 OpenAPI fences; pick one with --fence N:\n  1: line 1, ```yaml: openapi 3.0.0, 'First', 3 lines\n  2: line 9, ```yaml: openapi 3.1.0, 'Second', 5 lines\n",
            errors.ToString().Replace("\r\n", "\n"));
        Assert.Equal(2, outOfRange);
        Assert.Equal("openapi: 3.1.0\ninfo:\n  title: Second\n  version: '2'\npaths: {}\n", Encoding.UTF8.GetString(Extract(page, fence: 2)));
    }

    [Fact]
    public void A_page_that_is_not_utf8_is_refused_rather_than_changed()
    {
        var page = _folder.File("latin1.md", [.. "```yaml\nopenapi: 3.1.0\ninfo: {title: "u8, 0xE9, .. "}\n```\n"u8]);
        var errors = new StringWriter();

        var code = ExtractCommand.Run(new ExtractRequest(new FileInfo(page), null, null), NoStdout, errors);

        Assert.Equal(2, code);
        Assert.Contains("is not UTF-8 text (byte 37)", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_built_command_writes_the_spec_to_stdout_and_its_summary_to_stderr()
    {
        var result = Openapigen.Run("extract", RepoPaths.Seed("003"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(File.ReadAllBytes(Path.Combine(RepoPaths.Specs, "modelslab", "qwen-edit.yaml")), result.Stdout);
        Assert.Equal(
            "003_27a802eae937506b.txt line 44, ````yaml POST /image_editing/qwen_edit: openapi 3.1.0, 'ModelsLab Image Editing API', 161 lines; 4660 bytes written to standard output\n",
            result.Stderr.Replace("\r\n", "\n"));
    }

    public void Dispose() => _folder.Dispose();

    private static Stream NoStdout() => Stream.Null;

    private byte[] Extract(string page, int? fence = null)
    {
        var output = Path.Combine(_folder.Path, Guid.NewGuid().ToString("N") + ".yaml");
        var errors = new StringWriter();
        var code = ExtractCommand.Run(new ExtractRequest(new FileInfo(page), new FileInfo(output), fence), NoStdout, errors);
        Assert.True(code == 0, errors.ToString());
        return File.ReadAllBytes(output);
    }

    // | `000_c3e07e8ae7c5783d.txt` | ... | `evolink/qwen-image-edit.yaml` | ... |, or no spec in the second column.
    [GeneratedRegex(@"^\| `(?<page>\d{3}_[0-9a-f]+\.txt)` \|[^|\n]*\| (?:`(?<spec>[a-z0-9/.-]+\.yaml)`|none[^|\n]*) \|", RegexOptions.Multiline)]
    private static partial Regex SavedPageRow();
}
