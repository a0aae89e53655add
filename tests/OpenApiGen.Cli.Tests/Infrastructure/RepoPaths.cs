namespace OpenApiGen.Cli.Tests.Infrastructure;

/// <summary>Where the repository's specs, the saved vendor pages and this project's test data are.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Specs => Path.Combine(Root, "specs");

    /// <summary>The vendors' pages as saved (<c>../shared/seeds/</c>, beside the checkout).</summary>
    public static string Seeds => Path.GetFullPath(Path.Combine(Root, "..", "shared", "seeds"));

    public static string TestData => Path.Combine(Root, "tests", "OpenApiGen.Cli.Tests", "TestData");

    /// <summary>The saved page whose file name starts with <paramref name="number"/> (<c>000</c>).</summary>
    public static string Seed(string number) => Directory.GetFiles(Seeds, number + "_*").Single();

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
