using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenApiGen.Reading;

/// <summary>
/// Checks, before Microsoft.OpenApi reads the document, every keyword whose value it parses strictly, and applies the
/// obvious reading where the spec wrote a value of the wrong kind. Microsoft.OpenApi throws on those (a
/// <c>FormatException</c> for <c>nullable: '0'</c>, an <c>OverflowException</c> for <c>maxLength: 2147483648</c>,
/// a <c>NullReferenceException</c> for a property whose schema is <c>[]</c>), which lost the whole spec with no line
/// to look at. Here each becomes a finding at its own place: '0' is false, 5.0 is 5, a 3.0 document's
/// <c>exclusiveMinimum: 0</c> is 3.1's exclusive bound, <c>required: true</c> inside a property is Swagger 2.0's
/// required property, a value no reading fits is dropped. Schemas nested deeper than <see cref="MaxSchemaDepth"/>
/// are cut there, so nothing after this (Microsoft.OpenApi's reader included) recurses deeper.
/// </summary>
/// <remarks>Walks with an explicit stack: the document may nest as deep as the reader allows.</remarks>
internal static partial class KeywordValues
{
    /// <summary>Schemas inside schemas beyond this are read as any value. Real specs nest a dozen deep; every later step recurses per level.</summary>
    public const int MaxSchemaDepth = 64;

    private static readonly string[] s_booleans = { "nullable", "readOnly", "writeOnly", "deprecated", "uniqueItems" };
    private static readonly string[] s_counts = { "minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties", "minContains", "maxContains" };
    private static readonly string[] s_numbers = { "minimum", "maximum", "multipleOf" };
    private static readonly string[] s_texts = { "title", "description", "format", "pattern", "$ref", "$id", "$anchor", "$comment", "contentEncoding", "contentMediaType" };
    private static readonly string[] s_schemaValued = { "items", "not", "if", "then", "else", "contains", "propertyNames", "unevaluatedItems", "contentSchema" };
    private static readonly string[] s_schemaLists = { "allOf", "anyOf", "oneOf", "prefixItems" };
    private static readonly string[] s_schemaMaps = { "properties", "patternProperties", "dependentSchemas", "$defs", "definitions" };
    private static readonly string[] s_parameterBooleans = { "required", "deprecated", "allowEmptyValue", "explode", "allowReserved" };

    /// <summary>Checks and corrects <paramref name="root"/> in place; <paramref name="report"/> is called before each change, while the pointer still leads to the value as written.</summary>
    public static void Apply(JsonObject root, Action<KeywordFinding> report)
    {
        var is30 = CheckVersion(root, report) is { } version && version.StartsWith("3.0", StringComparison.Ordinal);
        var schemas = new Stack<(JsonObject Schema, string Pointer, int Depth, string? Property, JsonObject? Owner)>();
        FindSchemas(root, schemas, report);
        while (schemas.Count > 0)
        {
            var (schema, pointer, depth, property, owner) = schemas.Pop();
            CheckSchema(schema, pointer, depth, property, owner, is30, schemas, report);
        }

        CheckReferenceChains(root, report);
        CheckSecurityRequirements(root, report);
    }

    // Every schema outside schemas (parameters, headers, media types, components), and the booleans of parameters,
    // headers and request bodies, which Microsoft.OpenApi parses as strictly.
    private static void FindSchemas(JsonObject root, Stack<(JsonObject, string, int, string?, JsonObject?)> schemas, Action<KeywordFinding> report)
    {
        var stack = new Stack<(JsonNode Node, string Pointer, string? Key, string? ParentKey)>();
        stack.Push((root, string.Empty, null, null));
        while (stack.Count > 0)
        {
            var (node, pointer, key, parentKey) = stack.Pop();
            switch (node)
            {
                case JsonObject obj:
                    if (obj["in"] is JsonValue && obj["name"] is JsonValue || parentKey == "headers")
                    {
                        foreach (var flag in s_parameterBooleans)
                        {
                            CheckBoolean(obj, flag, pointer, report);
                        }
                    }
                    else if (key == "requestBody" || parentKey == "requestBodies")
                    {
                        CheckBoolean(obj, "required", pointer, report);
                    }

                    if (key == "content" && !s_componentMaps.Contains(parentKey ?? string.Empty))
                    {
                        CheckMembersAreObjects(obj, pointer, "media type", report);
                    }
                    else if (pointer is "/paths" or "/webhooks" || (parentKey == "components" && s_componentMaps.Contains(key ?? string.Empty) && key != "schemas")
                             || (key == "responses" && parentKey != "components"))
                    {
                        CheckMembersAreObjects(obj, pointer, pointer is "/paths" or "/webhooks" ? "path" : key == "responses" ? "response" : "component", report);
                    }

                    foreach (var pair in obj.ToList())
                    {
                        var childPointer = pointer + "/" + Escape(pair.Key);
                        if (pair.Key == "schema" || pointer == "/components/schemas")
                        {
                            if (AsSchema(obj, pair.Key, pair.Value, childPointer, report) is { } schema)
                            {
                                schemas.Push((schema, childPointer, 0, null, null));
                            }
                        }
                        else if (pair.Value is not null && !DataMembers.IsData(pair.Key, key, parentKey) && !pair.Key.StartsWith("x-", StringComparison.Ordinal))
                        {
                            stack.Push((pair.Value, childPointer, pair.Key, key));
                        }
                    }

                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        if (array[i] is { } item)
                        {
                            stack.Push((item, pointer + "/" + i.ToString(CultureInfo.InvariantCulture), key, parentKey));
                        }
                    }

                    break;
            }
        }
    }

    private static void CheckSchema(
        JsonObject schema,
        string pointer,
        int depth,
        string? property,
        JsonObject? owner,
        bool is30,
        Stack<(JsonObject, string, int, string?, JsonObject?)> schemas,
        Action<KeywordFinding> report)
    {
        foreach (var key in s_booleans)
        {
            CheckBoolean(schema, key, pointer, report);
        }

        foreach (var key in s_counts)
        {
            CheckCount(schema, key, pointer, report);
        }

        foreach (var key in s_numbers)
        {
            CheckNumber(schema, key, pointer, report);
        }

        CheckExclusive(schema, "exclusiveMinimum", "minimum", pointer, is30, report);
        CheckExclusive(schema, "exclusiveMaximum", "maximum", pointer, is30, report);

        foreach (var key in s_texts)
        {
            CheckText(schema, key, pointer, report);
        }

        CheckRequired(schema, pointer, property, owner, report);
        CheckDefault(schema, pointer, report);
        CheckList(schema, "enum", pointer, report);
        CheckDiscriminator(schema, pointer, report);

        var children = new List<(JsonObject Schema, string Pointer, string? Property)>();
        foreach (var key in s_schemaValued)
        {
            if (schema.TryGetPropertyValue(key, out var value) && AsSchema(schema, key, value, pointer + "/" + Escape(key), report) is { } child)
            {
                children.Add((child, pointer + "/" + Escape(key), null));
            }
        }

        if (schema.TryGetPropertyValue("additionalProperties", out var additional))
        {
            if (additional is JsonValue flag && flag.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
            {
                // A boolean is its own reading.
            }
            else if (AsSchema(schema, "additionalProperties", additional, pointer + "/additionalProperties", report) is { } child)
            {
                children.Add((child, pointer + "/additionalProperties", null));
            }
        }

        if (schema.TryGetPropertyValue("unevaluatedProperties", out var unevaluated) && unevaluated is JsonObject unevaluatedSchema)
        {
            children.Add((unevaluatedSchema, pointer + "/unevaluatedProperties", null));
        }

        foreach (var key in s_schemaLists)
        {
            if (!schema.TryGetPropertyValue(key, out var value))
            {
                continue;
            }

            var listPointer = pointer + "/" + Escape(key);
            if (value is JsonObject single)
            {
                report(new KeywordFinding(listPointer, $"'{key}' is one schema, not a list of schemas; read as a list of that one"));
                schema[key] = new JsonArray(single.DeepClone());
                value = schema[key];
            }

            if (value is not JsonArray list || list.Count == 0)
            {
                report(new KeywordFinding(listPointer, $"'{key}' is {Show(value)}, not a non-empty list of schemas; ignored", FindingKind.LeftOut));
                schema.Remove(key);
                continue;
            }

            for (var i = list.Count - 1; i >= 0; i--)
            {
                var itemPointer = listPointer + "/" + i.ToString(CultureInfo.InvariantCulture);
                if (list[i] is JsonObject item)
                {
                    children.Add((item, itemPointer, null));
                }
                else
                {
                    report(new KeywordFinding(itemPointer, $"a member of '{key}' is {Show(list[i])}, not a schema; left out", FindingKind.LeftOut));
                    list.RemoveAt(i);
                }
            }

            if (list.Count == 0)
            {
                schema.Remove(key);
            }
        }

        foreach (var key in s_schemaMaps)
        {
            if (!schema.TryGetPropertyValue(key, out var value))
            {
                continue;
            }

            var mapPointer = pointer + "/" + Escape(key);
            if (value is not JsonObject map)
            {
                report(new KeywordFinding(mapPointer, $"'{key}' is {Show(value)}, not a map of names to schemas; ignored", FindingKind.LeftOut));
                schema.Remove(key);
                continue;
            }

            foreach (var pair in map.ToList())
            {
                var memberPointer = mapPointer + "/" + Escape(pair.Key);
                if (AsSchema(map, pair.Key, pair.Value, memberPointer, report) is { } member)
                {
                    children.Add((member, memberPointer, key == "properties" ? pair.Key : null));
                }
            }
        }

        foreach (var (child, childPointer, childProperty) in children)
        {
            if (depth + 1 >= MaxSchemaDepth)
            {
                report(new KeywordFinding(childPointer, $"Schemas nested deeper than {MaxSchemaDepth} levels", FindingKind.Unsupported));
                Replace(child, new JsonObject());
                continue;
            }

            schemas.Push((child, childPointer, depth + 1, childProperty, schema));
        }
    }

    /// <summary>The schema a member holds: an object as it is; anything else is reported and read as any value (<c>{}</c>).</summary>
    private static JsonObject? AsSchema(JsonNode parent, string key, JsonNode? value, string pointer, Action<KeywordFinding> report)
    {
        if (value is JsonObject schema)
        {
            return schema;
        }

        if (value is JsonValue boolean && boolean.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            // 3.1's boolean schemas are rewritten by ReaderWorkarounds.ReplaceBooleanSchemas.
            return null;
        }

        // An empty YAML value (null) is an empty schema; anything else was meant as something the text does not say.
        report(new KeywordFinding(pointer, $"'{key}' is {Show(value)}, not a schema; read as any value", value is null ? FindingKind.Reading : FindingKind.LeftOut, AtKey: value is null));
        var replacement = new JsonObject();
        if (parent is JsonObject obj)
        {
            obj[key] = replacement;
        }

        return replacement;
    }

    private static void Replace(JsonObject schema, JsonObject replacement)
    {
        switch (schema.Parent)
        {
            case JsonObject parent:
                var key = parent.First(p => ReferenceEquals(p.Value, schema)).Key;
                parent[key] = replacement;
                break;
            case JsonArray array:
                array[array.IndexOf(schema)] = replacement;
                break;
        }
    }

    private static string Show(JsonNode? value)
    {
        var text = value?.ToJsonString() ?? "null";
        return text.Length > 40 ? text.Substring(0, 40) + "..." : text;
    }

    private static string Escape(string token) => SourceMap.EscapeToken(token);
}
