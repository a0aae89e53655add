namespace Packaging.Tests.Infrastructure;

/// <summary>Folders outside the repository, so none of its MSBuild files apply; removed when the test run ends.</summary>
internal static class Scratch
{
    private static readonly string s_root = Path.Combine(Path.GetTempPath(), "packaging-tests-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N")[..8]);

    static Scratch()
    {
        AppDomain.CurrentDomain.ProcessExit += static (_, _) =>
        {
            try
            {
                Directory.Delete(s_root, recursive: true);
            }
            catch (IOException)
            {
                // A folder a child process still holds is left to the system's temp cleaning.
            }
        };
    }

    public static string NewFolder(string name)
    {
        var folder = Path.Combine(s_root, name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        return folder;
    }
}

/// <summary>
/// A user's project in a scratch folder that restores only from the packed feed (a NuGet.config with nothing else),
/// into a NuGet cache of its own, so a package packed earlier under the same version is never taken from a cache.
/// </summary>
internal sealed class UserProject
{
    private readonly Dictionary<string, string> _environment;

    public UserProject(string name, string projectBody, params (string Path, string Source)[] files)
    {
        var feed = PackedFeed.Instance;
        Directory = Scratch.NewFolder(name);
        ProjectFile = System.IO.Path.Combine(Directory, name + ".csproj");
        _environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Scratch.NewFolder(name + "-nuget-cache") };
        File.WriteAllText(System.IO.Path.Combine(Directory, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="packed" value="{feed.Folder}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(ProjectFile, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="OpenApiGen" Version="{feed.Version}" />
              </ItemGroup>
            {projectBody}
            </Project>
            """);
        foreach (var (path, source) in files)
        {
            var target = System.IO.Path.Combine(Directory, path);
            System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(source, target);
        }
    }

    public string Directory { get; }

    public string ProjectFile { get; }

    public void Write(string path, string text) => File.WriteAllText(System.IO.Path.Combine(Directory, path), text);

    public ProcessResult Build(params string[] arguments) => DotNet.Run(Directory, _environment, ["build", ProjectFile, .. arguments]);

    public ProcessResult MSBuild(params string[] arguments) => DotNet.Run(Directory, _environment, ["msbuild", ProjectFile, .. arguments]);
}
