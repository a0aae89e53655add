using System.IO.Compression;
using System.Xml.Linq;

namespace Packaging.Tests.Infrastructure;

/// <summary>
/// Every package of the solution, packed once per test run from this build's output (dotnet pack --no-build) into a
/// folder of its own: the feed the MSBuild tests restore from, and the packages whose nuspecs the metadata tests read.
/// </summary>
internal sealed class PackedFeed
{
    private static readonly Lazy<PackedFeed> s_instance = new(static () => new PackedFeed(), LazyThreadSafetyMode.ExecutionAndPublication);

    private PackedFeed()
    {
        Folder = Scratch.NewFolder("feed");
        Pack = DotNet.Run(Repo.Root, null, "pack", Repo.Solution, "--no-build", "--no-restore", "-c", Repo.Configuration, "-p:PackageOutputPath=" + Folder + Path.DirectorySeparatorChar);
        Packages = Directory.GetFiles(Folder, "*.nupkg").Select(static path => new Package(path)).ToDictionary(static p => p.Id, StringComparer.Ordinal);
        Version = Packages.TryGetValue("OpenApiGen.Runtime", out var runtime) ? runtime.Version : string.Empty;
    }

    public static PackedFeed Instance => s_instance.Value;

    public string Folder { get; }

    public ProcessResult Pack { get; }

    public IReadOnlyDictionary<string, Package> Packages { get; }

    /// <summary>The version every package has (the runtime's, read from its nuspec).</summary>
    public string Version { get; }

    public Package this[string id] => Packages.TryGetValue(id, out var package) ? package : throw new Xunit.Sdk.XunitException($"{id} was not packed. {Pack}");
}

/// <summary>One .nupkg: its nuspec and its files.</summary>
internal sealed class Package
{
    private static readonly XNamespace s_none = XNamespace.None;

    public Package(string path)
    {
        Path = path;
        using var zip = ZipFile.OpenRead(path);
        Files = zip.Entries.Select(static e => e.FullName).ToList();
        using var nuspec = zip.Entries.Single(static e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/')).Open();
        Nuspec = XDocument.Load(nuspec);
        Id = Metadata("id")!;
        Version = Metadata("version")!;
    }

    public string Path { get; }

    public string Id { get; }

    public string Version { get; }

    public XDocument Nuspec { get; }

    public IReadOnlyList<string> Files { get; }

    public string? SymbolsPath => File.Exists(System.IO.Path.ChangeExtension(Path, ".snupkg")) ? System.IO.Path.ChangeExtension(Path, ".snupkg") : null;

    /// <summary>The text of a nuspec metadata element (any namespace the nuspec uses).</summary>
    public string? Metadata(string name) => MetadataElement(name)?.Value;

    public XElement? MetadataElement(string name) =>
        Nuspec.Root!.Elements().Single(static e => e.Name.LocalName == "metadata").Elements().SingleOrDefault(e => e.Name.LocalName == name);

    /// <summary>Every (target framework, id, version) the nuspec's dependency groups declare.</summary>
    public IReadOnlyList<(string Framework, string Id, string Version)> Dependencies =>
        (MetadataElement("dependencies")?.Elements() ?? [])
        .SelectMany(static group => group.Elements().Select(d => (
            group.Attribute("targetFramework")?.Value ?? string.Empty,
            d.Attribute("id")!.Value,
            d.Attribute("version")!.Value)))
        .ToList();

    public byte[] Read(string file) => ReadFrom(Path, file);

    public static byte[] ReadFrom(string zipPath, string file)
    {
        using var zip = ZipFile.OpenRead(zipPath);
        using var entry = (zip.GetEntry(file) ?? throw new Xunit.Sdk.XunitException($"{file} is not in {zipPath}")).Open();
        using var buffer = new MemoryStream();
        entry.CopyTo(buffer);
        return buffer.ToArray();
    }

    public override string ToString() => Id;
}
