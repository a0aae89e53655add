namespace QwenImageEdit.Testing;

/// <summary>What a vendor's create handler decided about a new task, before the core registers it.</summary>
internal sealed record TaskDraft(string Id, string Model, string RequestJson, Uri? CallbackUrl, int ImageCount, string? TrackId);
