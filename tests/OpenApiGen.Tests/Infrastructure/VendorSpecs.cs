namespace OpenApiGen.Tests.Infrastructure;

/// <summary>The vendor specs with the settings src/QwenImageEdit.Vendors gives them (namespace, client name, EmbedDocument), and their overlays.</summary>
internal static class VendorSpecs
{
    public static readonly IReadOnlyList<(string Spec, string Namespace, string Client)> All = new[]
    {
        ("evolink/qwen-image-edit.yaml", "QwenImageEdit.Vendors.EvoLink", "EvoLinkClient"),
        ("evolink/qwen-image-edit-plus.yaml", "QwenImageEdit.Vendors.EvoLink", "EvoLinkClient"),
        ("evolink/tasks.yaml", "QwenImageEdit.Vendors.EvoLink", "EvoLinkClient"),
        ("evolink/files.yaml", "QwenImageEdit.Vendors.EvoLink", "EvoLinkClient"),
        ("modelslab/qwen-edit.yaml", "QwenImageEdit.Vendors.ModelsLab", "ModelsLabClient"),
        ("modelslab/fetch.yaml", "QwenImageEdit.Vendors.ModelsLab", "ModelsLabClient"),
        ("modelslab/base64-to-url.yaml", "QwenImageEdit.Vendors.ModelsLab", "ModelsLabClient"),
        ("apikley/qwen-image-edit.yaml", "QwenImageEdit.Vendors.Apikley", "ApikleyClient"),
        ("apikley/record-info.yaml", "QwenImageEdit.Vendors.Apikley", "ApikleyClient"),
        ("apikley/file-upload.yaml", "QwenImageEdit.Vendors.Apikley", "ApikleyClient"),
        ("fal/qwen-image-edit.yaml", "QwenImageEdit.Vendors.Fal", "FalClient"),
        ("fal/qwen-image-edit-plus.yaml", "QwenImageEdit.Vendors.Fal", "FalClient"),
        ("fal/qwen-image-edit-2509.yaml", "QwenImageEdit.Vendors.Fal", "FalClient"),
        ("fal/qwen-image-edit-2511.yaml", "QwenImageEdit.Vendors.Fal", "FalClient"),
        ("replicate/openapi.json", "QwenImageEdit.Vendors.Replicate", "ReplicateClient"),
        ("replicate/qwen-image-edit.yaml", "QwenImageEdit.Vendors.Replicate", "ReplicateClient"),
        ("replicate/qwen-image-edit-plus.yaml", "QwenImageEdit.Vendors.Replicate", "ReplicateClient"),
        ("dashscope/qwen-image-edit.yaml", "QwenImageEdit.Vendors.DashScope.ImageEdit", "DashScopeImageEditClient"),
    };

    /// <summary>One spec per client: EvoLink's four documents make one client, named here by its first.</summary>
    public static IEnumerable<object[]> Names => All.GroupBy(static s => (s.Namespace, s.Client)).Select(static g => new object[] { g.First().Spec });

    /// <summary>Every spec, for tests of one document (its reading, its examples, its embedded copy).</summary>
    public static IEnumerable<object[]> EverySpec => All.Select(static s => new object[] { s.Spec });

    /// <summary>The class a spec's effective document is embedded as: <c>{Client}OpenApiDocument</c>, or with the file's name in a client of several (<c>EvoLinkTasksOpenApiDocument</c>).</summary>
    public static string DocumentClass(string spec)
    {
        var (_, ns, client) = All.Single(s => s.Spec == spec);
        var stem = Group(spec).Count > 1 ? OpenApiGen.Naming.Identifier.ToPascalCase(Path.GetFileName(spec).Split('.')[0]) : string.Empty;
        return $"{ns}.{client[..^"Client".Length]}{stem}OpenApiDocument";
    }

    /// <summary>The spec alone and its overlay, whatever client it belongs to.</summary>
    public static IReadOnlyList<SpecSource> Own(string spec)
    {
        var (_, ns, client) = All.Single(s => s.Spec == spec);
        var path = Path.Combine(RepoPaths.Specs, spec);
        var sources = new List<SpecSource> { SpecSource.FromFile(path, ns, client, embedDocument: true) };
        var overlay = Path.ChangeExtension(path, null) + ".overlay.yaml";
        if (File.Exists(overlay))
        {
            sources.Add(new SpecSource(overlay, File.ReadAllText(overlay), OverlayFor: path));
        }

        return sources;
    }

    /// <summary>The specs of the client <paramref name="spec"/> belongs to (itself, or all of EvoLink's), in the order the generator takes them.</summary>
    public static IReadOnlyList<string> Group(string spec)
    {
        var (_, ns, client) = All.Single(s => s.Spec == spec);
        return All.Where(s => s.Namespace == ns && s.Client == client).Select(static s => s.Spec).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The snapshot folder of a client: the spec's path (<c>fal-qwen-image-edit</c>), or the vendor's folder for a client of several (<c>evolink</c>).</summary>
    public static string SnapshotName(string spec)
        => Group(spec).Count > 1 ? Path.GetDirectoryName(spec)!.Replace('\\', '/') : Path.ChangeExtension(spec, null).Replace('/', '-');

    /// <summary>The specs of <paramref name="spec"/>'s client and, by the same convention as Directory.Build.targets, their overlays.</summary>
    public static IReadOnlyList<SpecSource> Sources(string spec)
    {
        return Group(spec).SelectMany(Own).ToList();
    }
}
