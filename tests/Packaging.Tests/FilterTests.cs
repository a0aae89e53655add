using Packaging.Tests.Infrastructure;

namespace Packaging.Tests;

/// <summary>
/// IncludeOperations and ExcludeOperations through a real build: several selectors, ';'-separated as MSBuild lists are,
/// reach the generator whole (Roslyn's editorconfig reading would end the value at the first ';'), the metadata is no
/// OAG100, and openapigen with the same --include and --exclude writes the files the build emitted.
/// </summary>
public sealed class FilterTests : IClassFixture<FilterTests.Filtered>
{
    private const string Include = "tag:pets;path:/store/**";
    private const string Exclude = "operation:deletePet;operation:getOrder";

    private readonly Filtered _filtered;

    public FilterTests(Filtered filtered) => _filtered = filtered;

    [Fact]
    public void Every_selector_of_each_setting_reaches_the_generator()
    {
        Assert.True(_filtered.Build.ExitCode == 0, _filtered.Build.ToString());
        Assert.Empty(_filtered.Build.Diagnostics);

        var client = _filtered.Generated("PetsClient.PetsClient.g.cs");
        // The first selector of each, and the second: path:/store/** keeps listOrders, operation:getOrder drops getOrder.
        Assert.Contains("ListPetsAsync(", client, StringComparison.Ordinal);
        Assert.Contains("ListOrdersAsync(", client, StringComparison.Ordinal);
        Assert.DoesNotContain("DeletePetAsync(", client, StringComparison.Ordinal);
        Assert.DoesNotContain("GetOrderAsync(", client, StringComparison.Ordinal);
        Assert.DoesNotContain("ListUsersAsync(", client, StringComparison.Ordinal);
        Assert.DoesNotContain(_filtered.Files(), static name => name.EndsWith(".User.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void Openapigen_with_the_same_filter_writes_the_files_the_build_emitted()
    {
        Assert.True(_filtered.Build.ExitCode == 0, _filtered.Build.ToString());
        var output = Scratch.NewFolder("openapigen-filtered");
        var cli = Path.Combine(Repo.Root, "generator", "OpenApiGen.Cli", "bin", Repo.Configuration, "net10.0", "OpenApiGen.Cli.dll");

        var run = DotNet.Run(_filtered.Project.Directory, null, cli, "generate", Path.Combine("specs", "filters.yaml"),
            "--namespace", "Filters.Pets", "--client-name", "PetsClient", "--out", output,
            "--include", "tag:pets", "--include", "path:/store/**", "--exclude", Exclude);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("OAG", run.Output, StringComparison.Ordinal);
        var written = Directory.GetFiles(output).Select(static f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(_filtered.Files(), written);
        Assert.All(written, name => Assert.Equal(_filtered.Generated(name), File.ReadAllText(Path.Combine(output, name))));
    }

    /// <summary>The generator tests' filters.yaml in a user's project, filtered on its item; restored and built once.</summary>
    public sealed class Filtered
    {
        public Filtered()
        {
            Project = new UserProject(
                "filtered",
                $"""
                  <PropertyGroup>
                    <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
                  </PropertyGroup>
                  <ItemGroup>
                    <OpenApiSpec Include="specs/filters.yaml" Namespace="Filters.Pets" ClientName="PetsClient" IncludeOperations="{Include}" ExcludeOperations="{Exclude}" />
                  </ItemGroup>
                """,
                ("specs/filters.yaml", Path.Combine(Repo.Root, "tests", "OpenApiGen.Tests", "TestData", "filters.yaml")));
            Build = Project.Build();
        }

        internal UserProject Project { get; }

        internal ProcessResult Build { get; }

        private string Folder => Path.Combine(Project.Directory, "obj", "Debug", "net10.0", "generated", "OpenApiGen", "OpenApiGen.OpenApiSourceGenerator");

        public List<string> Files() => Directory.GetFiles(Folder).Select(static f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToList();

        public string Generated(string name) => File.ReadAllText(Path.Combine(Folder, name));
    }
}
