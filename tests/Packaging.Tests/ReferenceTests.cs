using System.Text.Json;
using Packaging.Tests.Infrastructure;

namespace Packaging.Tests;

/// <summary>
/// A spec in several files, in a user's project that restores the packed OpenApiGen: the files it refers to become
/// inputs of the build without being listed (one OpenApiSpec line), editing one regenerates, and a reference out of
/// the project is refused with OAG020 at the line that makes it.
/// </summary>
public sealed class ReferenceTests : IClassFixture<ReferenceTests.Shop>
{
    private readonly Shop _shop;

    public ReferenceTests(Shop shop) => _shop = shop;

    [Fact]
    public void The_files_a_spec_refers_to_are_passed_to_the_generator_without_being_listed()
    {
        var result = _shop.Project.MSBuild("-t:OpenApiGenCollectSpecs", "-getItem:AdditionalFiles");
        Assert.True(result.ExitCode == 0, result.ToString());

        var files = JsonDocument.Parse(result.Output[result.Output.IndexOf('{', StringComparison.Ordinal)..]).RootElement
            .GetProperty("Items").GetProperty("AdditionalFiles").EnumerateArray()
            .ToDictionary(static f => f.GetProperty("FullPath").GetString()!, static f => f.GetProperty("OpenApiKind").GetString(), StringComparer.Ordinal);
        var specs = Path.Combine(_shop.Project.Directory, "specs");

        Assert.Equal(
            new Dictionary<string, string?>
            {
                [Path.Combine(specs, "shop.yaml")] = "spec",
                [Path.Combine(specs, "common", "pet.yaml")] = "reference",
                [Path.Combine(specs, "common", "error.yaml")] = "reference",
            },
            files);
    }

    [Fact]
    public void A_spec_in_three_files_builds_and_editing_one_of_them_regenerates()
    {
        Assert.True(_shop.First.ExitCode == 0, _shop.First.ToString());
        Assert.DoesNotContain(_shop.First.Diagnostics, static d => d.Severity == "warning");
        Assert.Contains("public required long Id", _shop.GeneratedPet(), StringComparison.Ordinal);
        Assert.DoesNotContain("Nickname", _shop.GeneratedPet(), StringComparison.Ordinal);

        var pet = Path.Combine(_shop.Project.Directory, "specs", "common", "pet.yaml");
        File.WriteAllText(pet, File.ReadAllText(pet).Replace("id: { type: integer, format: int64 }", "id: { type: integer, format: int64 }\n        nickname: { type: string }", StringComparison.Ordinal));
        var second = _shop.Project.Build("--no-restore");

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("Nickname", _shop.GeneratedPet(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_reference_out_of_the_project_is_the_error_OAG020_at_its_line_in_the_spec()
    {
        // Its own obj/ folder, so the generated files the other tests read stay those of shop.yaml.
        var result = _shop.Project.Build("--no-restore", "-p:Outside=true", "-p:IntermediateOutputPath=obj/outside/");

        Assert.NotEqual(0, result.ExitCode);
        var refused = Assert.Single(result.Diagnostics, static d => d.Code == "OAG020");
        Assert.Equal("error", refused.Severity);
        Assert.Equal(Path.Combine(_shop.Project.Directory, "specs", "outside.yaml"), refused.File);
        Assert.Contains("'../../shared.yaml#/Shared'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("outside the project's directory", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>The project, restored and built once; ../shared.yaml exists beside it, outside it.</summary>
    public sealed class Shop
    {
        public Shop()
        {
            Project = new UserProject(
                "refs",
                """
                  <PropertyGroup>
                    <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
                  </PropertyGroup>
                  <ItemGroup Condition="'$(Outside)' != 'true'">
                    <OpenApiSpec Include="specs/shop.yaml" Namespace="Refs.Shop" />
                  </ItemGroup>
                  <ItemGroup Condition="'$(Outside)' == 'true'">
                    <OpenApiSpec Include="specs/outside.yaml" />
                  </ItemGroup>
                """);
            Directory.CreateDirectory(Path.Combine(Project.Directory, "specs", "common"));
            Project.Write("specs/shop.yaml", """
                openapi: 3.0.3
                info: { title: Shop, version: "1" }
                paths:
                  /pets/{petId}:
                    get:
                      operationId: getPet
                      parameters:
                        - { name: petId, in: path, required: true, schema: { type: string } }
                      responses:
                        "200":
                          description: The pet.
                          content:
                            application/json:
                              schema: { $ref: "./common/pet.yaml#/components/schemas/Pet" }
                """);
            Project.Write("specs/common/pet.yaml", """
                components:
                  schemas:
                    Pet:
                      type: object
                      required: [id]
                      properties:
                        id: { type: integer, format: int64 }
                        error: { $ref: "./error.yaml" }
                """);
            Project.Write("specs/common/error.yaml", "type: object\nproperties:\n  message: { type: string }\n");
            Project.Write("specs/outside.yaml", """
                openapi: 3.0.3
                info: { title: Outside, version: "1" }
                paths:
                  /a:
                    get:
                      responses:
                        "200":
                          description: A.
                          content:
                            application/json:
                              schema: { $ref: "../../shared.yaml#/Shared" }
                """);
            File.WriteAllText(Path.Combine(Project.Directory, "..", "shared.yaml"), "Shared: { type: string }\n");
            First = Project.Build();
        }

        internal UserProject Project { get; }

        internal ProcessResult First { get; }

        public string GeneratedPet()
        {
            var generated = Path.Combine(Project.Directory, "obj", "Debug", "net10.0", "generated", "OpenApiGen", "OpenApiGen.OpenApiSourceGenerator");
            return File.ReadAllText(Directory.GetFiles(generated, "*.Pet.g.cs").Single());
        }
    }
}
