using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenApiGen.Reading;

// The document's openapi version, read first: it decides how 3.0 and 3.1 forms of a keyword are read.
internal static partial class KeywordValues
{
    /// <summary>The version to read the document as; a version with no reading is an error, one with an obvious reading is rewritten.</summary>
    private static string? CheckVersion(JsonObject root, Action<KeywordFinding> report)
    {
        if (!root.TryGetPropertyValue("openapi", out var node))
        {
            // Swagger 2.0 documents say "swagger"; Microsoft.OpenApi reports a missing version itself.
            return null;
        }

        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.ToJsonString() is var number
            && (number.StartsWith("3.0", StringComparison.Ordinal) || number.StartsWith("3.1", StringComparison.Ordinal)))
        {
            // openapi: 3.0 in YAML, unquoted, is the number 3.0.
            var text = number.Length == 3 ? number + ".0" : number;
            report(new KeywordFinding("/openapi", $"the version is the number {number}, not a string; read as '{text}'"));
            root["openapi"] = text;
            return text;
        }

        if (node is not JsonValue version || version.GetValueKind() != JsonValueKind.String)
        {
            report(new KeywordFinding("/openapi", $"the version {Show(node)} is not a string such as '3.1.0'", FindingKind.Error));
            return null;
        }

        var written = version.GetValue<string>();
        if (IsVersion(written, "3.0") || IsVersion(written, "3.1"))
        {
            return written;
        }

        if (IsVersion(written, "3.2"))
        {
            // 3.2 keeps 3.1's documents valid; what it adds is not read.
            report(new KeywordFinding("/openapi", $"OpenAPI {written} is read as 3.1.0; what 3.2 adds to 3.1 is not used", FindingKind.LeftOut));
            root["openapi"] = "3.1.0";
            return "3.1.0";
        }

        report(new KeywordFinding("/openapi", $"OpenAPI '{written}' is not a version the generator reads (3.0.x, 3.1.x or 3.2.x)", FindingKind.Error));
        return written;
    }

    private static bool IsVersion(string text, string majorMinor)
        => text.StartsWith(majorMinor, StringComparison.Ordinal)
           && (text.Length == majorMinor.Length || text[majorMinor.Length] == '.' && text.Skip(majorMinor.Length + 1).All(static c => c is >= '0' and <= '9' || c == '-' || char.IsLetter(c)));
}
