namespace QwenImageEdit.Testing;

/// <summary>Where an operation expects the API key.</summary>
internal enum AuthKind
{
    /// <summary>Public: result images and uploaded files are plain CDN links.</summary>
    None,

    /// <summary><c>Authorization: Bearer &lt;key&gt;</c> (EvoLink, Apikley).</summary>
    Bearer,

    /// <summary>The <c>key</c> member of the JSON body (ModelsLab).</summary>
    BodyKey,
}
