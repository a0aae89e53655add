using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace OpenApiGen.Reading;

/// <summary>
/// YAML through YamlDotNet's event parser (its object model would lose the marks), resolving plain scalars
/// with the YAML 1.2 core schema, since that is what a JSON-minded author of an OpenAPI document expects
/// (no YAML 1.1 surprises such as "no" being false or 012 being octal).
/// </summary>
internal sealed class YamlTreeReader
{
    private const string StrTag = "tag:yaml.org,2002:str";
    private const string MergeKey = "<<";

    // Aliases are expanded by copying; this bounds a "billion laughs" document.
    private const long AliasNodeBudget = 1_000_000;

    private readonly string _text;
    private readonly int _bom;
    private readonly SourceMap.Builder _map;
    private readonly ImmutableArray<LoadError>.Builder _errors;
    private readonly CancellationToken _ct;
    private readonly Dictionary<string, Anchor> _anchors = new Dictionary<string, Anchor>(StringComparer.Ordinal);
    private Frame[] _frames = new Frame[32];
    private int _depth;
    private JsonNode? _root;
    private bool _hasRoot;
    private long _aliasNodes;
    private int _lastEnd;

    public YamlTreeReader(string text, int bom, SourceMap.Builder map, ImmutableArray<LoadError>.Builder errors, CancellationToken ct)
    {
        _text = text;
        _bom = bom;
        _map = map;
        _errors = errors;
        _ct = ct;
    }

    public JsonNode? Read()
    {
        // YamlDotNet would read a BOM as part of the first key, so it never sees it.
        var parser = new Parser(new StringReader(_bom == 0 ? _text : _text.Substring(_bom)));
        var documents = 0;
        var events = 0;
        try
        {
            while (parser.MoveNext())
            {
                if ((++events & 0xFFF) == 0)
                {
                    _ct.ThrowIfCancellationRequested();
                }

                var current = parser.Current!;
                switch (current)
                {
                    case DocumentStart:
                        if (++documents > 1)
                        {
                            _errors.Add(new LoadError(
                                "the stream contains more than one YAML document; only the first is read",
                                DocumentLoader.PointSpan(_map, _text, Offset(current.Start))));
                            return Finish();
                        }

                        break;
                    case Scalar scalar:
                        OnScalar(scalar);
                        break;
                    case AnchorAlias alias:
                        if (!OnAlias(alias))
                        {
                            return null;
                        }

                        break;
                    case MappingStart or SequenceStart when _depth == DocumentLoader.MaxDepth:
                        // Also stops YamlDotNet early: its cost per token grows with the nesting depth.
                        _errors.Add(new LoadError(
                            "the document nests deeper than " + DocumentLoader.MaxDepth.ToString(CultureInfo.InvariantCulture) + " levels",
                            DocumentLoader.PointSpan(_map, _text, Offset(current.Start))));
                        return null;
                    case MappingStart mapping:
                        Open(new JsonObject(), mapping, mapping.Style == MappingStyle.Flow);
                        break;
                    case SequenceStart sequence:
                        Open(new JsonArray(), sequence, sequence.Style == SequenceStyle.Flow);
                        break;
                    case MappingEnd:
                    case SequenceEnd:
                        Close(current);
                        break;
                }

                _lastEnd = Math.Max(_lastEnd, Offset(current.End));
            }
        }
        catch (YamlException ex)
        {
            var start = Offset(ex.Start);
            var end = Math.Max(start, Offset(ex.End));
            _errors.Add(new LoadError(ex.Message, end > start ? _map.CreateSpan(start, end) : DocumentLoader.PointSpan(_map, _text, start)));
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // YamlDotNet sometimes fails without a position of its own (InvalidOperationException for an
            // unclosed flow sequence): the end of the last good event is the best we know.
            _errors.Add(new LoadError("invalid YAML after this point (" + ex.Message + ")", DocumentLoader.PointSpan(_map, _text, _lastEnd)));
            return null;
        }

        return Finish();
    }

    private JsonNode? Finish()
    {
        if (!_hasRoot)
        {
            _map.AddRoot(null);
            _errors.Add(new LoadError(DocumentLoader.EmptyDocument, _map.CreateSpan(_bom, _bom)));
        }

        return _root;
    }

    private void OnScalar(Scalar scalar)
    {
        var start = Offset(scalar.Start);
        var end = TrimEnd(start, Offset(scalar.End));
        if (_depth > 0 && _frames[_depth - 1].ExpectingKey)
        {
            var isMerge = scalar.Style == ScalarStyle.Plain && scalar.Tag.IsEmpty && scalar.Value == MergeKey;
            OnKey(scalar.Value, start, end, isMerge);
            if (!scalar.Anchor.IsEmpty)
            {
                _anchors[scalar.Anchor.Value] = new Anchor(JsonValue.Create(scalar.Value));
            }

            return;
        }

        var node = Resolve(scalar);
        if (_depth == 0 && node is null && scalar.Value.Length == 0 && scalar.Tag.IsEmpty)
        {
            // A document that is only "---" (or comments) holds an implicit empty scalar.
            return;
        }

        Complete(node, Attach(node), start, end, scalar.Anchor);
    }

    private bool OnAlias(AnchorAlias alias)
    {
        var start = Offset(alias.Start);
        var end = Offset(alias.End);
        var name = alias.Value.Value;
        if (!_anchors.TryGetValue(name, out var anchor))
        {
            _errors.Add(new LoadError("unknown anchor " + DocumentLoader.Quote(name) + " (an alias must follow its anchor and cannot refer to a node that contains it)", _map.CreateSpan(start, end)));
            anchor = new Anchor(null);
        }

        if (_depth > 0 && _frames[_depth - 1].ExpectingKey)
        {
            if (anchor.Node is JsonValue value && value.TryGetValue<string>(out var keyText))
            {
                OnKey(keyText, start, end, isMerge: false);
            }
            else
            {
                _errors.Add(new LoadError("only scalar mapping keys are supported", _map.CreateSpan(start, end)));
                ref var parent = ref _frames[_depth - 1];
                parent.Mode = KeyMode.Discard;
                parent.ExpectingKey = false;
            }

            return true;
        }

        if (anchor.Size < 0)
        {
            anchor.Size = CountNodes(anchor.Node);
            _anchors[name] = anchor;
        }

        _aliasNodes += anchor.Size;
        if (_aliasNodes > AliasNodeBudget)
        {
            _errors.Add(new LoadError("aliases expand to more than " + AliasNodeBudget.ToString(CultureInfo.InvariantCulture) + " nodes; the document is not read", _map.CreateSpan(start, end)));
            return false;
        }

        var copy = anchor.Node?.DeepClone();
        Complete(copy, Attach(copy), start, end, default);
        return true;
    }

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

    /// <summary>
    /// YAML merge keys: keys already present (before or after the "&lt;&lt;") win, and earlier sources in a
    /// sequence win over later ones, so only missing keys are copied.
    /// </summary>
    private void Merge(ref Frame frame, JsonNode? source, int start, int end)
    {
        if (source is JsonObject single)
        {
            MergeOne(ref frame, single, start, end);
            return;
        }

        if (source is JsonArray sources && AllObjects(sources))
        {
            foreach (var item in sources)
            {
                MergeOne(ref frame, (JsonObject)item!, start, end);
            }

            return;
        }

        _errors.Add(new LoadError("the value of a merge key (<<) must be a mapping or a sequence of mappings", _map.CreateSpan(start, end)));
    }

    private void MergeOne(ref Frame frame, JsonObject source, int start, int end)
    {
        var target = (JsonObject)frame.Container;
        foreach (var property in source)
        {
            if (target.ContainsKey(property.Key))
            {
                continue;
            }

            var copy = property.Value?.DeepClone();
            target.Add(property.Key, copy);
            (frame.Merged ??= new HashSet<string>(StringComparer.Ordinal)).Add(property.Key);
            _map.SetValue(_map.AddProperty(frame.Entry, property.Key, frame.KeyStart, frame.KeyEnd, copy), start, end);
        }
    }

    private static bool AllObjects(JsonArray array)
    {
        foreach (var item in array)
        {
            if (item is not JsonObject)
            {
                return false;
            }
        }

        return true;
    }

    private static long CountNodes(JsonNode? node)
    {
        long count = 0;
        var pending = new Stack<JsonNode?>();
        pending.Push(node);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            count++;
            if (current is JsonObject obj)
            {
                foreach (var property in obj)
                {
                    pending.Push(property.Value);
                }
            }
            else if (current is JsonArray array)
            {
                foreach (var item in array)
                {
                    pending.Push(item);
                }
            }
        }

        return count;
    }

    private int Offset(Mark mark) => (int)Math.Min(_text.Length, mark.Index + _bom);

    /// <summary>Block scalars end after their trailing line breaks; a span should stop at the text.</summary>
    private int TrimEnd(int start, int end)
    {
        while (end > start && (_text[end - 1] == ' ' || _text[end - 1] == '\t' || _text[end - 1] == '\r' || _text[end - 1] == '\n'))
        {
            end--;
        }

        return end;
    }

    private static JsonNode? Resolve(Scalar scalar)
    {
        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(scalar.Value);
        }

        if (!scalar.Tag.IsEmpty && (scalar.Tag.Value == StrTag || scalar.Tag.Value == "!"))
        {
            return JsonValue.Create(scalar.Value);
        }

        return YamlCoreSchema.Resolve(scalar.Value);
    }

    private enum KeyMode
    {
        Normal,
        Duplicate,
        Merge,
        OverrideMerged,
        Discard,
    }

    private struct Anchor
    {
        public Anchor(JsonNode? node)
        {
            Node = node;
            Size = -1;
        }

        public JsonNode? Node;
        public long Size;
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
