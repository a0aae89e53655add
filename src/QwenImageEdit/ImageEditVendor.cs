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

    /// <summary>fal.ai (<c>queue.fal.run</c>): models <c>fal-ai/qwen-image-edit</c>, <c>-plus</c>, <c>-2509</c> and <c>-2511</c>.</summary>
    Fal,

    /// <summary>Replicate (<c>api.replicate.com</c>): models <c>qwen/qwen-image-edit</c> and <c>qwen/qwen-image-edit-plus</c>.</summary>
    Replicate,

    /// <summary>
    /// Alibaba Cloud Model Studio (DashScope), the model's own vendor: <c>qwen-image-edit</c>, <c>qwen-image-edit-plus</c>,
    /// <c>qwen-image-edit-max</c> and their dated versions, synchronous, in the Singapore or Beijing region.
    /// </summary>
    DashScope,
}
