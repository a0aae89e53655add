using Microsoft.CodeAnalysis;
using OpenApiGen.Tests.Infrastructure;

namespace OpenApiGen.Tests.Generation;

/// <summary>A broken spec gives a diagnostic at the spec's own line, and the build still emits everything else.</summary>
public class DiagnosticsTests
{
    private const string Valid = """
        openapi: 3.1.0
        info: {title: Fine, version: '1'}
        paths: {}
        components:
          schemas:
            Pet:
              type: object
              properties:
                name: {type: string}
        """;

    [Fact]
    public void Broken_yaml_is_reported_at_its_line_and_other_specs_still_generate()
    {
        const string broken = """
            openapi: 3.1.0
            info:
              title: Broken
              version: '1'
            paths:
              /pets: [unclosed
            """;

        var run = GeneratorHarness.Run(new[] { new SpecSource("/specs/broken.yaml", broken), new SpecSource("/specs/fine.yaml", Valid) });

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, static d => d.Id == "OAG001");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("/specs/broken.yaml", diagnostic.Location.GetLineSpan().Path);
        Assert.InRange(diagnostic.Location.GetLineSpan().StartLinePosition.Line, 5, 6);
        Assert.Contains(run.Sources, static s => s.HintName == "FineClient.Pet.g.cs");
        Assert.DoesNotContain(run.Sources, static s => s.HintName.StartsWith("BrokenClient.", StringComparison.Ordinal));
    }

    [Fact]
    public void Dangling_ref_is_reported_at_the_ref_and_typed_as_json()
    {
        const string spec = """
            openapi: 3.1.0
            info: {title: Refs, version: '1'}
            paths: {}
            components:
              schemas:
                Owner:
                  type: object
                  properties:
                    pet:
                      $ref: '#/components/schemas/Missing'
                    name:
                      type: string
            """;

        var run = GeneratorHarness.Run(new[] { new SpecSource("/specs/refs.yaml", spec) });

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, static d => d.Id == "OAG004");
        Assert.Contains("#/components/schemas/Missing", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(9, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        var owner = run.Source("Owner.g.cs");
        Assert.Contains("public global::System.Text.Json.JsonElement? Pet { get; set; }", owner, StringComparison.Ordinal);
        Assert.Contains("public string? Name { get; set; }", owner, StringComparison.Ordinal);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void Colliding_schema_names_get_distinct_names_and_a_diagnostic_at_the_second()
    {
        const string spec = """
            openapi: 3.1.0
            info: {title: Collide, version: '1'}
            paths: {}
            components:
              schemas:
                user-profile:
                  type: object
                  properties:
                    a: {type: string}
                user_profile:
                  type: object
                  properties:
                    b: {type: integer}
            """;

        var run = GeneratorHarness.Run(new[] { new SpecSource("/specs/collide.yaml", spec) });

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, static d => d.Id == "OAG006");
        Assert.Equal(9, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains(run.Sources, static s => s.HintName == "CollideClient.UserProfile.g.cs");
        Assert.Contains(run.Sources, static s => s.HintName == "CollideClient.UserProfile2.g.cs");
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void Overlay_target_that_matches_nothing_is_a_warning_at_the_overlay_line()
    {
        const string overlay = """
            overlay: 1.0.0
            info: {title: Fix, version: '1'}
            actions:
              - target: $.components.schemas.Pet.properties.name
                update: {description: The name}
              - target: $.components.schemas.Cat
                update: {description: No such schema}
            """;

        var run = GeneratorHarness.Run(new[]
        {
            new SpecSource("/specs/fine.yaml", Valid),
            new SpecSource("/specs/fine.overlay.yaml", overlay, OverlayFor: "/specs/fine.yaml"),
        });

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, static d => d.Id == "OAG007");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("/specs/fine.overlay.yaml", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(5, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal("Overlay action skipped: target '$.components.schemas.Cat' matched nothing in the document", diagnostic.GetMessage());
        Assert.Contains("/// <summary>The name</summary>", run.Source("Pet.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Overlay_without_its_spec_is_reported()
    {
        var run = GeneratorHarness.Run(new[] { new SpecSource("/specs/lonely.overlay.yaml", "overlay: 1.0.0\nactions: []\n", OverlayFor: "/specs/lonely.yaml") });

        Assert.Single(run.GeneratorDiagnostics, static d => d.Id == "OAG009");
    }

    [Fact]
    public void Invalid_namespace_setting_falls_back_to_the_default_with_a_warning()
    {
        var run = GeneratorHarness.Run(new[] { new SpecSource("/specs/fine.yaml", Valid, Namespace: "Not A.Namespace") }, rootNamespace: "My.App");

        Assert.Single(run.GeneratorDiagnostics, static d => d.Id == "OAG011");
        Assert.Contains("namespace My.App.Fine", run.Source("Pet.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_spec_that_is_not_openapi_gives_an_error_not_a_crash()
    {
        var run = GeneratorHarness.Run(new[] { new SpecSource("/specs/list.yaml", "- just\n- a list\n") });

        Assert.Contains(run.GeneratorDiagnostics, static d => d.Id is "OAG001" or "OAG002");
        Assert.DoesNotContain(run.GeneratorDiagnostics, static d => d.Id is "OAG000" or "CS8785");
    }
}
