namespace QwenImageEdit.Testing;

/// <summary>A file part of a multipart form.</summary>
internal sealed record FormFile(string FileName, string? ContentType, byte[] Content);
