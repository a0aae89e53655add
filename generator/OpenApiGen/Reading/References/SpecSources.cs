using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace OpenApiGen.Reading;

/// <summary>
/// Where each node of a spec's tree was written: in the spec itself, or, for what <see cref="ExternalReferences"/>
/// copied in, in the referenced file, so a diagnostic about a schema that came from <c>common.yaml</c> points at
/// <c>common.yaml</c>'s line.
/// </summary>
internal sealed class SpecSources
{
    private readonly string _specPath;
    private readonly SourceMap _specMap;
    private readonly Dictionary<JsonNode, Copy> _copies = new(); // JsonNode compares by reference

    public SpecSources(string specPath, SourceMap specMap)
    {
        _specPath = specPath;
        _specMap = specMap;
    }

    /// <summary>Records that <paramref name="copy"/> is a copy of <paramref name="original"/>, read from <paramref name="file"/>.</summary>
    public void Add(JsonNode copy, JsonNode original, ReferencedFile file) => _copies[copy] = new Copy(original, file);

    /// <summary>The file and span of the node at <paramref name="pointer"/> in <paramref name="root"/>, or of its closest ancestor with one.</summary>
    public (string Path, SourceSpan Span) Locate(JsonNode root, string pointer, bool atKey = false)
    {
        var node = Deepest(root, pointer, out var complete);
        if (atKey && complete && node is not null && _copies.TryGetValue(node, out var copy)
            && copy.File.Map.TryGetKeySpan(PointerOf(copy.Original), out var key))
        {
            return (copy.File.Path, key);
        }

        return Locate(node);
    }

    /// <summary>The file and span of <paramref name="node"/>, or of its closest ancestor with one.</summary>
    public (string Path, SourceSpan Span) Locate(JsonNode? node)
    {
        for (var current = node; current is not null; current = current.Parent)
        {
            if (_copies.TryGetValue(current, out var copy))
            {
                if (copy.File.Map.TryGetSpan(copy.Original, out var span))
                {
                    return (copy.File.Path, span);
                }

                continue;
            }

            if (_specMap.TryGetSpan(current, out var own))
            {
                return (_specPath, own);
            }
        }

        return (_specPath, _specMap.Nearest(string.Empty));
    }

    private static JsonNode? Deepest(JsonNode root, string pointer, out bool complete)
    {
        JsonNode? current = root;
        complete = true;
        foreach (var segment in SourceMap.ParsePointer(pointer) ?? new List<string>())
        {
            JsonNode? next = current switch
            {
                JsonObject obj when obj.TryGetPropertyValue(segment, out var value) => value,
                JsonArray array when int.TryParse(segment, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) && index < array.Count => array[index],
                _ => null,
            };
            if (next is null)
            {
                complete = false;
                break;
            }

            current = next;
        }

        return current;
    }

    /// <summary>The RFC 6901 pointer of a node in its own tree.</summary>
    private static string PointerOf(JsonNode node)
    {
        var segments = new List<string>();
        for (var current = node; current.Parent is { } parent; current = parent)
        {
            if (parent is JsonObject obj)
            {
                foreach (var member in obj)
                {
                    if (ReferenceEquals(member.Value, current))
                    {
                        segments.Add(SourceMap.EscapeToken(member.Key));
                        break;
                    }
                }
            }
            else if (parent is JsonArray array)
            {
                segments.Add(array.IndexOf(current).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        segments.Reverse();
        return segments.Count == 0 ? string.Empty : "/" + string.Join("/", segments);
    }

    private readonly record struct Copy(JsonNode Original, ReferencedFile File);
}
