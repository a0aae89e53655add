using System.Globalization;
using System.Text;

namespace OpenApiGen.Emit;

/// <summary>
/// The one way spec text reaches generated source: as a C# string literal or as XML doc text. A spec is untrusted
/// input, and C# ends a line (and so a <c>//</c> or <c>///</c> comment, and a regular literal) at CR, LF, U+0085,
/// U+2028 and U+2029, so a line terminator that stood raw in a doc comment would turn the rest of the spec's text
/// into code in the consumer's assembly. Bidirectional and zero-width format characters would make the source read
/// differently from how it compiles (Trojan Source, CVE-2021-42574). Neither ever stands raw in what we write.
/// </summary>
/// <remarks>
/// For ordinary text the literals are exactly what Roslyn's <c>SymbolDisplay.FormatLiteral</c> writes (named escapes
/// such as <c>\n</c>, <c>\u</c> with lowercase hex for other controls, separators, lone surrogates and unassigned code
/// points); unlike it, format characters (Unicode category Cf, in any plane) are escaped too.
/// </remarks>
internal static class Escape
{
    /// <summary>A regular C# string literal, quotes included, that compiles back to exactly <paramref name="text"/>.</summary>
    public static string Literal(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '"': builder.Append("\\\""); continue;
                case '\\': builder.Append("\\\\"); continue;
                case '\0': builder.Append("\\0"); continue;
                case '\a': builder.Append("\\a"); continue;
                case '\b': builder.Append("\\b"); continue;
                case '\f': builder.Append("\\f"); continue;
                case '\n': builder.Append("\\n"); continue;
                case '\r': builder.Append("\\r"); continue;
                case '\t': builder.Append("\\t"); continue;
                case '\v': builder.Append("\\v"); continue;
            }

            if (IsPair(text, i))
            {
                if (IsFormat(text, i))
                {
                    builder.Append("\\U").Append(char.ConvertToUtf32(text[i], text[i + 1]).ToString("x8", CultureInfo.InvariantCulture));
                }
                else
                {
                    builder.Append(c).Append(text[i + 1]);
                }

                i++;
            }
            else if (MustNotStandRaw(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>
    /// A single-line raw literal (<c>"""..."""</c>) when the text allows one, so JSON reads as JSON in the generated
    /// file; otherwise <see cref="Literal"/>, which can hold anything.
    /// </summary>
    public static string RawLiteral(string text)
    {
        if (!CanBeRaw(text))
        {
            return Literal(text);
        }

        // The delimiter must be longer than any run of quotes inside.
        var longestRun = 0;
        var run = 0;
        foreach (var c in text)
        {
            run = c == '"' ? run + 1 : 0;
            longestRun = run > longestRun ? run : longestRun;
        }

        var delimiter = new string('"', longestRun < 3 ? 3 : longestRun + 1);
        return new StringBuilder(text.Length + (2 * delimiter.Length)).Append(delimiter).Append(text).Append(delimiter).ToString();
    }

    /// <summary>
    /// Text for an XML doc comment: markup characters as entities, and everything that must not stand raw as a
    /// character reference (<c>&amp;#x2028;</c>), so the comment stays one line of data. A character XML cannot hold at
    /// all (most C0 controls, a lone surrogate) becomes U+FFFD, as an XML reader would show it. Line breaks that are
    /// meant as line breaks are split off by <see cref="XmlDocWriter"/> before the text gets here.
    /// </summary>
    public static string Xml(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsPair(text, i))
            {
                if (IsFormat(text, i))
                {
                    builder.Append(CharacterReference(char.ConvertToUtf32(c, text[i + 1])));
                }
                else
                {
                    builder.Append(c).Append(text[i + 1]);
                }

                i++;
                continue;
            }

            switch (c)
            {
                case '&': builder.Append("&amp;"); continue;
                case '<': builder.Append("&lt;"); continue;
                case '>': builder.Append("&gt;"); continue;

                // Blank space in a comment, and a legal XML character.
                case '\t': builder.Append(c); continue;
            }

            if (!MustNotStandRaw(c))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append(IsXmlCharacter(c) ? CharacterReference(c) : "&#xFFFD;");
            }
        }

        return builder.ToString();
    }

    /// <summary>Text for a quoted XML attribute value in a doc comment (a link's <c>href</c>): <see cref="Xml"/>, and the quote.</summary>
    public static string XmlAttribute(string text) => Xml(text).Replace("\"", "&quot;");

    /// <summary>
    /// A single-line raw literal cannot be empty, cannot start or end with a quote (it would join the delimiter), and
    /// cannot hold anything that must not stand raw (a line break among them).
    /// </summary>
    private static bool CanBeRaw(string text)
    {
        if (text.Length == 0 || text[0] == '"' || text[text.Length - 1] == '"')
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (IsPair(text, i))
            {
                if (IsFormat(text, i))
                {
                    return false;
                }

                i++;
            }
            else if (MustNotStandRaw(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Controls (line terminators among them), line and paragraph separators, format characters, lone surrogates and
    /// unassigned code points: what could end a line, hide, or reorder what a reader sees.
    /// </summary>
    private static bool MustNotStandRaw(char c)
    {
        switch (char.GetUnicodeCategory(c))
        {
            case UnicodeCategory.Control:
            case UnicodeCategory.Format:
            case UnicodeCategory.LineSeparator:
            case UnicodeCategory.ParagraphSeparator:
            case UnicodeCategory.Surrogate:
            case UnicodeCategory.OtherNotAssigned:
                return true;
            default:
                return false;
        }
    }

    private static bool IsPair(string text, int i) => char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);

    /// <summary>A format character beyond the first plane: the tag characters (U+E0000 to U+E007F) hide text, for one.</summary>
    private static bool IsFormat(string text, int i) => CharUnicodeInfo.GetUnicodeCategory(text, i) == UnicodeCategory.Format;

    /// <summary>XML 1.0's Char production, for one UTF-16 unit that is not part of a pair.</summary>
    private static bool IsXmlCharacter(char c)
        => c is '\t' or '\n' or '\r' || (c >= '\u0020' && c <= '\uD7FF') || (c >= '\uE000' && c <= '\uFFFD');

    private static string CharacterReference(int codePoint) => "&#x" + codePoint.ToString("X", CultureInfo.InvariantCulture) + ";";
}
