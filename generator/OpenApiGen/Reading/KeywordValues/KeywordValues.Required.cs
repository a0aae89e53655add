using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenApiGen.Reading;

// A schema's required list, and Swagger 2.0's required flag on a property, which moves to its object's list.
internal static partial class KeywordValues
{
    /// <summary><c>required</c> is a list of names; Swagger 2.0's <c>required: true</c> on a property means the property is in its object's list.</summary>
    private static void CheckRequired(JsonObject schema, string pointer, string? property, JsonObject? owner, Action<KeywordFinding> report)
    {
        if (!schema.TryGetPropertyValue("required", out var value))
        {
            return;
        }

        var at = pointer + "/required";
        switch (value)
        {
            case JsonArray list:
                for (var i = list.Count - 1; i >= 0; i--)
                {
                    if (list[i] is not JsonValue name || name.GetValueKind() != JsonValueKind.String)
                    {
                        report(new KeywordFinding(at + "/" + i.ToString(CultureInfo.InvariantCulture), $"a member of 'required' is {Show(list[i])}, not a property name; left out", FindingKind.LeftOut));
                        list.RemoveAt(i);
                    }
                }

                return;
            case JsonValue flag when flag.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                var required = flag.GetValueKind() == JsonValueKind.True;
                if (property is not null && owner is not null)
                {
                    report(new KeywordFinding(at, required
                        ? $"'required: true' inside a property's schema is Swagger 2.0's form; read as '{property}' being required"
                        : "'required: false' inside a property's schema is Swagger 2.0's form; the property is optional, as it is without it"));
                    schema.Remove("required");
                    if (required)
                    {
                        if (owner["required"] is not JsonArray names)
                        {
                            names = new JsonArray();
                            owner["required"] = names;
                        }

                        if (!names.Any(n => n is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() == property))
                        {
                            // Add(JsonNode), not the generic Add<T> overload C# would pick, which is not trim- or AOT-safe (openapigen is native).
                            names.Add((JsonNode?)JsonValue.Create(property));
                        }
                    }
                }
                else
                {
                    report(new KeywordFinding(at, $"'required: {(required ? "true" : "false")}' outside a property's schema has no meaning; ignored", FindingKind.LeftOut));
                    schema.Remove("required");
                }

                return;
            case JsonValue text when text.GetValueKind() == JsonValueKind.String:
                report(new KeywordFinding(at, $"'required' is the name {text.ToJsonString()}, not a list of names; read as a list of that one"));
                schema["required"] = new JsonArray(text.GetValue<string>());
                return;
            default:
                report(new KeywordFinding(at, $"'required' is {Show(value)}, not a list of property names; ignored", FindingKind.LeftOut));
                schema.Remove("required");
                return;
        }
    }
}
