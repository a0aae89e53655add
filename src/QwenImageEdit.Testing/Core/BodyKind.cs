namespace QwenImageEdit.Testing;

/// <summary>The request body an operation takes, which decides the Content-Type it demands.</summary>
internal enum BodyKind
{
    None,
    Json,
    Multipart,
}
