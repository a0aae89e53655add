using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using OpenApiGen.Tests.Infrastructure;

namespace OpenApiGen.Tests.Generation;

/// <summary>
/// A spec is untrusted input. Its text lands in string literals and XML doc comments of the consumer's assembly, and C#
/// ends a line (a comment, a literal) at CR, LF, U+0085, U+2028 and U+2029: text that stood raw there would compile
/// as code. Bidirectional and zero-width characters would make the source read differently from how it compiles.
/// One spec puts such text in every place a spec string can land, and the output must compile to exactly that text as
/// data and nothing else.
/// </summary>
public class HostileTextTests
{
    // Each line terminator is followed by a declaration that would compile if the terminator stood raw; the rest is
    // what would hide or reorder text (bidi overrides and isolates, zero-width characters, a tag character), controls
    // XML cannot hold, and what would close a literal or a comment.
    private const string Payload =
        "\u202E\u2066\u200B\u200D\uFEFF\U000E0041 x */ \u2028public class Injected2028 { }\u2029public class Injected2029 { }"
        + "\u0085public class Injected0085 { }\rpublic class InjectedCr { }\npublic class InjectedLf { }\r\npublic class InjectedCrLf { }"
        + "\u000B\u0000\u0007 \"q\" \\ <b>&amp;</b> end";

    // A path cannot hold template braces it does not mean.
    private static readonly string s_pathPayload = Payload.Replace('{', '[').Replace('}', ']');

    private static readonly string s_pattern = "^" + Payload + "$";

    [Fact]
    public void Text_from_every_place_in_a_spec_compiles_as_data_only()
    {
        var run = GeneratorHarness.Run(new[] { new SpecSource("/specs/hostile.json", Spec().ToJsonString(), "Hostile.Api", "HostileClient") });

        Assert.DoesNotContain(run.GeneratorDiagnostics, static d => d.Severity == DiagnosticSeverity.Error || d.Id == "OAG012");
        Assert.Empty(run.CompilationProblems);
        Assert.Empty(run.OutputCompilation.GetSymbolsWithName(static name => name.StartsWith("Injected", StringComparison.Ordinal), SymbolFilter.All));

        foreach (var (hintName, text) in run.Sources)
        {
            for (var i = 0; i < text.Length; i++)
            {
                Assert.False(StandsRawIllegally(text, i), $"{hintName} holds U+{(int)text[i]:X4} raw at {i}");
                if (char.IsSurrogatePair(text, i))
                {
                    i++;
                }
            }
        }

        // Every literal the spec's text became compiles back to that text.
        var literals = run.OutputCompilation.SyntaxTrees
            .SelectMany(static tree => tree.GetRoot().DescendantTokens())
            .Where(static token => token.IsKind(SyntaxKind.StringLiteralToken) || token.IsKind(SyntaxKind.Utf8StringLiteralToken))
            .Select(static token => token.ValueText)
            .ToHashSet(StringComparer.Ordinal);
        Assert.Contains(Payload, literals); // wire names, enum values, defaults, discriminator values, header and query names
        Assert.Contains(s_pattern, literals);
        Assert.Contains("/hostile" + s_pathPayload, literals);
        var cookieNames = run.OutputCompilation.SyntaxTrees
            .SelectMany(static tree => tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax>())
            .Where(static call => call.Expression is Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Cookie" })
            .Select(static call => call.ArgumentList.Arguments[0].Expression is Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax literal ? literal.Token.ValueText : null);
        Assert.Contains(Payload, cookieNames); // the cookie, by its name

        // And every doc comment holds it as text (what XML cannot hold at all as U+FFFD), its line breaks where the
        // XML docs put theirs, and its HTML as doc markup (so the <b> is bold and the entity the character it names).
        var asXml = Collapse(Payload.Replace('\u0000', '\uFFFD').Replace('\u000B', '\uFFFD').Replace('\u0007', '\uFFFD').Replace("<b>&amp;</b>", "&"));
        var hostile = run.OutputCompilation.GetTypeByMetadataName("Hostile.Api.Hostile")!;
        Assert.True(DocText(hostile).Contains(asXml, StringComparison.Ordinal), "[" + DocText(hostile) + "] lacks [" + asXml + "]");
        Assert.Contains(asXml, DocText(hostile.GetMembers().OfType<IPropertySymbol>().Single(static p => p.Name.StartsWith("XPublicClass", StringComparison.Ordinal))));
        Assert.Contains(asXml, DocText(hostile.GetMembers("Kind").Single()));
        Assert.Contains(asXml, DocText(Assert.Single(run.OutputCompilation.GetTypeByMetadataName("Hostile.Api.IHostileClient")!.GetMembers().OfType<IMethodSymbol>())));
        Assert.Contains(asXml, DocText(run.OutputCompilation.GetTypeByMetadataName("Hostile.Api.HostileClient")!));
        Assert.Contains(asXml, DocText(run.OutputCompilation.GetTypeByMetadataName("Hostile.Api.Pet")!));
        Assert.Contains(asXml, DocText(run.OutputCompilation.GetTypeByMetadataName("Hostile.Api.Shape")!));
    }

    [Fact]
    public void The_generated_code_reads_and_writes_the_spec_text_unchanged()
    {
        var run = GeneratorHarness.Run(new[] { new SpecSource("/specs/hostile.json", Spec().ToJsonString(), "Hostile.Api", "HostileClient") });
        var assembly = run.Load();

        // A default, a pattern and an enum value, as the spec wrote them.
        var hostileType = assembly.GetType("Hostile.Api.Hostile")!;
        var hostile = Activator.CreateInstance(hostileType)!;
        var text = hostileType.GetProperties().Single(static p => p.Name.StartsWith("XPublicClass", StringComparison.Ordinal));
        Assert.Equal(Payload, text.GetValue(hostile));
        var kind = hostileType.GetProperty("Kind")!;
        Assert.Equal(Payload, kind.GetValue(hostile)!.ToString());
        var pattern = hostileType.GetFields(System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)
            .Select(f => f.GetValue(null)).OfType<System.Text.RegularExpressions.Regex>().Single();
        Assert.Equal(s_pattern, pattern.ToString());

        // The wire name, written and read back.
        var context = assembly.GetType("Hostile.Api.HostileJsonContext")!.GetProperty("Default")!.GetValue(null)!;
        var info = (System.Text.Json.Serialization.Metadata.JsonTypeInfo)context.GetType().GetProperty("Hostile")!.GetValue(context)!;
        var json = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(hostile, info))!.AsObject();
        Assert.Equal(Payload, (string?)json[Payload]);

        // The discriminator value picks the subclass.
        var petInfo = (System.Text.Json.Serialization.Metadata.JsonTypeInfo)context.GetType().GetProperty("Pet")!.GetValue(context)!;
        var pet = System.Text.Json.JsonSerializer.Deserialize(new JsonObject { ["kind"] = Payload }.ToJsonString(), petInfo)!;
        Assert.Equal("Cat", pet.GetType().Name);
    }

    private static string DocText(ISymbol symbol)
    {
        var xml = symbol.GetDocumentationCommentXml(CultureInfo.InvariantCulture, expandIncludes: false);
        Assert.False(string.IsNullOrEmpty(xml), $"{symbol} has no doc comment");
        return Collapse(string.Join(" ", XElement.Parse(xml!).DescendantNodes().OfType<XText>().Select(static t => t.Value)));
    }

    /// <summary>Runs of blank space (line breaks of any kind among them) as one space.</summary>
    private static string Collapse(string text) => string.Join(" ", text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Controls other than the writer's own line feeds and blank tabs, format characters, separators, lone surrogates.</summary>
    private static bool StandsRawIllegally(string text, int i)
    {
        var category = CharUnicodeInfo.GetUnicodeCategory(text, i);
        return text[i] is not ('\n' or '\t')
               && category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
                   or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate;
    }

    /// <summary>Titles, descriptions, names, enum values and their descriptions, defaults, examples, server URLs, patterns, paths, discriminator values, security schemes.</summary>
    private static JsonObject Spec()
    {
        JsonNode P() => JsonValue.Create(Payload);
        return new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject { ["title"] = P(), ["description"] = P(), ["version"] = "1" },
            ["servers"] = new JsonArray(new JsonObject { ["url"] = "https://example.com/" + Payload, ["description"] = P() }),
            ["security"] = new JsonArray(new JsonObject { ["hostile_key"] = new JsonArray() }),
            ["paths"] = new JsonObject
            {
                ["/hostile" + s_pathPayload] = new JsonObject
                {
                    ["post"] = new JsonObject
                    {
                        ["operationId"] = "send",
                        ["summary"] = P(),
                        ["description"] = P(),
                        ["parameters"] = new JsonArray(
                            new JsonObject { ["name"] = P(), ["in"] = "query", ["description"] = P(), ["schema"] = new JsonObject { ["type"] = "string" } },
                            new JsonObject { ["name"] = P(), ["in"] = "header", ["description"] = P(), ["schema"] = new JsonObject { ["type"] = "string" } },
                            new JsonObject { ["name"] = P(), ["in"] = "cookie", ["description"] = P(), ["schema"] = new JsonObject { ["type"] = "string" } }),
                        ["requestBody"] = new JsonObject
                        {
                            ["description"] = P(),
                            ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/Hostile" } } },
                        },
                        ["responses"] = new JsonObject
                        {
                            ["200"] = new JsonObject
                            {
                                ["description"] = P(),
                                ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/Shape" } } },
                            },
                            ["default"] = new JsonObject
                            {
                                ["description"] = P(),
                                ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/Pet" } } },
                            },
                        },
                    },
                },
            },
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject
                {
                    ["hostile_key"] = new JsonObject { ["type"] = "apiKey", ["in"] = "header", ["name"] = P(), ["description"] = P() },
                },
                ["schemas"] = new JsonObject
                {
                    ["Hostile"] = new JsonObject
                    {
                        ["type"] = "object",
                        ["title"] = P(),
                        ["description"] = P(),
                        ["example"] = new JsonObject { [Payload] = P() },
                        // Required, so their defaults are initialisers: the payload as C# literals.
                        ["required"] = new JsonArray(P(), "kind"),
                        ["properties"] = new JsonObject
                        {
                            [Payload] = new JsonObject
                            {
                                ["type"] = "string",
                                ["title"] = P(),
                                ["description"] = P(),
                                ["default"] = P(),
                                ["example"] = P(),
                                ["pattern"] = s_pattern,
                                ["maxLength"] = 1000,
                            },
                            ["kind"] = new JsonObject
                            {
                                ["type"] = "string",
                                ["enum"] = new JsonArray(P(), "plain"),
                                ["x-enum-descriptions"] = new JsonArray(P(), P()),
                                ["default"] = P(),
                                ["description"] = P(),
                            },
                        },
                    },
                    ["Pet"] = new JsonObject
                    {
                        ["type"] = "object",
                        ["description"] = P(),
                        ["required"] = new JsonArray("kind"),
                        ["properties"] = new JsonObject { ["kind"] = new JsonObject { ["type"] = "string" } },
                        ["discriminator"] = new JsonObject
                        {
                            ["propertyName"] = "kind",
                            ["mapping"] = new JsonObject { [Payload] = "#/components/schemas/Cat" },
                        },
                    },
                    ["Cat"] = new JsonObject
                    {
                        ["allOf"] = new JsonArray(
                            new JsonObject { ["$ref"] = "#/components/schemas/Pet" },
                            new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["purrs"] = new JsonObject { ["type"] = "boolean", ["description"] = P() } } }),
                    },
                    ["Shape"] = new JsonObject
                    {
                        ["description"] = P(),
                        ["oneOf"] = new JsonArray(
                            new JsonObject
                            {
                                ["type"] = "object",
                                ["required"] = new JsonArray("tag"),
                                ["properties"] = new JsonObject { ["tag"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(P()) } },
                            },
                            new JsonObject { ["type"] = "string", ["pattern"] = s_pattern }),
                    },
                },
            },
        };
    }
}
