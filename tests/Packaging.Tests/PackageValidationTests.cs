using System.Text.Json;
using Packaging.Tests.Infrastructure;

namespace Packaging.Tests;

/// <summary>
/// Package validation as Directory.Build.props and .targets set it up (LastReleasedVersion), on a library in a git
/// repository made for the purpose with the repository's own Directory.* files: released as 0.1.0 into a folder that
/// stands for nuget.org, then changed. An addition packs; a removed public member fails the pack, naming the member.
/// </summary>
public sealed class PackageValidationTests
{
    private const string Released = """
        namespace Probe;

        /// <summary>A released type.</summary>
        public static class Greeting
        {
            /// <summary>Says hello.</summary>
            public static string Hello() => "hello";

            /// <summary>Says goodbye.</summary>
            public static string Goodbye() => "goodbye";
        }
        """;

    [Fact]
    public void After_the_first_release_an_addition_packs_and_a_removal_fails_the_pack()
    {
        var repository = NewRepository();
        var released = Scratch.NewFolder("released");
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Scratch.NewFolder("nuget-cache") };

        // The first release: nothing to compare with (LastReleasedVersion empty), validation of the package itself only.
        DotNet.Git(repository, "tag", "v0.1.0");
        var first = DotNet.Run(repository, environment, "pack", Path.Combine("lib", "lib.csproj"), "-c", "Release", "-o", released);
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(File.Exists(Path.Combine(released, "ValidationProbe.0.1.0.nupkg")), first.ToString());
        Assert.Empty(first.Diagnostics);

        File.WriteAllText(Path.Combine(repository, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="released" value="{released}" />
              </packageSources>
            </configuration>
            """);
        var source = Path.Combine(repository, "lib", "Greeting.cs");

        File.WriteAllText(source, Released.Replace("""
                /// <summary>Says goodbye.</summary>
            """, """
                /// <summary>Says good morning.</summary>
                public static string Morning() => "good morning";

                /// <summary>Says goodbye.</summary>
            """));
        Commit(repository, "an addition");
        var addition = DotNet.Run(repository, environment, "pack", Path.Combine("lib", "lib.csproj"), "-c", "Release", "-o", Scratch.NewFolder("next"), "-p:LastReleasedVersion=0.1.0");
        Assert.True(addition.ExitCode == 0, addition.ToString());
        Assert.Empty(addition.Diagnostics);

        File.WriteAllText(source, Released.Replace("""

                /// <summary>Says goodbye.</summary>
                public static string Goodbye() => "goodbye";
            """, ""));
        Commit(repository, "a removal");
        var removal = DotNet.Run(repository, environment, "pack", Path.Combine("lib", "lib.csproj"), "-c", "Release", "-o", Scratch.NewFolder("next"), "-p:LastReleasedVersion=0.1.0");
        Assert.NotEqual(0, removal.ExitCode);
        var error = Assert.Single(removal.Diagnostics, d => d.Severity == "error");
        Assert.Equal("CP0002", error.Code);
        Assert.Contains("Probe.Greeting.Goodbye()", error.Message);
    }

    [Theory]
    [InlineData("generator/OpenApiGen.Runtime/OpenApiGen.Runtime.csproj", true)]
    [InlineData("src/QwenImageEdit/QwenImageEdit.csproj", true)]
    [InlineData("src/QwenImageEdit.Vendors/QwenImageEdit.Vendors.csproj", true)]
    [InlineData("src/QwenImageEdit.Testing/QwenImageEdit.Testing.csproj", true)]
    [InlineData("generator/OpenApiGen.Package/OpenApiGen.Package.csproj", false)]
    [InlineData("generator/OpenApiGen.Cli/OpenApiGen.Cli.csproj", false)]
    [InlineData("src/QwenImageEdit.Cli/QwenImageEdit.Cli.csproj", false)]
    public void Every_library_package_is_validated_and_no_tool_or_analyzer_package(string project, bool validated)
    {
        var result = DotNet.Run(Repo.Root, null, "msbuild", project, "-getProperty:EnablePackageValidation", "-getProperty:PackageValidationBaselineVersion", "-p:LastReleasedVersion=0.1.0");
        Assert.True(result.ExitCode == 0, result.ToString());

        var properties = JsonDocument.Parse(result.Output).RootElement.GetProperty("Properties");
        Assert.Equal(validated, properties.GetProperty("EnablePackageValidation").GetString() == "true");
        Assert.Equal(validated ? "0.1.0" : "", properties.GetProperty("PackageValidationBaselineVersion").GetString());
    }

    private static string NewRepository()
    {
        var repository = Scratch.NewFolder("validation");
        foreach (var file in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            File.Copy(Path.Combine(Repo.Root, file), Path.Combine(repository, file));
        }

        var buildTransitive = Path.Combine(repository, "generator", "OpenApiGen", "buildTransitive");
        Directory.CreateDirectory(buildTransitive);
        foreach (var file in Directory.GetFiles(Repo.BuildTransitive))
        {
            File.Copy(file, Path.Combine(buildTransitive, Path.GetFileName(file)));
        }

        Directory.CreateDirectory(Path.Combine(repository, "docs", "packages"));
        File.WriteAllText(Path.Combine(repository, "docs", "packages", "ValidationProbe.md"), "# ValidationProbe\n");
        Directory.CreateDirectory(Path.Combine(repository, "lib"));
        File.WriteAllText(Path.Combine(repository, "lib", "lib.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net8.0</TargetFramework>
                <IsPackable>true</IsPackable>
                <PackageId>ValidationProbe</PackageId>
                <Description>A library whose public API package validation guards.</Description>
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(repository, "lib", "Greeting.cs"), Released);
        DotNet.Git(repository, "init", "--quiet", "--initial-branch=main");
        DotNet.Git(repository, "add", ".");
        Commit(repository, "first");
        return repository;
    }

    private static void Commit(string repository, string message)
    {
        DotNet.Git(repository, "add", ".");
        DotNet.Git(repository, "-c", "user.name=tests", "-c", "user.email=tests@example.invalid", "commit", "--quiet", "--allow-empty", "-m", message);
    }
}
