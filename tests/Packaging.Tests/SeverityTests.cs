using Packaging.Tests.Infrastructure;

namespace Packaging.Tests;

/// <summary>
/// Severities as README.md says to set them, in real builds of a user's project over the packed OpenApiGen: for a
/// diagnostic located in a spec, an .editorconfig section does nothing (it applies to C# files, as CS0219 shows in the
/// same build), while a .globalconfig does. The same builds show Swagger 2.0 generating warning-free code and the
/// generated files under obj/ with EmitCompilerGeneratedFiles.
/// </summary>
public sealed class SeverityTests
{
    private const string Body = """
          <PropertyGroup>
            <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
          </PropertyGroup>
          <ItemGroup>
            <OpenApiSpec Include="specs/bad-default.yaml" />
            <OpenApiSpec Include="specs/petstore2.yaml" Namespace="Swagger.Petstore" />
          </ItemGroup>
        """;

    // OAG010 at the default's position in the spec; CS0219 in a C# file, to show which configuration was read.
    private const string Source = "internal static class Unused { private static void M() { var unused = 1; } }\n";

    [Fact]
    public void An_editorconfig_section_sets_the_severity_of_a_CSharp_diagnostic_but_not_of_one_located_in_a_spec()
    {
        var project = NewProject("editorconfig");
        project.Write(".editorconfig", """
            root = true

            [*]
            dotnet_diagnostic.OAG010.severity = error

            [*.cs]
            dotnet_diagnostic.CS0219.severity = error

            [*.yaml]
            dotnet_diagnostic.OAG010.severity = error
            """);

        var result = project.Build();

        Assert.Contains(result.Diagnostics, static d => d is { Code: "CS0219", Severity: "error" });
        var oag010 = Assert.Single(result.Diagnostics, static d => d.Code == "OAG010");
        Assert.Equal(("warning", Path.Combine(project.Directory, "specs", "bad-default.yaml"), 13), (oag010.Severity, oag010.File, oag010.Line));
        Assert.Equal(2, result.Diagnostics.Count);

        var generated = Path.Combine(project.Directory, "obj", "Debug", "net10.0", "generated", "OpenApiGen", "OpenApiGen.OpenApiSourceGenerator");
        Assert.True(File.Exists(Path.Combine(generated, "Petstore2Client.Petstore2Client.g.cs")), "No generated client under obj/ " + generated);
    }

    [Fact]
    public void A_globalconfig_sets_the_severity_of_a_diagnostic_located_in_a_spec()
    {
        var project = NewProject("globalconfig");
        project.Write(".globalconfig", """
            is_global = true
            dotnet_diagnostic.OAG010.severity = error
            """);

        var result = project.Build();

        Assert.NotEqual(0, result.ExitCode);
        var oag010 = Assert.Single(result.Diagnostics, static d => d.Code == "OAG010");
        Assert.Equal("error", oag010.Severity);
        // Swagger 2.0's client and models compile without a warning: the only other diagnostic is the C# one.
        Assert.Equal(["CS0219", "OAG010"], result.Diagnostics.Select(static d => d.Code).Order(StringComparer.Ordinal));
    }

    private static UserProject NewProject(string name)
    {
        var project = new UserProject(name, Body, SpecItemTests.Spec("bad-default.yaml"), SpecItemTests.Spec("petstore2.yaml"));
        project.Write("Unused.cs", Source);
        return project;
    }
}
