using System;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;

namespace OpenApiGen.Reading;

/// <summary>
/// JSON through <see cref="Utf8JsonReader"/>: the reader reports byte offsets, which
/// <see cref="CharOffsets"/> turns back into offsets of the original string.
/// </summary>
internal sealed class JsonTreeReader
{
    private static readonly JsonReaderOptions Options = new JsonReaderOptions
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = DocumentLoader.MaxDepth,
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
            var message = tokens == 0 && byteOffset >= bytes.Length ? DocumentLoader.EmptyDocument : CleanMessage(ex.Message);
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
            _errors.Add(new LoadError("duplicate key " + DocumentLoader.Quote(name) + "; the first occurrence is used", _map.CreateSpan(keyStart, keyEnd)));
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
