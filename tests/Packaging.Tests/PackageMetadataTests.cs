using System.Text.RegularExpressions;
using Packaging.Tests.Infrastructure;

namespace Packaging.Tests;

/// <summary>
/// Every package, packed from this build as users get it: all of one version from git, each with the metadata a package
/// needs (licence, readme, repository and commit, tags), the libraries with XML docs and symbols that lead a debugger to
/// the sources, and each depending on exactly the packages its users need.
/// </summary>
public sealed partial class PackageMetadataTests
{
    private static readonly string[] s_libraries = ["OpenApiGen.Runtime", "QwenImageEdit.Vendors", "QwenImageEdit", "QwenImageEdit.Testing"];

    public static TheoryData<string> All => [.. Expected.Packages];

    public static TheoryData<string> Libraries => [.. s_libraries];

    private static PackedFeed Feed => PackedFeed.Instance;

    [Fact]
    public void Pack_succeeds_and_warns_about_nothing()
    {
        Assert.True(Feed.Pack.ExitCode == 0, Feed.Pack.ToString());
        Assert.Empty(Feed.Pack.Diagnostics);
        Assert.DoesNotContain(" warning ", Feed.Pack.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_package_is_packed_once_and_all_have_one_version_from_git()
    {
        Assert.Equal(Expected.Packages.Order(StringComparer.Ordinal), Feed.Packages.Keys.Order(StringComparer.Ordinal));
        Assert.All(Feed.Packages.Values, p => Assert.Equal(Feed.Version, p.Version));
        Assert.NotEqual("1.0.0", Feed.Version);
        Assert.Matches(SemVer(), Feed.Version);
    }

    [Theory]
    [MemberData(nameof(All))]
    public void The_nuspec_has_licence_readme_repository_and_tags(string id)
    {
        var package = Feed[id];

        Assert.Equal("QwenImageEdit contributors", package.Metadata("authors"));
        Assert.True(package.Metadata("description") is { Length: > 60 }, $"{id}: a one-line description is not enough");
        Assert.True(package.Metadata("tags")?.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 3, $"{id}: tags '{package.Metadata("tags")}'");
        Assert.StartsWith("Copyright", package.Metadata("copyright"));

        var license = package.MetadataElement("license")!;
        Assert.Equal(("expression", "MIT"), (license.Attribute("type")?.Value, license.Value));

        var readme = package.Metadata("readme")!;
        var text = System.Text.Encoding.UTF8.GetString(package.Read(readme));
        Assert.StartsWith("# ", text);
        Assert.True(text.Length > 300, $"{id}: its readme says too little");

        var repository = package.MetadataElement("repository")!;
        Assert.Equal("git", repository.Attribute("type")?.Value);
        Assert.StartsWith("https://github.com/", repository.Attribute("url")?.Value);
        Assert.Equal(Repo.HeadCommit, repository.Attribute("commit")?.Value);
        Assert.Equal(repository.Attribute("url")?.Value, package.Metadata("projectUrl"));
    }

    [Theory]
    [MemberData(nameof(Libraries))]
    public void A_library_ships_its_xml_docs_and_symbols_whose_sources_resolve_at_the_commit(string id)
    {
        var package = Feed[id];
        var assembly = Assert.Single(package.Files, f => f.StartsWith("lib/", StringComparison.Ordinal) && f.EndsWith(".dll", StringComparison.Ordinal));
        Assert.Contains(Path.ChangeExtension(assembly, ".xml"), package.Files);
        Assert.DoesNotContain(Path.ChangeExtension(assembly, ".pdb"), package.Files);

        Assert.NotNull(package.SymbolsPath);
        var pdb = Pdb.FromPortablePdb(Package.ReadFrom(package.SymbolsPath!, Path.ChangeExtension(assembly, ".pdb")));

        Assert.Contains($"\"{Expected.SourceLinkRoot(package)}/*\"", pdb.SourceLink, StringComparison.Ordinal);
    }

    [Fact]
    public void The_generated_vendor_code_is_in_the_vendors_symbols_since_no_repository_holds_it()
    {
        var package = Feed["QwenImageEdit.Vendors"];
        var pdb = Pdb.FromPortablePdb(Package.ReadFrom(package.SymbolsPath!, "lib/net10.0/QwenImageEdit.Vendors.pdb"));

        Assert.Contains(pdb.EmbeddedDocuments, d => d.Replace('\\', '/').Contains("OpenApiGen.OpenApiSourceGenerator/EvoLinkClient.", StringComparison.Ordinal));
    }

    [Fact]
    public void Each_package_depends_on_what_its_users_need_and_nothing_of_the_build()
    {
        var version = Feed.Version;

        Assert.Contains(("net8.0", "OpenApiGen.Runtime", version), Feed["OpenApiGen"].Dependencies);
        Assert.Contains(Feed["QwenImageEdit"].Dependencies, d => d is { Id: "QwenImageEdit.Vendors" } && d.Version == version);
        Assert.Contains(Feed["QwenImageEdit.Vendors"].Dependencies, d => d is { Id: "OpenApiGen.Runtime" } && d.Version == version);
        Assert.Contains(Feed["QwenImageEdit.Testing"].Dependencies, d => d is { Id: "QwenImageEdit.Vendors" } && d.Version == version);
        Assert.Contains(Feed["QwenImageEdit.Testing"].MetadataElement("frameworkReferences")!.Descendants(), e => e.Attribute("name")?.Value == "Microsoft.AspNetCore.App");

        // The generator runs in the build that made the vendor clients; their users get the clients, not the generator.
        Assert.All(Feed.Packages.Values, p => Assert.DoesNotContain(p.Dependencies, d => d.Id is "OpenApiGen" or "OpenApiGen.Package" or "MinVer" || d.Id.EndsWith(".Tests", StringComparison.Ordinal)));
        // Tools carry everything they run with.
        Assert.Empty(Feed["OpenApiGen.Cli"].Dependencies);
        Assert.Empty(Feed["QwenImageEdit.Cli"].Dependencies);
    }

    [Fact]
    public void A_ci_pack_is_reproducible_byte_for_byte()
    {
        _ = Feed; // after the feed's own pack, which writes the same intermediate files
        var packs = Enumerable.Range(0, 2).Select(static i =>
        {
            var folder = Scratch.NewFolder("reproducible");
            var result = DotNet.Run(
                Repo.Root, null, "pack", Path.Combine(Repo.Root, "generator", "OpenApiGen.Runtime"), "--no-build", "--no-restore", "-c", Repo.Configuration,
                "-p:ContinuousIntegrationBuild=true", "-p:PackageOutputPath=" + folder + Path.DirectorySeparatorChar, "-p:NuspecOutputPath=" + Path.Combine(folder, "nuspec") + Path.DirectorySeparatorChar);
            Assert.True(result.ExitCode == 0, result.ToString());
            return File.ReadAllBytes(Assert.Single(Directory.GetFiles(folder, "*.nupkg")));
        }).ToList();

        Assert.Equal(packs[0], packs[1]);
    }

    [GeneratedRegex(@"^\d+\.\d+\.\d+(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$")]
    private static partial Regex SemVer();
}
