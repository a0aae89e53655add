using System.Globalization;
using System.Text.Json.Nodes;

namespace OpenApiGen.Fuzz.Mutation;

/// <summary>
/// The structural mutations, one method each. Every operator changes the document (or says it could not) and notes
/// what it did; <see cref="All"/> weighs them. They aim at what real specs get wrong and what hostile ones try.
/// </summary>
internal static class Operators
{
    public static readonly (string Name, int Weight, Func<MutationContext, bool> Apply)[] All =
    [
        ("delete-key", 12, DeleteKey),
        ("swap-type", 12, SwapType),
        ("retarget-ref", 10, RetargetRef),
        ("ref-cycle", 5, RefCycle),
        ("deep-nesting", 4, DeepNesting),
        ("duplicate-key", 4, DuplicateKey),
        ("huge-enum", 2, HugeEnum),
        ("hostile-name", 10, HostileName),
        ("case-collision", 4, CaseCollision),
        ("bad-number", 8, BadNumber),
        ("bad-pattern", 4, BadPattern),
        ("dangling-discriminator", 5, DanglingDiscriminator),
        ("allof-cycle", 4, AllOfCycle),
        ("hostile-string", 10, HostileString),
        ("version", 2, Version),
        ("graft", 6, Graft),
        ("required-misuse", 3, RequiredMisuse),
        ("path-shapes", 4, PathShapes),
        ("credential", 2, Credential),
        ("long-chain", 2, LongChain),
    ];

    private static readonly string[] s_numericKeywords =
    [
        "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength", "maxLength", "minItems", "maxItems",
        "minProperties", "maxProperties", "default",
    ];

    private static readonly string[] s_stringSlots = ["description", "title", "summary", "operationId", "example", "default", "name", "url", "pattern", "format", "x-enum-varnames"];

    private static bool DeleteKey(MutationContext c)
    {
        var slot = c.PickSlot(static s => s.Key is not null);
        if (slot is null)
        {
            return false;
        }

        slot.Remove();
        c.Note($"delete {slot.Pointer}");
        return true;
    }

    private static bool SwapType(MutationContext c)
    {
        var slot = c.PickSlot(static _ => true);
        if (slot is null)
        {
            return false;
        }

        var value = Hostile.Value(c.Random);
        slot.Set(value);
        c.Note($"swap {slot.Pointer} = {Show(value)}");
        return true;
    }

    private static bool RetargetRef(MutationContext c)
    {
        var slot = c.PickSlot(static s => s.Key == "$ref") ?? c.PickSchema();
        if (slot is null)
        {
            return false;
        }

        var owner = slot.Key == "$ref" ? (JsonObject)slot.Parent : (JsonObject)slot.Node!;
        var ownerPointer = slot.Key == "$ref" ? slot.Pointer.Substring(0, slot.Pointer.Length - "/$ref".Length) : slot.Pointer;
        string target;
        switch (c.Next(5))
        {
            case 0:
                // Itself: a schema that is its own reference.
                target = "#" + ownerPointer;
                break;
            case 1:
                // An ancestor: a cycle through the tree.
                var parts = ownerPointer.Split('/');
                target = "#" + string.Join('/', parts.Take(Math.Max(1, c.Next(parts.Length))));
                break;
            case 2:
                var any = c.PickSlot(static _ => true);
                target = "#" + (any?.Pointer ?? string.Empty);
                break;
            case 3:
                target = MutationContext.ComponentRef(c.PickComponent());
                break;
            default:
                target = Hostile.Pick(c.Random, Hostile.References);
                break;
        }

        owner["$ref"] = target;
        c.Note($"ref {ownerPointer} -> '{target}'");
        return true;
    }

    private static bool RefCycle(MutationContext c)
    {
        var schemas = c.Schemas();
        var a = c.PickComponent();
        var b = c.PickComponent();
        switch (c.Next(4))
        {
            case 0:
                schemas[a] = new JsonObject { ["oneOf"] = new JsonArray(Ref(a), new JsonObject { ["type"] = "string" }) };
                c.Note($"{a} = oneOf [self, string]");
                break;
            case 1:
                schemas[a] = Ref(b);
                schemas[b] = Ref(a);
                c.Note($"{a} = $ref {b}, {b} = $ref {a}");
                break;
            case 2:
                schemas[a] = new JsonObject { ["type"] = "array", ["items"] = Ref(a) };
                c.Note($"{a} = array of self");
                break;
            default:
                schemas[a] = new JsonObject { ["anyOf"] = new JsonArray(Ref(b), new JsonObject { ["type"] = "null" }) };
                schemas[b] = new JsonObject { ["type"] = "object", ["additionalProperties"] = Ref(a) };
                c.Note($"{a} = anyOf [{b}, null], {b} = map of {a}");
                break;
        }

        return true;
    }

    private static bool DeepNesting(MutationContext c)
    {
        var slot = c.PickSchema();
        if (slot is null)
        {
            return false;
        }

        var depth = c.Pick([40, 120, 330, 600, 990, 1500, 4000]);
        var keyword = c.Pick(["properties", "items", "allOf", "oneOf", "anyOf", "not", "additionalProperties", "example"]);
        JsonNode? node = new JsonObject { ["type"] = "string" };
        for (var i = 0; i < depth; i++)
        {
            node = keyword switch
            {
                "properties" => new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["a" + (i % 3).ToString(CultureInfo.InvariantCulture)] = node } },
                "items" => new JsonObject { ["type"] = "array", ["items"] = node },
                "allOf" or "oneOf" or "anyOf" => new JsonObject { [keyword] = new JsonArray(node, new JsonObject { ["type"] = "integer" }) },
                "not" => new JsonObject { ["not"] = node },
                "additionalProperties" => new JsonObject { ["type"] = "object", ["additionalProperties"] = node },
                _ => new JsonArray(node),
            };
        }

        if (keyword == "example")
        {
            ((JsonObject)slot.Node!)["example"] = node;
        }
        else
        {
            slot.Set(node);
        }

        c.Deep |= depth > 100;
        c.Note($"nest {keyword} x{depth} at {slot.Pointer}");
        return true;
    }

    private static bool DuplicateKey(MutationContext c)
    {
        var slot = c.PickSlot(static s => s.Key is not null);
        if (slot is null)
        {
            return false;
        }

        var value = c.Chance(2) ? slot.Node?.DeepClone() : Hostile.Value(c.Random);
        c.Duplicates.Add(((JsonObject)slot.Parent, slot.Key!, value));
        c.Note($"duplicate {slot.Pointer} = {Show(value)}");
        return true;
    }

    private static bool HugeEnum(MutationContext c)
    {
        var slot = c.PickSchema();
        if (slot is null)
        {
            return false;
        }

        var count = c.Pick([300, 3000, 30000]);
        var values = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            values.Add(c.Next(5) switch
            {
                0 => JsonValue.Create("value" + (i / 2).ToString(CultureInfo.InvariantCulture)),
                1 => JsonValue.Create("VALUE" + (i / 2).ToString(CultureInfo.InvariantCulture)),
                2 => JsonValue.Create(Hostile.Name(c.Random)),
                3 => JsonValue.Create(i.ToString(CultureInfo.InvariantCulture)),
                _ => JsonValue.Create("v-" + i.ToString(CultureInfo.InvariantCulture)),
            });
        }

        slot.Set(new JsonObject { ["type"] = "string", ["enum"] = values });
        c.Note($"enum of {count} at {slot.Pointer}");
        return true;
    }

    private static bool HostileName(MutationContext c)
    {
        var name = Hostile.Name(c.Random);
        switch (c.Next(5))
        {
            case 0:
                var schemas = c.Schemas();
                var old = c.PickComponent();
                var schema = schemas[old];
                schemas.Remove(old);
                schemas[name] = schema?.DeepClone();
                if (c.Chance(2))
                {
                    RewriteReferences(c.Root, MutationContext.ComponentRef(old), MutationContext.ComponentRef(name));
                }

                c.Note($"rename schema '{old}' to '{Escape(name)}'");
                return true;
            case 1:
                var properties = c.PickSlot(static s => s.Key == "properties" && s.Node is JsonObject { Count: > 0 });
                if (properties?.Node is not JsonObject members)
                {
                    return false;
                }

                var property = c.Pick(members.Select(static m => m.Key).ToList());
                var value = members[property];
                members.Remove(property);
                members[name] = value?.DeepClone();
                c.Note($"rename property {properties.Pointer}/{property} to '{Escape(name)}'");
                return true;
            case 2:
                var enumSlot = c.PickSlot(static s => s.Key == "enum" && s.Node is JsonArray { Count: > 0 });
                if (enumSlot?.Node is not JsonArray values)
                {
                    return false;
                }

                values[c.Next(values.Count)] = name;
                c.Note($"enum value at {enumSlot.Pointer} = '{Escape(name)}'");
                return true;
            default:
                var slot = c.PickSlot(static s => s.Key is "operationId" or "name" or "title" or "propertyName");
                if (slot is null)
                {
                    return false;
                }

                slot.Set(name);
                c.Note($"{slot.Pointer} = '{Escape(name)}'");
                return true;
        }
    }

    private static bool CaseCollision(MutationContext c)
    {
        var schemas = c.Schemas();
        var name = c.PickComponent();
        var twin = name.ToUpperInvariant() == name ? name.ToLowerInvariant() : name.ToUpperInvariant();
        if (c.Chance(2) && name.Length > 1)
        {
            // OAuthDelegationStatus beside OauthDelegationStatus: differ in one letter's case.
            twin = char.IsUpper(name[1]) ? name[0] + char.ToLowerInvariant(name[1]).ToString() + name.Substring(2) : name[0] + char.ToUpperInvariant(name[1]).ToString() + name.Substring(2);
        }

        schemas[twin] = c.Chance(2)
            ? new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("a", "b") }
            : schemas[name]?.DeepClone();
        c.Note($"schema '{twin}' beside '{name}'");
        return true;
    }

    private static bool BadNumber(MutationContext c)
    {
        var slot = c.PickSchema();
        if (slot?.Node is not JsonObject schema)
        {
            return false;
        }

        var keyword = c.Pick(s_numericKeywords);
        var value = Hostile.Number(c.Random);
        schema[keyword] = value;
        if (c.Chance(2))
        {
            schema["type"] = c.Pick(["integer", "number", "string", "array"]);
            if (c.Chance(2))
            {
                schema["format"] = c.Pick(["int32", "int64", "float", "double", "decimal", "uint8", "date-time"]);
            }
        }

        c.Note($"{slot.Pointer}/{keyword} = {Show(value)}");
        return true;
    }

    private static bool BadPattern(MutationContext c)
    {
        var slot = c.PickSchema();
        if (slot?.Node is not JsonObject schema)
        {
            return false;
        }

        var pattern = Hostile.Pick(c.Random, Hostile.Patterns);
        schema["pattern"] = pattern;
        if (c.Chance(2))
        {
            schema["type"] = "string";
        }

        c.Note($"{slot.Pointer}/pattern = '{Escape(pattern)}'");
        return true;
    }

    private static bool DanglingDiscriminator(MutationContext c)
    {
        var slot = c.PickSchema();
        if (slot?.Node is not JsonObject schema)
        {
            return false;
        }

        var mapping = new JsonObject();
        for (var i = 0; i < 1 + c.Next(3); i++)
        {
            mapping[Hostile.Name(c.Random)] = c.Next(4) switch
            {
                0 => Hostile.Pick(c.Random, Hostile.References),
                1 => "#/paths/" + Seeds.Pointer.Escape("/things/{id}") + "/get/responses/200/content/application~1json/schema",
                2 => c.PickComponent(),
                _ => MutationContext.ComponentRef(c.PickComponent()),
            };
        }

        schema["discriminator"] = new JsonObject { ["propertyName"] = c.Chance(2) ? "kind" : Hostile.Name(c.Random), ["mapping"] = mapping };
        if (c.Chance(2))
        {
            schema["oneOf"] = new JsonArray(Ref(c.PickComponent()), Ref(c.PickComponent()));
        }

        c.Note($"discriminator at {slot.Pointer}: {Show(schema["discriminator"])}");
        return true;
    }

    private static bool AllOfCycle(MutationContext c)
    {
        var schemas = c.Schemas();
        var a = c.PickComponent();
        var b = c.PickComponent();
        if (schemas[a] is not JsonObject first)
        {
            first = new JsonObject();
            schemas[a] = first;
        }

        first["allOf"] = new JsonArray(Ref(b), new JsonObject { ["properties"] = new JsonObject { ["x"] = new JsonObject { ["type"] = "string" } } });
        if (schemas[b] is JsonObject second && a != b)
        {
            second["allOf"] = new JsonArray(Ref(a));
        }

        c.Note($"{a}.allOf [{b}], {b}.allOf [{a}]");
        return true;
    }

    private static bool HostileString(MutationContext c)
    {
        var value = Hostile.String(c.Random);
        var slot = c.PickSlot(static s => s.Key is not null && s_stringSlots.Contains(s.Key) || s.Parent is JsonArray && s.Node is JsonValue && s.Pointer.Contains("/enum/", StringComparison.Ordinal));
        if (slot is not null && c.Chance(4) == false)
        {
            slot.Set(value);
            c.Note($"{slot.Pointer} = '{Escape(value)}'");
            return true;
        }

        // A slot the spec does not have yet.
        var schema = c.PickSchema();
        if (schema?.Node is not JsonObject obj)
        {
            return false;
        }

        var key = c.Pick(["description", "title", "example", "default", "format"]);
        obj[key] = value;
        c.Note($"{schema.Pointer}/{key} = '{Escape(value)}'");
        return true;
    }

    private static bool Version(MutationContext c)
    {
        var version = Hostile.Pick(c.Random, Hostile.Versions);
        c.Root["openapi"] = c.Chance(5) ? JsonValue.Create(3.1) : JsonValue.Create(version);
        c.Note($"openapi = {Show(c.Root["openapi"])}");
        return true;
    }

    private static bool Graft(MutationContext c)
    {
        var from = c.PickSlot(static s => s.Node is JsonObject or JsonArray && s.Depth < 12);
        var to = c.PickSlot(static _ => true);
        if (from is null || to is null)
        {
            return false;
        }

        to.Set(from.Node!.DeepClone());
        c.Note($"graft {from.Pointer} onto {to.Pointer}");
        return true;
    }

    private static bool RequiredMisuse(MutationContext c)
    {
        var slot = c.PickSchema();
        if (slot?.Node is not JsonObject schema)
        {
            return false;
        }

        JsonNode? required = c.Next(5) switch
        {
            0 => JsonValue.Create(true),
            1 => JsonValue.Create("name"),
            2 => new JsonArray("missing", "missing"),
            3 => new JsonArray(1, null),
            _ => new JsonArray(),
        };
        schema["required"] = required;
        c.Note($"{slot.Pointer}/required = {Show(required)}");
        return true;
    }

    private static bool PathShapes(MutationContext c)
    {
        if (c.Root["paths"] is not JsonObject paths)
        {
            paths = new JsonObject();
            c.Root["paths"] = paths;
        }

        var ok = new JsonObject { ["200"] = new JsonObject { ["description"] = "ok" } };
        switch (c.Next(5))
        {
            case 0:
                // Two templates with one signature.
                paths["/a/{id}/b/{x}"] = new JsonObject { ["get"] = Operation("first", ok, "id", "x") };
                paths["/a/{key}/b/{y}"] = new JsonObject { ["get"] = Operation("second", ok.DeepClone(), "key", "y") };
                c.Note("paths /a/{id}/b/{x} and /a/{key}/b/{y}");
                break;
            case 1:
                paths["/empty"] = new JsonObject { ["get"] = new JsonObject { ["operationId"] = "empty", ["responses"] = new JsonObject() } };
                c.Note("an operation with responses: {}");
                break;
            case 2:
                paths[c.Pick(["/x/{undeclared}", "/{a}{b}", "/{}", "no-slash", "/x?y=1", "/x#y", "/\u2028", "/" + new string('a', 3000)])] =
                    new JsonObject { ["get"] = Operation(Hostile.Name(c.Random), ok) };
                c.Note("an odd path template");
                break;
            case 3:
                var operation = c.PickSlot(static s => s.Key is "get" or "post" or "put" && s.Node is JsonObject);
                if (operation?.Node is not JsonObject op)
                {
                    return false;
                }

                op["parameters"] = new JsonArray(new JsonObject
                {
                    ["name"] = Hostile.Name(c.Random),
                    ["in"] = c.Pick(["query", "header", "path", "cookie", "body", "formData", "nowhere"]),
                    ["style"] = c.Pick(["form", "deepObject", "simple", "matrix", "label", "spaceDelimited", "pipeDelimited", "bogus"]),
                    ["explode"] = c.Chance(2),
                    ["schema"] = c.Chance(2) ? Ref(c.PickComponent()) : Hostile.Value(c.Random),
                });
                c.Note($"odd parameter on {operation.Pointer}");
                break;
            default:
                var item = c.PickSlot(static s => s.Pointer.StartsWith("/paths/", StringComparison.Ordinal) && s.Depth == 2 && s.Node is JsonObject);
                if (item?.Node is not JsonObject pathItem)
                {
                    return false;
                }

                pathItem[c.Pick(["get", "post", "delete", "x-custom", "query", "$ref", "parameters"])] = Hostile.Value(c.Random);
                c.Note($"odd member of {item.Pointer}");
                break;
        }

        return true;
    }

    private static bool Credential(MutationContext c)
    {
        var properties = c.PickSlot(static s => s.Key == "properties" && s.Node is JsonObject { Count: > 0 });
        if (properties?.Node is JsonObject members && c.Chance(2))
        {
            var name = c.Pick(members.Select(static m => m.Key).ToList());
            members[name] = new JsonObject
            {
                ["type"] = c.Pick(["integer", "number", "boolean", "array", "object", "string"]),
                ["x-openapigen-credential"] = c.Chance(4) ? JsonValue.Create("yes") : JsonValue.Create(true),
            };
            c.Note($"credential {properties.Pointer}/{name}");
            return true;
        }

        if (c.Root["components"] is not JsonObject components)
        {
            components = new JsonObject();
            c.Root["components"] = components;
        }

        components["securitySchemes"] = new JsonObject
        {
            [Hostile.Name(c.Random)] = new JsonObject
            {
                ["type"] = c.Pick(["apiKey", "http", "oauth2", "openIdConnect", "mutualTLS", "bogus"]),
                ["in"] = c.Pick(["header", "query", "cookie", "body"]),
                ["name"] = Hostile.Name(c.Random),
                ["scheme"] = c.Pick(["bearer", "basic", "digest", "Bearer", ""]),
            },
        };
        c.Root["security"] = new JsonArray(new JsonObject { [Hostile.Name(c.Random)] = new JsonArray() });
        c.Note("odd security scheme");
        return true;
    }

    private static bool LongChain(MutationContext c)
    {
        // A chain of components, each a reference to (or an allOf of, or an array of) the next: no nesting, but as deep
        // as any nesting.
        var schemas = c.Schemas();
        var length = c.Pick([100, 600, 1200, 3000]);
        var kind = c.Pick(["$ref", "allOf", "array"]);
        for (var i = 0; i < length; i++)
        {
            var next = Ref("Chain" + (i + 1).ToString(CultureInfo.InvariantCulture));
            schemas["Chain" + i.ToString(CultureInfo.InvariantCulture)] = kind switch
            {
                "allOf" => new JsonObject { ["allOf"] = new JsonArray(next, new JsonObject { ["properties"] = new JsonObject { ["p" + i.ToString(CultureInfo.InvariantCulture)] = new JsonObject { ["type"] = "string" } } }) },
                "array" => new JsonObject { ["type"] = "array", ["items"] = next },
                _ => next,
            };
        }

        schemas["Chain" + length.ToString(CultureInfo.InvariantCulture)] = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["end"] = new JsonObject { ["type"] = "string" } } };
        c.Note($"chain of {length} {kind} components");
        return true;
    }

    private static JsonObject Ref(string component) => new() { ["$ref"] = MutationContext.ComponentRef(component) };

    private static JsonObject Operation(string id, JsonNode responses, params string[] pathParameters) => new()
    {
        ["operationId"] = id,
        ["parameters"] = new JsonArray(pathParameters.Select(static p => (JsonNode?)new JsonObject { ["name"] = p, ["in"] = "path", ["required"] = true, ["schema"] = new JsonObject { ["type"] = "string" } }).ToArray()),
        ["responses"] = responses,
    };

    private static void RewriteReferences(JsonNode root, string from, string to)
    {
        foreach (var slot in Slot.All(root).Where(s => s.Key == "$ref" && s.Node is JsonValue v && v.TryGetValue<string>(out var text) && text == from))
        {
            slot.Set(to);
        }
    }

    // A value shown may be a mutant's deep nesting: the default writer stops at 1,000 levels, and threw in the worker
    // before its mutant began (mutants 5338 and 6110 of seed 17, a duplicate key holding such a value).
    private static readonly System.Text.Json.JsonSerializerOptions s_unbounded = new() { MaxDepth = 1_000_000 };

    private static string Show(JsonNode? value)
    {
        var text = value?.ToJsonString(s_unbounded) ?? "null";
        return text.Length > 80 ? text.Substring(0, 80) + "..." : text;
    }

    private static string Escape(string text)
    {
        var shown = System.Text.Json.JsonSerializer.Serialize(text.Length > 60 ? text.Substring(0, 60) + "..." : text);
        return shown.Substring(1, shown.Length - 2);
    }
}
