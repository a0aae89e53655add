using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace OpenApiGen.Reading;

/// <summary>The open mappings and sequences, one frame each: where the next node goes, and which key it is the value of.</summary>
internal sealed partial class YamlTreeReader
{
    private Frame[] _frames = new Frame[32];
    private int _depth;

    private void OnKey(string key, int start, int end, bool isMerge)
    {
        ref var frame = ref _frames[_depth - 1];
        var obj = (JsonObject)frame.Container;
        frame.Key = key;
        frame.KeyStart = start;
        frame.KeyEnd = end;
        frame.ExpectingKey = false;
        if (isMerge)
        {
            frame.Mode = KeyMode.Merge;
        }
        else if (frame.Merged is not null && frame.Merged.Remove(key))
        {
            frame.Mode = KeyMode.OverrideMerged;
        }
        else if (obj.ContainsKey(key))
        {
            frame.Mode = KeyMode.Duplicate;
            _errors.Add(new LoadError("duplicate key " + DocumentLoader.Quote(key) + "; the first occurrence is used", _map.CreateSpan(start, end)));
        }
        else
        {
            frame.Mode = KeyMode.Normal;
        }
    }

    private void Open(JsonNode container, NodeEvent start, bool flow)
    {
        var offset = Offset(start.Start);
        var entry = -1;
        var complexKey = _depth > 0 && _frames[_depth - 1].ExpectingKey;
        if (complexKey)
        {
            _errors.Add(new LoadError("only scalar mapping keys are supported", DocumentLoader.PointSpan(_map, _text, offset)));
            ref var parent = ref _frames[_depth - 1];
            parent.ExpectingKey = false;
            parent.Mode = KeyMode.Discard;
            parent.InComplexKey = true;
        }
        else
        {
            entry = Attach(container);
        }

        if (_depth == _frames.Length)
        {
            Array.Resize(ref _frames, _frames.Length * 2);
        }

        _frames[_depth++] = new Frame
        {
            Container = container,
            Entry = entry,
            Start = offset,
            LastEnd = offset,
            Flow = flow,
            Anchor = start.Anchor,
            ExpectingKey = container is JsonObject,
        };
    }

    private void Close(ParsingEvent end)
    {
        var frame = _frames[--_depth];
        _frames[_depth] = default;
        var closing = Offset(end.Start);

        // Block collections end where the next token starts (after blank lines and comments), so their
        // extent is taken from the last child; flow collections end at their closing bracket.
        var stop = frame.LastEnd;
        if (frame.Flow && closing < _text.Length && (_text[closing] == '}' || _text[closing] == ']'))
        {
            stop = closing + 1;
        }

        Complete(frame.Container, frame.Entry, frame.Start, stop, frame.Anchor);
    }

    /// <summary>Adds a new node to its parent and returns its map entry (-1 when it is not kept).</summary>
    private int Attach(JsonNode? node)
    {
        if (_depth == 0)
        {
            _root = node;
            _hasRoot = true;
            return _map.AddRoot(node);
        }

        ref var parent = ref _frames[_depth - 1];
        if (parent.Container is JsonArray array)
        {
            array.Add(node);
            return _map.AddItem(parent.Entry, parent.NextIndex++, node);
        }

        var obj = (JsonObject)parent.Container;
        switch (parent.Mode)
        {
            case KeyMode.Normal:
                obj.Add(parent.Key!, node);
                return _map.AddProperty(parent.Entry, parent.Key!, parent.KeyStart, parent.KeyEnd, node);
            case KeyMode.OverrideMerged:
                obj[parent.Key!] = node;
                return _map.AddProperty(parent.Entry, parent.Key!, parent.KeyStart, parent.KeyEnd, node);
            default:
                // Duplicate keys, merge sources and complex keys are read but not kept.
                return -1;
        }
    }

    /// <summary>Called when a node (scalar, alias or collection) is complete.</summary>
    private void Complete(JsonNode? node, int entry, int start, int end, AnchorName anchor)
    {
        _map.SetValue(entry, start, end);
        if (!anchor.IsEmpty)
        {
            _anchors[anchor.Value] = new Anchor(node);
        }

        if (_depth == 0)
        {
            return;
        }

        ref var parent = ref _frames[_depth - 1];
        parent.LastEnd = Math.Max(parent.LastEnd, end);
        if (parent.Container is JsonArray)
        {
            return;
        }

        if (parent.InComplexKey)
        {
            parent.InComplexKey = false;
            return;
        }

        if (parent.Mode == KeyMode.Merge)
        {
            Merge(ref parent, node, start, end);
        }

        parent.ExpectingKey = true;
    }

    private enum KeyMode
    {
        Normal,
        Duplicate,
        Merge,
        OverrideMerged,
        Discard,
    }

    private struct Frame
    {
        public JsonNode Container;
        public int Entry;
        public int Start;
        public int LastEnd;
        public bool Flow;
        public AnchorName Anchor;
        public bool ExpectingKey;
        public bool InComplexKey;
        public KeyMode Mode;
        public string? Key;
        public int KeyStart;
        public int KeyEnd;
        public int NextIndex;
        public HashSet<string>? Merged;
    }
}
