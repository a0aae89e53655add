namespace OpenApiGen.Tests.Infrastructure;

/// <summary>Where the repository's specs, the shared corpus and the snapshots are, found from this source file.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Specs => Path.Combine(Root, "specs");

    /// <summary>The shared corpus of public specs lives beside the checkout.</summary>
    public static string Corpus => Path.GetFullPath(Path.Combine(Root, "..", "shared", "openapi-corpus"));

    public static string Snapshots => Path.Combine(Root, "tests", "OpenApiGen.Tests", "Snapshots");

    public static string TestData => Path.Combine(Root, "tests", "OpenApiGen.Tests", "TestData");

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
