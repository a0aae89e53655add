using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenApiGen.Reading;

// Keywords holding one value (a boolean, a count, a number, an exclusive bound, a text, a list), each read as its kind or left out.
internal static partial class KeywordValues
{
    private static void CheckBoolean(JsonObject owner, string key, string pointer, Action<KeywordFinding> report)
    {
        if (!owner.TryGetPropertyValue(key, out var value) || value is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            return;
        }

        var at = pointer + "/" + Escape(key);
        var reading = value is JsonValue scalar ? BooleanReading(scalar) : null;
        if (reading is { } flag)
        {
            report(new KeywordFinding(at, $"'{key}' is {Show(value)}, not a boolean; read as {(flag ? "true" : "false")}"));
            owner[key] = flag;
        }
        else
        {
            report(new KeywordFinding(at, $"'{key}' is {Show(value)}, not a boolean; ignored", FindingKind.LeftOut));
            owner.Remove(key);
        }
    }

    private static bool? BooleanReading(JsonValue value)
    {
        var text = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>().Trim() : value.ToJsonString();
        return text.ToLowerInvariant() switch
        {
            "true" or "1" or "yes" => true,
            "false" or "0" or "no" => false,
            _ => null,
        };
    }

    private static void CheckCount(JsonObject schema, string key, string pointer, Action<KeywordFinding> report)
    {
        if (!schema.TryGetPropertyValue(key, out var value))
        {
            return;
        }

        var at = pointer + "/" + Escape(key);
        var number = Number(value, out var written);
        if (value is JsonValue v && v.GetValueKind() == JsonValueKind.Number && number is { } exact && exact >= 0 && exact <= int.MaxValue && decimal.Truncate(exact) == exact
            && written.IndexOfAny(new[] { '.', 'e', 'E' }) < 0)
        {
            return;
        }

        if (number is { } n && n >= 0 && n <= int.MaxValue && decimal.Truncate(n) == n)
        {
            report(new KeywordFinding(at, $"'{key}' is {Show(value)}, not an integer as written; read as {n.ToString("0", CultureInfo.InvariantCulture)}"));
            schema[key] = (int)n;
            return;
        }

        var why = number is null ? "not a number" : number < 0 ? "negative" : number > int.MaxValue ? "larger than the generator checks (2147483647)" : "not a whole number";
        report(new KeywordFinding(at, $"'{key}' is {Show(value)}, {why}; ignored", FindingKind.LeftOut));
        schema.Remove(key);
    }

    private static void CheckNumber(JsonObject schema, string key, string pointer, Action<KeywordFinding> report)
    {
        if (!schema.TryGetPropertyValue(key, out var value))
        {
            return;
        }

        var at = pointer + "/" + Escape(key);
        var isNumber = value is JsonValue v && v.GetValueKind() == JsonValueKind.Number;
        var text = value is JsonValue s && s.GetValueKind() == JsonValueKind.String ? s.GetValue<string>().Trim() : value?.ToJsonString() ?? "null";
        var isFinite = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && !double.IsInfinity(real) && !double.IsNaN(real);

        // multipleOf is read as a decimal, and must be above zero.
        var fits = isFinite && (key != "multipleOf" || real > 0 && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var step) && step > 0);
        if (isNumber && fits)
        {
            return;
        }

        if (!isNumber && fits && value is JsonValue)
        {
            report(new KeywordFinding(at, $"'{key}' is {Show(value)}, not a number; read as {text}"));
            schema[key] = JsonNode.Parse(text);
            return;
        }

        var why = !isFinite && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? "beyond any .NET number" : isFinite ? "not a number above zero that a decimal holds" : "not a number";
        report(new KeywordFinding(at, $"'{key}' is {Show(value)}, {why}; ignored", FindingKind.LeftOut));
        schema.Remove(key);
    }

    /// <summary>3.0 writes an exclusive bound as a boolean beside the bound, 3.1 as the bound itself; each form in the other version has one reading.</summary>
    private static void CheckExclusive(JsonObject schema, string key, string bound, string pointer, bool is30, Action<KeywordFinding> report)
    {
        if (!schema.TryGetPropertyValue(key, out var value))
        {
            return;
        }

        var at = pointer + "/" + Escape(key);
        var isBoolean = value is JsonValue b && b.GetValueKind() is JsonValueKind.True or JsonValueKind.False;
        if (is30)
        {
            if (isBoolean)
            {
                return;
            }

            if (value is JsonValue number && number.GetValueKind() == JsonValueKind.Number
                && double.TryParse(number.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && !double.IsInfinity(real))
            {
                report(new KeywordFinding(at, $"'{key}: {number.ToJsonString()}' is OpenAPI 3.1's form in a 3.0 document; read as {bound} {number.ToJsonString()}, exclusive"));
                schema[bound] = JsonNode.Parse(number.ToJsonString());
                schema[key] = true;
                return;
            }

            CheckBoolean(schema, key, pointer, report);
            return;
        }

        if (isBoolean)
        {
            var exclusive = ((JsonValue)value!).GetValueKind() == JsonValueKind.True;
            if (exclusive && schema[bound] is JsonValue inclusive)
            {
                report(new KeywordFinding(at, $"'{key}: true' is OpenAPI 3.0's form in a 3.1 document; read as {key} {inclusive.ToJsonString()}"));
                schema[key] = JsonNode.Parse(inclusive.ToJsonString());
                schema.Remove(bound);
            }
            else
            {
                report(new KeywordFinding(at, $"'{key}: {(exclusive ? "true" : "false")}' is OpenAPI 3.0's form in a 3.1 document; ignored", FindingKind.LeftOut));
                schema.Remove(key);
            }

            return;
        }

        CheckNumber(schema, key, pointer, report);
    }

    private static void CheckText(JsonObject schema, string key, string pointer, Action<KeywordFinding> report)
    {
        if (!schema.TryGetPropertyValue(key, out var value))
        {
            return;
        }

        if (value is JsonValue s && s.GetValueKind() == JsonValueKind.String)
        {
            // Microsoft.OpenApi throws on a reference that is empty or no URI; as a reference to nothing it is OAG004.
            if (key == "$ref" && s.GetValue<string>() is var reference && (reference.Trim().Length == 0 || !Uri.TryCreate(reference, UriKind.RelativeOrAbsolute, out _)))
            {
                report(new KeywordFinding(pointer + "/$ref", reference, FindingKind.UnresolvedReference));
                schema.Remove(key);
            }

            return;
        }

        var at = pointer + "/" + Escape(key);
        if (value is JsonValue scalar && key is not ("$ref" or "pattern"))
        {
            report(new KeywordFinding(at, $"'{key}' is {Show(value)}, not a string; read as the text {scalar.ToJsonString()}"));
            schema[key] = scalar.ToJsonString();
            return;
        }

        report(new KeywordFinding(at, $"'{key}' is {Show(value)}, not a string; ignored", FindingKind.LeftOut));
        schema.Remove(key);
    }

    private static void CheckList(JsonObject schema, string key, string pointer, Action<KeywordFinding> report)
    {
        if (schema.TryGetPropertyValue(key, out var value) && value is not JsonArray)
        {
            report(new KeywordFinding(pointer + "/" + Escape(key), $"'{key}' is {Show(value)}, not a list; ignored", FindingKind.LeftOut));
            schema.Remove(key);
        }
    }

    // The number a value holds or spells; null for anything else.
    private static decimal? Number(JsonNode? value, out string text)
    {
        text = value is JsonValue s && s.GetValueKind() == JsonValueKind.String ? s.GetValue<string>().Trim() : value?.ToJsonString() ?? "null";
        return value is JsonValue && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;
    }
}
