using System.Collections.Generic;
using System.Globalization;

namespace OpenApiGen.Naming;

/// <summary>
/// C#'s reserved keywords and identifier characters, as the compiler's <c>SyntaxFacts</c> define them for the
/// Roslyn the generator targets (4.14). Written out rather than asked of <c>Microsoft.CodeAnalysis.CSharp</c>, which the
/// generator otherwise needs only for its language-version check: openapigen, which names things but never compiles,
/// then ships without that 6.7 MB assembly. tests/OpenApiGen.Tests/Naming/CSharpKeywordsTests holds both to Roslyn's
/// (every keyword kind, every UTF-16 code unit), so a compiler with a new keyword fails a test rather than a build.
/// </summary>
internal static class CSharpKeywords
{
    // Identifiers a C# program cannot declare without @ (SyntaxFacts.GetKeywordKind != None), __arglist and its kin included.
    private static readonly HashSet<string> Reserved = new(System.StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override", "params",
        "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc",
        "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked",
        "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
        "__arglist", "__makeref", "__reftype", "__refvalue",
    };

    /// <summary>A reserved keyword: <c>class</c>, <c>int</c>, <c>__arglist</c>; contextual ones (<c>var</c>, <c>async</c>) are not.</summary>
    public static bool IsReserved(string text) => Reserved.Contains(text);

    /// <summary>A name the C# grammar reads as one identifier token (keywords included): SyntaxFacts.IsValidIdentifier.</summary>
    public static bool IsIdentifierToken(string text)
    {
        if (text.Length == 0 || !IsIdentifierStart(text[0]))
        {
            return false;
        }

        for (var i = 1; i < text.Length; i++)
        {
            if (!IsIdentifierPart(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>SyntaxFacts.IsIdentifierStartCharacter: a letter (Unicode L* or Nl) or an underscore.</summary>
    public static bool IsIdentifierStart(char c)
    {
        if (c < 0x80)
        {
            return c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_';
        }

        return IsLetter(CharUnicodeInfo.GetUnicodeCategory(c));
    }

    /// <summary>SyntaxFacts.IsIdentifierPartCharacter: a start character, a decimal digit, a connector, a combining or a formatting character.</summary>
    public static bool IsIdentifierPart(char c)
    {
        if (c < 0x80)
        {
            return c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_';
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        return IsLetter(category) || category is UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.Format;
    }

    private static bool IsLetter(UnicodeCategory category) => category is UnicodeCategory.UppercaseLetter
        or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter
        or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber;
}
