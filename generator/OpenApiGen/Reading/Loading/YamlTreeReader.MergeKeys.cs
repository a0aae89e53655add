using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace OpenApiGen.Reading;

/// <summary>YAML merge keys (<c>&lt;&lt;: *base</c>): the mappings they name are merged into the mapping that has them.</summary>
internal sealed partial class YamlTreeReader
{
    private const string MergeKey = "<<";

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
}
