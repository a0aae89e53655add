namespace QwenImageEdit.Testing;

/// <summary>A callback a vendor decided to send: where, the body, and any extra headers (signatures).</summary>
internal sealed record CallbackMessage(string TaskId, Uri Url, string Body, IReadOnlyDictionary<string, string> Headers);
