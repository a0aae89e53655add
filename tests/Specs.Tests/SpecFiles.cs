namespace Specs.Tests;

/// <summary>The spec files under specs/, found from this source file.</summary>
internal static class SpecFiles
{
    public static string Root { get; } = FindRoot();

    public static string SpecsDirectory => Path.Combine(Root, "specs");

    /// <summary>Every OpenAPI document and overlay, as paths relative to specs/ with forward slashes.</summary>
    public static IReadOnlyList<string> All => Directory
        .EnumerateFiles(SpecsDirectory, "*.*", SearchOption.AllDirectories)
        .Where(static p => p.EndsWith(".yaml", StringComparison.Ordinal) || p.EndsWith(".yml", StringComparison.Ordinal) || p.EndsWith(".json", StringComparison.Ordinal))
        .Select(static p => Path.GetRelativePath(SpecsDirectory, p).Replace('\\', '/'))
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>The OpenAPI documents only, without their overlays.</summary>
    public static IEnumerable<object[]> Documents => All
        .Where(static p => !p.Contains(".overlay.", StringComparison.Ordinal))
        .Select(static p => new object[] { p });

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
