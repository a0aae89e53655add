namespace Packaging.Tests.Infrastructure;

/// <summary>What the solution ships, as README.md's "Use it in your project" lists it.</summary>
internal static class Expected
{
    public static readonly string[] Packages =
    [
        "OpenApiGen", "OpenApiGen.Runtime", "OpenApiGen.Cli", "QwenImageEdit", "QwenImageEdit.Vendors", "QwenImageEdit.Testing", "QwenImageEdit.Cli",
    ];

    /// <summary>Where SourceLink sends a debugger for this commit's files: GitHub's raw content of the nuspec's repository.</summary>
    public static string SourceLinkRoot(Package package)
    {
        var repository = new Uri(package.MetadataElement("repository")!.Attribute("url")!.Value).AbsolutePath.Trim('/');
        return $"https://raw.githubusercontent.com/{repository}/{Repo.HeadCommit}";
    }
}
