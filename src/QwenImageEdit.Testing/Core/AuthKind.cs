namespace QwenImageEdit.Testing;

/// <summary>Where an operation expects the API key.</summary>
internal enum AuthKind
{
    /// <summary>Public: result images and uploaded files are plain CDN links.</summary>
    None,

    /// <summary><c>Authorization: Bearer &lt;key&gt;</c> (EvoLink, Apikley, Replicate, DashScope).</summary>
    Bearer,

    /// <summary><c>Authorization: Key &lt;key&gt;</c> (fal.ai).</summary>
    Key,

    /// <summary>The <c>key</c> member of the JSON body (ModelsLab).</summary>
    BodyKey,
}
