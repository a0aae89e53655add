namespace QwenImageEdit;

/// <summary>A hosted vendor of the Qwen image-edit model.</summary>
public enum ImageEditVendor
{
    /// <summary>EvoLink (<c>api.evolink.ai</c>): models <c>qwen-image-edit</c> and <c>qwen-image-edit-plus</c>.</summary>
    EvoLink,

    /// <summary>ModelsLab (<c>modelslab.com</c>): models <c>qwen-edit-2509</c> and <c>qwen-edit-2511</c>.</summary>
    ModelsLab,

    /// <summary>Apikley (<c>api.apikley.ru</c>, a reseller of kie.ai's market API): model <c>qwen/image-edit</c>.</summary>
    Apikley,
}
