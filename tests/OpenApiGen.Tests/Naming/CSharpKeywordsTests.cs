using Microsoft.CodeAnalysis.CSharp;
using OpenApiGen.Naming;

namespace OpenApiGen.Tests.Naming;

/// <summary>The generator's own keyword and identifier tables (written out so openapigen ships without Roslyn's C# assembly) against the compiler's.</summary>
public class CSharpKeywordsTests
{
    [Fact]
    public void Reserved_keywords_are_the_compilers()
    {
        var compilers = SyntaxFacts.GetReservedKeywordKinds().Select(SyntaxFacts.GetText)
            .Concat(SyntaxFacts.GetKeywordKinds().Select(SyntaxFacts.GetText).Where(text => SyntaxFacts.GetKeywordKind(text) != SyntaxKind.None))
            .Distinct().Order(StringComparer.Ordinal).ToArray();
        Assert.True(compilers.Length > 70);
        foreach (var keyword in compilers)
        {
            Assert.True(CSharpKeywords.IsReserved(keyword), keyword);
        }

        // Contextual keywords are identifiers; the generator escapes var alone (ToCamelCase), which reads as a type name.
        var contextual = SyntaxFacts.GetContextualKeywordKinds().Select(SyntaxFacts.GetText).ToArray();
        Assert.Contains("async", contextual);
        Assert.Equal(SyntaxKind.VarKeyword, SyntaxFacts.GetContextualKeywordKind("var"));
        foreach (var keyword in contextual.Where(text => SyntaxFacts.GetKeywordKind(text) == SyntaxKind.None))
        {
            Assert.False(CSharpKeywords.IsReserved(keyword), keyword);
        }
    }

    [Fact]
    public void Nothing_else_is_reserved()
    {
        foreach (var text in new[] { "Class", "value", "var", "async", "record", "CLASS", "_", "int32", "" })
        {
            Assert.Equal(SyntaxFacts.GetKeywordKind(text) != SyntaxKind.None, CSharpKeywords.IsReserved(text));
        }
    }

    [Fact]
    public void Identifier_characters_are_the_compilers_for_every_code_unit()
    {
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            if (SyntaxFacts.IsIdentifierStartCharacter(c) != CSharpKeywords.IsIdentifierStart(c)
                || SyntaxFacts.IsIdentifierPartCharacter(c) != CSharpKeywords.IsIdentifierPart(c))
            {
                Assert.Fail($"U+{i:X4}: compiler start {SyntaxFacts.IsIdentifierStartCharacter(c)}, part {SyntaxFacts.IsIdentifierPartCharacter(c)}");
            }
        }
    }

    [Theory]
    [InlineData("taskId")]
    [InlineData("_2509")]
    [InlineData("2509")]
    [InlineData("task-id")]
    [InlineData("")]
    [InlineData("class")]
    [InlineData("@class")]
    [InlineData("ünïcode")]
    [InlineData("a\u200Db")]
    [InlineData("\u0301a")]
    [InlineData("Ⅻ")]
    public void Identifier_tokens_and_valid_identifiers_are_the_compilers(string text)
    {
        Assert.Equal(SyntaxFacts.IsValidIdentifier(text), CSharpKeywords.IsIdentifierToken(text));
        Assert.Equal(SyntaxFacts.IsValidIdentifier(text) && SyntaxFacts.GetKeywordKind(text) == SyntaxKind.None, Identifier.IsValidIdentifier(text));
    }
}
