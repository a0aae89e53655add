using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using OpenApiGen.Diagnostics;
using OpenApiGen.Pipeline;

namespace OpenApiGen.Reading;

/// <summary>Copies of another file's nodes, each remembered as coming from there; a part copied where it is used.</summary>
internal sealed partial class ExternalReferences
{
    // A spec whose non-schema references copy themselves into each other (path items through callbacks) would grow
    // without end; no real spec comes near this many copies.
    private const int MaxCopies = 10_000;

    private readonly Dictionary<JsonObject, HashSet<string>> _inlinedInto = new();
    private readonly HashSet<JsonNode> _copyRoots = new();
    private int _copies;

    /// <summary>A parameter, response, path item... from another file, copied over the reference (its own members win, as 3.1's summary and description do).</summary>
    private void Inline(JsonObject obj, Target target, ReferencePlace place, string text)
    {
        if (target.Node is not JsonObject)
        {
            Report(Descriptors.InvalidOpenApi, obj, $"'{text}' leads to a {Kind(target.Node)}, not an object");
            Drop(obj, place);
            return;
        }

        if (!_inlinedInto.TryGetValue(obj, out var seen))
        {
            _inlinedInto[obj] = seen = new HashSet<string>(StringComparer.Ordinal);
        }

        var loops = !seen.Add(target.Key);
        if (loops || _copies >= MaxCopies)
        {
            Report(Descriptors.ExternalReferenceRefused, obj, text, loops
                ? "it leads back to itself through other references"
                : $"the spec's references to other files copy more than {MaxCopies} parts");
            Drop(obj, place);
            return;
        }

        var copy = (JsonObject)Copy(target.Node, target.File!);
        obj.Remove("$ref");
        foreach (var member in copy.ToList())
        {
            if (!obj.ContainsKey(member.Key))
            {
                copy.Remove(member.Key);
                obj[member.Key] = member.Value;
            }
        }

        // Walked again as the copied part, whose references are its own file's.
        _work.Push((obj, place, target.File));
    }

    /// <summary>A deep copy of a node of another file, each node of it remembered as coming from there.</summary>
    private JsonNode Copy(JsonNode original, ReferencedFile file)
    {
        _copies++;
        var copy = Shallow(original);
        _copyRoots.Add(copy);
        var pending = new Stack<(JsonNode Original, JsonNode Copy)>();
        pending.Push((original, copy));
        while (pending.Count > 0)
        {
            var (from, to) = pending.Pop();
            _sources.Add(to, from, file);
            if (from is JsonObject fromObject)
            {
                foreach (var member in fromObject)
                {
                    var child = member.Value is null ? null : Shallow(member.Value);
                    ((JsonObject)to)[member.Key] = child;
                    if (child is not null)
                    {
                        pending.Push((member.Value!, child));
                    }
                }
            }
            else if (from is JsonArray fromArray)
            {
                foreach (var item in fromArray)
                {
                    var child = item is null ? null : Shallow(item);
                    ((JsonArray)to).Add(child);
                    if (child is not null)
                    {
                        pending.Push((item!, child));
                    }
                }
            }
        }

        return copy;
    }

    private static JsonNode Shallow(JsonNode node) => node switch
    {
        JsonObject => new JsonObject(),
        JsonArray => new JsonArray(),
        _ => node.DeepClone(),
    };

    /// <summary>A reference that leads nowhere: a schema becomes any value (OAG004's JsonElement), anything else is left out.</summary>
    private static void Drop(JsonObject obj, ReferencePlace place)
    {
        if (place == ReferencePlace.Schema)
        {
            obj.Remove("$ref");
            return;
        }

        switch (obj.Parent)
        {
            case JsonObject parent:
                var key = parent.FirstOrDefault(m => ReferenceEquals(m.Value, obj)).Key;
                if (key is not null)
                {
                    parent.Remove(key);
                }

                break;
            case JsonArray array:
                array.Remove(obj);
                break;
        }
    }

    private static string Kind(JsonNode node) => node switch
    {
        JsonArray => "list",
        JsonValue value when value.TryGetValue<string>(out _) => "string",
        _ => "value",
    };
}
