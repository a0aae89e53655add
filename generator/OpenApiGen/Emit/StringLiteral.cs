using System.Globalization;
using System.Text;

namespace OpenApiGen.Emit;

/// <summary>C# string literals for arbitrary text, however long and whatever it holds.</summary>
internal static class StringLiteral
{
    /// <summary>
    /// A single-line raw literal (<c>"""..."""</c>) when the text allows one, so JSON reads as JSON in the generated
    /// file; otherwise an ordinary escaped literal, which can hold anything.
    /// </summary>
    public static string Raw(string text)
    {
        if (!CanBeRaw(text))
        {
            return Escaped(text);
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
    /// An ordinary literal. Unlike Roslyn's <c>SymbolDisplay.FormatLiteral</c>, it also escapes format characters
    /// (bidirectional overrides, zero-width spaces), which would otherwise sit invisible in the source.
    /// </summary>
    public static string Escaped(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    if (IsPair(text, i))
                    {
                        builder.Append(c).Append(text[++i]);
                    }
                    else if (IsInvisible(c))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>
    /// A single-line raw literal cannot be empty, cannot start or end with a quote (it would join the delimiter), and
    /// cannot hold a line break. Control and format characters (bidirectional overrides among them) and lone
    /// surrogates go to the escaped form too, so nothing invisible sits raw in generated source.
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
                i++;
            }
            else if (IsInvisible(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPair(string text, int i) => char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);

    /// <summary>Line breaks, control and format characters and lone surrogates: what must never stand raw in source.</summary>
    private static bool IsInvisible(char c)
    {
        switch (char.GetUnicodeCategory(c))
        {
            case UnicodeCategory.Control:
            case UnicodeCategory.Format:
            case UnicodeCategory.LineSeparator:
            case UnicodeCategory.ParagraphSeparator:
            case UnicodeCategory.Surrogate:
                return true;
            default:
                return false;
        }
    }
}
