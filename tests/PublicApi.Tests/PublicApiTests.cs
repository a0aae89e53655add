using System.Reflection;
using OpenApiGen.Tests.Infrastructure;
using PublicApiGenerator;

namespace PublicApi.Tests;

/// <summary>
/// What users compile against, as text (PublicApiGenerator): the generated vendor assembly, one file per spec's
/// namespace so a spec change shows in its own file; the facade; and the runtime library generated code calls. A
/// change fails with the surface diff and writes <c>*.received.txt</c> beside the <c>*.verified.txt</c>; read it as a
/// user would, then accept it with <c>ACCEPT_SNAPSHOTS=1 dotnet test tests/PublicApi.Tests</c>.
/// </summary>
public sealed class PublicApiTests
{
    private static readonly string s_snapshots = Path.Combine(RepoRoot(), "tests", "PublicApi.Tests", "Snapshots");

    private static readonly ApiGeneratorOptions s_options = new()
    {
        IncludeAssemblyAttributes = false,

        // Which tool and version wrote a type is not part of its API, and would change every snapshot at each release.
        ExcludeAttributes = ["System.CodeDom.Compiler.GeneratedCodeAttribute"],
    };

    private static Assembly Vendors => typeof(QwenImageEdit.Vendors.EvoLink.EvoLinkClient).Assembly;

    [Fact]
    public void The_generated_vendor_surface_is_unchanged_namespace_by_namespace()
    {
        var namespaces = Vendors.GetExportedTypes().GroupBy(static t => t.Namespace ?? string.Empty).OrderBy(static g => g.Key, StringComparer.Ordinal).ToList();
        // One namespace per vendor: each vendor's documents make one client.
        Assert.True(namespaces.Count >= 6, $"only {namespaces.Count} namespaces in {Vendors.GetName().Name}");

        var stale = StaleSnapshots(namespaces.Select(static g => g.Key).ToHashSet(StringComparer.Ordinal), "QwenImageEdit.Vendors.");
        Snapshot.VerifyAll(s_snapshots, namespaces.Select(g => (g.Key, Surface(g))), "txt");
        Assert.True(stale.Count == 0, "Snapshots of namespaces the assembly no longer has: " + string.Join(", ", stale) + ". Delete them (ACCEPT_SNAPSHOTS=1 does).");
    }

    [Fact]
    public void The_facade_surface_is_unchanged()
    {
        var facade = typeof(QwenImageEdit.QwenImageEditClient).Assembly;

        Snapshot.Verify(s_snapshots, facade.GetName().Name!, Surface(facade.GetExportedTypes()), "txt");
    }

    [Fact]
    public void The_runtime_surface_is_unchanged()
    {
        var runtime = typeof(OpenApiGen.Runtime.ApiException).Assembly;

        Snapshot.Verify(s_snapshots, runtime.GetName().Name!, Surface(runtime.GetExportedTypes()), "txt");
    }

    private static string Surface(IEnumerable<Type> types)
        => types.ToArray().GeneratePublicApi(s_options);

    /// <summary>Vendor snapshots whose namespace is gone; deleted when accepting.</summary>
    private static List<string> StaleSnapshots(HashSet<string> namespaces, string prefix)
    {
        var stale = new List<string>();
        foreach (var file in Directory.Exists(s_snapshots) ? Directory.GetFiles(s_snapshots, prefix + "*.verified.txt") : [])
        {
            var name = Path.GetFileName(file)[..^".verified.txt".Length];
            if (!namespaces.Contains(name))
            {
                if (Snapshot.Accept)
                {
                    File.Delete(file);
                }
                else
                {
                    stale.Add(name);
                }
            }
        }

        return stale;
    }

    private static string RepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Generated.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Generated.sln not found above " + AppContext.BaseDirectory);
    }
}
