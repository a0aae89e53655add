using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core.Events;

namespace OpenApiGen.Reading;

/// <summary>Anchors and aliases: an alias is a deep copy of its anchor's node, within a budget of nodes.</summary>
internal sealed partial class YamlTreeReader
{
    // Aliases are expanded by copying; this bounds a "billion laughs" document.
    private const long AliasNodeBudget = 1_000_000;

    private readonly Dictionary<string, Anchor> _anchors = new Dictionary<string, Anchor>(StringComparer.Ordinal);
    private long _aliasNodes;

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
}
