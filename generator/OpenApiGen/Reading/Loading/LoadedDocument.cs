using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace OpenApiGen.Reading;

/// <summary>A problem found while reading the text of a document.</summary>
internal sealed record LoadError(string Message, SourceSpan Span);

/// <summary>
/// The JSON tree of a document plus where each node came from. <see cref="Root"/> is null when the text could
/// not be parsed (see <see cref="Errors"/>) or when the document is the JSON literal null.
/// </summary>
internal sealed class LoadedDocument
{
    public LoadedDocument(JsonNode? root, SourceMap map, ImmutableArray<LoadError> errors, ImmutableArray<LoadError> warnings)
    {
        Root = root;
        Map = map;
        Errors = errors;
        Warnings = warnings;
    }

    public JsonNode? Root { get; }

    public SourceMap Map { get; }

    public ImmutableArray<LoadError> Errors { get; }

    /// <summary>Text outside the YAML specification that was read the way its author meant (<see cref="BlockScalarRepair"/>).</summary>
    public ImmutableArray<LoadError> Warnings { get; }
}
