using System.Globalization;
using System.Reflection;
using OpenApiGen.Emit;
using OpenApiGen.Tests.Infrastructure;

namespace OpenApiGen.Tests.Generation;

/// <summary>Literals compile back to the very same text, whatever it holds, and nothing that hides or ends a line stands raw in them.</summary>
public class EscapeTests
{
    // By name: xUnit would pass a lone surrogate through its serializer as U+FFFD.
    private static readonly Dictionary<string, (string Text, bool Raw)> s_cases = new()
    {
        ["json"] = ("{\"a\":\"b\"}", true),
        ["escaped quotes"] = ("{\"a\":\"\\\"\\\"\\\"\"}", true),
        ["runs of quotes"] = ("a \"\"\" b \"\"\"\" c", true),
        ["non-ASCII and a backslash"] = ("non-ASCII é 中文 🚀 and a \\ backslash", true),
        ["very long"] = (new string('x', 100_000) + "\"\"\"\"\"" + "y", true),
        ["empty"] = (string.Empty, false),
        ["leading quote"] = ("\"starts with a quote", false),
        ["trailing quote"] = ("ends with a quote\"", false),
        ["line feed"] = ("a\nline break", false),
        ["carriage return"] = ("a\r\nline break", false),
        ["line separator"] = ("a line\u2028separator", false),
        ["next line"] = ("a next\u0085line", false),
        ["bidi override"] = ("a bidi \u202Eoverride", false),
        ["zero-width space"] = ("a zero\u200Bwidth space", false),
        ["bidi isolate"] = ("an \u2066isolate\u2069", false),
        ["tag character"] = ("a tag \U000E0041 character", false),
        ["byte order mark"] = ("a \uFEFF mark", false),
        ["emoji with a joiner"] = ("a family \U0001F468\u200D\U0001F469", false),
        ["lone surrogate"] = ("a lone \uD800 surrogate", false),
        ["NUL"] = ("a NUL \0 char", false),
    };

    public static IEnumerable<object[]> Cases => s_cases.Keys.Select(static k => new object[] { k });

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compiles_back_to_the_same_text(string name)
    {
        var (text, raw) = s_cases[name];
        var literal = Escape.RawLiteral(text);
        Assert.Equal(raw, literal.StartsWith("\"\"\"", StringComparison.Ordinal));
        AssertCompilesTo(text, literal);
        AssertCompilesTo(text, Escape.Literal(text));
    }

    /// <summary>
    /// For text without format characters a literal is what Roslyn's SymbolDisplay.FormatLiteral writes, so replacing
    /// it changed no generated file: every UTF-16 unit alone, and a surrogate pair.
    /// </summary>
    [Fact]
    public void Literals_of_text_without_format_characters_are_what_Roslyn_writes()
    {
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var text = "a" + (char)c + "b";
            if (char.GetUnicodeCategory((char)c) != UnicodeCategory.Format)
            {
                Assert.Equal(Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(text, quote: true), Escape.Literal(text));
            }
            else
            {
                Assert.Equal("\"a\\u" + c.ToString("x4", CultureInfo.InvariantCulture) + "b\"", Escape.Literal(text));
            }
        }

        Assert.Equal(Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral("\U0001F680", quote: true), Escape.Literal("\U0001F680"));
    }

    [Theory]
    [InlineData("a < b & c > d", "a &lt; b &amp; c &gt; d")]
    [InlineData("tab\tstays", "tab\tstays")]
    [InlineData("ends\u2028line", "ends&#x2028;line")]
    [InlineData("ends\rline", "ends&#xD;line")]
    [InlineData("ends\nline", "ends&#xA;line")]
    [InlineData("next\u0085line", "next&#x85;line")]
    [InlineData("\u202Ebidi", "&#x202E;bidi")]
    [InlineData("zero\u200Bwidth", "zero&#x200B;width")]
    [InlineData("tag \U000E0041", "tag &#xE0041;")]
    [InlineData("vertical\vtab", "vertical&#xFFFD;tab")]
    [InlineData("NUL\0", "NUL&#xFFFD;")]
    [InlineData("non-ASCII é 中文 🚀", "non-ASCII é 中文 🚀")]
    public void Xml_doc_text_holds_no_line_terminator_or_invisible_character(string text, string expected)
        => Assert.Equal(expected, Escape.Xml(text));

    private static void AssertCompilesTo(string text, string literal)
    {
        Assert.DoesNotContain(literal, static c => char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator);
        Assert.False(Enumerable.Range(0, literal.Length).Any(i => char.IsSurrogate(literal, i) && !char.IsSurrogatePair(literal, Math.Max(0, char.IsLowSurrogate(literal[i]) ? i - 1 : i))), "A lone surrogate sits unescaped in the literal.");

        var compilation = GeneratorHarness.CreateCompilation($"public static class Holder {{ public const string Text = {literal}; }}");
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));

        var holder = Assembly.Load(image.ToArray()).GetType("Holder")!;
        Assert.Equal(text, (string)holder.GetField("Text")!.GetRawConstantValue()!);
    }
}
