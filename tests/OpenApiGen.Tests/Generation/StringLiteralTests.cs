using System.Globalization;
using System.Reflection;
using OpenApiGen.Emit;
using OpenApiGen.Tests.Infrastructure;

namespace OpenApiGen.Tests.Generation;

/// <summary>The literal that holds an embedded document compiles back to the very same text, whatever the text holds.</summary>
public class StringLiteralTests
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
        ["lone surrogate"] = ("a lone \uD800 surrogate", false),
        ["NUL"] = ("a NUL \0 char", false),
    };

    public static IEnumerable<object[]> Cases => s_cases.Keys.Select(static k => new object[] { k });

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compiles_back_to_the_same_text(string name)
    {
        var (text, raw) = s_cases[name];
        var literal = StringLiteral.Raw(text);
        Assert.Equal(raw, literal.StartsWith("\"\"\"", StringComparison.Ordinal));
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
