using System.Collections.Generic;
using System.Text;
using OpenApiGen.Model;

namespace OpenApiGen.Emit;

/// <summary>Writes XML documentation from the spec's text: escaped, <c>`code`</c> as &lt;c&gt;, paragraphs kept.</summary>
internal static class XmlDocWriter
{
    public static void Write(SourceWriter writer, DocModel docs, string fallbackSummary, IEnumerable<string>? remarks = null)
    {
        var summary = docs.Description ?? docs.Summary;
        WriteElement(writer, "summary", summary is null ? fallbackSummary : ToXml(summary));

        var notes = new List<string>();
        if (docs.Description is not null && docs.Summary is not null)
        {
            notes.Add("<b>" + Text(docs.Summary) + "</b>");
        }

        if (docs.Deprecated)
        {
            notes.Add("Deprecated: the API may remove it.");
        }

        if (docs.Default is not null)
        {
            notes.Add("Default: <c>" + Escape.Xml(docs.Default) + "</c>.");
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
            WriteElement(writer, "remarks", notes.Count == 1 ? notes[0] : string.Join("\n", notes.ConvertAll(static n => "<para>" + n + "</para>")));
        }
    }

    public static void Summary(SourceWriter writer, string xml) => WriteElement(writer, "summary", xml);

    private static void WriteElement(SourceWriter writer, string element, string xml)
    {
        var lines = xml.Split('\n');
        if (lines.Length == 1)
        {
            writer.Line($"/// <{element}>{xml}</{element}>");
            return;
        }

        writer.Line($"/// <{element}>");
        foreach (var line in lines)
        {
            writer.Line(line.Length == 0 ? "///" : "/// " + line);
        }

        writer.Line($"/// </{element}>");
    }

    /// <summary>Spec text (markdown, loosely) to XML doc content: paragraphs split on blank lines.</summary>
    private static string ToXml(string text)
    {
        var paragraphs = new List<string>();
        var current = new List<string>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.Length == 0)
            {
                if (current.Count > 0)
                {
                    paragraphs.Add(string.Join("\n", current));
                    current.Clear();
                }

                continue;
            }

            current.Add(Code(line));
        }

        if (current.Count > 0)
        {
            paragraphs.Add(string.Join("\n", current));
        }

        return paragraphs.Count == 1 ? paragraphs[0] : string.Join("\n", paragraphs.ConvertAll(static p => "<para>\n" + p + "\n</para>"));
    }

    /// <summary>Escapes the text and turns markdown <c>`code`</c> spans into &lt;c&gt; elements.</summary>
    private static string Code(string line)
    {
        var builder = new StringBuilder();
        var parts = line.Split('`');
        var closedSpans = (parts.Length - 1) / 2;
        for (var i = 0; i < parts.Length; i++)
        {
            var isCode = i % 2 == 1 && (i + 1) / 2 <= closedSpans;
            if (isCode)
            {
                builder.Append("<c>").Append(Escape.Xml(parts[i])).Append("</c>");
            }
            else
            {
                // An unmatched backtick is kept as written.
                builder.Append(i % 2 == 1 ? "`" : string.Empty).Append(Escape.Xml(parts[i]));
            }
        }

        return builder.ToString();
    }

    /// <summary>Spec text that keeps its line breaks: each line escaped, and written on a <c>///</c> line of its own.</summary>
    public static string Text(string text) => string.Join("\n", System.Array.ConvertAll(text.Split('\n'), Escape.Xml));

    /// <summary>Spec text for a one-line element (a parameter's doc): escaped, <c>`code`</c> spans kept, lines joined.</summary>
    public static string Inline(string text) => Code(text.Replace("\r\n", " ").Replace('\n', ' ').Trim());
}
