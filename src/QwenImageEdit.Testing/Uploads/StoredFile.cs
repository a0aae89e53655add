namespace QwenImageEdit.Testing;

/// <summary>A file uploaded to a fake, served back at its URL.</summary>
internal sealed record StoredFile(string Id, string FileName, string MimeType, byte[] Content, string? UploadPath, DateTimeOffset UploadedAt);
