using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenApiGen.Reading;

// A discriminator that names no property, and mappings Microsoft.OpenApi cannot make a reference of.
internal static partial class KeywordValues
{
    private static void CheckDiscriminator(JsonObject schema, string pointer, Action<KeywordFinding> report)
    {
        if (!schema.TryGetPropertyValue("discriminator", out var value))
        {
            return;
        }

        var at = pointer + "/discriminator";
        if (value is not JsonObject discriminator || discriminator["propertyName"] is not JsonValue name || name.GetValueKind() != JsonValueKind.String)
        {
            report(new KeywordFinding(at, $"the discriminator {Show(value)} names no property; ignored", FindingKind.LeftOut));
            schema.Remove("discriminator");
            return;
        }

        if (discriminator.TryGetPropertyValue("mapping", out var mappingValue))
        {
            if (mappingValue is not JsonObject mapping)
            {
                report(new KeywordFinding(at + "/mapping", $"the discriminator's mapping is {Show(mappingValue)}, not a map of values to schemas; ignored", FindingKind.LeftOut));
                discriminator.Remove("mapping");
                return;
            }

            foreach (var pair in mapping.ToList())
            {
                // Microsoft.OpenApi makes a reference of each mapping and throws when its name is empty ("", "#", ".../").
                if (pair.Value is not JsonValue target || target.GetValueKind() != JsonValueKind.String
                    || target.GetValue<string>().Trim() is var mapped && (mapped.Length == 0 || mapped == "#" || mapped.EndsWith("/", StringComparison.Ordinal) || !Uri.TryCreate(mapped, UriKind.RelativeOrAbsolute, out _)))
                {
                    report(new KeywordFinding(at + "/mapping/" + Escape(pair.Key), $"the mapping of '{pair.Key}' is {Show(pair.Value)}, not a schema's name or reference; left out", FindingKind.LeftOut));
                    mapping.Remove(pair.Key);
                }
            }
        }
    }
}
