using System.Diagnostics.CodeAnalysis;
using NSwag;

namespace QwenImageEdit.Testing;

/// <summary>
/// One vendor spec as the generator read it (after overlays), parsed by NSwag once per process: code nobody here wrote
/// decides what a valid request is, so the fakes cannot quietly agree with the generated clients' mistakes.
/// </summary>
internal sealed class SpecDocument(string name, string json)
{
    // Guarded here as well as at the callers: the fakes create their SpecDocuments whether or not they validate, and a
    // trimmed app must not keep NSwag's parser alive through this lambda.
    private readonly Lazy<Task<OpenApiDocument>> _document = new(() => ContractValidation.IsSupported
        ? OpenApiDocument.FromJsonAsync(json)
        : throw new NotSupportedException(ContractValidation.Reason));

    /// <summary>The spec's file name, for messages.</summary>
    public string Name { get; } = name;

    [RequiresUnreferencedCode(ContractValidation.Reason)]
    [RequiresDynamicCode(ContractValidation.Reason)]
    public Task<OpenApiDocument> GetAsync() => _document.Value;

    public SpecOperation Operation(string method, string path) => new(this, method, path);

    public override string ToString() => Name;
}
