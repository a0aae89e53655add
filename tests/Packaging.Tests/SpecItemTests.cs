using System.Text.Json;
using Packaging.Tests.Infrastructure;

namespace Packaging.Tests;

/// <summary>
/// The OpenApiSpec item in a user's project that restores the packed OpenApiGen: what its targets make of good items,
/// and the diagnostic, with its code, the item as written and the metadata, for each way an item can be wrong. Wrong
/// items stop the build before the compiler runs.
/// </summary>
public sealed class SpecItemTests : IClassFixture<SpecItemTests.Items>
{
    private readonly Items _items;

    public SpecItemTests(Items items) => _items = items;

    [Fact]
    public void A_misspelt_metadata_name_is_OAG100_naming_the_item_the_name_and_the_one_it_may_mean()
    {
        var warning = _items.Broken.Single("OAG100");

        Assert.Equal("warning", warning.Severity);
        Assert.Equal(_items.Project.ProjectFile, warning.File);
        Assert.Contains("OpenApiSpec 'specs/pets.yaml'", warning.Message, StringComparison.Ordinal);
        Assert.Contains("'Namepsace'", warning.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'Namespace'?", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_boolean_is_OAG101_naming_the_item_the_metadata_and_the_value()
    {
        var warning = _items.Broken.Single("OAG101");

        Assert.Equal("warning", warning.Severity);
        Assert.Contains("OpenApiSpec 'specs/pets.yaml'", warning.Message, StringComparison.Ordinal);
        Assert.Contains("EmbedDocument=\"yes\"", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_spec_is_the_error_OAG102_with_the_path_as_written_and_where_it_was_looked_for()
    {
        var error = _items.Broken.Single("OAG102");

        Assert.Equal("error", error.Severity);
        Assert.Contains("OpenApiSpec 'specs/missing.yaml' does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(_items.Project.Directory, "specs", "missing.yaml"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_listed_overlay_is_the_error_OAG103_with_the_path_as_written()
    {
        var error = _items.Broken.Single("OAG103");

        Assert.Equal("error", error.Severity);
        Assert.Contains("Overlay 'fixes/missing.overlay.yaml' of OpenApiSpec 'specs/bad-default.yaml' does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(_items.Project.Directory, "specs", "fixes", "missing.overlay.yaml"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_items_fail_the_build_before_the_compiler_runs()
    {
        Assert.NotEqual(0, _items.Broken.Result.ExitCode);
        Assert.Equal(["OAG100", "OAG101", "OAG102", "OAG103"], _items.Broken.Result.Diagnostics.Select(static d => d.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_project_NoWarn_and_WarningsAsErrors_govern_the_item_checks()
    {
        var result = _items.Project.Build("-p:Broken=true", "-p:Severities=true");

        Assert.DoesNotContain(result.Diagnostics, static d => d.Code == "OAG100");
        Assert.Contains(result.Diagnostics, static d => d is { Code: "OAG101", Severity: "error" });
    }

    [Fact]
    public void Good_items_become_additional_files_with_their_overlays_by_convention_and_by_list()
    {
        var result = _items.Project.MSBuild("-restore", "-t:OpenApiGenCollectSpecs", "-getItem:AdditionalFiles");
        Assert.True(result.ExitCode == 0, result.ToString());

        var files = JsonDocument.Parse(result.Output[result.Output.IndexOf('{', StringComparison.Ordinal)..]).RootElement
            .GetProperty("Items").GetProperty("AdditionalFiles").EnumerateArray()
            .ToDictionary(static f => f.GetProperty("FullPath").GetString()!, StringComparer.Ordinal);
        var spec = Path.Combine(_items.Project.Directory, "specs", "pets.yaml");
        var byConvention = Path.Combine(_items.Project.Directory, "specs", "pets.overlay.yaml");
        var listed = Path.Combine(_items.Project.Directory, "specs", "fixes", "tag.overlay.yaml");

        Assert.Equal(new[] { spec, byConvention, listed }.Order(StringComparer.Ordinal), files.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(
            ("spec", "My.Pets", "PetsApi", "true", spec),
            (Metadata(files[spec], "OpenApiKind"), Metadata(files[spec], "OpenApiNamespace"), Metadata(files[spec], "OpenApiClientName"), Metadata(files[spec], "OpenApiEmbedDocument"), Metadata(files[spec], "OpenApiSpecPath")));
        Assert.Equal(("overlay", spec), (Metadata(files[byConvention], "OpenApiKind"), Metadata(files[byConvention], "OpenApiSpecPath")));
        Assert.Equal(("overlay", spec), (Metadata(files[listed], "OpenApiKind"), Metadata(files[listed], "OpenApiSpecPath")));
    }

    private static string? Metadata(JsonElement item, string name) => item.TryGetProperty(name, out var value) ? value.GetString() : null;

    /// <summary>One project with good items, and wrong ones behind -p:Broken=true, restored once; its wrong build run once.</summary>
    public sealed class Items
    {
        public Items()
        {
            Project = new UserProject(
                "items",
                """
                  <ItemGroup Condition="'$(Broken)' != 'true'">
                    <OpenApiSpec Include="specs/pets.yaml" Namespace="My.Pets" ClientName="PetsApi" EmbedDocument="True" Overlays="fixes/tag.overlay.yaml" />
                  </ItemGroup>
                  <ItemGroup Condition="'$(Broken)' == 'true'">
                    <OpenApiSpec Include="specs/pets.yaml" Namepsace="Typo.Pets" EmbedDocument="yes" />
                    <OpenApiSpec Include="specs/missing.yaml" />
                    <OpenApiSpec Include="specs/bad-default.yaml" Overlays="fixes/missing.overlay.yaml" />
                  </ItemGroup>
                  <PropertyGroup Condition="'$(Severities)' == 'true'">
                    <NoWarn>$(NoWarn);OAG100</NoWarn>
                    <WarningsAsErrors>$(WarningsAsErrors);OAG101</WarningsAsErrors>
                  </PropertyGroup>
                """,
                Spec("pets.yaml"), Spec("pets.overlay.yaml"), Spec("fixes/tag.overlay.yaml"), Spec("bad-default.yaml"));
            Broken = new Diagnostics(Project.Build("-p:Broken=true"));
        }

        internal UserProject Project { get; }

        internal Diagnostics Broken { get; }
    }

    /// <summary>A build's diagnostics, looked up by code.</summary>
    internal sealed class Diagnostics(ProcessResult result)
    {
        public ProcessResult Result { get; } = result;

        public BuildDiagnostic Single(string code)
        {
            var found = Result.Diagnostics.Where(d => d.Code == code).ToList();
            return found.Count == 1 ? found[0] : throw new Xunit.Sdk.XunitException($"{found.Count} {code} diagnostics, not 1. {Result}");
        }
    }

    internal static (string, string) Spec(string path) => ("specs/" + path, Path.Combine(Repo.TestData, "specs", path));
}
