using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenApiGen.Reading;

/// <summary>What became of a value <see cref="KeywordValues"/> found: the build fails only when the code would be wrong or missing.</summary>
internal enum FindingKind
{
    /// <summary>Written in another form with one obvious reading, which is applied: the code is what the author meant (info).</summary>
    Reading,

    /// <summary>No reading fits: the value is left out, and the code lacks what it would have said (a warning).</summary>
    LeftOut,

    /// <summary>Past a budget (schemas nested too deep): the part is typed as any value (a warning, OAG005).</summary>
    Unsupported,

    /// <summary>A <c>$ref</c> that cannot lead anywhere (empty, not a URI): the value is typed as any value (an error, OAG004).</summary>
    UnresolvedReference,

    /// <summary>The document cannot be generated from at all (an error).</summary>
    Error,
}

/// <summary>What <see cref="KeywordValues"/> found at one place.</summary>
/// <param name="Pointer">Where, in the document as it was before the change.</param>
/// <param name="Message">What was there, and what was made of it.</param>
/// <param name="Kind">What became of it.</param>
/// <param name="AtKey">Best shown at the member's key: its value (a null) has no place of its own in the text.</param>
internal sealed record KeywordFinding(string Pointer, string Message, FindingKind Kind = FindingKind.Reading, bool AtKey = false);

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
internal static class KeywordValues
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

    // Values that are data, not OpenAPI objects: a "schema" member inside them is the data's own.
    private static readonly HashSet<string> s_dataKeywords = new(StringComparer.Ordinal) { "example", "examples", "value", "default", "enum", "const" };

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
    }

    /// <summary>
    /// References that lead only to references: a cycle of them (<c>A: {$ref: B}</c>, <c>B: {$ref: A}</c>, a property
    /// that is its own reference) has no schema at its end, and Microsoft.OpenApi throws on it; a chain longer than
    /// <see cref="MaxSchemaDepth"/> is followed by recursion later. Either is cut at the reference that closes or
    /// passes the budget (OAG005), which then stands for any value.
    /// </summary>
    private static void CheckReferenceChains(JsonObject root, Action<KeywordFinding> report)
    {
        var references = new List<(JsonObject Holder, string Pointer)>();
        var stack = new Stack<(JsonNode Node, string Pointer)>();
        stack.Push((root, string.Empty));
        while (stack.Count > 0)
        {
            var (node, pointer) = stack.Pop();
            if (node is JsonObject obj)
            {
                // Any reference, not only a schema's (a response's, a parameter's): Microsoft.OpenApi throws on one that
                // is empty or no URI, and on a local one whose last segment, which it takes for a component's name, is
                // empty ('#/components/schemas/', '#/', '#': ArgumentNullException for "referenceId").
                if (obj["$ref"] is JsonValue text && text.GetValueKind() == JsonValueKind.String && text.GetValue<string>() is var written
                    && (written.Trim().Length == 0 || !Uri.TryCreate(written, UriKind.RelativeOrAbsolute, out _)
                        || (written[0] == '#' && (written.Length == 1 || written[written.Length - 1] == '/'))))
                {
                    report(new KeywordFinding(pointer + "/$ref", written, FindingKind.UnresolvedReference));
                    obj.Remove("$ref");
                }
                else if (LocalReference(obj) is { } local && LeadsToSchemaContainer(local))
                {
                    // '#/components/schemas/A/properties' is the map of A's properties, no schema: Microsoft.OpenApi's
                    // walk into a component's subschemas reads past the end of the pointer and throws.
                    report(new KeywordFinding(pointer + "/$ref", local, FindingKind.UnresolvedReference));
                    obj.Remove("$ref");
                }

                if (LocalReference(obj) is not null)
                {
                    references.Add((obj, pointer));
                }

                foreach (var pair in obj)
                {
                    if (pair.Value is not null && !s_dataKeywords.Contains(pair.Key) && !pair.Key.StartsWith("x-", StringComparison.Ordinal))
                    {
                        stack.Push((pair.Value, pointer + "/" + Escape(pair.Key)));
                    }
                }
            }
            else if (node is JsonArray array)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is { } item)
                    {
                        stack.Push((item, pointer + "/" + i.ToString(CultureInfo.InvariantCulture)));
                    }
                }
            }
        }

        var pointers = new Dictionary<JsonObject, string>(SameNode.Instance);
        foreach (var (holder, pointer) in references)
        {
            pointers[holder] = pointer;
        }

        // How many references follow from each holder before a schema: each chain is walked once, and assigned from
        // its end, where a cycle closes or a run of the budget's length ends the reference is cut.
        var length = new Dictionary<JsonObject, int>(SameNode.Instance);
        foreach (var (holder, _) in references)
        {
            var path = new List<JsonObject>();
            var onPath = new HashSet<JsonObject>(SameNode.Instance);
            var current = holder;
            var end = 0;
            while (true)
            {
                if (length.TryGetValue(current, out var known))
                {
                    end = known;
                    break;
                }

                path.Add(current);
                onPath.Add(current);
                if (LocalReference(current) is not { } target || !SourceMap.TryFind(root, target, out var next) || next is not JsonObject nextObject)
                {
                    end = -1;
                    break;
                }

                if (onPath.Contains(nextObject))
                {
                    report(new KeywordFinding(PointerOf(current) + "/$ref", "A $ref cycle that passes through no schema", FindingKind.Unsupported));
                    current.Remove("$ref");
                    end = -1;
                    break;
                }

                current = nextObject;
            }

            // The last node on the path is a schema (-1: no reference of its own) or a node already measured.
            for (var i = path.Count - 1; i >= 0; i--)
            {
                if (length.ContainsKey(path[i]))
                {
                    continue;
                }

                var count = LocalReference(path[i]) is null ? 0 : end + 1;
                if (count > MaxSchemaDepth)
                {
                    report(new KeywordFinding(PointerOf(path[i]) + "/$ref", $"A chain of more than {MaxSchemaDepth} references", FindingKind.Unsupported));
                    path[i].Remove("$ref");
                    count = 0;
                }

                length[path[i]] = count;
                end = count;
            }
        }

        string PointerOf(JsonObject node) => pointers.TryGetValue(node, out var at) ? at : string.Empty;
    }

    // Keywords whose value holds schemas by name or by index, not a schema: a pointer that ends on one leads to no schema.
    private static readonly HashSet<string> s_schemaContainers = new(StringComparer.Ordinal)
    {
        "properties", "patternProperties", "dependentSchemas", "$defs", "definitions", "allOf", "anyOf", "oneOf", "prefixItems",
    };

    /// <summary>Whether a pointer into a component schema ends on a keyword that holds schemas (<c>.../properties</c>) rather than on a schema.</summary>
    private static bool LeadsToSchemaContainer(string reference)
    {
        const string components = "#/components/schemas/";
        if (!reference.StartsWith(components, StringComparison.Ordinal))
        {
            return false;
        }

        // The component's name, then keywords, each container keyword followed by a name or an index.
        var tokens = reference.Substring(components.Length).Split('/');
        var i = 1;
        while (i < tokens.Length)
        {
            if (s_schemaContainers.Contains(tokens[i]))
            {
                if (i == tokens.Length - 1)
                {
                    return true;
                }

                i += 2;
            }
            else
            {
                i++;
            }
        }

        return false;
    }

    private static string? LocalReference(JsonObject obj)
        => obj["$ref"] is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is { Length: > 0 } text && text[0] == '#' ? text : null;

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

    // Maps of named objects: a member named "content" in one of them is an object of that map, not a map of media types.
    private static readonly HashSet<string> s_componentMaps = new(StringComparer.Ordinal)
    {
        "responses", "requestBodies", "headers", "parameters", "callbacks", "pathItems", "links", "examples", "securitySchemes", "schemas",
    };

    /// <summary>
    /// A media type, path, response or component that is no object (a list, a string, a YAML null, a document cut
    /// short): Microsoft.OpenApi keeps it as null, on which every later step would fail. Left out, at its line.
    /// </summary>
    private static void CheckMembersAreObjects(JsonObject map, string pointer, string what, Action<KeywordFinding> report)
    {
        foreach (var pair in map.ToList())
        {
            if (pair.Value is not JsonObject && !pair.Key.StartsWith("x-", StringComparison.Ordinal))
            {
                report(new KeywordFinding(pointer + "/" + Escape(pair.Key), $"the {what} '{pair.Key}' is {Show(pair.Value)}, not an object; left out", FindingKind.LeftOut, AtKey: pair.Value is null));
                map.Remove(pair.Key);
            }
        }
    }

    private static bool IsVersion(string text, string majorMinor)
        => text.StartsWith(majorMinor, StringComparison.Ordinal)
           && (text.Length == majorMinor.Length || text[majorMinor.Length] == '.' && text.Skip(majorMinor.Length + 1).All(static c => c is >= '0' and <= '9' || c == '-' || char.IsLetter(c)));

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
                        else if (pair.Value is not null && (!s_dataKeywords.Contains(pair.Key) || (pair.Key == "default" && key == "responses")) && !pair.Key.StartsWith("x-", StringComparison.Ordinal))
                        {
                            // A response named "default" is a response, not data: its schemas are checked too.
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

    private static void CheckList(JsonObject schema, string key, string pointer, Action<KeywordFinding> report)
    {
        if (schema.TryGetPropertyValue(key, out var value) && value is not JsonArray)
        {
            report(new KeywordFinding(pointer + "/" + Escape(key), $"'{key}' is {Show(value)}, not a list; ignored", FindingKind.LeftOut));
            schema.Remove(key);
        }
    }

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

    // The number a value holds or spells; null for anything else.
    private static decimal? Number(JsonNode? value, out string text)
    {
        text = value is JsonValue s && s.GetValueKind() == JsonValueKind.String ? s.GetValue<string>().Trim() : value?.ToJsonString() ?? "null";
        return value is JsonValue && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;
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

    private static string Escape(string token) => token.Replace("~", "~0").Replace("/", "~1");

    private sealed class SameNode : IEqualityComparer<JsonObject>
    {
        public static readonly SameNode Instance = new();

        public bool Equals(JsonObject? x, JsonObject? y) => ReferenceEquals(x, y);

        public int GetHashCode(JsonObject obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}
