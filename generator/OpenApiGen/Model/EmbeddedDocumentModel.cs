namespace OpenApiGen.Model;

/// <summary>
/// The spec after its overlays, embedded as a constant so contract tests validate against exactly the document the
/// types were generated from.
/// </summary>
/// <param name="ClassName">The static class's name, decided with the other type names so it cannot collide with them.</param>
/// <param name="SourcePath">The spec's file name: never a full path, so the output does not depend on the machine.</param>
/// <param name="OverlayNames">The file names of the overlays applied, in the order they were applied, for the docs.</param>
/// <param name="Json">The effective document as compact JSON; a string, so the model still compares by content.</param>
/// <param name="Title">The document's title, for the docs.</param>
internal sealed record EmbeddedDocumentModel(string ClassName, string SourcePath, EquatableArray<string> OverlayNames, string Json, string? Title);
