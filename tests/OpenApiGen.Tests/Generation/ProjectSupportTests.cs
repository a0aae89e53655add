using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using OpenApiGen.Pipeline;
using OpenApiGen.Tests.Infrastructure;

namespace OpenApiGen.Tests.Generation;

/// <summary>
/// A project that cannot compile the generated code (too old a C#, or no OpenApiGen.Runtime) gets one diagnostic at the
/// project and no files, rather than a wall of errors inside files it never wrote.
/// </summary>
public class ProjectSupportTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: {title: Old, version: '1'}
        paths: {}
        components:
          schemas:
            Pet:
              type: object
              required: [name]
              properties:
                name: {type: string}
                age: {type: integer, default: old}
        """;

    private static readonly SpecSource s_spec = new("/specs/old.yaml", Spec, "Old", "OldClient");

    [Theory]
    [MemberData(nameof(VendorSpecs.Names), MemberType = typeof(VendorSpecs))]
    public void Every_vendor_spec_compiles_on_the_oldest_supported_csharp(string spec)
    {
        var run = GeneratorHarness.Run(VendorSpecs.Sources(spec), ProjectSupport.MinimumLanguageVersion);

        Assert.DoesNotContain(run.GeneratorDiagnostics, static d => d.Id == "OAG015");
        Assert.NotEmpty(run.Sources);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void The_output_does_not_compile_on_the_csharp_before_it()
    {
        // The embedded document (a raw string literal), wire names (UTF-8 literals) and required members: all C# 11.
        var run = GeneratorHarness.Run(VendorSpecs.Sources("modelslab/qwen-edit.yaml"));
        var older = GeneratorHarness.ParseOptions.WithLanguageVersion(LanguageVersion.CSharp10);
        var compilation = GeneratorHarness.CreateCompilation().AddSyntaxTrees(run.Sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, older)));

        var features = compilation.GetDiagnostics().Where(static d => d.Id == "CS8936").Select(static d => d.GetMessage()).ToList();
        Assert.Contains(features, static m => m.Contains("'required members'", StringComparison.Ordinal));
        Assert.Contains(features, static m => m.Contains("'UTF-8 string literals'", StringComparison.Ordinal));
        Assert.Contains(features, static m => m.Contains("'raw string literals'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3)]
    [InlineData(LanguageVersion.CSharp10)]
    public void A_project_on_an_older_csharp_gets_one_diagnostic_at_the_project_and_no_files(LanguageVersion version)
    {
        var run = GeneratorHarness.Run(new[] { s_spec }, version);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, static d => d.Id == "OAG015");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(Location.None, diagnostic.Location);
        Assert.Equal(
            $"Nothing is generated for 1 OpenAPI spec: the generated code needs C# 11.0 or later and this project compiles C# {version.ToDisplayString()} (set <LangVersion> to 11.0 or later, or target net8.0 or later, whose default is C# 12)",
            diagnostic.GetMessage());
        Assert.Empty(run.Sources);
        Assert.Empty(run.CompilationProblems);

        // What the spec itself says is still reported, where it says it.
        Assert.Equal("/specs/old.yaml", Assert.Single(run.GeneratorDiagnostics, static d => d.Id == "OAG010").Location.GetLineSpan().Path);
    }

    [Fact]
    public void A_project_without_the_runtime_gets_one_diagnostic_for_all_its_specs()
    {
        var other = new SpecSource("/specs/other.yaml", Spec.Replace("title: Old", "title: Other", StringComparison.Ordinal), "Other", "OtherClient");

        var run = GeneratorHarness.Run(new[] { s_spec, other }, LanguageVersion.Latest, referenceRuntime: false);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, static d => d.Id == "OAG015");
        Assert.Equal(Location.None, diagnostic.Location);
        Assert.StartsWith("Nothing is generated for 2 OpenAPI specs: the generated code calls OpenApiGen.Runtime, which this project does not reference", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.Sources);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void A_project_without_specs_hears_nothing_whatever_it_compiles()
    {
        var run = GeneratorHarness.Run(Array.Empty<SpecSource>(), LanguageVersion.CSharp7_3, referenceRuntime: false);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void Preview_and_latest_are_supported()
    {
        foreach (var version in new[] { LanguageVersion.Preview, LanguageVersion.Latest, LanguageVersion.LatestMajor, LanguageVersion.Default })
        {
            var run = GeneratorHarness.Run(new[] { s_spec }, version);

            Assert.DoesNotContain(run.GeneratorDiagnostics, static d => d.Id == "OAG015");
            Assert.Empty(run.CompilationProblems);
        }
    }
}
