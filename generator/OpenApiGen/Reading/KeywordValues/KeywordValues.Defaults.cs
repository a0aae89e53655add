using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenApiGen.Reading;

// A default written in another form than its schema's type, where it has one reading.
internal static partial class KeywordValues
{
    /// <summary>
    /// A default written in another form than its schema's type, with one reading: <c>"false"</c> for a boolean,
    /// <c>"0.0001"</c> for a number (both common in real specs), and an int64 written through a double
    /// (<c>9223372036854776000</c>, which is <c>long.MaxValue</c> rounded), and <c>"null"</c> for anything but a string
    /// (Text Generation Inference's nullable numbers: no default). Other misfits are Building's to report.
    /// </summary>
    private static void CheckDefault(JsonObject schema, string pointer, Action<KeywordFinding> report)
    {
        if (schema["default"] is not JsonValue value)
        {
            return;
        }

        var at = pointer + "/default";
        var kind = value.GetValueKind();
        var type = schema["type"] is JsonValue typeValue && typeValue.GetValueKind() == JsonValueKind.String ? typeValue.GetValue<string>() : null;
        var types = schema["type"] switch
        {
            JsonValue => type is null ? null : new[] { type },
            JsonArray array => array.Select(static t => t is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null).ToArray(),
            _ => Array.Empty<string?>(),
        };
        var nullable = schema["nullable"] is JsonValue flagValue && flagValue.GetValueKind() == JsonValueKind.True;
        if (kind == JsonValueKind.String && value.GetValue<string>().Trim() == "null" && types is not null
            && !types.Contains("string") && (types.Length > 0 || nullable))
        {
            // Text Generation Inference writes "null" for nullable numbers, booleans and allOf-wrapped unions: no default.
            var what = types.Length > 0 ? "of type " + string.Join(" or ", types) : "nullable, with no type";
            report(new KeywordFinding(at, $"the default \"null\" is a string, but the schema is {what}; read as null"));
            schema["default"] = null;
            return;
        }

        if (type is null)
        {
            return;
        }

        if (kind == JsonValueKind.String && type is "boolean" && BooleanReading(value) is { } flag && value.GetValue<string>().Trim().ToLowerInvariant() is "true" or "false")
        {
            report(new KeywordFinding(at, $"the default {value.ToJsonString()} is a string, not a boolean; read as {(flag ? "true" : "false")}"));
            schema["default"] = flag;
        }
        else if (kind == JsonValueKind.String && type is "integer" or "number"
            && value.GetValue<string>().Trim() is { Length: > 0 } text
            && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && (type == "number" || decimal.Truncate(number) == number))
        {
            report(new KeywordFinding(at, $"the default {value.ToJsonString()} is a string, not a number; read as {text}"));
            schema["default"] = JsonNode.Parse(number.ToString(CultureInfo.InvariantCulture));
        }
        else if (kind == JsonValueKind.Number && type == "integer" && decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var big)
            && (big > long.MaxValue && big - long.MaxValue <= 2048 || big < long.MinValue && long.MinValue - big <= 2048))
        {
            // 2048 is a double's step at 2^63: what a serializer that goes through double writes for the largest long.
            var nearest = big > 0 ? long.MaxValue : long.MinValue;
            report(new KeywordFinding(at, $"the default {value.ToJsonString()} is {(big > 0 ? "the largest" : "the smallest")} 64-bit integer rounded through a double; read as {nearest.ToString(CultureInfo.InvariantCulture)}"));
            schema["default"] = nearest;
        }
    }
}
