using Packaging.Tests.Infrastructure;

namespace Packaging.Tests;

/// <summary>
/// The one version source (MinVer, set up in Directory.Build.props) on git repositories made for the purpose, with the
/// repository's own Directory.* files: every clone gets a sensible version, a tag is a release, and a commit after it
/// the next patch's pre-release.
/// </summary>
public sealed class VersionTests
{
    [Fact]
    public void A_clone_without_tags_is_a_pre_release_of_0_1_0_counting_the_commits_since_the_first()
    {
        var repository = NewRepository(commits: 3);

        Assert.Equal("0.1.0-alpha.0.2", VersionOf(repository));
    }

    [Fact]
    public void A_shallow_clone_without_tags_is_0_1_0_alpha_0()
    {
        var repository = NewRepository(commits: 3);
        var shallow = Scratch.NewFolder("shallow");
        DotNet.Git(shallow, "clone", "--quiet", "--depth", "1", new Uri(repository).AbsoluteUri, ".");

        Assert.Equal("0.1.0-alpha.0", VersionOf(shallow));
    }

    [Fact]
    public void A_tagged_commit_is_that_release_and_a_commit_after_it_the_next_patch_pre_release()
    {
        var repository = NewRepository(commits: 2);
        DotNet.Git(repository, "tag", "v0.3.0");
        Assert.Equal("0.3.0", VersionOf(repository));

        Commit(repository, "after the release");
        Assert.Equal("0.3.1-alpha.0.1", VersionOf(repository));
    }

    private static string NewRepository(int commits)
    {
        var repository = Scratch.NewFolder("versions");
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

        Directory.CreateDirectory(Path.Combine(repository, "lib"));
        File.WriteAllText(Path.Combine(repository, "lib", "lib.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net8.0</TargetFramework>
              </PropertyGroup>
            </Project>
            """);
        DotNet.Git(repository, "init", "--quiet", "--initial-branch=main");
        DotNet.Git(repository, "add", ".");
        Commit(repository, "first");
        for (var i = 1; i < commits; i++)
        {
            Commit(repository, "commit " + i);
        }

        return repository;
    }

    private static void Commit(string repository, string message) =>
        DotNet.Git(repository, "-c", "user.name=tests", "-c", "user.email=tests@example.invalid", "commit", "--quiet", "--allow-empty", "-m", message);

    private static string VersionOf(string repository)
    {
        var result = DotNet.Run(repository, null, "msbuild", Path.Combine("lib", "lib.csproj"), "-restore", "-t:MinVer", "-getProperty:PackageVersion");
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
    }
}
