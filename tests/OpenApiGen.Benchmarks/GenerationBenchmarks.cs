using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using OpenApiGen.Emit;
using OpenApiGen.Pipeline;

namespace OpenApiGen.Benchmarks;

/// <summary>
/// In-process generation of one spec, from text to every emitted file: the work the compiler does for a spec that
/// changed (reading, overlays, Microsoft.OpenApi, the model, the text). Roslyn's driver overhead is not included.
/// </summary>
[MemoryDiagnoser]
public class GenerationBenchmarks
{
    private SpecInput _input = null!;

    [ParamsSource(nameof(Specs))]
    public string Spec { get; set; } = string.Empty;

    public static IEnumerable<string> Specs => SpecCatalog.All.Keys;

    [GlobalSetup]
    public void Setup()
    {
        var files = SpecCatalog.All[Spec];
        _input = SpecInputs.Group(files, "Bench").Inputs.Single();
    }

    [Benchmark]
    public int Generate()
    {
        var result = SpecModels.Build(_input, CancellationToken.None);
        var characters = 0;
        foreach (var (_, source) in SpecEmitter.Emit(result.Model!, new EmitCapabilities(HasHttpClientFactory: true), CancellationToken.None))
        {
            characters += source.Length;
        }

        return characters;
    }
}

/// <summary>The vendor specs (with their overlays) and the public corpus, read once.</summary>
internal static class SpecCatalog
{
    public static readonly IReadOnlyDictionary<string, ImmutableArray<SpecFile>> All = Load();

    private static Dictionary<string, ImmutableArray<SpecFile>> Load()
    {
        var root = FindRoot();
        var catalog = new Dictionary<string, ImmutableArray<SpecFile>>(StringComparer.Ordinal);
        foreach (var spec in Directory.EnumerateFiles(Path.Combine(root, "specs"), "*.yaml", SearchOption.AllDirectories).Where(static p => !p.Contains(".overlay.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var files = ImmutableArray.CreateBuilder<SpecFile>();
            files.Add(new SpecFile(spec, false, spec, null, null, File.ReadAllText(spec)));
            var overlay = Path.ChangeExtension(spec, null) + ".overlay.yaml";
            if (File.Exists(overlay))
            {
                files.Add(new SpecFile(overlay, true, spec, null, null, File.ReadAllText(overlay)));
            }

            catalog[Path.GetRelativePath(Path.Combine(root, "specs"), spec)] = files.ToImmutable();
        }

        foreach (var spec in Directory.EnumerateFiles(Path.GetFullPath(Path.Combine(root, "..", "shared", "openapi-corpus"))).Where(static p => !p.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            catalog["corpus/" + Path.GetFileName(spec)] = ImmutableArray.Create(new SpecFile(spec, false, spec, null, null, File.ReadAllText(spec)));
        }

        return catalog;
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Generated.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Generated.sln not found");
    }
}
