using System.Reflection;

namespace Packaging.Tests.Infrastructure;

/// <summary>The repository this test binary was built from, and the build configuration it was built in.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Solution => Path.Combine(Root, "Generated.sln");

    public static string Configuration { get; } =
        typeof(Repo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Configuration").Value!;

    public static string BuildTransitive => Path.Combine(Root, "generator", "OpenApiGen", "buildTransitive");

    public static string TestData => Path.Combine(AppContext.BaseDirectory, "TestData");

    /// <summary>The commit the working tree is at: what every nuspec and PDB must name.</summary>
    public static string HeadCommit { get; } = DotNet.Git(Root, "rev-parse", "HEAD").Trim();

    // From the test binary, not [CallerFilePath]: CI builds map source paths to /_/ (ContinuousIntegrationBuild).
    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Generated.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Generated.sln not found above " + AppContext.BaseDirectory);
    }
}
