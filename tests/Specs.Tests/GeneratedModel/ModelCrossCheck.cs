using System.Reflection;
using System.Text.RegularExpressions;
using NJsonSchema;
using NSwag;

namespace Specs.Tests.GeneratedModel;

/// <summary>What one spec's cross-check found, and how much it looked at.</summary>
/// <param name="Mismatches">Every disagreement found.</param>
/// <param name="Objects">Each object schema checked, as <c>pointer -> C# type</c>, so a reader can see what the walk reached.</param>
/// <param name="PropertiesChecked">How many spec properties were compared with a member.</param>
internal sealed record CrossCheckResult(IReadOnlyList<Mismatch> Mismatches, IReadOnlyList<string> Objects, int PropertiesChecked);

/// <summary>
/// Walks a spec as NSwag read it and the generated model side by side. Roots are found by name: a component schema is
/// the type named after it (PascalCase), a body is the client method's parameter or result (the method named after the
/// operationId). Everything inside is followed by structure, never by guessing the generator's names: an inline object
/// is the type of the member whose wire name holds it, an item is the list's element type, a <c>oneOf</c> branch is the
/// union case whose members fit it best.
/// </summary>
internal sealed partial class ModelCrossCheck
{
    private readonly Assembly _assembly;
    private readonly string _namespace;
    private readonly string? _stem;
    private readonly Dictionary<JsonSchema, string> _componentNames = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<(JsonSchema, Type)> _visited = new();
    private readonly List<Mismatch> _mismatches = new();
    private readonly List<string> _objects = new();
    private int _properties;

    private ModelCrossCheck(Assembly assembly, string ns, OpenApiDocument document, string? stem)
    {
        _assembly = assembly;
        _namespace = ns;
        _stem = stem;
        foreach (var (name, schema) in document.Components.Schemas)
        {
            _componentNames[schema] = name;
        }
    }

    /// <summary>Checks <paramref name="document"/> against the types generated into <paramref name="ns"/>.</summary>
    /// <param name="document">The spec.</param>
    /// <param name="assembly">Where its types are.</param>
    /// <param name="ns">Their namespace.</param>
    /// <param name="sourcePath">For a document of a client of several, its file name: a component renamed there carries it.</param>
    public static CrossCheckResult Run(OpenApiDocument document, Assembly assembly, string ns, string? sourcePath = null)
    {
        var check = new ModelCrossCheck(assembly, ns, document, sourcePath is null ? null : PascalCase(sourcePath.Split('.')[0]));
        check.CheckComponents(document);
        check.CheckOperations(document);
        return new CrossCheckResult(check._mismatches, check._objects, check._properties);
    }

    private void CheckComponents(OpenApiDocument document)
    {
        foreach (var (name, schema) in document.Components.Schemas)
        {
            var pointer = "/components/schemas/" + SchemaFacts.Escape(name);
            var type = ComponentType(name);
            if (type is not null)
            {
                CheckValue(schema, type, pointer);
            }
            else if (NeedsType(schema))
            {
                Report(pointer, MismatchKind.NoType, $"no generated type {_namespace}.{PascalCase(name)}");
            }
        }
    }

    private void CheckOperations(OpenApiDocument document)
    {
        var client = _assembly.GetTypes().SingleOrDefault(t => t.IsInterface && t.Namespace == _namespace && t.Name.StartsWith('I') && t.Name.EndsWith("Client", StringComparison.Ordinal));
        foreach (var (path, item) in document.Paths)
        {
            foreach (var (method, operation) in item)
            {
                var pointer = "/paths/" + SchemaFacts.Escape(path) + "/" + method;
                var operationName = operation.OperationId is { Length: > 0 } id ? PascalCase(id) : null;
                var clientMethod = operationName is null ? null : client?.GetMethod(operationName + "Async");

                foreach (var (contentType, media) in operation.RequestBody?.Content ?? new Dictionary<string, OpenApiMediaType>())
                {
                    var bodyPointer = pointer + "/requestBody/content/" + SchemaFacts.Escape(contentType) + "/schema";
                    var body = clientMethod?.GetParameters().SingleOrDefault(static p => p.Name == "body")?.ParameterType;
                    Check(media.Schema, body, bodyPointer, $"a body parameter on {client?.Name}.{operationName}Async");
                }

                foreach (var (status, response) in operation.Responses)
                {
                    foreach (var (contentType, media) in response.ActualResponse.Content)
                    {
                        var responsePointer = pointer + "/responses/" + SchemaFacts.Escape(status) + "/content/" + SchemaFacts.Escape(contentType) + "/schema";

                        // A success body is what the method returns (the T of its Task<ApiResponse<T>>, or of the IAsyncEnumerable<T>
                        // of an event stream); another status's inline body can only be found by its name.
                        var type = status.StartsWith('2')
                            ? clientMethod?.ReturnType is { IsGenericType: true } task
                                ? task.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>) ? task.GetGenericArguments()[0]
                                : task.GetGenericArguments()[0] is { IsGenericType: true } apiResponse ? apiResponse.GetGenericArguments()[0] : null
                                : null
                            : TypeNamed(operationName + PascalCase("x" + status)[1..] + "Response");
                        // Several success bodies make the result a union of them: each body is one of its cases.
                        if (type is not null && status.StartsWith('2') && GeneratedTypes.IsUnion(type) && media.Schema is { } schema)
                        {
                            CheckBranch(schema, type, responsePointer);
                            continue;
                        }

                        Check(media.Schema, type, responsePointer, status.StartsWith('2') ? $"a result of {client?.Name}.{operationName}Async" : "a type named after the operation and status");
                    }
                }
            }
        }
    }

    private void Check(JsonSchema? schema, Type? type, string pointer, string expected)
    {
        if (schema is null)
        {
            return;
        }

        if (type is not null)
        {
            CheckValue(schema, type, pointer);
        }
        else if (NeedsType(schema))
        {
            Report(pointer, MismatchKind.NoType, "found no " + expected);
        }
    }

    /// <summary>A member (or body) of C# type <paramref name="type"/> carries JSON that <paramref name="schema"/> describes.</summary>
    private void CheckValue(JsonSchema schema, Type type, string pointer)
    {
        type = GeneratedTypes.Plain(type);
        if (!_visited.Add((schema, type)))
        {
            return;
        }

        if (schema.HasReference)
        {
            CheckReference(schema, type, pointer);
            return;
        }

        if (SchemaFacts.IsInlineObject(schema))
        {
            CheckObject(schema, type, pointer);
            return;
        }

        var alternatives = SchemaFacts.Alternatives(schema, out var keyword);
        if (alternatives.Count > 0)
        {
            for (var i = 0; i < alternatives.Count; i++)
            {
                if (!SchemaFacts.IsNullOnly(alternatives[i]))
                {
                    CheckBranch(alternatives[i], type, $"{pointer}/{keyword}/{i}");
                }
            }

            return;
        }

        if (schema.AllOf.Count == 1)
        {
            CheckValue(schema.AllOf.Single(), type, pointer + "/allOf/0");
        }

        if (schema.Item is { } items && GeneratedTypes.ElementType(type) is { } element)
        {
            CheckValue(items, element, pointer + "/items");
        }

        if (schema.AdditionalPropertiesSchema is { } values && GeneratedTypes.DictionaryValueType(type) is { } value)
        {
            CheckValue(values, value, pointer + "/additionalProperties");
        }
    }

    /// <summary>A <c>$ref</c> to a component that is a type of its own must be that type (or one case of the member's union).</summary>
    private void CheckReference(JsonSchema schema, Type type, string pointer)
    {
        var target = schema.ActualSchema;
        var expected = _componentNames.TryGetValue(target, out var name) ? ComponentType(name) : null;
        if (expected is null)
        {
            // A component that is no type of its own (a string with a format, say) stands for what it contains.
            CheckValue(target, type, name is null ? pointer : "/components/schemas/" + SchemaFacts.Escape(name));
            return;
        }

        if (type != expected && !(GeneratedTypes.IsUnion(type) && GeneratedTypes.UnionCases(type).Any(c => GeneratedTypes.Plain(c) == expected)))
        {
            Report(pointer, MismatchKind.Reference, $"refers to {name}, typed {expected.Name}, but the C# type is {type.Name}");
        }
    }

    /// <summary>A branch of a <c>oneOf</c>: a case of the union the member holds, or (for <c>[X, null]</c>) the member itself.</summary>
    private void CheckBranch(JsonSchema branch, Type type, string pointer)
    {
        if (!GeneratedTypes.IsUnion(type))
        {
            CheckValue(branch, type, pointer);
            return;
        }

        var cases = GeneratedTypes.UnionCases(type).Select(GeneratedTypes.Plain).ToList();
        if (branch.HasReference)
        {
            CheckReference(branch, type, pointer);
        }
        else if (SchemaFacts.IsInlineObject(branch))
        {
            var names = SchemaFacts.Properties(branch, pointer, PointerOf).Select(static p => p.WireName).ToHashSet(StringComparer.Ordinal);
            var best = cases
                .Where(static c => GeneratedTypes.FamilyOf(c) == JsonFamily.Object && !GeneratedTypes.IsUnion(c))
                .OrderByDescending(c => GeneratedTypes.WireMembers(c, []).Keys.Count(names.Contains))
                .FirstOrDefault();
            if (best is null)
            {
                Report(pointer, MismatchKind.NoType, $"an object branch, but {type.Name} has no object case");
            }
            else
            {
                CheckObject(branch, best, pointer);
            }
        }
        else if (SchemaFacts.Families(branch) == JsonFamily.Array && cases.FirstOrDefault(static c => GeneratedTypes.FamilyOf(c) == JsonFamily.Array) is { } list)
        {
            CheckValue(branch, list, pointer);
        }
    }

    private void CheckObject(JsonSchema schema, Type type, string pointer)
    {
        if (GeneratedTypes.IsUnion(type) || GeneratedTypes.FamilyOf(type) != JsonFamily.Object || GeneratedTypes.DictionaryValueType(type) is not null)
        {
            Report(pointer, MismatchKind.NoType, $"an object with properties, but the C# type is {type.Name}");
            return;
        }

        _objects.Add($"{pointer} -> {type.Name}");
        var problems = new List<string>();
        var members = GeneratedTypes.WireMembers(type, problems);
        foreach (var problem in problems)
        {
            Report(pointer, MismatchKind.ExtraMember, problem);
        }

        var properties = SchemaFacts.Properties(schema, pointer, PointerOf);
        foreach (var property in properties)
        {
            _properties++;
            if (!members.TryGetValue(property.WireName, out var member))
            {
                Report(property.Pointer, MismatchKind.MissingMember, $"{type.Name} has no member with wire name '{property.WireName}' (it has: {string.Join(", ", members.Keys)})");
                continue;
            }

            if (property.IsRequired != GeneratedTypes.IsRequired(member))
            {
                Report(property.Pointer, MismatchKind.Requiredness, $"{(property.IsRequired ? "required" : "optional")} in the spec, but {type.Name}.{member.Name} is {(GeneratedTypes.IsRequired(member) ? "required" : "not required")}");
            }

            var spec = SchemaFacts.Families(property.Schema);
            var generated = GeneratedTypes.FamilyOf(member.PropertyType);
            if (!Fits(spec, generated))
            {
                Report(property.Pointer, MismatchKind.Family, $"the spec says {spec}, but {type.Name}.{member.Name} is {member.PropertyType.Name} ({generated})");
            }

            CheckValue(property.Schema, member.PropertyType, property.Pointer);
        }

        foreach (var extra in members.Keys.Where(k => properties.All(p => p.WireName != k)))
        {
            Report(pointer, MismatchKind.ExtraMember, $"{type.Name}.{members[extra].Name} has wire name '{extra}', which the spec does not declare");
        }
    }

    /// <summary>
    /// The generated type can hold every kind of JSON the spec allows: all of its families are among the type's (a
    /// union's cases count together). Raw JSON is right only where the spec says nothing about the type.
    /// </summary>
    private static bool Fits(JsonFamily spec, JsonFamily generated)
        => generated == JsonFamily.Any ? spec == JsonFamily.None : (spec & ~generated) == JsonFamily.None;

    /// <summary>A schema that must become a type of its own: an object with properties, or a union with one among its branches.</summary>
    private static bool NeedsType(JsonSchema schema)
        => SchemaFacts.IsInlineObject(schema) || SchemaFacts.Alternatives(schema, out _).Any(static b => !b.HasReference && SchemaFacts.IsInlineObject(b));

    private string? PointerOf(JsonSchema schema) => _componentNames.TryGetValue(schema, out var name) ? "/components/schemas/" + SchemaFacts.Escape(name) : null;

    private Type? TypeNamed(string name) => _assembly.GetType(_namespace + "." + name);

    /// <summary>
    /// A component's type. In a client of several documents, a component that differs from another document's of its
    /// name is renamed with its file's name (OAG040: replicate/qwen-image-edit.yaml's Input is QwenImageEditInput).
    /// </summary>
    private Type? ComponentType(string name) => (_stem is null ? null : TypeNamed(_stem + PascalCase(name))) ?? TypeNamed(PascalCase(name));

    private void Report(string pointer, MismatchKind kind, string detail) => _mismatches.Add(new Mismatch(pointer, kind, detail));

    /// <summary>A component name or operationId as a C# type or method name: words joined, each capitalised.</summary>
    private static string PascalCase(string name)
        => string.Concat(WordSeparator().Split(name).Where(static w => w.Length > 0).Select(static w => char.ToUpperInvariant(w[0]) + w[1..]));

    [GeneratedRegex("[^A-Za-z0-9]+")]
    private static partial Regex WordSeparator();
}
