using System.Text.Json;
using Packaging.Tests.Infrastructure;

namespace Packaging.Tests;

/// <summary>
/// The build finds the files a spec refers to wherever the reference is written: behind a JSON-escaped key
/// (<c>"\u0024ref"</c>), in a YAML block scalar, and in what an overlay in another folder adds, which is relative to the
/// spec (the overlay's text becomes the spec's), as openapigen resolves it too: both write the same files.
/// </summary>
public sealed class ReferenceScanTests : IClassFixture<ReferenceScanTests.Specs>
{
    private readonly Specs _specs;

    public ReferenceScanTests(Specs specs) => _specs = specs;

    [Fact]
    public void Escaped_block_scalar_and_overlay_references_are_passed_to_the_generator()
    {
        var result = _specs.Project.MSBuild("-t:OpenApiGenCollectSpecs", "-getItem:AdditionalFiles");
        Assert.True(result.ExitCode == 0, result.ToString());

        var references = JsonDocument.Parse(result.Output[result.Output.IndexOf('{', StringComparison.Ordinal)..]).RootElement
            .GetProperty("Items").GetProperty("AdditionalFiles").EnumerateArray()
            .Where(static f => f.GetProperty("OpenApiKind").GetString() == "reference")
            .Select(static f => f.GetProperty("FullPath").GetString()!)
            .Order(StringComparer.Ordinal);
        var specs = Path.Combine(_specs.Project.Directory, "specs");

        Assert.Equal(new[] { "escaped.yaml", "folded.yaml", "owner.yaml" }.Select(f => Path.Combine(specs, "common", f)), references);
    }

    [Fact]
    public void Each_spec_builds_with_the_type_from_its_other_file()
    {
        Assert.True(_specs.Build.ExitCode == 0, _specs.Build.ToString());
        Assert.Empty(_specs.Build.Diagnostics);

        Assert.Contains("EscapedName", _specs.GeneratedType("Escaped"), StringComparison.Ordinal);
        Assert.Contains("FoldedName", _specs.GeneratedType("Folded"), StringComparison.Ordinal);
        Assert.Contains("OwnerName", _specs.GeneratedType("Owner"), StringComparison.Ordinal);
    }

    [Fact]
    public void Openapigen_resolves_the_overlays_reference_as_the_build_does_and_writes_the_same_files()
    {
        Assert.True(_specs.Build.ExitCode == 0, _specs.Build.ToString());
        var output = Scratch.NewFolder("openapigen-overlaid");
        var cli = Path.Combine(Repo.Root, "generator", "OpenApiGen.Cli", "bin", Repo.Configuration, "net10.0", "OpenApiGen.Cli.dll");

        var run = DotNet.Run(_specs.Project.Directory, null, cli, "generate", Path.Combine("specs", "overlaid.yaml"),
            "--overlay", Path.Combine("overlays", "overlaid.overlay.yaml"), "--namespace", "Overlaid.Api", "--out", output);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("OAG", run.Output, StringComparison.Ordinal);
        var written = Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Contains(written, static name => name!.EndsWith(".Owner.g.cs", StringComparison.Ordinal));
        Assert.All(written, name => Assert.Equal(_specs.Generated(name!), File.ReadAllText(Path.Combine(output, name!))));
    }

    /// <summary>Three specs, each with one reference the old textual scan missed; restored and built once.</summary>
    public sealed class Specs
    {
        public Specs()
        {
            Project = new UserProject(
                "ref-scan",
                """
                  <PropertyGroup>
                    <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
                  </PropertyGroup>
                  <ItemGroup>
                    <OpenApiSpec Include="specs/escaped.json" Namespace="Escaped.Api" />
                    <OpenApiSpec Include="specs/folded.yaml" Namespace="Folded.Api" />
                    <OpenApiSpec Include="specs/overlaid.yaml" Namespace="Overlaid.Api" Overlays="../overlays/overlaid.overlay.yaml" />
                  </ItemGroup>
                """);
            Directory.CreateDirectory(Path.Combine(Project.Directory, "specs", "common"));
            Directory.CreateDirectory(Path.Combine(Project.Directory, "overlays"));
            Project.Write("specs/escaped.json", """
                {
                  "openapi": "3.0.3",
                  "info": { "title": "Escaped", "version": "1" },
                  "paths": {
                    "/a": { "get": { "operationId": "getA", "responses": { "200": { "description": "A.",
                      "content": { "application/json": { "schema": { "\u0024ref": "./common/escaped.yaml#/Escaped" } } } } } } }
                  }
                }
                """);
            Project.Write("specs/folded.yaml", """
                openapi: 3.0.3
                info: { title: Folded, version: "1" }
                paths:
                  /b:
                    get:
                      operationId: getB
                      responses:
                        "200":
                          description: B.
                          content:
                            application/json:
                              schema:
                                $ref: >-
                                  ./common/folded.yaml#/Folded
                """);
            Project.Write("specs/overlaid.yaml", """
                openapi: 3.0.3
                info: { title: Overlaid, version: "1" }
                paths:
                  /c:
                    get:
                      operationId: getC
                      responses:
                        "200":
                          description: C.
                """);
            // In another folder than the spec; the file it names is the spec's neighbour, as the reference lands in the spec.
            Project.Write("overlays/overlaid.overlay.yaml", """
                overlay: 1.0.0
                info: { title: Owner answers, version: "1" }
                actions:
                  - target: "$.paths['/c'].get.responses['200']"
                    update:
                      content:
                        application/json:
                          schema: { $ref: "./common/owner.yaml#/Owner" }
                """);
            Project.Write("specs/common/escaped.yaml", "Escaped:\n  type: object\n  properties:\n    escapedName: { type: string }\n");
            Project.Write("specs/common/folded.yaml", "Folded:\n  type: object\n  properties:\n    foldedName: { type: string }\n");
            Project.Write("specs/common/owner.yaml", "Owner:\n  type: object\n  properties:\n    ownerName: { type: string }\n");
            Build = Project.Build();
        }

        internal UserProject Project { get; }

        internal ProcessResult Build { get; }

        private string Folder => Path.Combine(Project.Directory, "obj", "Debug", "net10.0", "generated", "OpenApiGen", "OpenApiGen.OpenApiSourceGenerator");

        public string Generated(string name) => File.ReadAllText(Path.Combine(Folder, name));

        public string GeneratedType(string type) => File.ReadAllText(Directory.GetFiles(Folder, "*." + type + ".g.cs").Single());
    }
}
