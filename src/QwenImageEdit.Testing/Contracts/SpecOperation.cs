using System.Diagnostics.CodeAnalysis;
using NJsonSchema;
using NSwag;

namespace QwenImageEdit.Testing;

/// <summary>An operation of a spec (method and path template as the spec writes them) and its schemas.</summary>
internal sealed class SpecOperation(SpecDocument document, string method, string path)
{
    public SpecDocument Document { get; } = document;

    public string Method { get; } = method;

    public string Path { get; } = path;

    [RequiresUnreferencedCode(ContractValidation.Reason)]
    [RequiresDynamicCode(ContractValidation.Reason)]
    public async Task<OpenApiOperation> ResolveAsync()
    {
        var spec = await Document.GetAsync().ConfigureAwait(false);
        if (!spec.Paths.TryGetValue(Path, out var item) || !item.TryGetValue(Method.ToLowerInvariant(), out var operation))
        {
            throw new InvalidOperationException($"{Document.Name} has no operation {Method} {Path}.");
        }

        return operation;
    }

    /// <summary>The request body schema for a media type, or null when the operation takes no such body.</summary>
    [RequiresUnreferencedCode(ContractValidation.Reason)]
    [RequiresDynamicCode(ContractValidation.Reason)]
    public async Task<JsonSchema?> RequestSchemaAsync(string mediaType)
    {
        var operation = await ResolveAsync().ConfigureAwait(false);
        var body = operation.RequestBody;
        return body is not null && body.Content.TryGetValue(mediaType, out var content) ? content.Schema?.ActualSchema : null;
    }

    /// <summary>The response schema for a status: the exact code first, then <c>4XX</c>-style ranges, then <c>default</c>.</summary>
    [RequiresUnreferencedCode(ContractValidation.Reason)]
    [RequiresDynamicCode(ContractValidation.Reason)]
    public async Task<JsonSchema?> ResponseSchemaAsync(int status)
    {
        var operation = await ResolveAsync().ConfigureAwait(false);
        var code = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var key in new[] { code, code[0] + "XX", "default" })
        {
            if (operation.Responses.TryGetValue(key, out var response) && response.ActualResponse.Schema is { } schema)
            {
                return schema.ActualSchema;
            }
        }

        return null;
    }

    /// <summary>The query parameters the spec marks required.</summary>
    [RequiresUnreferencedCode(ContractValidation.Reason)]
    [RequiresDynamicCode(ContractValidation.Reason)]
    public async Task<IReadOnlyList<string>> RequiredQueryParametersAsync()
    {
        var operation = await ResolveAsync().ConfigureAwait(false);
        return operation.ActualParameters
            .Where(static p => p.Kind == OpenApiParameterKind.Query && p.IsRequired)
            .Select(static p => p.Name)
            .ToArray();
    }

    [RequiresUnreferencedCode(ContractValidation.Reason)]
    [RequiresDynamicCode(ContractValidation.Reason)]
    public async Task<string> OperationIdAsync() => (await ResolveAsync().ConfigureAwait(false)).OperationId ?? $"{Method} {Path}";

    public override string ToString() => $"{Document.Name} {Method} {Path}";
}
