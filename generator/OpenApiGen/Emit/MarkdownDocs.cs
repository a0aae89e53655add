using System;
using System.Collections.Generic;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace OpenApiGen.Emit;

/// <summary>
/// Spec text, which OpenAPI says is CommonMark (and in practice carries HTML too), as XML doc markup: paragraphs as
/// <c>&lt;para&gt;</c>, lists as <c>&lt;list&gt;</c>, code as <c>&lt;c&gt;</c> and <c>&lt;code&gt;</c>, emphasis as
/// <c>&lt;i&gt;</c> and <c>&lt;b&gt;</c>, absolute links as <c>&lt;see href&gt;</c>. Markdig parses; every piece of the
/// spec's text that reaches the output goes through <see cref="Escape.Xml"/>, and the markup written around it is
/// always closed, so a description cannot make the comment malformed (CS1570) or escape it. A <c>\n</c> in the result
/// is a line break the writer puts on a <c>///</c> line of its own.
/// </summary>
internal static class MarkdownDocs
{
    private static readonly MarkdownPipeline s_pipeline = new MarkdownPipelineBuilder().Build();

    // An HTML tag (linear: a match cannot run past the next '<'); which become doc elements is decided in Tag.
    private static readonly Regex s_tag = new("<(/?)([A-Za-z][A-Za-z0-9]*)([^<>]*)>", RegexOptions.CultureInvariant);
    private static readonly Regex s_href = new("href\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>The text as XML doc content: one block inline, several as paragraphs and lists.</summary>
    public static string ToXml(string text) => Join(Blocks(text));

    /// <summary>The text's blocks (paragraphs, lists, code), each as XML doc content.</summary>
    public static List<string> Blocks(string text)
    {
        var blocks = new List<string>();
        if (IsPlain(text))
        {
            blocks.Add(Escape.Xml(text));
        }
        else
        {
            Blocks(Markdown.Parse(text, s_pipeline), blocks);
        }

        return blocks;
    }

    /// <summary>Blocks as one element's content: a lone paragraph as it is, otherwise each paragraph in <c>&lt;para&gt;</c>.</summary>
    public static string Join(IReadOnlyList<string> blocks)
    {
        if (blocks.Count == 1 && !IsBlockMarkup(blocks[0]))
        {
            return blocks[0];
        }

        var parts = new string[blocks.Count];
        for (var i = 0; i < blocks.Count; i++)
        {
            parts[i] = IsBlockMarkup(blocks[i]) ? blocks[i] : "<para>" + blocks[i] + "</para>";
        }

        return string.Join("\n", parts);
    }

    /// <summary>Whether the XML is a block element already (a list, code), which a <c>&lt;para&gt;</c> must not wrap.</summary>
    public static bool IsBlockMarkup(string xml) => xml.StartsWith("<list", StringComparison.Ordinal) || xml.StartsWith("<code>", StringComparison.Ordinal) || xml.StartsWith("<para>", StringComparison.Ordinal);

    // Most descriptions are one line of prose: nothing Markdown or HTML could mean, so no parse.
    private static bool IsPlain(string text)
    {
        if (text.Length == 0 || !char.IsLetter(text[0]))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is '\n' or '\r' or '*' or '_' or '`' or '[' or ']' or '<' or '>' or '&' or '\\' or '#' or '~' or '!' or '|')
            {
                return false;
            }
        }

        return true;
    }

    private static void Blocks(ContainerBlock container, List<string> blocks)
    {
        foreach (var block in container)
        {
            switch (block)
            {
                case ParagraphBlock { Inline: { } inline }:
                    Add(blocks, Inlines(inline));
                    break;
                case HeadingBlock { Inline: { } inline }:
                    Add(blocks, "<b>" + Inlines(inline) + "</b>");
                    break;
                case ListBlock list:
                    Add(blocks, List(list));
                    break;
                case CodeBlock code:
                    Add(blocks, "<code>" + Lines(code) + "</code>");
                    break;
                case HtmlBlock html:
                    blocks.AddRange(Html(Raw(html)));
                    break;
                case QuoteBlock quote:
                    Blocks(quote, blocks);
                    break;
                case ContainerBlock other:
                    Blocks(other, blocks);
                    break;
            }
        }
    }

    private static void Add(List<string> blocks, string xml)
    {
        if (xml.Trim().Length > 0)
        {
            blocks.Add(xml);
        }
    }

    private static string List(ListBlock list)
    {
        var builder = new StringBuilder(list.IsOrdered ? "<list type=\"number\">" : "<list type=\"bullet\">");
        foreach (var item in list)
        {
            var parts = new List<string>();
            if (item is ContainerBlock container)
            {
                Blocks(container, parts);
            }

            builder.Append("\n<item><description>").Append(string.Join("\n", parts)).Append("</description></item>");
        }

        return builder.Append("\n</list>").ToString();
    }

    // A code block's lines as they are, each escaped; the writer gives each its own /// line.
    private static string Lines(LeafBlock block)
    {
        var lines = new List<string>();
        foreach (var line in block.Lines)
        {
            lines.Add(Escape.Xml(line.ToString()));
        }

        while (lines.Count > 0 && lines[lines.Count - 1].Trim().Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return string.Join("\n", lines);
    }

    private static string Raw(LeafBlock block)
    {
        var lines = new List<string>();
        foreach (var line in block.Lines)
        {
            lines.Add(line.ToString());
        }

        return string.Join("\n", lines);
    }

    private static string Inlines(ContainerInline container)
    {
        var builder = new StringBuilder();
        var open = new Stack<string>();
        Inlines(container, builder, open);
        Close(builder, open, null);
        return builder.ToString().Trim();
    }

    private static void Inlines(ContainerInline container, StringBuilder builder, Stack<string> open)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    builder.Append(Text(literal.Content.ToString()));
                    break;
                case CodeInline code:
                    builder.Append("<c>").Append(Escape.Xml(code.Content)).Append("</c>");
                    break;
                case LineBreakInline lineBreak:
                    builder.Append(lineBreak.IsHard ? "<br/>\n" : "\n");
                    break;
                case HtmlEntityInline entity:
                    builder.Append(Text(entity.Transcoded.ToString()));
                    break;
                case AutolinkInline autolink:
                    Link(builder, autolink.IsEmail ? null : autolink.Url, Escape.Xml(autolink.Url));
                    break;
                case HtmlInline html:
                    Tag(builder, open, html.Tag);
                    break;
                case EmphasisInline emphasis:
                {
                    var element = emphasis.DelimiterCount >= 2 ? "b" : "i";
                    builder.Append('<').Append(element).Append('>');
                    Nested(emphasis, builder);
                    builder.Append("</").Append(element).Append('>');
                    break;
                }

                case LinkInline link:
                {
                    var inner = new StringBuilder();
                    Nested(link, inner);
                    var text = inner.ToString().Trim();
                    if (link.IsImage)
                    {
                        builder.Append(text);
                    }
                    else
                    {
                        Link(builder, link.Url, text.Length == 0 ? Escape.Xml(link.Url ?? string.Empty) : text);
                    }

                    break;
                }

                case DelimiterInline delimiter:
                    builder.Append(Text(delimiter.ToLiteral()));
                    Inlines(delimiter, builder, open);
                    break;
                case ContainerInline other:
                    Inlines(other, builder, open);
                    break;
            }
        }
    }

    // Emphasis and links hold their own HTML tags: what opens inside closes inside.
    private static void Nested(ContainerInline container, StringBuilder builder)
    {
        var open = new Stack<string>();
        Inlines(container, builder, open);
        Close(builder, open, null);
    }

    private static void Link(StringBuilder builder, string? url, string xmlText)
    {
        if (url is not null && (url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)))
        {
            builder.Append("<see href=\"").Append(Escape.XmlAttribute(url)).Append("\">").Append(xmlText).Append("</see>");
        }
        else
        {
            // A relative link points into the vendor's site, not anywhere a reader of the code can follow.
            builder.Append(xmlText);
        }
    }

    /// <summary>An HTML block: its text, with the tags that have a doc equivalent turned into it, split at paragraphs.</summary>
    private static List<string> Html(string html)
    {
        var blocks = new List<string>();
        var builder = new StringBuilder();
        var open = new Stack<string>();
        var at = 0;
        foreach (Match match in s_tag.Matches(html))
        {
            builder.Append(Text(WebUtility.HtmlDecode(html.Substring(at, match.Index - at))));
            at = match.Index + match.Length;
            var name = match.Groups[2].Value.ToLowerInvariant();
            if (name is "p" or "div" or "ul" or "ol" or "table" or "pre" or "blockquote" || (name.Length == 2 && name[0] == 'h' && char.IsDigit(name[1])))
            {
                Close(builder, open, null);
                Add(blocks, builder.ToString().Trim());
                builder.Clear();
            }
            else if (name is "li" or "tr" && match.Groups[1].Length == 0)
            {
                builder.Append("<br/>\n");
            }
            else
            {
                Tag(builder, open, match.Value);
            }
        }

        builder.Append(Text(WebUtility.HtmlDecode(html.Substring(at))));
        Close(builder, open, null);
        Add(blocks, builder.ToString().Trim());
        return blocks;
    }

    /// <summary>One inline HTML tag: a doc element where there is one (opened and closed in step), otherwise nothing.</summary>
    private static void Tag(StringBuilder builder, Stack<string> open, string tag)
    {
        var match = s_tag.Match(tag);
        if (!match.Success || match.Groups[2].Length == 0)
        {
            return;
        }

        var name = match.Groups[2].Value.ToLowerInvariant();
        var closing = match.Groups[1].Length > 0;
        if (name == "br")
        {
            builder.Append("<br/>\n");
            return;
        }

        var element = name switch
        {
            "b" or "strong" => "b",
            "i" or "em" => "i",
            "code" or "tt" or "kbd" => "c",
            "a" => "see",
            _ => null,
        };
        if (element is null)
        {
            return;
        }

        if (closing)
        {
            if (open.Contains(element))
            {
                Close(builder, open, element);
            }

            return;
        }

        if (match.Groups[3].Value.TrimEnd().EndsWith("/", StringComparison.Ordinal))
        {
            return;
        }

        if (element == "see")
        {
            var href = s_href.Match(match.Groups[3].Value);
            var url = href.Success ? WebUtility.HtmlDecode(href.Groups[1].Success ? href.Groups[1].Value : href.Groups[2].Value) : null;
            if (url is null || !(url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)))
            {
                // Kept on the stack so its closing tag is matched, but written as nothing.
                open.Push(string.Empty);
                return;
            }

            builder.Append("<see href=\"").Append(Escape.XmlAttribute(url)).Append("\">");
        }
        else
        {
            builder.Append('<').Append(element).Append('>');
        }

        open.Push(element);
    }

    // Closes open elements down to and including `until` (all of them when null).
    private static void Close(StringBuilder builder, Stack<string> open, string? until)
    {
        while (open.Count > 0)
        {
            var element = open.Pop();
            if (element.Length > 0)
            {
                builder.Append("</").Append(element).Append('>');
            }

            if (element == until)
            {
                return;
            }
        }
    }

    /// <summary>Text that may hold line breaks: each line escaped, the breaks kept for the writer.</summary>
    private static string Text(string text) => text.IndexOf('\n') < 0 ? Escape.Xml(text) : string.Join("\n", Array.ConvertAll(text.Split('\n'), Escape.Xml));
}
