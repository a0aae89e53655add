using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace OpenApiGen.Reading;

/// <summary>A problem found while reading the text of a document.</summary>
internal sealed record LoadError(string Message, SourceSpan Span);

/// <summary>
/// The JSON tree of a document plus where each node came from. <see cref="Root"/> is null when the text could
/// not be parsed (see <see cref="Errors"/>) or when the document is the JSON literal null.
/// </summary>
internal sealed class LoadedDocument
{
    public LoadedDocument(JsonNode? root, SourceMap map, ImmutableArray<LoadError> errors)
    {
        Root = root;
        Map = map;
        Errors = errors;
    }

    public JsonNode? Root { get; }

    public SourceMap Map { get; }

    public ImmutableArray<LoadError> Errors { get; }
}

/// <summary>
/// Turns JSON or YAML text into a <see cref="JsonNode"/> tree and a <see cref="SourceMap"/> in one pass.
/// </summary>
/// <remarks>
/// Both readers build the tree with an explicit stack rather than recursion: the code runs inside the
/// compiler, where a deeply nested (or hostile) document must not overflow the stack.
/// </remarks>
internal static class DocumentLoader
{
    private const string EmptyDocument = "the document is empty";

    // Far beyond any real spec; bounds both our stacks and the recursion of whoever walks the tree later.
    private const int MaxDepth = 1000;

    /// <summary>
    /// Never throws for bad input: every problem becomes a <see cref="LoadError"/>. Only cancellation escapes.
    /// </summary>
    public static LoadedDocument Load(string text, bool isJson, CancellationToken ct)
    {
        text ??= string.Empty;
        var map = new SourceMap.Builder(text);
        var errors = ImmutableArray.CreateBuilder<LoadError>();
        var bom = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;

        JsonNode? root = null;
        if (IsBlank(text, bom))
        {
            map.AddRoot(null);
            errors.Add(new LoadError(EmptyDocument, map.CreateSpan(bom, bom)));
        }
        else
        {
            try
            {
                root = isJson
                    ? new JsonTreeReader(text, bom, map, errors, ct).Read()
                    : new YamlTreeReader(text, bom, map, errors, ct).Read();
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception ex)
            {
                // A reader bug must not take down the compiler; report it like any other load problem.
                errors.Add(new LoadError("the document could not be read: " + ex.Message, map.CreateSpan(bom, bom)));
                root = null;
            }
        }

        return new LoadedDocument(root, map.Build(), errors.ToImmutable());
    }

    private static bool IsBlank(string text, int start)
    {
        for (var i = start; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static string Quote(string key) => "'" + (key.Length > 80 ? key.Substring(0, 80) + "..." : key) + "'";

    /// <summary>
    /// JSON through <see cref="Utf8JsonReader"/>: the reader reports byte offsets, which
    /// <see cref="CharOffsets"/> turns back into offsets of the original string.
    /// </summary>
    private sealed class JsonTreeReader
    {
        private static readonly JsonReaderOptions Options = new JsonReaderOptions
        {
            AllowTrailingCommas = true,
            CommentHandling = JsonCommentHandling.Skip,
            MaxDepth = MaxDepth,
        };

        private readonly string _text;
        private readonly int _bom;
        private readonly SourceMap.Builder _map;
        private readonly ImmutableArray<LoadError>.Builder _errors;
        private readonly CancellationToken _ct;
        private Frame[] _frames = new Frame[32];
        private int _depth;
        private JsonNode? _root;

        public JsonTreeReader(string text, int bom, SourceMap.Builder map, ImmutableArray<LoadError>.Builder errors, CancellationToken ct)
        {
            _text = text;
            _bom = bom;
            _map = map;
            _errors = errors;
            _ct = ct;
        }

        public JsonNode? Read()
        {
            // Utf8JsonReader rejects a BOM, so the bytes start after it and offsets are shifted back by _bom.
            var bytes = Encoding.UTF8.GetBytes(_text.Substring(_bom));
            var offsets = new CharOffsets(_text, _bom);
            var reader = new Utf8JsonReader(bytes, Options);
            var tokens = 0;
            try
            {
                while (reader.Read())
                {
                    if ((++tokens & 0xFFF) == 0)
                    {
                        _ct.ThrowIfCancellationRequested();
                    }

                    var start = (int)reader.TokenStartIndex;
                    switch (reader.TokenType)
                    {
                        case JsonTokenType.PropertyName:
                            OnPropertyName(reader.GetString()!, offsets.ToChar(start), offsets.ToChar(start + reader.ValueSpan.Length + 2));
                            break;
                        case JsonTokenType.StartObject:
                            Open(new JsonObject(), offsets.ToChar(start));
                            break;
                        case JsonTokenType.StartArray:
                            Open(new JsonArray(), offsets.ToChar(start));
                            break;
                        case JsonTokenType.EndObject:
                        case JsonTokenType.EndArray:
                            var frame = _frames[--_depth];
                            _map.SetValue(frame.Entry, frame.Start, offsets.ToChar(start + 1));
                            _frames[_depth] = default;
                            break;
                        case JsonTokenType.String:
                            Value(JsonValue.Create(reader.GetString()), offsets.ToChar(start), offsets.ToChar(start + reader.ValueSpan.Length + 2));
                            break;
                        case JsonTokenType.Number:
                            Value(CreateNumber(ref reader), offsets.ToChar(start), offsets.ToChar(start + reader.ValueSpan.Length));
                            break;
                        case JsonTokenType.True:
                        case JsonTokenType.False:
                            Value(JsonValue.Create(reader.TokenType == JsonTokenType.True), offsets.ToChar(start), offsets.ToChar(start + reader.ValueSpan.Length));
                            break;
                        case JsonTokenType.Null:
                            Value(null, offsets.ToChar(start), offsets.ToChar(start + reader.ValueSpan.Length));
                            break;
                    }
                }
            }
            catch (JsonException ex)
            {
                var byteOffset = ByteOffsetOf(bytes, ex.LineNumber ?? 0, ex.BytePositionInLine ?? 0);
                var offset = offsets.ToChar(byteOffset);

                // Nothing but comments: the reader's complaint about missing tokens means just that.
                var message = tokens == 0 && byteOffset >= bytes.Length ? EmptyDocument : CleanMessage(ex.Message);
                _errors.Add(new LoadError(message, PointSpan(offset)));
                if (tokens == 0)
                {
                    _map.AddRoot(null);
                }

                return null;
            }

            return _root;
        }

        private void OnPropertyName(string name, int keyStart, int keyEnd)
        {
            ref var frame = ref _frames[_depth - 1];
            frame.Key = name;
            frame.KeyStart = keyStart;
            frame.KeyEnd = keyEnd;
            frame.Duplicate = ((JsonObject)frame.Container).ContainsKey(name);
            if (frame.Duplicate)
            {
                _errors.Add(new LoadError("duplicate key " + Quote(name) + "; the first occurrence is used", _map.CreateSpan(keyStart, keyEnd)));
            }
        }

        private void Open(JsonNode container, int start)
        {
            var entry = Attach(container);
            if (_depth == _frames.Length)
            {
                Array.Resize(ref _frames, _frames.Length * 2);
            }

            _frames[_depth++] = new Frame { Container = container, Entry = entry, Start = start };
        }

        private void Value(JsonNode? node, int start, int end) => _map.SetValue(Attach(node), start, end);

        /// <summary>Adds the node to its parent and returns its map entry (-1 when it is not kept).</summary>
        private int Attach(JsonNode? node)
        {
            if (_depth == 0)
            {
                _root = node;
                return _map.AddRoot(node);
            }

            ref var parent = ref _frames[_depth - 1];
            if (parent.Container is JsonObject obj)
            {
                if (parent.Duplicate)
                {
                    return -1;
                }

                obj.Add(parent.Key!, node);
                return _map.AddProperty(parent.Entry, parent.Key!, parent.KeyStart, parent.KeyEnd, node);
            }

            ((JsonArray)parent.Container).Add(node);
            return _map.AddItem(parent.Entry, parent.NextIndex++, node);
        }

        /// <summary>
        /// Integers that fit a long stay exact; other numbers prefer decimal (keeps "1.50" as written) and fall
        /// back to double for exponents, where decimal would silently round tiny values to zero.
        /// </summary>
        private static JsonNode CreateNumber(ref Utf8JsonReader reader)
        {
            if (reader.TryGetInt64(out var integer))
            {
                return JsonValue.Create(integer);
            }

            var raw = reader.ValueSpan;
            var hasExponent = raw.IndexOf((byte)'e') >= 0 || raw.IndexOf((byte)'E') >= 0;
            if (!hasExponent && reader.TryGetDecimal(out var exact))
            {
                return JsonValue.Create(exact);
            }

            if (reader.TryGetDouble(out var real) && !double.IsInfinity(real) && !double.IsNaN(real))
            {
                return JsonValue.Create(real);
            }

            // Beyond every CLR number type (1e400): keep the literal itself so nothing is lost.
            using var document = JsonDocument.Parse(raw.ToArray());
            return JsonValue.Create(document.RootElement.Clone())!;
        }

        /// <summary>Utf8JsonReader counts lines by '\n' only and columns in bytes.</summary>
        private static int ByteOffsetOf(byte[] bytes, long line, long bytePositionInLine)
        {
            var offset = 0;
            for (long seen = 0; seen < line && offset < bytes.Length; offset++)
            {
                if (bytes[offset] == (byte)'\n')
                {
                    seen++;
                }
            }

            return (int)Math.Min(bytes.Length, offset + bytePositionInLine);
        }

        /// <summary>The reader appends its own position; we report it as a span instead.</summary>
        private static string CleanMessage(string message)
        {
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            return (cut > 0 ? message.Substring(0, cut) : message).Trim();
        }

        private SourceSpan PointSpan(int offset) => DocumentLoader.PointSpan(_map, _text, offset);

        private struct Frame
        {
            public JsonNode Container;
            public int Entry;
            public int Start;
            public string? Key;
            public int KeyStart;
            public int KeyEnd;
            public bool Duplicate;
            public int NextIndex;
        }
    }

    /// <summary>A one-character span where possible, so an error at a point is still visible in an editor.</summary>
    private static SourceSpan PointSpan(SourceMap.Builder map, string text, int offset)
    {
        var visible = offset < text.Length && text[offset] != '\r' && text[offset] != '\n';
        return map.CreateSpan(offset, visible ? offset + 1 : offset);
    }

    /// <summary>
    /// Converts UTF-8 byte offsets (relative to the text after the BOM) into UTF-16 offsets of the original
    /// string. Only non-ASCII characters change the difference between the two, so only they are recorded;
    /// pure ASCII text needs no table at all.
    /// </summary>
    private sealed class CharOffsets
    {
        private readonly int _bom;
        private readonly int[]? _byteEnds;
        private readonly int[]? _deltas;
        private readonly int _count;
        private int _hint = -1;

        public CharOffsets(string text, int bom)
        {
            _bom = bom;
            List<int>? byteEnds = null;
            List<int>? deltas = null;
            var bytePosition = 0;
            var delta = 0;
            for (var i = bom; i < text.Length; i++)
            {
                var c = text[i];
                if (c < 0x80)
                {
                    bytePosition++;
                    continue;
                }

                if (c < 0x800)
                {
                    bytePosition += 2;
                    delta += 1;
                }
                else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    bytePosition += 4;
                    delta += 2;
                    i++;
                }
                else
                {
                    // Includes a lone surrogate, which the encoder replaces by U+FFFD (3 bytes).
                    bytePosition += 3;
                    delta += 2;
                }

                (byteEnds ??= new List<int>()).Add(bytePosition);
                (deltas ??= new List<int>()).Add(delta);
            }

            _byteEnds = byteEnds?.ToArray();
            _deltas = deltas?.ToArray();
            _count = _byteEnds?.Length ?? 0;
        }

        public int ToChar(int byteOffset)
        {
            if (_count == 0)
            {
                return byteOffset + _bom;
            }

            // Offsets mostly grow as the reader advances: step forward from the previous answer and only
            // search when that does not get there quickly.
            var index = _hint;
            if (index >= 0 && _byteEnds![index] > byteOffset)
            {
                index = Search(byteOffset);
            }
            else
            {
                for (var steps = 0; index + 1 < _count && _byteEnds![index + 1] <= byteOffset; steps++)
                {
                    if (steps == 8)
                    {
                        index = Search(byteOffset);
                        break;
                    }

                    index++;
                }
            }

            _hint = index;
            return byteOffset - (index < 0 ? 0 : _deltas![index]) + _bom;
        }

        /// <summary>The last non-ASCII character that ends at or before the offset, or -1.</summary>
        private int Search(int byteOffset)
        {
            int lo = -1, hi = _count - 1;
            while (lo < hi)
            {
                var mid = (lo + hi + 1) >> 1;
                if (_byteEnds![mid] <= byteOffset)
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
    }

    /// <summary>
    /// YAML through YamlDotNet's event parser (its object model would lose the marks), resolving plain scalars
    /// with the YAML 1.2 core schema, since that is what a JSON-minded author of an OpenAPI document expects
    /// (no YAML 1.1 surprises such as "no" being false or 012 being octal).
    /// </summary>
    private sealed class YamlTreeReader
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
                                    PointSpan(_map, _text, Offset(current.Start))));
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
                        case MappingStart or SequenceStart when _depth == MaxDepth:
                            // Also stops YamlDotNet early: its cost per token grows with the nesting depth.
                            _errors.Add(new LoadError(
                                "the document nests deeper than " + MaxDepth.ToString(CultureInfo.InvariantCulture) + " levels",
                                PointSpan(_map, _text, Offset(current.Start))));
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
                _errors.Add(new LoadError(ex.Message, end > start ? _map.CreateSpan(start, end) : PointSpan(_map, _text, start)));
                return null;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // YamlDotNet sometimes fails without a position of its own (InvalidOperationException for an
                // unclosed flow sequence): the end of the last good event is the best we know.
                _errors.Add(new LoadError("invalid YAML after this point (" + ex.Message + ")", PointSpan(_map, _text, _lastEnd)));
                return null;
            }

            return Finish();
        }

        private JsonNode? Finish()
        {
            if (!_hasRoot)
            {
                _map.AddRoot(null);
                _errors.Add(new LoadError(EmptyDocument, _map.CreateSpan(_bom, _bom)));
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
                _errors.Add(new LoadError("unknown anchor " + Quote(name) + " (an alias must follow its anchor and cannot refer to a node that contains it)", _map.CreateSpan(start, end)));
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
                _errors.Add(new LoadError("duplicate key " + Quote(key) + "; the first occurrence is used", _map.CreateSpan(start, end)));
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
                _errors.Add(new LoadError("only scalar mapping keys are supported", PointSpan(_map, _text, offset)));
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

    /// <summary>Plain-scalar resolution of the YAML 1.2 core schema (section 10.3.2).</summary>
    private static class YamlCoreSchema
    {
        public static JsonNode? Resolve(string value)
        {
            switch (value)
            {
                case "":
                case "~":
                case "null":
                case "Null":
                case "NULL":
                    return null;
                case "true":
                case "True":
                case "TRUE":
                    return JsonValue.Create(true);
                case "false":
                case "False":
                case "FALSE":
                    return JsonValue.Create(false);
            }

            var first = value[0];
            if (!(first == '-' || first == '+' || first == '.' || (first >= '0' && first <= '9')))
            {
                return JsonValue.Create(value);
            }

            if (value.Length > 2 && value[0] == '0' && (value[1] == 'x' || value[1] == 'o'))
            {
                return value[1] == 'x' ? Radix(value, 16) : Radix(value, 8);
            }

            if (IsDecimalInteger(value))
            {
                if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
                {
                    return JsonValue.Create(integer);
                }

                return decimal.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var big)
                    ? JsonValue.Create(big)
                    : Real(value);
            }

            if (IsFloat(value, out var hasExponent))
            {
                if (!hasExponent && decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact))
                {
                    return JsonValue.Create(exact);
                }

                return Real(value);
            }

            // .inf and .nan match the schema but JSON cannot represent them; they stay text.
            return JsonValue.Create(value);
        }

        private static JsonNode Real(string value) =>
            double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && !double.IsInfinity(real) && !double.IsNaN(real)
                ? JsonValue.Create(real)
                : JsonValue.Create(value)!;

        private static JsonNode Radix(string value, int radix)
        {
            var result = BigInteger.Zero;
            for (var i = 2; i < value.Length; i++)
            {
                var digit = HexDigit(value[i]);
                if (digit < 0 || digit >= radix)
                {
                    return JsonValue.Create(value)!;
                }

                result = (result * radix) + digit;
            }

            if (result <= long.MaxValue)
            {
                return JsonValue.Create((long)result);
            }

            return result <= new BigInteger(decimal.MaxValue) ? JsonValue.Create((decimal)result) : JsonValue.Create((double)result);
        }

        private static int HexDigit(char c) =>
            c >= '0' && c <= '9' ? c - '0' :
            c >= 'a' && c <= 'f' ? c - 'a' + 10 :
            c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;

        /// <summary>[-+]?[0-9]+</summary>
        private static bool IsDecimalInteger(string value)
        {
            var i = value[0] == '-' || value[0] == '+' ? 1 : 0;
            if (i == value.Length)
            {
                return false;
            }

            for (; i < value.Length; i++)
            {
                if (value[i] < '0' || value[i] > '9')
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?</summary>
        private static bool IsFloat(string value, out bool hasExponent)
        {
            hasExponent = false;
            var i = value[0] == '-' || value[0] == '+' ? 1 : 0;
            var integerDigits = CountDigits(value, ref i);
            var fractionDigits = 0;
            if (i < value.Length && value[i] == '.')
            {
                i++;
                fractionDigits = CountDigits(value, ref i);
            }

            if (integerDigits == 0 && fractionDigits == 0)
            {
                return false;
            }

            if (i < value.Length && (value[i] == 'e' || value[i] == 'E'))
            {
                hasExponent = true;
                i++;
                if (i < value.Length && (value[i] == '-' || value[i] == '+'))
                {
                    i++;
                }

                if (CountDigits(value, ref i) == 0)
                {
                    return false;
                }
            }

            return i == value.Length;
        }

        private static int CountDigits(string value, ref int i)
        {
            var start = i;
            while (i < value.Length && value[i] >= '0' && value[i] <= '9')
            {
                i++;
            }

            return i - start;
        }
    }
}
