using Packaging.Tests.Infrastructure;

namespace Packaging.Tests;

/// <summary>
/// The OpenApiGen package: the generator as an analyzer with every assembly it loads beside it (Roslyn resolves an
/// analyzer's dependencies from its folder, and Visual Studio's .NET Framework compiler has no System.Text.Json), the
/// buildTransitive files that define the OpenApiSpec item, and the runtime as a dependency, never as its own library.
/// </summary>
public sealed class GeneratorPackageTests
{
    private const string Analyzers = "analyzers/dotnet/cs/";

    // What every compiler host has, because Roslyn itself runs on it.
    private static readonly HashSet<string> s_host = new(StringComparer.Ordinal)
    {
        "netstandard", "mscorlib", "Microsoft.CodeAnalysis", "Microsoft.CodeAnalysis.CSharp", "System.Collections.Immutable",
        "System.Reflection.Metadata", "System.Memory", "System.Buffers", "System.Numerics.Vectors",
        "System.Runtime.CompilerServices.Unsafe", "System.Threading.Tasks.Extensions", "System.Text.Encoding.CodePages",
    };

    private static Package Generator => PackedFeed.Instance["OpenApiGen"];

    private static IReadOnlyList<string> AnalyzerAssemblies =>
        Generator.Files.Where(static f => f.StartsWith(Analyzers, StringComparison.Ordinal) && f.EndsWith(".dll", StringComparison.Ordinal)).ToList();

    [Fact]
    public void Every_assembly_the_generator_loads_is_beside_it_or_in_every_compiler_host()
    {
        var packed = AnalyzerAssemblies.Select(static f => Path.GetFileNameWithoutExtension(f)).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("OpenApiGen", packed);
        Assert.Contains("System.Text.Json", packed);
        Assert.All(AnalyzerAssemblies, file =>
        {
            var missing = Pdb.ReferencesOf(Generator.Read(file)).Where(r => !packed.Contains(r) && !s_host.Contains(r));
            Assert.True(!missing.Any(), $"{file} needs {string.Join(", ", missing)}, which is neither packed beside it nor in every compiler host");
        });
        // Packing a host assembly beside the generator would load a second, older Roslyn or BCL next to the compiler's.
        Assert.DoesNotContain(packed, s_host.Contains);
    }

    [Fact]
    public void The_generator_is_an_analyzer_only_and_brings_its_runtime_as_a_dependency()
    {
        Assert.DoesNotContain(Generator.Files, static f => f.StartsWith("lib/", StringComparison.Ordinal) || f.StartsWith("ref/", StringComparison.Ordinal));
        Assert.Equal([("net8.0", "OpenApiGen.Runtime", PackedFeed.Instance.Version)], Generator.Dependencies);
        Assert.NotEqual("true", Generator.Metadata("developmentDependency"));
    }

    [Fact]
    public void The_OpenApiSpec_item_comes_from_buildTransitive_props_and_targets_named_for_the_package()
    {
        Assert.Contains("buildTransitive/OpenApiGen.props", Generator.Files);
        Assert.Contains("buildTransitive/OpenApiGen.targets", Generator.Files);
        Assert.Contains("buildTransitive/OpenApiGenCheckSpecs.cs", Generator.Files);

        // What the repository builds its own vendor clients with is what the package ships, byte for byte.
        foreach (var file in Directory.GetFiles(Repo.BuildTransitive))
        {
            Assert.Equal(File.ReadAllBytes(file), Generator.Read("buildTransitive/" + Path.GetFileName(file)));
        }
    }

    [Fact]
    public void The_generator_carries_its_pdb_with_sources_at_the_commit_and_no_symbol_package()
    {
        var pdb = Pdb.EmbeddedIn(Generator.Read(Analyzers + "OpenApiGen.dll"));

        Assert.Contains($"\"{Expected.SourceLinkRoot(Generator)}/*\"", pdb.SourceLink, StringComparison.Ordinal);
        Assert.Null(Generator.SymbolsPath);
    }
}
