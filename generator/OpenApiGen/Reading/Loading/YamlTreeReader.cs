using System;
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
internal sealed partial class YamlTreeReader
{
    private const string StrTag = "tag:yaml.org,2002:str";

    private readonly string _text;
    private readonly int _bom;
    private readonly SourceMap.Builder _map;
    private readonly ImmutableArray<LoadError>.Builder _errors;
    private readonly CancellationToken _ct;

    private JsonNode? _root;
    private bool _hasRoot;
    private int _lastEnd;

    public YamlTreeReader(string text, int bom, SourceMap.Builder map, ImmutableArray<LoadError>.Builder errors, CancellationToken ct)
    {
        _text = text;
        _bom = bom;
        _map = map;
        _errors = errors;
        _ct = ct;
    }

    /// <summary>Where YamlDotNet stopped on a block scalar <see cref="BlockScalarRepair"/> may repair; null otherwise.</summary>
    public int? RepairAt { get; private set; }

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
            if (Array.Exists(BlockScalarRepair.Messages, m => ex.Message.IndexOf(m, StringComparison.Ordinal) >= 0))
            {
                RepairAt = start;
            }

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
}
