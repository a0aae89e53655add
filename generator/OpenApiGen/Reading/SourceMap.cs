using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace OpenApiGen.Reading;

/// <summary>
/// Finds where in the original text the node at an RFC 6901 JSON pointer came from, so diagnostics about
/// the parsed model can point at the document.
/// </summary>
/// <remarks>
/// Pointers are never materialised while loading: each node gets an entry that only knows its parent entry
/// and its name or index, and a single dictionary keyed by (parent, name|index) answers a lookup one
/// segment at a time. Offsets are stored as plain integers; lines and columns are computed on demand from
/// the line-start table, which keeps a map of a large document to a few compact arrays.
/// </remarks>
internal sealed partial class SourceMap
{
    private const int NoKey = -1;

    private readonly int[] _lineStarts;
    private readonly int _textLength;
    private readonly Entry[] _entries;
    private readonly int _entryCount;
    private readonly Dictionary<ChildKey, int> _children;
    private readonly Dictionary<JsonNode, int> _nodes;

    private SourceMap(int[] lineStarts, int textLength, Entry[] entries, int entryCount, Dictionary<ChildKey, int> children, Dictionary<JsonNode, int> nodes)
    {
        _lineStarts = lineStarts;
        _textLength = textLength;
        _entries = entries;
        _entryCount = entryCount;
        _children = children;
        _nodes = nodes;
    }

    /// <summary>Span of the node's value at <paramref name="pointer"/> ("" or "#" is the root).</summary>
    public bool TryGetSpan(string pointer, out SourceSpan span)
    {
        if (Resolve(pointer, out var entry))
        {
            span = CreateSpan(_entries[entry].ValueStart, _entries[entry].ValueEnd);
            return true;
        }

        span = default;
        return false;
    }

    /// <summary>
    /// Span of the property name for a mapping member, so a diagnostic about a property can underline its
    /// key instead of a possibly large value. Array items and the root have no key.
    /// </summary>
    public bool TryGetKeySpan(string pointer, out SourceSpan span)
    {
        if (Resolve(pointer, out var entry) && _entries[entry].KeyStart != NoKey)
        {
            span = CreateSpan(_entries[entry].KeyStart, _entries[entry].KeyEnd);
            return true;
        }

        span = default;
        return false;
    }

    /// <summary>
    /// The span at <paramref name="pointer"/>, or of its closest known ancestor: nodes that came from a YAML
    /// alias or merge, or that an overlay added, have no entry of their own. After an overlay changed the
    /// tree, prefer <see cref="Nearest(JsonNode, string)"/>.
    /// </summary>
    public SourceSpan Nearest(string pointer)
    {
        Resolve(pointer, out var entry);
        return entry < 0 ? CreateSpan(0, 0) : CreateSpan(_entries[entry].ValueStart, _entries[entry].ValueEnd);
    }

    /// <summary>
    /// Like <see cref="Nearest(string)"/>, but the pointer is resolved in the tree as it is now, after overlays
    /// have moved, removed or added nodes, and the node found is traced back to the text it was read from.
    /// A pointer from a reader that saw the changed tree (say /parameters/0 after parameter 0 was removed)
    /// would otherwise land on the wrong line.
    /// </summary>
    public SourceSpan Nearest(JsonNode? root, string pointer)
    {
        var best = _entryCount > 0 ? 0 : -1;
        if (root is not null && _nodes.TryGetValue(root, out var rootEntry))
        {
            best = rootEntry;
        }

        var current = root;
        foreach (var segment in ParsePointer(pointer) ?? new List<string>())
        {
            var child = Step(current, segment);
            if (child is null)
            {
                break;
            }

            if (_nodes.TryGetValue(child, out var entry))
            {
                best = entry;
            }

            current = child;
        }

        return best < 0 ? CreateSpan(0, 0) : CreateSpan(_entries[best].ValueStart, _entries[best].ValueEnd);
    }

    /// <summary>The node at <paramref name="pointer"/> in <paramref name="root"/> as it is now; false when the pointer leads nowhere.</summary>
    public static bool TryFind(JsonNode? root, string pointer, out JsonNode? node)
    {
        node = root;
        if (ParsePointer(pointer) is not { } segments)
        {
            return false;
        }

        foreach (var segment in segments)
        {
            if ((node = Step(node, segment)) is null)
            {
                return false;
            }
        }

        return true;
    }

    private static JsonNode? Step(JsonNode? current, string segment)
    {
        if (current is JsonObject obj)
        {
            return obj.TryGetPropertyValue(segment, out var value) ? value : null;
        }

        return current is JsonArray array && TryParseIndex(segment, out var index) && index < array.Count ? array[index] : null;
    }

    /// <summary>The span a node was read from; false for nodes that were not read from this text.</summary>
    public bool TryGetSpan(JsonNode node, out SourceSpan span)
    {
        if (node is not null && _nodes.TryGetValue(node, out var entry))
        {
            span = CreateSpan(_entries[entry].ValueStart, _entries[entry].ValueEnd);
            return true;
        }

        span = default;
        return false;
    }

    /// <summary>Turns a pair of character offsets into a span with line and column information.</summary>
    internal SourceSpan CreateSpan(int start, int end)
    {
        start = Clamp(start, 0, _textLength);
        end = Clamp(end, start, _textLength);
        var startLine = LineOf(start);
        var endLine = end == start ? startLine : LineOf(end);
        return new SourceSpan(start, end - start, startLine, start - _lineStarts[startLine], endLine, end - _lineStarts[endLine]);
    }

    private static int Clamp(int value, int min, int max) => value < min ? min : value > max ? max : value;

    private int LineOf(int offset)
    {
        // Upper bound search: the last line whose start is <= offset.
        int lo = 0, hi = _lineStarts.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) >> 1;
            if (_lineStarts[mid] <= offset)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }

    /// <summary>
    /// Walks the pointer segment by segment. On failure <paramref name="entry"/> is left at the deepest entry
    /// found, which is what <see cref="Nearest(string)"/> needs.
    /// </summary>
    private bool Resolve(string? pointer, out int entry)
    {
        entry = _entryCount > 0 ? 0 : -1;
        var segments = ParsePointer(pointer);
        if (entry < 0 || segments is null)
        {
            return false;
        }

        foreach (var segment in segments)
        {
            if (!TryGetChild(entry, segment, out var child))
            {
                return false;
            }

            entry = child;
        }

        return true;
    }

    private bool TryGetChild(int parent, string segment, out int child)
    {
        if (_children.TryGetValue(new ChildKey(parent, segment, 0), out child))
        {
            return true;
        }

        return TryParseIndex(segment, out var index) && _children.TryGetValue(new ChildKey(parent, null, index), out child);
    }

    private struct Entry
    {
        public int KeyStart;
        public int KeyEnd;
        public int ValueStart;
        public int ValueEnd;
    }

    private readonly struct ChildKey : IEquatable<ChildKey>
    {
        private readonly int _parent;
        private readonly string? _name;
        private readonly int _index;

        public ChildKey(int parent, string? name, int index)
        {
            _parent = parent;
            _name = name;
            _index = index;
        }

        public bool Equals(ChildKey other) =>
            _parent == other._parent && _index == other._index && string.Equals(_name, other._name, StringComparison.Ordinal);

        public override bool Equals(object? obj) => obj is ChildKey other && Equals(other);

        public override int GetHashCode()
        {
            unchecked
            {
                var nameHash = _name is null ? _index : StringComparer.Ordinal.GetHashCode(_name);
                return (_parent * -1521134295) ^ nameHash;
            }
        }
    }
}
