using System.Collections.Generic;
using OpenApiGen.Model;

namespace OpenApiGen.Emit;

/// <summary>
/// Writes XML documentation from the spec's text, each piece once: the spec's <c>summary</c> (a schema's
/// <c>title</c>) is the <c>&lt;summary&gt;</c> and its <c>description</c> the <c>&lt;remarks&gt;</c>; without a summary,
/// the description's first paragraph is the summary and the rest the remarks. Markdown and HTML become doc markup
/// (<see cref="MarkdownDocs"/>).
/// </summary>
internal static class XmlDocWriter
{
    /// <param name="writer">Where the comment goes.</param>
    /// <param name="docs">The spec's text.</param>
    /// <param name="fallbackSummary">The summary when the spec has none (XML already).</param>
    /// <param name="remarks">Notes of the generator's own (XML already), after the spec's.</param>
    /// <param name="name">The wire or type name: a title that only repeats it (Pydantic's <c>"Image Url"</c> for <c>image_url</c>) says nothing and is left out.</param>
    /// <param name="obsolete">Whether the member gets <c>[Obsolete]</c> (<see cref="ObsoleteCode"/>), so its docs need not say it is deprecated.</param>
    public static void Write(SourceWriter writer, DocModel docs, string fallbackSummary, IEnumerable<string>? remarks = null, string? name = null, bool obsolete = false)
    {
        var title = docs.Summary is { } s && !Repeats(s, name) ? s : null;
        var summary = title is null ? null : MarkdownDocs.Blocks(title);
        var description = docs.Description is { } text && !Repeats(text, title) ? MarkdownDocs.Blocks(text) : null;
        if (summary is null && description is { Count: > 0 } && !MarkdownDocs.IsBlockMarkup(description[0]))
        {
            summary = description.GetRange(0, 1);
            description.RemoveAt(0);
        }

        WriteElement(writer, "summary", summary is { Count: > 0 } ? MarkdownDocs.Join(summary) : fallbackSummary);

        var notes = new List<string>();
        if (description is { Count: > 0 })
        {
            notes.AddRange(description);
        }

        if (docs.Deprecated && !obsolete)
        {
            notes.Add("Deprecated: the API may remove it.");
        }

        if (docs.Default is not null)
        {
            // The server's: an optional member left unset is not sent, and the server applies it.
            notes.Add("The server's default is <c>" + Escape.Xml(docs.Default) + "</c>.");
        }

        if (docs.Example is not null)
        {
            notes.Add("Example: <c>" + Escape.Xml(docs.Example) + "</c>.");
        }

        if (remarks is not null)
        {
            notes.AddRange(remarks);
        }

        if (notes.Count > 0)
        {
            WriteElement(writer, "remarks", MarkdownDocs.Join(notes));
        }
    }

    /// <summary>Whether two texts say the same, ignoring case, spaces and punctuation.</summary>
    private static bool Repeats(string text, string? other)
    {
        if (other is null)
        {
            return false;
        }

        int i = 0, j = 0;
        while (true)
        {
            while (i < text.Length && !char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            while (j < other.Length && !char.IsLetterOrDigit(other[j]))
            {
                j++;
            }

            if (i == text.Length || j == other.Length)
            {
                return i == text.Length && j == other.Length;
            }

            if (char.ToUpperInvariant(text[i]) != char.ToUpperInvariant(other[j]))
            {
                return false;
            }

            i++;
            j++;
        }
    }

    public static void Summary(SourceWriter writer, string xml) => WriteElement(writer, "summary", xml);

    // The tags sit on the first and last lines of the text, so a multi-line element costs no lines of its own.
    private static void WriteElement(SourceWriter writer, string element, string xml)
    {
        var lines = xml.Split('\n');
        lines[0] = $"<{element}>" + lines[0];
        lines[lines.Length - 1] += $"</{element}>";
        foreach (var line in lines)
        {
            writer.Line("/// " + line);
        }
    }

    /// <summary>Spec text that keeps its line breaks: each line escaped, and written on a <c>///</c> line of its own.</summary>
    public static string Text(string text) => string.Join("\n", System.Array.ConvertAll(text.Split('\n'), Escape.Xml));

    /// <summary>Spec text for a one-line element (a parameter's doc): its markup as <see cref="MarkdownDocs"/> makes it, lines joined.</summary>
    public static string Inline(string text) => MarkdownDocs.ToXml(text).Replace('\n', ' ');
}
