using System.Text.Json.Nodes;

namespace OpenApiGen.Fuzz.Seeds;

/// <summary>A real spec the mutants start from: its tree, its YAML text when it was YAML, and whether it is large.</summary>
/// <param name="Name">The file name, for reports.</param>
/// <param name="Root">The document as a JSON tree; never mutated (each mutant works on a deep copy).</param>
/// <param name="YamlText">The text as published, for YAML-level mutations; null for a JSON spec.</param>
/// <param name="OperationCount">How many operations it has: large specs are sliced, so a mutant stays cheap to generate and compile.</param>
internal sealed record SeedSpec(string Name, JsonObject Root, string? YamlText, int OperationCount)
{
    /// <summary>Specs above this are mutated as slices (a few paths and what they reference), never whole.</summary>
    public const int SliceAbove = 12;

    public bool IsLarge => OperationCount > SliceAbove;

    /// <summary>Where the pinned seeds are, under the repository: copies of the vendor specs and the corpus's hashes (README.md there).</summary>
    public const string PinnedFolder = "tests/OpenApiGen.Fuzz/SeedSpecs";

    /// <summary>The corpus files the pinned seeds take, each with its SHA-256: the corpus is not ours to copy, but it must not change under a baseline.</summary>
    public const string CorpusManifest = "corpus.sha256";

    /// <summary>
    /// The seeds: by default the pinned ones (the vendor specs as copied into <see cref="PinnedFolder"/>, and the
    /// corpus files its manifest lists, each checked against its hash), so a campaign's mutants change only when the
    /// fuzzer does, never because a vendor spec was edited; with <paramref name="live"/>, the vendor specs (not their
    /// overlays) and every corpus spec, <c>more/</c> included, as they are now. Either way in a fixed order, by the
    /// path under <c>specs/</c> or the corpus, whatever folder the checkout is in.
    /// </summary>
    public static IReadOnlyList<SeedSpec> LoadAll(string repositoryRoot, bool live = false)
    {
        var files = live ? LiveFiles(repositoryRoot) : PinnedFiles(repositoryRoot);
        var seeds = new List<SeedSpec>();
        foreach (var (_, file) in files.OrderBy(static f => f.Logical, StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file);
            var isJson = file.EndsWith(".json", StringComparison.Ordinal);
            if ((isJson ? JsonNode.Parse(text) : YamlToJson.Convert(text)) is JsonObject root && root.ContainsKey("openapi"))
            {
                seeds.Add(new SeedSpec(Path.GetFileName(file), root, isJson ? null : text, CountOperations(root)));
            }
        }

        return seeds;
    }

    /// <summary>The seed files as they are now, each with its path under <c>specs/</c> or <c>corpus/</c>.</summary>
    public static List<(string Logical, string File)> LiveFiles(string repositoryRoot)
    {
        var specs = Path.Combine(repositoryRoot, "specs");
        var corpus = CorpusFolder(repositoryRoot);
        return Specs(specs).Select(f => ("specs/" + Relative(specs, f), f))
            .Concat(Directory.Exists(corpus) ? Specs(corpus).Select(f => ("corpus/" + Relative(corpus, f), f)) : [])
            .ToList();

        static IEnumerable<string> Specs(string folder) => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(static f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
            .Where(static f => !Path.GetFileName(f).Contains(".overlay.", StringComparison.Ordinal));
    }

    private static List<(string Logical, string File)> PinnedFiles(string repositoryRoot)
    {
        var pinned = Path.Combine(repositoryRoot, PinnedFolder);
        var copies = Path.Combine(pinned, "specs");
        var files = Directory.EnumerateFiles(copies, "*", SearchOption.AllDirectories).Select(f => ("specs/" + Relative(copies, f), f)).ToList();
        var corpus = CorpusFolder(repositoryRoot);
        foreach (var line in File.ReadAllLines(Path.Combine(pinned, CorpusManifest)))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var (hash, name) = (line[..64], line[66..]);
            var file = Path.Combine(corpus, name);
            if (!File.Exists(file) || Hash(file) != hash)
            {
                throw new InvalidOperationException(
                    $"The pinned seed corpus/{name} is {(File.Exists(file) ? "not the file it was" : "missing")} ({file}): a baseline measured on other seeds " +
                    $"says nothing. Pin the seeds again ('pin', {PinnedFolder}/README.md) and measure the baseline again, or run with --live-seeds.");
            }

            files.Add(("corpus/" + name, file));
        }

        return files;
    }

    /// <summary>Copies the vendor specs into <see cref="PinnedFolder"/> and writes the corpus's manifest: the seeds as they are now, from now on.</summary>
    public static int Pin(string repositoryRoot, TextWriter output)
    {
        var pinned = Path.Combine(repositoryRoot, PinnedFolder);
        var copies = Path.Combine(pinned, "specs");
        if (Directory.Exists(copies))
        {
            Directory.Delete(copies, recursive: true);
        }

        var manifest = new List<string> { "# SHA-256 and path under ../shared/openapi-corpus of each corpus seed; written by 'OpenApiGen.Fuzz pin'." };
        var corpus = CorpusFolder(repositoryRoot);
        foreach (var (logical, file) in LiveFiles(repositoryRoot).OrderBy(static f => f.Logical, StringComparer.Ordinal))
        {
            if (logical.StartsWith("specs/", StringComparison.Ordinal))
            {
                var copy = Path.Combine(copies, logical["specs/".Length..]);
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                File.Copy(file, copy);
            }
            else
            {
                manifest.Add(Hash(file) + "  " + logical["corpus/".Length..]);
            }

            output.WriteLine("pinned " + logical);
        }

        File.WriteAllText(Path.Combine(pinned, CorpusManifest), string.Join("\n", manifest) + "\n");
        return 0;
    }

    private static string CorpusFolder(string repositoryRoot) => Path.GetFullPath(Path.Combine(repositoryRoot, "..", "shared", "openapi-corpus"));

    private static string Relative(string folder, string file) => Path.GetRelativePath(folder, file).Replace('\\', '/');

    private static string Hash(string file) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file)));

    private static int CountOperations(JsonObject root)
        => root["paths"] is JsonObject paths
            ? paths.Sum(static p => p.Value is JsonObject item ? item.Count(static m => Slicer.Methods.Contains(m.Key)) : 0)
            : 0;
}
