using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;

namespace OpenApiGen.Cli.Extract;

/// <summary>A fenced code block of a saved page: where it is, its info string, and its content as the page's own text.</summary>
/// <param name="Line">The 1-based line of its opening fence.</param>
/// <param name="Fence">The opening fence as written (<c>````</c>), for messages.</param>
/// <param name="Info">Its info string (<c>yaml /en/api-manual/... POST /v1/images/generations</c>); empty when none.</param>
/// <param name="Content">Its content exactly as the page holds it, line breaks included.</param>
/// <param name="IsOpenApi">The content is an OpenAPI (or Swagger) document: a top-level <c>openapi:</c> key, or a JSON object with one.</param>
internal sealed record PageFence(int Line, string Fence, string Info, string Content, bool IsOpenApi)
{
    /// <summary>The content as a spec file: the blank lines at its end dropped, ending in exactly one line break.</summary>
    /// <remarks>
    /// Vendors' pages (Mintlify's) put a blank line before the closing fence, and specs/ files end with a single
    /// newline. A last line without a line break (a fence the page never closes) gets the page's own kind of break.
    /// </remarks>
    public string SpecText
    {
        get
        {
            var lines = Lines(Content).ToList();
            while (lines.Count > 0 && lines[^1].Text.AsSpan().Trim(" \t").IsEmpty)
            {
                lines.RemoveAt(lines.Count - 1);
            }

            if (lines.Count == 0)
            {
                return string.Empty;
            }

            var text = new StringBuilder();
            foreach (var (line, lineBreak) in lines)
            {
                text.Append(line).Append(lineBreak);
            }

            if (lines[^1].Break.Length == 0)
            {
                text.Append(lines.Count > 1 ? lines[^2].Break : "\n");
            }

            return text.ToString();
        }
    }

    /// <summary>What the document says it is (<c>openapi 3.1.0, 'qwen-image-edit Interface', 327 lines</c>), for listing several fences.</summary>
    public string Summary
    {
        get
        {
            var version = Regex.Match(Content, @"^\s*""?(openapi|swagger)""?\s*:\s*['""]?([0-9][0-9.]*)", RegexOptions.Multiline);
            // The first title is info's in every document we have seen; this is a label for a list, not a parse.
            var title = Regex.Match(Content, @"[\s{,]""?title""?\s*:\s*['""]?([^'"",}\r\n]+?)['""]?\s*(?:[,}]|$)", RegexOptions.Multiline);
            return (version.Success ? $"{version.Groups[1].Value} {version.Groups[2].Value}" : "OpenAPI")
                + (title.Success ? $", '{title.Groups[1].Value}'" : string.Empty)
                + $", {Lines(SpecText).Count()} lines";
        }
    }

    /// <summary>Each line of <paramref name="text"/> and the break that ends it (<c>\n</c>, <c>\r\n</c>, <c>\r</c>, or none for the last).</summary>
    private static IEnumerable<(string Text, string Break)> Lines(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOfAny(['\r', '\n'], start);
            if (end < 0)
            {
                yield return (text[start..], string.Empty);
                yield break;
            }

            var length = text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? 2 : 1;
            yield return (text[start..end], text.Substring(end, length));
            start = end + length;
        }
    }
}

/// <summary>A saved page as far as <c>openapigen extract</c> cares: its fenced code blocks, and OpenAPI text outside them.</summary>
/// <param name="Fences">Every fenced code block, in page order.</param>
/// <param name="UnfencedDocumentLines">1-based lines outside any fence that start an OpenAPI document (<c>openapi: 3.0.0</c> at the start of a line): a page whose Markdown was lost when it was saved.</param>
internal sealed record SavedPage(IReadOnlyList<PageFence> Fences, IReadOnlyList<int> UnfencedDocumentLines)
{
    public IReadOnlyList<PageFence> OpenApiFences => Fences.Where(static f => f.IsOpenApi).ToList();
}

/// <summary>
/// Finds the fenced code blocks of a saved Markdown page with Markdig, a CommonMark parser (so a <c>```</c> inside a
/// <c>````</c> fence is content, as in EvoLink's descriptions), and copies each block's content from the page's own
/// text: Markdig says which lines belong to the block and where each starts and ends; the page supplies the
/// characters and the line breaks. Nothing is re-rendered, so the content is byte for byte what the page holds, less
/// what CommonMark itself strips: the indentation of a fence that is indented, and the <c>&gt;</c> of a quote.
/// </summary>
internal static partial class PageFences
{
    // CommonMark core only: no extension changes what a fence is.
    private static readonly MarkdownPipeline s_pipeline = new MarkdownPipelineBuilder().Build();

    public static SavedPage Read(string page)
    {
        var document = Markdown.Parse(page, s_pipeline);
        var fences = new List<PageFence>();
        var fencedLines = new List<(int First, int Last)>();
        foreach (var block in document.Descendants<FencedCodeBlock>())
        {
            var content = new StringBuilder();
            var lines = block.Lines;
            for (var i = 0; i < lines.Count; i++)
            {
                var slice = lines.Lines[i].Slice;
                if (slice.Length > 0)
                {
                    content.Append(slice.Text, slice.Start, slice.Length);
                }

                content.Append(BreakAt(page, slice.Length > 0 ? slice.End + 1 : slice.Start));
            }

            var text = content.ToString();
            var info = (block.Info + (string.IsNullOrEmpty(block.Arguments) ? string.Empty : " " + block.Arguments)).Trim();
            fences.Add(new PageFence(block.Line + 1, new string(block.FencedChar, block.OpeningFencedCharCount), info, text, IsOpenApi(text)));
            fencedLines.Add((block.Line, block.Line + lines.Count + 1));
        }

        var unfenced = new List<int>();
        var lineNumber = 0;
        foreach (Match match in TopLevelOpenApiKey().Matches(page))
        {
            lineNumber = CountLines(page, match.Index);
            if (!fencedLines.Any(f => lineNumber >= f.First && lineNumber <= f.Last))
            {
                unfenced.Add(lineNumber + 1);
            }
        }

        return new SavedPage(fences, unfenced);
    }

    /// <summary>The line break that starts at <paramref name="index"/> in the page, if one does.</summary>
    private static string BreakAt(string page, int index)
    {
        if (index >= page.Length)
        {
            return string.Empty;
        }

        return page[index] switch
        {
            '\r' when index + 1 < page.Length && page[index + 1] == '\n' => "\r\n",
            '\r' => "\r",
            '\n' => "\n",
            _ => string.Empty,
        };
    }

    /// <summary>The 0-based line <paramref name="index"/> is on, counting breaks as CommonMark does (<c>\n</c>, <c>\r\n</c>, <c>\r</c>).</summary>
    private static int CountLines(string page, int index)
    {
        var line = 0;
        for (var i = 0; i < index; i++)
        {
            if (page[i] == '\n' || (page[i] == '\r' && (i + 1 >= page.Length || page[i + 1] != '\n')))
            {
                line++;
            }
        }

        return line;
    }

    private static bool IsOpenApi(string content)
    {
        if (TopLevelOpenApiKey().IsMatch(content))
        {
            return true;
        }

        var trimmed = content.AsSpan().TrimStart();
        if (trimmed.Length == 0 || trimmed[0] != '{')
        {
            return false;
        }

        try
        {
            using var json = JsonDocument.Parse(content, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            return json.RootElement.ValueKind == JsonValueKind.Object
                && (json.RootElement.TryGetProperty("openapi", out _) || json.RootElement.TryGetProperty("swagger", out _));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    // A YAML document's top-level key (no indentation): openapi: 3.1.0, or Swagger 2.0's swagger: '2.0'.
    [GeneratedRegex(@"^(openapi|swagger)[ \t]*:[ \t]*\S", RegexOptions.Multiline)]
    private static partial Regex TopLevelOpenApiKey();
}
