using System;
using System.Text;

namespace OpenApiGen.Reading;

/// <summary>
/// A block scalar (<c>|</c>, <c>|+</c>, <c>&gt;-</c> ...) whose leading empty lines hold more spaces than its first
/// text line. YAML 1.2 (8.1.1.1) calls that an error, and YamlDotNet fails the whole document on it ("found extra
/// spaces in first line"; of a literal scalar, for any first empty line of two spaces or more), yet the author's meaning is
/// plain: empty lines, then the text. A leading empty line gives the scalar a line break and nothing else, however many
/// spaces it holds, so the repair empties those lines, and the document reports where it did.
/// </summary>
/// <remarks>
/// The spaces taken from the empty lines are put at the end of the scalar's header line, where YAML ignores them, so the
/// text keeps its length and every offset after the header's line break keeps its place: the source map, made from the
/// text as written, still locates every node. Only the empty lines between the header and the text move.
/// </remarks>
internal static class BlockScalarRepair
{
    /// <summary>YamlDotNet's messages for it: of a literal scalar (stricter than YAML: any first empty line of two spaces or more), of a folded one.</summary>
    public static readonly string[] Messages = ["found extra spaces in first line", "found more spaces in lines above first content line"];

    /// <summary>
    /// The text with the block scalar before <paramref name="errorOffset"/> repaired, and the offset of its header's
    /// indicator; null when there is no such scalar to repair (the error then stands).
    /// </summary>
    public static (string Text, int Header)? Repair(string text, int errorOffset)
    {
        // The header is the error's line or, YamlDotNet pointing at the first line of text, the last non-empty line before it.
        var lineStart = LineStart(text, Math.Min(Math.Max(errorOffset, 0), text.Length));
        var headerEnd = LineEnd(text, lineStart);
        var indicator = Indicator(text, lineStart, headerEnd);
        if (indicator < 0 && lineStart > 0)
        {
            do
            {
                lineStart = LineStart(text, lineStart - 1);
            }
            while (lineStart > 0 && IsBlank(text, lineStart));

            headerEnd = LineEnd(text, lineStart);
            indicator = Indicator(text, lineStart, headerEnd);
        }

        if (indicator < 0)
        {
            return null;
        }

        // The empty lines after the header, up to the first line with text (or the next key, when the scalar has none).
        var firstBlank = NextLine(text, headerEnd);
        var line = firstBlank;
        while (line < text.Length && IsBlank(text, line))
        {
            line = NextLine(text, LineEnd(text, line));
        }

        var output = new StringBuilder(text.Length);
        output.Append(text, 0, headerEnd);
        var moved = 0;
        var blanks = new StringBuilder();
        for (var blank = firstBlank; blank < line; blank = NextLine(text, LineEnd(text, blank)))
        {
            var end = LineEnd(text, blank);
            moved += end - blank;
            blanks.Append(text, end, NextLine(text, end) - end);
        }

        if (moved == 0)
        {
            return null;
        }

        output.Append(' ', moved);
        output.Append(text, headerEnd, firstBlank - headerEnd);
        output.Append(blanks);
        output.Append(text, line, text.Length - line);
        return (output.ToString(), indicator);
    }

    /// <summary>Where a block scalar's <c>|</c> or <c>&gt;</c> is, when the line ends in one without an indentation indicator.</summary>
    private static int Indicator(string text, int start, int end)
    {
        // Drop a comment (" #" onwards), then trailing spaces; what is left must end in | or > and + or -.
        var stop = end;
        for (var i = start; i + 1 < end; i++)
        {
            if ((text[i] == ' ' || text[i] == '\t') && text[i + 1] == '#')
            {
                stop = i;
                break;
            }
        }

        while (stop > start && (text[stop - 1] == ' ' || text[stop - 1] == '\t'))
        {
            stop--;
        }

        if (stop > start && (text[stop - 1] == '+' || text[stop - 1] == '-'))
        {
            stop--;
        }

        if (stop <= start || (text[stop - 1] != '|' && text[stop - 1] != '>'))
        {
            return -1;
        }

        // The indicator starts a value: alone on its line, or after whitespace that follows "key:", "-" or "?".
        var indicator = stop - 1;
        var before = indicator - 1;
        if (before < start)
        {
            return indicator;
        }

        if (text[before] != ' ' && text[before] != '\t')
        {
            return -1;
        }

        while (before >= start && (text[before] == ' ' || text[before] == '\t'))
        {
            before--;
        }

        return before < start || text[before] is ':' or '-' or '?' ? indicator : -1;
    }

    private static bool IsBlank(string text, int lineStart)
    {
        var i = lineStart;
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        return i < text.Length && (text[i] == '\n' || text[i] == '\r');
    }

    private static int LineStart(string text, int offset)
    {
        while (offset > 0 && text[offset - 1] != '\n' && text[offset - 1] != '\r')
        {
            offset--;
        }

        return offset;
    }

    private static int LineEnd(string text, int offset)
    {
        while (offset < text.Length && text[offset] != '\n' && text[offset] != '\r')
        {
            offset++;
        }

        return offset;
    }

    private static int NextLine(string text, int lineEnd)
    {
        if (lineEnd < text.Length && text[lineEnd] == '\r')
        {
            lineEnd++;
        }

        if (lineEnd < text.Length && text[lineEnd] == '\n')
        {
            lineEnd++;
        }

        return lineEnd;
    }
}
