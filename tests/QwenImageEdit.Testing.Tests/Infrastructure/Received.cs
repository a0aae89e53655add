namespace QwenImageEdit.Testing.Tests.Infrastructure;

/// <summary>A callback as a test receiver got it.</summary>
internal sealed record Received(Uri Url, IReadOnlyDictionary<string, string> Headers, string Body, string? MediaType);
