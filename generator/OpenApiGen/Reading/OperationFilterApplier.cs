using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OpenApiGen.Diagnostics;
using OpenApiGen.Pipeline;

namespace OpenApiGen.Reading;

/// <summary>
/// The one place <c>IncludeOperations</c> and <c>ExcludeOperations</c> take effect: on the spec's JSON, before
/// Microsoft.OpenApi reads it, so everything after (keyword checks, building, emitting) sees only what is kept. An
/// operation not kept is removed from its path item, a path item left with no operation from <c>paths</c>; then every
/// component that nothing kept refers to, however indirectly, is removed too, so its types are not emitted.
/// </summary>
internal static class OperationFilterApplier
{
    // The operations of a path item (OpenAPI 3.0-3.2).

    // The component sections a $ref can name, and that are removed when nothing kept names them. Others (securitySchemes,
    // which `security` names by key) are left as they are.
    private static readonly string[] s_referable = { "schemas", "responses", "parameters", "examples", "requestBodies", "headers", "links", "callbacks", "pathItems" };

    private const string ComponentsPrefix = "#/components/";

    public static void Apply(JsonObject root, OperationFilter filter, string specPath, SourceMap map, List<DiagnosticInfo> diagnostics)
    {
        if (!filter.IsActive)
        {
            return;
        }

        var patterns = new Dictionary<FilterSelector, Regex>();
        foreach (var selector in filter.Include.Concat(filter.Exclude))
        {
            patterns[selector] = Glob(selector.Pattern);
        }

        var matched = new HashSet<FilterSelector>();
        if (root["paths"] is JsonObject paths)
        {
            foreach (var path in paths.ToList())
            {
                if (path.Value is not JsonObject item)
                {
                    continue;
                }

                // A path item that is a $ref (3.1) is shared: it is kept or removed whole, by what its operations say.
                var shared = Text(item["$ref"]) is { } reference ? Component(root, reference) as JsonObject : null;
                var operations = shared ?? item;
                var kept = 0;
                var dropped = new List<string>();
                foreach (var method in PathItemMethods.All)
                {
                    if (operations[method] is JsonObject operation)
                    {
                        if (Keeps(filter, patterns, path.Key, operation, matched))
                        {
                            kept++;
                        }
                        else
                        {
                            dropped.Add(method);
                        }
                    }
                }

                if (kept == 0 && dropped.Count > 0)
                {
                    paths.Remove(path.Key);
                }
                else if (shared is null)
                {
                    foreach (var method in dropped)
                    {
                        item.Remove(method);
                    }
                }
            }
        }

        // Where a user looks for what the filter looked at: the paths key (the file's start when there is none).
        var span = map.TryGetKeySpan("/paths", out var key) ? key : map.Nearest(root, "/paths");
        foreach (var selector in filter.Include.Concat(filter.Exclude))
        {
            if (!matched.Contains(selector))
            {
                diagnostics.Add(DiagnosticInfo.Create(Descriptors.FilterMatchesNothing, specPath, span, selector.Text, selector.Setting));
            }
        }

        RemoveUnreferencedComponents(root);
    }

    // Every selector is tried, not just until one decides, so that each one's "matched something" is known.
    private static bool Keeps(OperationFilter filter, Dictionary<FilterSelector, Regex> patterns, string path, JsonObject operation, HashSet<FilterSelector> matched)
    {
        var included = filter.Include.IsEmpty;
        foreach (var selector in filter.Include)
        {
            if (Matches(selector, patterns[selector], path, operation))
            {
                matched.Add(selector);
                included = true;
            }
        }

        var excluded = false;
        foreach (var selector in filter.Exclude)
        {
            if (Matches(selector, patterns[selector], path, operation))
            {
                matched.Add(selector);
                excluded = true;
            }
        }

        return included && !excluded;
    }

    private static bool Matches(FilterSelector selector, Regex pattern, string path, JsonObject operation) => selector.Kind switch
    {
        SelectorKind.Path => pattern.IsMatch(path),
        SelectorKind.Operation => Text(operation["operationId"]) is { } id && pattern.IsMatch(id),
        _ => operation["tags"] is JsonArray tags && tags.Any(tag => Text(tag) is { } name && pattern.IsMatch(name)),
    };

    /// <summary>
    /// Removes the components nothing outside <c>components</c> reaches by <c>$ref</c> or discriminator mapping,
    /// directly or through other components. A schema that extends (<c>allOf</c>) a kept schema with a discriminator is
    /// kept: a kept operation may answer with it.
    /// </summary>
    private static void RemoveUnreferencedComponents(JsonObject root)
    {
        if (root["components"] is not JsonObject components)
        {
            return;
        }

        var reached = new HashSet<(string Section, string Name)>();
        var pending = new Stack<JsonNode>();
        foreach (var member in root)
        {
            if (member.Key != "components" && member.Value is not null)
            {
                pending.Push(member.Value);
            }
        }

        foreach (var member in components)
        {
            if (Array.IndexOf(s_referable, member.Key) < 0 && member.Value is not null)
            {
                pending.Push(member.Value);
            }
        }

        Walk(pending, components, reached);

        if (components["schemas"] is JsonObject schemas)
        {
            bool grew;
            do
            {
                grew = false;
                foreach (var schema in schemas)
                {
                    if (!reached.Contains(("schemas", schema.Key)) && schema.Value is JsonObject node && ExtendsDiscriminated(node, schemas, reached))
                    {
                        reached.Add(("schemas", schema.Key));
                        pending.Push(node);
                        Walk(pending, components, reached);
                        grew = true;
                    }
                }
            }
            while (grew);
        }

        foreach (var section in s_referable)
        {
            if (components[section] is JsonObject entries)
            {
                foreach (var name in entries.Select(static e => e.Key).ToList())
                {
                    if (!reached.Contains((section, name)))
                    {
                        entries.Remove(name);
                    }
                }
            }
        }
    }

    // With an explicit stack: a spec's nesting is not bounded yet here (KeywordValues, which bounds it, runs after).
    private static void Walk(Stack<JsonNode> pending, JsonObject components, HashSet<(string Section, string Name)> reached)
    {
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case JsonObject obj:
                    if (Text(obj["$ref"]) is { } reference)
                    {
                        Reach(reference, components, reached, pending);
                    }

                    if (obj["discriminator"] is JsonObject { } discriminator && discriminator["mapping"] is JsonObject mapping)
                    {
                        foreach (var target in mapping)
                        {
                            // A mapping's value is a reference or, by the spec, a schema's bare name.
                            if (Text(target.Value) is { } value)
                            {
                                Reach(value.StartsWith("#", StringComparison.Ordinal) ? value : ComponentsPrefix + "schemas/" + value, components, reached, pending);
                            }
                        }
                    }

                    foreach (var member in obj)
                    {
                        if (member.Value is not null)
                        {
                            pending.Push(member.Value);
                        }
                    }

                    break;

                case JsonArray array:
                    foreach (var element in array)
                    {
                        if (element is not null)
                        {
                            pending.Push(element);
                        }
                    }

                    break;
            }
        }
    }

    private static void Reach(string reference, JsonObject components, HashSet<(string Section, string Name)> reached, Stack<JsonNode> pending)
    {
        if (Name(reference) is not { } named || Array.IndexOf(s_referable, named.Section) < 0)
        {
            return;
        }

        if (components[named.Section] is JsonObject section && section[named.Name] is { } node && reached.Add(named))
        {
            pending.Push(node);
        }
    }

    private static bool ExtendsDiscriminated(JsonObject schema, JsonObject schemas, HashSet<(string Section, string Name)> reached)
        => schema["allOf"] is JsonArray parts && parts.Any(part =>
            part is JsonObject obj
            && Text(obj["$ref"]) is { } reference
            && Name(reference) is { Section: "schemas" } named
            && reached.Contains(named)
            && schemas[named.Name] is JsonObject parent
            && parent["discriminator"] is JsonObject);

    private static JsonNode? Component(JsonObject root, string reference)
        => Name(reference) is { } named && root["components"] is JsonObject components && components[named.Section] is JsonObject section ? section[named.Name] : null;

    /// <summary>The component a local reference names (<c>#/components/schemas/Pet</c>, or a pointer into it), or null.</summary>
    private static (string Section, string Name)? Name(string reference)
    {
        if (!reference.StartsWith(ComponentsPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var segments = SourceMap.ParsePointer(reference);
        return segments is { Count: >= 3 } ? (segments[1], segments[2]) : null;
    }

    private static string? Text(JsonNode? node)
        => node is JsonValue value ? (value.TryGetValue<string>(out var text) ? text : value.ToString()) : null;

    /// <summary><c>*</c> any run but <c>/</c>, <c>**</c> any run, a trailing <c>/**</c> also nothing; the rest literally, the whole value.</summary>
    private static Regex Glob(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] != '*')
            {
                regex.Append(Regex.Escape(pattern[i].ToString()));
            }
            else if (i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                i++;
                // "/pets/**" is /pets and everything under it.
                if (i == pattern.Length - 1 && i >= 2 && pattern[i - 2] == '/')
                {
                    regex.Length -= Regex.Escape("/").Length;
                    regex.Append("(/.*)?");
                }
                else
                {
                    regex.Append(".*");
                }
            }
            else
            {
                regex.Append("[^/]*");
            }
        }

        return new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant);
    }
}
