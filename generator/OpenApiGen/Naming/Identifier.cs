using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace OpenApiGen.Naming;

/// <summary>
/// Turns wire names into C# identifiers. Every naming rule of the generated API lives here and in
/// <see cref="NameScope"/>; emitters never invent or alter a name.
/// </summary>
internal static class Identifier
{
    /// <summary><c>image_urls</c> -> <c>ImageUrls</c>, <c>callBackUrl</c> -> <c>CallBackUrl</c>, <c>URL</c> -> <c>Url</c>, <c>2509</c> -> <c>_2509</c>.</summary>
    /// <remarks>A name made only of signs is spelled out (<c>.</c> -> <c>Dot</c>, <c>*</c> -> <c>Star</c>), as it has nothing else to go by.</remarks>
    public static string ToPascalCase(string text)
    {
        var words = SplitWords(text, spellSigns: false);
        return Join(words.Count > 0 ? words : SplitWords(text, spellSigns: true), upperFirst: true, fallback: text.Length == 0 ? "Empty" : "Value");
    }

    /// <summary>Like <see cref="ToPascalCase"/>, but signs that distinguish otherwise equal names are spelled out: <c>Etc/GMT-0</c> -> <c>EtcGmtMinus0</c>.</summary>
    public static string ToVerbosePascalCase(string text) => Join(SplitWords(text, spellSigns: true), upperFirst: true, fallback: text.Length == 0 ? "Empty" : "Value");

    /// <summary><c>task_id</c> -> <c>taskId</c>; C# keywords get an <c>@</c>.</summary>
    public static string ToCamelCase(string text)
    {
        var name = Join(SplitWords(text, spellSigns: false), upperFirst: false, fallback: "value");
        return CSharpKeywords.IsReserved(name) || name == "var" ? "@" + name : name;
    }

    /// <summary>The singular of the last word of a PascalCase name, for the items of an array: <c>Results</c> -> <c>Result</c>.</summary>
    public static string Singularize(string pascal)
    {
        if (pascal.EndsWith("ies", System.StringComparison.Ordinal) && pascal.Length > 4)
        {
            return pascal.Substring(0, pascal.Length - 3) + "y";
        }

        if (pascal.EndsWith("sses", System.StringComparison.Ordinal) || pascal.EndsWith("uses", System.StringComparison.Ordinal))
        {
            return pascal.Substring(0, pascal.Length - 2);
        }

        if (pascal.EndsWith("s", System.StringComparison.Ordinal) && !pascal.EndsWith("ss", System.StringComparison.Ordinal) && pascal.Length > 2)
        {
            return pascal.Substring(0, pascal.Length - 1);
        }

        return pascal + "Item";
    }

    public static bool IsValidIdentifier(string text) => CSharpKeywords.IsIdentifierToken(text) && !CSharpKeywords.IsReserved(text);

    /// <summary>A dotted namespace made of valid identifiers, or null.</summary>
    public static bool IsValidNamespace(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        foreach (var part in text.Split('.'))
        {
            if (!IsValidIdentifier(part))
            {
                return false;
            }
        }

        return true;
    }

    private static string Join(List<string> words, bool upperFirst, string fallback)
    {
        if (words.Count == 0)
        {
            words.Add(fallback);
        }

        var builder = new StringBuilder();
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            var lower = !upperFirst && i == 0;

            // Digit groups stay apart, or portrait_16_9 would read as Portrait169.
            if (i > 0 && char.IsDigit(word[0]) && char.IsDigit(words[i - 1][words[i - 1].Length - 1]))
            {
                builder.Append('_');
            }

            builder.Append(lower ? char.ToLowerInvariant(word[0]) : char.ToUpperInvariant(word[0]));

            // An all-capitals word is an acronym: URL -> Url, ID -> Id (the .NET casing guidelines).
            var allUpper = IsAllUpper(word);
            for (var j = 1; j < word.Length; j++)
            {
                builder.Append(allUpper || lower ? char.ToLowerInvariant(word[j]) : word[j]);
            }
        }

        if (char.IsDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }

    private static bool IsAllUpper(string word)
    {
        var letters = 0;
        foreach (var c in word)
        {
            if (char.IsLetter(c))
            {
                if (!char.IsUpper(c))
                {
                    return false;
                }

                letters++;
            }
        }

        return letters > 1;
    }

    private static List<string> SplitWords(string text, bool spellSigns)
    {
        var words = new List<string>();
        var current = new StringBuilder();

        void Flush()
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsIdentifierPart(c))
            {
                if (current.Length > 0 && StartsNewWord(text, i))
                {
                    Flush();
                }

                current.Append(c);
                continue;
            }

            Flush();
            if (spellSigns && SignWord(c) is { } word)
            {
                words.Add(word);
            }
        }

        Flush();
        return words;
    }

    private static bool StartsNewWord(string text, int i)
    {
        var c = text[i];
        var previous = text[i - 1];
        if (char.IsUpper(c))
        {
            // camelCase boundary, or the last capital of an acronym followed by a lowercase word (HTTPServer -> HTTP Server).
            return char.IsLower(previous) || char.IsDigit(previous)
                || (char.IsUpper(previous) && i + 1 < text.Length && char.IsLower(text[i + 1]));
        }

        return false;
    }

    private static bool IsIdentifierPart(char c)
    {
        switch (CharUnicodeInfo.GetUnicodeCategory(c))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.DecimalDigitNumber:
                return true;
            default:
                return false;
        }
    }

    private static string? SignWord(char c) => c switch
    {
        '-' => "Minus",
        '+' => "Plus",
        '<' => "LessThan",
        '>' => "GreaterThan",
        '=' => "Equal",
        '!' => "Not",
        '*' => "Star",
        '@' => "At",
        '#' => "Hash",
        '$' => "Dollar",
        '%' => "Percent",
        '&' => "And",
        '~' => "Tilde",
        '.' => "Dot",
        '?' => "Question",
        _ => null,
    };
}
