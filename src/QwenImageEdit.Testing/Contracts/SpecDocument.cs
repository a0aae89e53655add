using NSwag;

namespace QwenImageEdit.Testing;

/// <summary>
/// One vendor spec as the generator read it (after overlays), parsed by NSwag once per process: code nobody here wrote
/// decides what a valid request is, so the fakes cannot quietly agree with the generated clients' mistakes.
/// </summary>
internal sealed class SpecDocument(string name, string json)
{
    private readonly Lazy<Task<OpenApiDocument>> _document = new(() => OpenApiDocument.FromJsonAsync(json));

    /// <summary>The spec's file name, for messages.</summary>
    public string Name { get; } = name;

    public Task<OpenApiDocument> GetAsync() => _document.Value;

    public SpecOperation Operation(string method, string path) => new(this, method, path);

    public override string ToString() => Name;
}
