namespace OpenApiGen.Pipeline;

/// <summary>One AdditionalFile the generator cares about, with its text and the OpenApiSpec item metadata.</summary>
/// <param name="Path">The file's full path, as Roslyn gives it.</param>
/// <param name="IsOverlay">An overlay (applied to <paramref name="SpecPath"/>) rather than a spec.</param>
/// <param name="SpecPath">For a spec, its own path; for an overlay, the spec it corrects.</param>
/// <param name="Namespace">The OpenApiSpec item's Namespace metadata, if set.</param>
/// <param name="ClientName">The OpenApiSpec item's ClientName metadata, if set.</param>
/// <param name="Text">The file's text.</param>
/// <param name="EmbedDocument">The OpenApiSpec item's EmbedDocument metadata: also emit the effective document (after overlays) as a constant.</param>
/// <param name="IsReference">A file a spec refers to (<c>$ref: ./common.yaml#/...</c>) rather than a spec or an overlay.</param>
/// <param name="ProjectDirectory">For a spec, the directory of the project it is built in: references may lead into it, or into the spec's own.</param>
/// <param name="IncludeOperations">The OpenApiSpec item's IncludeOperations metadata, as written (<see cref="OperationFilter"/>).</param>
/// <param name="ExcludeOperations">The OpenApiSpec item's ExcludeOperations metadata, as written.</param>
internal sealed record SpecFile(string Path, bool IsOverlay, string SpecPath, string? Namespace, string? ClientName, string Text, bool EmbedDocument = false, bool IsReference = false, string? ProjectDirectory = null, string? IncludeOperations = null, string? ExcludeOperations = null)
{
    public bool IsJson => Path.EndsWith(".json", System.StringComparison.OrdinalIgnoreCase);
}
