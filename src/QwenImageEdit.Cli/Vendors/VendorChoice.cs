namespace QwenImageEdit.Cli;

/// <summary>A <c>--vendor</c> value: which facade vendor it is, the model it implies, and where its key comes from.</summary>
/// <param name="Name">The value on the command line.</param>
/// <param name="Vendor">The vendor the facade talks to.</param>
/// <param name="Model">The model the name implies (evolink-plus); null for the vendor's default or <c>--model</c>.</param>
/// <param name="KeyVariable">The environment variable with the API key; null for the local vendor, which needs none.</param>
/// <param name="Description">One line for <c>--help</c>.</param>
internal sealed record VendorChoice(string Name, ImageEditVendor Vendor, string? Model, string? KeyVariable, string Description)
{
    public static VendorChoice Local { get; } = new("local", ImageEditVendor.EvoLink, null, null, "the contract kit's fake EvoLink, started in this process on 127.0.0.1: no key, no network, a placeholder PNG");

    public static IReadOnlyList<VendorChoice> All { get; } =
    [
        Local,
        new("evolink", ImageEditVendor.EvoLink, null, "EVOLINK_API_KEY", "EvoLink, qwen-image-edit unless --model says otherwise"),
        new("evolink-plus", ImageEditVendor.EvoLink, ImageEditModels.EvoLinkQwenImageEditPlus, "EVOLINK_API_KEY", "EvoLink's qwen-image-edit-plus"),
        new("modelslab", ImageEditVendor.ModelsLab, null, "MODELSLAB_API_KEY", "ModelsLab, qwen-edit-2509 unless --model says otherwise"),
        new("apikley", ImageEditVendor.Apikley, null, "APIKLEY_API_KEY", "Apikley (kie.ai's market API), qwen/image-edit"),
        new("fal", ImageEditVendor.Fal, null, "FAL_KEY", "fal.ai's queue, fal-ai/qwen-image-edit unless --model says otherwise"),
        new("replicate", ImageEditVendor.Replicate, null, "REPLICATE_API_TOKEN", "Replicate, qwen/qwen-image-edit unless --model says otherwise"),
        new("dashscope", ImageEditVendor.DashScope, null, "DASHSCOPE_API_KEY", "Alibaba Model Studio (DashScope), qwen-image-edit unless --model says otherwise; DASHSCOPE_REGION=beijing for its Beijing region"),
    ];

    public static string[] Names { get; } = [.. All.Select(static c => c.Name)];

    public bool IsLocal => KeyVariable is null;

    public static VendorChoice Find(string name)
        => All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase))
           ?? throw new CliException($"There is no vendor '{name}'; use one of {string.Join(", ", Names)}.");

    /// <summary>The model to use: <c>--model</c>, or the one this name implies, or null for the vendor's default.</summary>
    public string? ResolveModel(string? model)
    {
        if (model is not null && Model is not null && !string.Equals(model, Model, StringComparison.Ordinal))
        {
            throw new CliException($"--vendor {Name} is the model {Model}; for {model}, use --vendor {Name[..Name.IndexOf('-', StringComparison.Ordinal)]} --model {model}.");
        }

        return model ?? Model;
    }

    /// <summary>The first vendor name a capability row is reachable by, with <c>--model</c> when the name alone does not choose it.</summary>
    public static string CommandFor(ImageEditCapabilities row)
    {
        var exact = All.FirstOrDefault(c => !c.IsLocal && c.Vendor == row.Vendor && c.Model == row.Model);
        if (exact is not null)
        {
            return exact.Name;
        }

        var plain = All.First(c => !c.IsLocal && c.Vendor == row.Vendor && c.Model is null);
        var isDefault = ImageEditCapabilities.For(row.Vendor).Model == row.Model;
        return isDefault ? plain.Name : $"{plain.Name} --model {row.Model}";
    }
}
