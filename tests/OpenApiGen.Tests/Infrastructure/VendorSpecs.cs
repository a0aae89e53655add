namespace OpenApiGen.Tests.Infrastructure;

/// <summary>The vendor specs with the settings src/QwenImageEdit.Vendors gives them (namespace, client name, EmbedDocument), and their overlays.</summary>
internal static class VendorSpecs
{
    public static readonly IReadOnlyList<(string Spec, string Namespace, string Client)> All = new[]
    {
        ("evolink/qwen-image-edit.yaml", "QwenImageEdit.Vendors.EvoLink.ImageEdit", "EvoLinkImageEditClient"),
        ("evolink/qwen-image-edit-plus.yaml", "QwenImageEdit.Vendors.EvoLink.ImageEditPlus", "EvoLinkImageEditPlusClient"),
        ("evolink/tasks.yaml", "QwenImageEdit.Vendors.EvoLink.Tasks", "EvoLinkTasksClient"),
        ("evolink/files.yaml", "QwenImageEdit.Vendors.EvoLink.Files", "EvoLinkFilesClient"),
        ("modelslab/qwen-edit.yaml", "QwenImageEdit.Vendors.ModelsLab.QwenEdit", "ModelsLabQwenEditClient"),
        ("modelslab/fetch.yaml", "QwenImageEdit.Vendors.ModelsLab.Fetch", "ModelsLabFetchClient"),
        ("modelslab/base64-to-url.yaml", "QwenImageEdit.Vendors.ModelsLab.Uploads", "ModelsLabUploadsClient"),
        ("apikley/qwen-image-edit.yaml", "QwenImageEdit.Vendors.Apikley.ImageEdit", "ApikleyImageEditClient"),
        ("apikley/record-info.yaml", "QwenImageEdit.Vendors.Apikley.Tasks", "ApikleyTasksClient"),
        ("apikley/file-upload.yaml", "QwenImageEdit.Vendors.Apikley.Files", "ApikleyFilesClient"),
        ("fal/qwen-image-edit.yaml", "QwenImageEdit.Vendors.Fal.ImageEdit", "FalImageEditClient"),
        ("fal/qwen-image-edit-plus.yaml", "QwenImageEdit.Vendors.Fal.ImageEditPlus", "FalImageEditPlusClient"),
        ("fal/qwen-image-edit-2509.yaml", "QwenImageEdit.Vendors.Fal.ImageEdit2509", "FalImageEdit2509Client"),
        ("fal/qwen-image-edit-2511.yaml", "QwenImageEdit.Vendors.Fal.ImageEdit2511", "FalImageEdit2511Client"),
        ("replicate/openapi.json", "QwenImageEdit.Vendors.Replicate.Api", "ReplicateClient"),
        ("replicate/qwen-image-edit.yaml", "QwenImageEdit.Vendors.Replicate.ImageEdit", "ReplicateImageEditClient"),
        ("replicate/qwen-image-edit-plus.yaml", "QwenImageEdit.Vendors.Replicate.ImageEditPlus", "ReplicateImageEditPlusClient"),
        ("dashscope/qwen-image-edit.yaml", "QwenImageEdit.Vendors.DashScope.ImageEdit", "DashScopeImageEditClient"),
    };

    public static IEnumerable<object[]> Names => All.Select(static s => new object[] { s.Spec });

    /// <summary>The spec and, by the same convention as Directory.Build.targets, its overlay.</summary>
    public static IReadOnlyList<SpecSource> Sources(string spec)
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
}
