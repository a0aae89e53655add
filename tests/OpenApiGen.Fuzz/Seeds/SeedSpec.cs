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

    /// <summary>The vendor specs (not their overlays) and every corpus spec, <c>more/</c> included, in a fixed order.</summary>
    public static IReadOnlyList<SeedSpec> LoadAll(string repositoryRoot)
    {
        var corpus = Path.GetFullPath(Path.Combine(repositoryRoot, "..", "shared", "openapi-corpus"));
        var files = Directory.EnumerateFiles(Path.Combine(repositoryRoot, "specs"), "*", SearchOption.AllDirectories)
            .Concat(Directory.Exists(corpus) ? Directory.EnumerateFiles(corpus, "*", SearchOption.AllDirectories) : [])
            .Where(static f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
            .Where(static f => !Path.GetFileName(f).Contains(".overlay.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

        var seeds = new List<SeedSpec>();
        foreach (var file in files)
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

    private static int CountOperations(JsonObject root)
        => root["paths"] is JsonObject paths
            ? paths.Sum(static p => p.Value is JsonObject item ? item.Count(static m => Slicer.Methods.Contains(m.Key)) : 0)
            : 0;
}
