using System.Reflection;
using System.Text.Json.Nodes;
using OpenApiGen.Diagnostics;
using OpenApiGen.Model;
using OpenApiGen.Pipeline;
using OpenApiGen.Reading;
using OpenApiGen.Tests.Infrastructure;

namespace OpenApiGen.Tests.Generation;

/// <summary>
/// <c>EmbedDocument="true"</c>: <c>{Prefix}OpenApiDocument.Json</c> is the spec after its overlays, exactly as the Reading
/// layer produced it, so contract tests validate against the document the types came from and not the vendor's file.
/// </summary>
public class EmbeddedDocumentTests
{
    private static readonly string s_constructSpec = Path.Combine(RepoPaths.TestData, "embedded.yaml");

    private static readonly Lazy<(GeneratorRun Run, Assembly Assembly)> s_construct = new(static () =>
    {
        var run = GeneratorHarness.Run(ConstructSources(embed: true));
        return (run, run.Load());
    });

    /// <summary>The real build of src/QwenImageEdit.Vendors, through Directory.Build.targets, not the test harness.</summary>
    [Theory]
    [MemberData(nameof(VendorSpecs.EverySpec), MemberType = typeof(VendorSpecs))]
    public void Each_vendor_assembly_embeds_its_spec_after_the_overlays(string spec)
    {
        var document = typeof(QwenImageEdit.Vendors.EvoLink.EvoLinkJsonContext).Assembly.GetType(VendorSpecs.DocumentClass(spec), throwOnError: true)!;

        var embedded = JsonNode.Parse(Constant(document, "Json"));
        var sources = VendorSpecs.Own(spec);

        Assert.Equal(Path.GetFileName(spec), Constant(document, "SourcePath"));
        Assert.True(JsonNode.DeepEquals(Read(sources), embedded), "The embedded JSON is not the document the Reading layer produced.");

        // Overlays of specs/ each change the document; a spec without one is embedded as published.
        var published = DocumentLoader.Load(sources[0].Text, isJson: false, CancellationToken.None).Root;
        var hasOverlay = sources.Count > 1;
        Assert.True(JsonNode.DeepEquals(published, embedded) != hasOverlay, hasOverlay ? "The overlays changed nothing in the embedded JSON." : "A spec without overlays was not embedded as published.");
    }

    [Fact]
    public void The_class_is_named_like_the_json_context_and_a_schema_of_that_name_gets_the_suffix()
    {
        var (run, assembly) = s_construct.Value;

        Assert.Empty(run.CompilationProblems);
        var document = assembly.GetType("Embedded.EmbeddedOpenApiDocument")!;
        Assert.True(document is { IsAbstract: true, IsSealed: true, IsPublic: true }, "not a public static class");
        Assert.NotNull(assembly.GetType("Embedded.EmbeddedOpenApiDocument2")!.GetProperty("Title"));
        Assert.Contains(run.GeneratorDiagnostics, static d => d.Id == "OAG006" && d.GetMessage().Contains("EmbeddedOpenApiDocument", StringComparison.Ordinal));
    }

    [Fact]
    public void The_construct_spec_matches_its_snapshots_and_its_json_survives_the_literal()
    {
        var (run, assembly) = s_construct.Value;
        Snapshot.VerifyAll(Path.Combine(RepoPaths.Snapshots, "Constructs", "embedded"), run.Sources.Select(static s => (s.HintName[..^".g.cs".Length], s.Text)));

        var json = Constant(assembly.GetType("Embedded.EmbeddedOpenApiDocument")!, "Json");
        var embedded = JsonNode.Parse(json)!;
        Assert.True(JsonNode.DeepEquals(Read(ConstructSources(embed: true)), embedded));
        Assert.Equal(20, (int)embedded["components"]!["schemas"]!["Pet"]!["properties"]!["name"]!["maxLength"]!);
        Assert.Contains("\"\"\"three quotes\"\"\"", (string)embedded["info"]!["description"]!, StringComparison.Ordinal);
        Assert.Contains("中文, 🚀", (string)embedded["info"]!["description"]!, StringComparison.Ordinal);

        // Readable where it can be: non-ASCII text stays as it is, except beyond the BMP, which the JSON writer always escapes.
        Assert.Contains("é, 中文, \\uD83D\\uDE80", json, StringComparison.Ordinal);

        // Compact, members in the spec's order, numbers as written.
        Assert.StartsWith("""{"openapi":"3.1.0","info":{"title":"Embedded \"document\" <test>","version":"1.0.0",""", json, StringComparison.Ordinal);
        Assert.Contains("\"example\":1.50", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_metadata_no_document_is_emitted()
    {
        var run = GeneratorHarness.Run(ConstructSources(embed: false));
        var shop = GeneratorHarness.Run(new[] { SpecSource.FromFile(Path.Combine(RepoPaths.TestData, "shop.yaml"), "Shop", "ShopClient") });

        Assert.DoesNotContain(run.Sources.Concat(shop.Sources), static s => s.Text.Contains("const string Json", StringComparison.Ordinal));
        Assert.DoesNotContain(shop.Sources, static s => s.HintName.Contains("OpenApiDocument", StringComparison.Ordinal));

        // Without the class, the schema keeps its plain name.
        Assert.Contains(run.Sources, static s => s.HintName == "EmbeddedClient.EmbeddedOpenApiDocument.g.cs" && s.Text.Contains("public partial class EmbeddedOpenApiDocument : global::OpenApiGen.Runtime.Validatable\n", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Sources, static s => s.HintName.Contains("OpenApiDocument2", StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_input_gives_the_same_bytes()
    {
        var first = GeneratorHarness.Run(ConstructSources(embed: true)).Source("EmbeddedClient.EmbeddedOpenApiDocument.g.cs");
        var second = GeneratorHarness.Run(ConstructSources(embed: true)).Source("EmbeddedClient.EmbeddedOpenApiDocument.g.cs");

        Assert.Equal(first, second);
    }

    private static IReadOnlyList<SpecSource> ConstructSources(bool embed)
    {
        var overlay = Path.Combine(RepoPaths.TestData, "embedded.overlay.yaml");
        return new[]
        {
            SpecSource.FromFile(s_constructSpec, "Embedded", "EmbeddedClient", embedDocument: embed),
            new SpecSource(overlay, File.ReadAllText(overlay), OverlayFor: s_constructSpec),
        };
    }

    /// <summary>What the Reading layer embeds for the rest of the generator: the spec's JSON after its overlays.</summary>
    private static JsonNode Read(IReadOnlyList<SpecSource> sources)
    {
        var spec = sources[0];
        var input = new SpecInput(
            new SpecFile(spec.Path, false, spec.Path, spec.Namespace, spec.ClientName, spec.Text, EmbedDocument: true),
            sources.Skip(1).Select(static o => new SpecFile(o.Path, true, o.OverlayFor!, null, null, o.Text)).ToEquatableArray(),
            spec.Namespace!,
            spec.ClientName!,
            spec.ClientName!,
            EquatableArray<DiagnosticInfo>.Empty);
        var diagnostics = new List<DiagnosticInfo>();
        var read = SpecReader.Read(input, diagnostics, CancellationToken.None);
        Assert.True(read is not null, string.Join("\n", diagnostics.Select(static d => d.Id + ": " + string.Join(", ", d.Arguments))));
        // What Reading embeds: the spec after its overlays, before the readings that correct it for Microsoft.OpenApi
        // (Replicate's 3.0-style nullable among them), which its Root carries.
        return JsonNode.Parse(read.EffectiveJson!)!;
    }

    private static string Constant(Type type, string name)
        => (string)type.GetField(name, BindingFlags.Public | BindingFlags.Static)!.GetRawConstantValue()!;
}
