using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using OpenApiGen.Tests.Infrastructure;

namespace OpenApiGen.Tests.Generation;

/// <summary>
/// What a user reads in the IDE: the spec's summary as the summary and its description as the remarks, each once, and
/// the description's Markdown and HTML as doc markup that the compiler accepts (the harness parses docs in Diagnose
/// mode, so a malformed comment is a CS1570 warning and fails <see cref="GeneratorRun.CompilationProblems"/>).
/// </summary>
public class DocCommentTests
{
    private const string Markdown =
        "Creates a **pet** with `name`, see [the guide](https://example.com/guide?a=1&b=\"2\") or [here](/relative).\n\n"
        + "- first *item*\n- second\n\n"
        + "1. one\n2. two\n\n"
        + "```\nvar x = 1 < 2;\n```\n\n"
        + "<p>HTML <b>bold</b> <a href=\"https://example.com/x\">link</a><br>next</p>";

    // Tags that do not pair up, a link to a script, markup an XML doc has no element for, and an entity.
    private const string BrokenHtml = "</b> <i>open <b>both</i> <a href=\"javascript:alert(1)\">js</a> <table><tr><td>cell</td></tr></table> &lt;x&gt; <code>unclosed";

    [Fact]
    public void Markdown_and_HTML_become_doc_markup_that_compiles()
    {
        var run = Run();

        Assert.Empty(run.CompilationProblems);
        var docs = Docs(run, "Docs.Api.IDocsClient", "CreatePetAsync");
        var summary = docs.Element("summary")!;
        Assert.Equal("Create a pet", summary.Value);
        var remarks = docs.Element("remarks")!;
        Assert.Equal("pet", remarks.Descendants("b").First().Value);
        Assert.Equal("name", remarks.Descendants("c").First().Value);
        var links = remarks.Descendants("see").Select(static s => (string?)s.Attribute("href")).ToList();
        Assert.Equal(["https://example.com/guide?a=1&b=\"2\"", "https://example.com/x"], links);
        Assert.Contains("here", remarks.Value, StringComparison.Ordinal); // a relative link keeps its text, without a link
        Assert.Equal(["bullet", "number"], remarks.Elements("list").Select(static l => (string?)l.Attribute("type")));
        Assert.Equal(["first item", "second"], remarks.Elements("list").First().Elements("item").Select(static i => i.Value));
        Assert.Equal("var x = 1 < 2;", remarks.Element("code")!.Value);
        Assert.Contains(remarks.Descendants("br"), static _ => true);

        // The endpoint is said once, after the spec's text; the summary is not repeated in the remarks.
        Assert.Equal(1, CountOf(docs.ToString(), "POST /pets"));
        Assert.Equal(1, CountOf(docs.ToString(), "Create a pet"));
    }

    [Fact]
    public void Unbalanced_or_unknown_HTML_still_makes_a_well_formed_comment()
    {
        var run = Run();

        Assert.Empty(run.CompilationProblems);
        var docs = Docs(run, "Docs.Api.Pet", null);
        Assert.DoesNotContain(docs.Descendants("see"), static _ => true); // no javascript: link
        Assert.Contains("<x>", docs.Value, StringComparison.Ordinal);
        Assert.Contains("cell", docs.Value, StringComparison.Ordinal);
        Assert.Contains("unclosed", docs.Descendants("c").Last().Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_summary_the_endpoint_is_the_summary_and_said_once()
    {
        var run = Run();

        var docs = Docs(run, "Docs.Api.IDocsClient", "ListPetsAsync");
        Assert.Equal("GET /pets.", docs.Element("summary")!.Value);
        Assert.Null(docs.Element("remarks"));
    }

    [Fact]
    public void A_title_that_repeats_the_name_is_left_out_and_the_description_is_the_summary()
    {
        var run = Run();

        var docs = Docs(run, "Docs.Api.Pet", "ImageUrl");
        Assert.Equal("Where the picture is.", docs.Element("summary")!.Value);
        Assert.Null(docs.Element("remarks"));
    }

    private static GeneratorRun Run()
    {
        var spec = new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject { ["title"] = "Docs", ["version"] = "1" },
            ["paths"] = new JsonObject
            {
                ["/pets"] = new JsonObject
                {
                    ["get"] = new JsonObject
                    {
                        ["operationId"] = "listPets",
                        ["responses"] = new JsonObject { ["204"] = new JsonObject { ["description"] = "none" } },
                    },
                    ["post"] = new JsonObject
                    {
                        ["operationId"] = "createPet",
                        ["summary"] = "Create a pet",
                        ["description"] = Markdown,
                        ["requestBody"] = new JsonObject
                        {
                            ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/Pet" } } },
                        },
                        ["responses"] = new JsonObject { ["204"] = new JsonObject { ["description"] = "none" } },
                    },
                },
            },
            ["components"] = new JsonObject
            {
                ["schemas"] = new JsonObject
                {
                    ["Pet"] = new JsonObject
                    {
                        ["type"] = "object",
                        ["description"] = BrokenHtml,
                        ["properties"] = new JsonObject
                        {
                            ["image_url"] = new JsonObject { ["type"] = "string", ["title"] = "Image Url", ["description"] = "Where the picture is." },
                        },
                    },
                },
            },
        };
        return GeneratorHarness.Run(new[] { new SpecSource("/specs/docs.json", spec.ToJsonString(), "Docs.Api", "DocsClient") });
    }

    private static XElement Docs(GeneratorRun run, string type, string? member)
    {
        ISymbol symbol = run.OutputCompilation.GetTypeByMetadataName(type)!;
        if (member is not null)
        {
            symbol = ((INamedTypeSymbol)symbol).GetMembers(member).Single();
        }

        var xml = symbol.GetDocumentationCommentXml(CultureInfo.InvariantCulture, expandIncludes: false);
        Assert.False(string.IsNullOrEmpty(xml), $"{symbol} has no doc comment");
        return XElement.Parse(xml!);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
