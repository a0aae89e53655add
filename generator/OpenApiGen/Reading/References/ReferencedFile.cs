using System.Text.Json.Nodes;

namespace OpenApiGen.Reading;

/// <summary>Another file a spec refers to (<c>$ref: ./common.yaml#/...</c>), read once per spec read.</summary>
internal sealed class ReferencedFile
{
    public ReferencedFile(string path, JsonNode? root, SourceMap map)
    {
        Path = path;
        Root = root;
        Map = map;
    }

    /// <summary>The full path, as the build passed it.</summary>
    public string Path { get; }

    /// <summary>Its tree; null when it could not be read (its errors were reported once).</summary>
    public JsonNode? Root { get; }

    public SourceMap Map { get; }
}
