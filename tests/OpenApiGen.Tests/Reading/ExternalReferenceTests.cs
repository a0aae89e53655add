using Microsoft.CodeAnalysis;
using OpenApiGen.Pipeline;
using OpenApiGen.Tests.Infrastructure;

namespace OpenApiGen.Tests.Reading;

/// <summary>
/// Specs in several files: what a reference to another file of the project becomes (a schema a component, anything
/// else a copy), where diagnostics about the copied parts point, and what is refused (network, absolute, outside the
/// project and the spec's directory, missing). The files are AdditionalFiles of kind "reference", as the build passes them.
/// </summary>
public class ExternalReferenceTests
{
    private static readonly string s_project = Path.GetFullPath(Path.Combine(Path.GetTempPath(), "external-refs", "project"));
    private static readonly string s_specs = Path.Combine(s_project, "specs");

    private const string Main = """
        openapi: 3.0.3
        info: { title: Shop, version: "1" }
        paths:
          /pets/{petId}:
            get:
              operationId: getPet
              parameters:
                - $ref: "./common/parameters.yaml#/PetId"
                - $ref: "#/components/parameters/Verbose"
              responses:
                "200":
                  description: The pet.
                  content:
                    application/json:
                      schema: { $ref: "./common/pet.yaml#/components/schemas/Pet" }
                default:
                  $ref: "./common/responses.yaml#/Problem"
        components:
          parameters:
            Verbose: { name: verbose, in: query, schema: { type: boolean } }
          schemas:
            Error: { $ref: "./common/error.yaml" }
            Owner:
              type: object
              properties:
                pet: { $ref: "common/pet.yaml#/components/schemas/Pet" }
                example:
                  type: object
                  example: { $ref: "./not-a-reference.yaml" }
        """;

    private const string Pet = """
        components:
          schemas:
            Pet:
              type: object
              required: [id]
              properties:
                id: { type: integer, format: int64 }
                tag: { $ref: "#/components/schemas/Tag" }
                parent: { $ref: "#/components/schemas/Pet" }
                error: { $ref: "./error.yaml" }
            Tag:
              type: string
              pattern: "[unclosed"
        """;

    private const string Parameters = """
        PetId:
          name: petId
          in: path
          required: true
          schema: { $ref: "./pet.yaml#/components/schemas/Tag" }
        """;

    private const string Responses = """
        Problem:
          description: A problem.
          content:
            application/json:
              schema: { $ref: "error.yaml" }
        """;

    private const string Error = """
        type: object
        properties:
          message: { type: string }
        """;

    private static IEnumerable<SpecSource> Shop(string? pet = null) => new[]
    {
        new SpecSource(Path.Combine(s_specs, "shop.yaml"), Main, "Refs.Shop", "ShopClient", ProjectDirectory: s_project),
        SpecSource.Reference(Path.Combine(s_specs, "common", "pet.yaml"), pet ?? Pet),
        SpecSource.Reference(Path.Combine(s_specs, "common", "parameters.yaml"), Parameters),
        SpecSource.Reference(Path.Combine(s_specs, "common", "responses.yaml"), Responses),
        SpecSource.Reference(Path.Combine(s_specs, "common", "error.yaml"), Error),
    };

    [Fact]
    public void A_spec_in_five_files_builds_as_one_with_each_schema_one_type()
    {
        var run = GeneratorHarness.Run(Shop());

        // The only diagnostic is about pet.yaml's bad pattern, located there, at the property that uses it.
        var pattern = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("OAG012", pattern.Id);
        Assert.Equal(Path.Combine(s_specs, "common", "pet.yaml"), pattern.Location.GetLineSpan().Path);
        Assert.Equal(Line(Pet, "tag: {"), pattern.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Empty(run.CompilationProblems);

        var types = run.OutputCompilation.Assembly.TypeNames;
        Assert.Contains("Pet", types);
        Assert.Contains("Error", types);
        Assert.Contains("Owner", types);
        Assert.DoesNotContain("Pet2", types);
        Assert.DoesNotContain("Error2", types);

        // Pet refers to itself through its own file, and to error.yaml, which shop.yaml also names: one type each.
        var pet = run.Source(".Pet.g.cs");
        Assert.Contains("Pet? Parent", pet, StringComparison.Ordinal);
        Assert.Contains("Error? Error", pet, StringComparison.Ordinal);
        Assert.Contains("string? Tag", pet, StringComparison.Ordinal);
        Assert.Contains("global::Refs.Shop.Pet? Pet", run.Source(".Owner.g.cs"), StringComparison.Ordinal);

        // The parameter copied from parameters.yaml, its schema from pet.yaml's Tag (a string).
        var client = run.Source("ShopClient.g.cs");
        Assert.Contains("GetPetAsync(string petId, bool? verbose = null", client, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ref_member_in_example_data_is_left_as_data()
    {
        var run = GeneratorHarness.Run(Shop());

        Assert.DoesNotContain(run.GeneratorDiagnostics, static d => d.GetMessage().Contains("not-a-reference", StringComparison.Ordinal));
    }

    [Fact]
    public void Editing_a_referenced_file_regenerates_the_spec_that_reads_it()
    {
        var compilation = GeneratorHarness.CreateCompilation("class A { }");
        var driver = GeneratorHarness.CreateDriver(Shop(), "Refs", trackSteps: true, out var texts);
        driver = driver.RunGenerators(compilation);
        Assert.DoesNotContain(driver.GetRunResult().GeneratedTrees, static t => t.ToString().Contains("Nickname", StringComparison.Ordinal));

        var pet = texts.Single(static t => t.Path.EndsWith("pet.yaml", StringComparison.Ordinal));
        var edited = Pet.Replace("id: { type: integer, format: int64 }", "id: { type: integer, format: int64 }\n        nickname: { type: string }", StringComparison.Ordinal);
        driver = driver.ReplaceAdditionalText(pet, new GeneratorHarness.InMemoryAdditionalText(pet.Path, edited));
        driver = driver.RunGenerators(compilation);

        var result = driver.GetRunResult().Results.Single();
        Assert.Contains(result.TrackedSteps[TrackingNames.Results].SelectMany(static r => r.Outputs), static o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains(result.GeneratedSources, static s => s.HintName.EndsWith(".Pet.g.cs", StringComparison.Ordinal) && s.SourceText.ToString().Contains("Nickname", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://example.com/pet.yaml#/Pet", "over the network")]
    [InlineData("http://127.0.0.1/pet.yaml", "over the network")]
    [InlineData("file:///etc/pet.yaml", "absolute file URI")]
    [InlineData("/etc/pet.yaml#/Pet", "absolute path")]
    [InlineData("../../outside.yaml#/Pet", "outside the project's directory and the spec's")]
    [InlineData("common/pet.yaml#Pet", "not a JSON pointer")]
    public void A_reference_that_is_not_followed_is_OAG020_at_the_ref_saying_why(string target, string why)
    {
        var spec = Spec(target);
        var run = GeneratorHarness.Run(new[]
        {
            new SpecSource(Path.Combine(s_specs, "refused.yaml"), spec, ProjectDirectory: s_project),
            SpecSource.Reference(Path.Combine(s_specs, "common", "pet.yaml"), Pet),
            SpecSource.Reference(Path.GetFullPath(Path.Combine(s_specs, "../../outside.yaml")), "Pet: { type: string }"),
        });

        var refused = Assert.Single(run.GeneratorDiagnostics, static d => d.Id == "OAG020");
        Assert.Equal(DiagnosticSeverity.Error, refused.Severity);
        Assert.Contains(target, refused.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(why, refused.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(Path.Combine(s_specs, "refused.yaml"), refused.Location.GetLineSpan().Path);
        Assert.Equal(Line(spec, target), refused.Location.GetLineSpan().StartLinePosition.Line);

        // The value is typed as JsonElement, and the output still compiles.
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void A_reference_to_a_file_that_is_not_there_is_OAG021_with_the_path()
    {
        var spec = Spec("./gone.yaml#/Pet");
        var run = GeneratorHarness.Run(new[] { new SpecSource(Path.Combine(s_specs, "missing.yaml"), spec, ProjectDirectory: s_project) });

        var missing = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("OAG021", missing.Id);
        Assert.Contains(Path.Combine(s_specs, "gone.yaml"), missing.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(Line(spec, "./gone.yaml"), missing.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void A_pointer_that_leads_nowhere_in_the_other_file_is_OAG004_there()
    {
        var run = GeneratorHarness.Run(new[]
        {
            new SpecSource(Path.Combine(s_specs, "nowhere.yaml"), Spec("./common/pet.yaml#/components/schemas/Cat"), ProjectDirectory: s_project),
            SpecSource.Reference(Path.Combine(s_specs, "common", "pet.yaml"), Pet),
        });

        var unresolved = Assert.Single(run.GeneratorDiagnostics, static d => d.Id == "OAG004");
        Assert.Contains("./common/pet.yaml#/components/schemas/Cat", unresolved.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void Files_that_refer_to_each_other_in_a_loop_are_refused_not_followed_forever()
    {
        var run = GeneratorHarness.Run(new[]
        {
            new SpecSource(Path.Combine(s_specs, "loop.yaml"), """
                openapi: 3.0.3
                info: { title: Loop, version: "1" }
                paths:
                  /a:
                    $ref: "./a.yaml"
                """, ProjectDirectory: s_project),
            SpecSource.Reference(Path.Combine(s_specs, "a.yaml"), "$ref: ./b.yaml\n"),
            SpecSource.Reference(Path.Combine(s_specs, "b.yaml"), "$ref: ./a.yaml\n"),
        });

        var refused = Assert.Single(run.GeneratorDiagnostics, static d => d.Id == "OAG020");
        Assert.Contains("leads back to itself", refused.GetMessage(), StringComparison.Ordinal);
        Assert.DoesNotContain(run.GeneratorDiagnostics, static d => d.Id == "OAG000");
    }

    [Fact]
    public void The_embedded_document_of_a_multi_file_spec_is_self_contained()
    {
        var files = Shop().ToList();
        files[0] = files[0] with { EmbedDocument = true };
        var run = GeneratorHarness.Run(files);

        var document = run.Source("OpenApiDocument.g.cs");
        Assert.DoesNotContain("common/", document, StringComparison.Ordinal);
        Assert.DoesNotContain("error.yaml", document, StringComparison.Ordinal);
        Assert.Contains("#/components/schemas/Pet", document, StringComparison.Ordinal);
    }

    [Fact]
    public void The_command_reads_the_files_a_spec_refers_to_and_writes_what_the_build_writes()
    {
        var folder = Directory.CreateTempSubdirectory("openapigen-refs-");
        try
        {
            var files = Shop().Select(f => f with { Path = Path.Combine(folder.FullName, Path.GetRelativePath(s_project, f.Path)), ProjectDirectory = f.IsReference ? null : folder.FullName }).ToList();
            foreach (var file in files)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(file.Path)!);
                File.WriteAllText(file.Path, file.Text);
            }

            var output = folder.CreateSubdirectory("out");
            var errors = new StringWriter();
            OpenApiGen.Cli.CommandLineGenerator.Run(
                new OpenApiGen.Cli.GenerateRequest(new FileInfo(files[0].Path), [], "Refs.Shop", "ShopClient", output, false),
                TextWriter.Null,
                errors,
                CancellationToken.None);

            // Only the bad pattern of pet.yaml, as in the build, and the same files.
            Assert.Contains("pet.yaml(8,", errors.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("OAG02", errors.ToString(), StringComparison.Ordinal);
            var built = GeneratorHarness.Run(files).Sources.ToDictionary(static s => s.HintName, static s => s.Text);
            Assert.Equal(built.Keys.Order(StringComparer.Ordinal), output.GetFiles().Select(static f => f.Name).Order(StringComparer.Ordinal));
            Assert.All(output.GetFiles(), f => Assert.Equal(built[f.Name], File.ReadAllText(f.FullName)));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_reference_behind_a_json_escaped_key_is_followed()
    {
        // "\u0024ref" is "$ref" once read: the bundler decides from the tree, not from the text.
        var run = GeneratorHarness.Run(new[]
        {
            new SpecSource(Path.Combine(s_specs, "escaped.json"), """
                { "openapi": "3.0.3", "info": { "title": "Escaped", "version": "1" },
                  "paths": { "/a": { "get": { "operationId": "getA", "responses": { "200": { "description": "A.",
                    "content": { "application/json": { "schema": { "\u0024ref": "./common/error.yaml" } } } } } } } } }
                """, "Refs.Escaped", ProjectDirectory: s_project),
            SpecSource.Reference(Path.Combine(s_specs, "common", "error.yaml"), Error),
        });

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
        Assert.Contains("string? Message", run.Source(".Error.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_parameter_or_response_from_another_file_used_twice_is_copied_once_into_components()
    {
        var twice = Main.Replace("""
              /pets/{petId}:
            """, """
              /pets/{petId}/owner:
                get:
                  operationId: getOwner
                  parameters:
                    - $ref: "./common/parameters.yaml#/PetId"
                  responses:
                    default:
                      $ref: "./common/responses.yaml#/Problem"
              /pets/{petId}:
            """, StringComparison.Ordinal);
        var files = Shop().ToList();
        files[0] = files[0] with { Text = twice, EmbedDocument = true };

        var run = GeneratorHarness.Run(files);

        Assert.Empty(run.CompilationProblems);
        var client = run.Source("ShopClient.g.cs");
        Assert.Contains("GetPetAsync(string petId, bool? verbose = null", client, StringComparison.Ordinal);
        Assert.Contains("GetOwnerAsync(string petId", client, StringComparison.Ordinal);
        var document = run.Source("OpenApiDocument.g.cs");
        Assert.Equal(2, Count(document, "#/components/parameters/PetId"));
        Assert.Equal(2, Count(document, "#/components/responses/Problem"));
        Assert.Equal(1, Count(document, "A problem."));
    }

    [Fact]
    public void A_reference_an_overlay_in_another_folder_adds_is_the_specs_and_the_command_agrees()
    {
        var folder = Directory.CreateTempSubdirectory("openapigen-overlay-refs-");
        try
        {
            var spec = Path.Combine(folder.FullName, "specs", "shop.yaml");
            var overlay = Path.Combine(folder.FullName, "overlays", "shop.overlay.yaml");
            var files = new[]
            {
                new SpecSource(spec, Spec("#/components/schemas/Placeholder") + """

                    components:
                      schemas:
                        Placeholder: { type: string }
                    """, "Refs.Overlaid", "ShopClient", ProjectDirectory: folder.FullName),
                new SpecSource(overlay, """
                    overlay: 1.0.0
                    info: { title: Errors from common, version: "1" }
                    actions:
                      - target: "$.components.schemas.Placeholder"
                        remove: true
                      - target: "$.paths['/pets'].get.responses['200'].content['application/json']"
                        update:
                          schema: { $ref: "./common/error.yaml" }
                    """, OverlayFor: spec),
                SpecSource.Reference(Path.Combine(folder.FullName, "specs", "common", "error.yaml"), Error),
            };
            foreach (var file in files)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(file.Path)!);
                File.WriteAllText(file.Path, file.Text);
            }

            var built = GeneratorHarness.Run(files);
            Assert.Empty(built.GeneratorDiagnostics);
            Assert.Contains("string? Message", built.Source(".Error.g.cs"), StringComparison.Ordinal);

            var output = folder.CreateSubdirectory("out");
            var errors = new StringWriter();
            OpenApiGen.Cli.CommandLineGenerator.Run(
                new OpenApiGen.Cli.GenerateRequest(new FileInfo(spec), [new FileInfo(overlay)], "Refs.Overlaid", "ShopClient", output, false),
                TextWriter.Null,
                errors,
                CancellationToken.None);

            Assert.Equal(string.Empty, errors.ToString());
            var sources = built.Sources.ToDictionary(static s => s.HintName, static s => s.Text);
            Assert.Equal(sources.Keys.Order(StringComparer.Ordinal), output.GetFiles().Select(static f => f.Name).Order(StringComparer.Ordinal));
            Assert.All(output.GetFiles(), f => Assert.Equal(sources[f.Name], File.ReadAllText(f.FullName)));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_reference_to_a_component_schemas_id_is_that_schema_and_an_anchor_is_refused_at_the_reference()
    {
        var run = GeneratorHarness.Run(new[]
        {
            new SpecSource(Path.Combine(s_specs, "ids.yaml"), """
                openapi: 3.1.0
                info: { title: Ids, version: "1" }
                paths:
                  /pets:
                    get:
                      operationId: getPet
                      responses:
                        "200":
                          description: A pet.
                          content:
                            application/json:
                              schema: { $ref: "https://example.com/schemas/pet" }
                  /owners:
                    get:
                      operationId: getOwner
                      responses:
                        "200":
                          description: An owner.
                          content:
                            application/json:
                              schema: { $ref: "https://example.com/schemas/pet#owner" }
                components:
                  schemas:
                    Pet:
                      $id: https://example.com/schemas/pet
                      type: object
                      properties:
                        name: { type: string }
                """, "Refs.Ids", "IdsClient", ProjectDirectory: s_project),
        });

        Assert.Contains("ApiResponse<global::Refs.Ids.Pet>> GetPetAsync(", run.Source("IdsClient.g.cs"), StringComparison.Ordinal);
        var refused = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("OAG020", refused.Id);
        Assert.Contains("https://example.com/schemas/pet#owner", refused.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(20, refused.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Empty(run.CompilationProblems);
    }

    private static int Count(string text, string needle)
    {
        var count = 0;
        for (var at = text.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = text.IndexOf(needle, at + needle.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static string Spec(string target) => $$"""
        openapi: 3.0.3
        info: { title: Refs, version: "1" }
        paths:
          /pets:
            get:
              operationId: listPets
              responses:
                "200":
                  description: The pets.
                  content:
                    application/json:
                      schema:
                        $ref: "{{target}}"
        """;

    private static int Line(string text, string needle)
        => text.Split('\n').Select((line, index) => (line, index)).First(l => l.line.Contains(needle, StringComparison.Ordinal)).index;
}
