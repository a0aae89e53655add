using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using Microsoft.OpenApi;
using OpenApiGen.Diagnostics;
using OpenApiGen.Model;
using OpenApiGen.Naming;
using OpenApiGen.Pipeline;
using OpenApiGen.Reading;

namespace OpenApiGen.Building;

/// <summary>
/// Walks an OpenAPI document and decides what C# it becomes: which schemas are types, what every type and member
/// is called, what type every value has. Names are claimed in document order, so the same spec always gives the
/// same names; a schema reached twice (a shared response, a reused inline schema) is named once.
/// </summary>
internal sealed partial class ModelBuilder
{
    // A type must not take a name that the JSON context (whose properties mirror type names) or the
    // Serialization namespace already use.
    private static readonly string[] s_reservedTypeNames = { "Serialization", "Default", "Options", "GetTypeInfo", "GeneratedSerializerOptions" };
    private static readonly string[] s_reservedObjectMembers = { "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "Validate", "ValidateInto" };
    private static readonly string[] s_reservedEnumMembers = { "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "KnownValues" };

    private readonly ReadSpec _spec;
    private readonly SpecInput _input;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly CancellationToken _cancellationToken;
    private readonly NameScope _typeScope;
    private readonly IDictionary<string, IOpenApiSchema> _components;
    private readonly Dictionary<string, string> _componentTypeNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeRef> _componentRefs = new(StringComparer.Ordinal);
    private readonly HashSet<string> _aliasesInProgress = new(StringComparer.Ordinal);
    private readonly Dictionary<IOpenApiSchema, TypeRef> _inlineRefs = new(ReferenceComparer.Instance);
    private readonly Dictionary<string, Dictionary<string, string>> _enumMembers = new(StringComparer.Ordinal);
    private readonly List<TypeModel> _types = new();
    private readonly Dictionary<string, ObjectTypeModel> _objects = new(StringComparer.Ordinal);
    private readonly HashSet<string> _building = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _componentIdsByType = new(StringComparer.Ordinal);
    private readonly List<(string TypeName, OpenApiDiscriminator Discriminator)> _discriminated = new();
    private readonly string _contextName;
    private readonly string? _documentName;

    private ModelBuilder(ReadSpec spec, SpecInput input, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        _spec = spec;
        _input = input;
        _diagnostics = diagnostics;
        _cancellationToken = cancellationToken;
        _components = spec.Document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();

        var baseName = input.ClientName.EndsWith("Client", StringComparison.Ordinal) && input.ClientName.Length > "Client".Length
            ? input.ClientName.Substring(0, input.ClientName.Length - "Client".Length)
            : input.ClientName;
        _contextName = baseName + "JsonContext";
        _typeScope = NameScope.ForFiles(s_reservedTypeNames);
        _typeScope.Claim(input.ClientName, "the client");
        _typeScope.Claim("I" + input.ClientName, "the client's interface");
        _typeScope.Claim(_contextName, "the JSON context");

        // Claimed before any schema, like the JSON context, so its name follows from the client's name alone and tools
        // can find it; a schema of the same name gets the suffix (OAG006). Only when emitted: specs without the
        // option keep every schema name they had.
        if (input.Spec.EmbedDocument)
        {
            _documentName = _typeScope.Claim(baseName + "OpenApiDocument", "the embedded OpenAPI document");
        }
    }

    public static SpecModel Build(ReadSpec spec, SpecInput input, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var builder = new ModelBuilder(spec, input, diagnostics, cancellationToken);
        builder.Run();
        var client = builder.BuildClient();
        var info = spec.Document.Info;
        return new SpecModel(
            input.Spec.Path,
            input.Namespace,
            input.ClientName,
            input.HintPrefix,
            builder._contextName,
            DocBuilder.ForText(info?.Title, info?.Description),
            builder._types.OrderBy(static t => t.Name, StringComparer.Ordinal).ToEquatableArray(),
            client,
            builder.BuildEmbeddedDocument());
    }

    private EmbeddedDocumentModel? BuildEmbeddedDocument()
        => _documentName is not null && _spec.EffectiveJson is { } json
            ? new EmbeddedDocumentModel(_documentName, FileName(_input.Spec.Path), _input.Overlays.Select(static o => FileName(o.Path)).ToEquatableArray(), json)
            : null;

    private static string FileName(string path) => path.Substring(Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\')) + 1);

    private void Run()
    {
        // Component schemas claim their names first, so references can be typed before the target is built
        // and component names win over names derived from places.
        foreach (var pair in _components)
        {
            if (Classify(pair.Value) != Shape.Other)
            {
                _componentTypeNames[pair.Key] = ClaimTypeName(Identifier.ToPascalCase(pair.Key), $"schema '{pair.Key}'", ComponentPointer(pair.Key));
                _componentIdsByType[Qualify(_componentTypeNames[pair.Key])] = pair.Key;
            }
        }

        foreach (var pair in _components)
        {
            ResolveComponent(pair.Key);
        }

        var components = _spec.Document.Components;
        if (components is not null)
        {
            foreach (var pair in components.Responses ?? Empty<IOpenApiResponse>())
            {
                WalkContent(pair.Value.Content, Suffixed(Identifier.ToPascalCase(pair.Key), "Response"), "/components/responses/" + SchemaFacts.Escape(pair.Key));
            }

            foreach (var pair in components.RequestBodies ?? Empty<IOpenApiRequestBody>())
            {
                WalkContent(pair.Value.Content, Suffixed(Identifier.ToPascalCase(pair.Key), "Request"), "/components/requestBodies/" + SchemaFacts.Escape(pair.Key));
            }

            foreach (var pair in components.Parameters ?? Empty<IOpenApiParameter>())
            {
                WalkParameter(pair.Value, Identifier.ToPascalCase(pair.Key), "/components/parameters/" + SchemaFacts.Escape(pair.Key));
            }
        }

        foreach (var path in _spec.Document.Paths ?? new OpenApiPaths())
        {
            WalkPathItem(path.Value, name: null, "/paths/" + SchemaFacts.Escape(path.Key), path.Key, isClientOperation: true);
        }

        foreach (var webhook in _spec.Document.Webhooks ?? Empty<IOpenApiPathItem>())
        {
            WalkPathItem(webhook.Value, Identifier.ToPascalCase(webhook.Key), "/webhooks/" + SchemaFacts.Escape(webhook.Key), webhook.Key);
        }

        ResolveSubtypes();
    }

    /// <summary>
    /// Fills in each hierarchy's subclasses once every type is built: an explicit <c>mapping</c> first, then, as OpenAPI
    /// says, every schema deriving from the base under its own name. Only real subclasses can be returned as the base.
    /// </summary>
    private void ResolveSubtypes()
    {
        foreach (var (typeName, discriminator) in _discriminated)
        {
            var subtypes = new List<DerivedTypeModel>();
            var mapped = new HashSet<string>(StringComparer.Ordinal);
            foreach (var pair in discriminator.Mapping ?? new Dictionary<string, OpenApiSchemaReference>())
            {
                if (SchemaReferences.ComponentId(pair.Value) is { } id && _componentTypeNames.TryGetValue(id, out var derived) && DerivesFrom(Qualify(derived), typeName))
                {
                    subtypes.Add(new DerivedTypeModel(pair.Key, Qualify(derived)));
                    mapped.Add(Qualify(derived));
                }
            }

            foreach (var candidate in _objects.Values.OrderBy(static o => o.Name, StringComparer.Ordinal))
            {
                var qualified = Qualify(candidate.Name);
                if (!mapped.Contains(qualified) && _componentIdsByType.TryGetValue(qualified, out var id) && DerivesFrom(qualified, typeName))
                {
                    subtypes.Add(new DerivedTypeModel(id, qualified));
                }
            }

            // Deepest first: a grandchild is also a child, and must be written as itself.
            var ordered = subtypes.Select((subtype, index) => (subtype, index)).OrderByDescending(p => Depth(p.subtype.TypeName)).ThenBy(static p => p.index).Select(static p => p.subtype);
            var model = _objects[typeName];
            var updated = model with { Discriminator = new DiscriminatorModel(discriminator.PropertyName!, ordered.ToEquatableArray()) };
            _objects[typeName] = updated;
            _types[_types.IndexOf(model)] = updated;
        }
    }

    private int Depth(string typeName)
    {
        var depth = 0;
        for (var current = _objects[typeName].BaseType; current is not null && depth < 64; current = _objects.TryGetValue(current, out var next) ? next.BaseType : null)
        {
            depth++;
        }

        return depth;
    }

    private bool DerivesFrom(string typeName, string baseName)
    {
        for (var current = _objects.TryGetValue(typeName, out var model) ? model.BaseType : null; current is not null; current = _objects.TryGetValue(current, out var next) ? next.BaseType : null)
        {
            if (string.Equals(current, baseName, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Names every schema an operation uses; for the API's own paths (not webhooks or callbacks), also its client method.</summary>
    private void WalkPathItem(IOpenApiPathItem item, string? name, string pointer, string path, bool isClientOperation = false)
    {
        if (item.Operations is null)
        {
            return;
        }

        foreach (var pair in item.Operations)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var method = pair.Key.Method.ToLowerInvariant();
            var operation = pair.Value;
            var operationName = operation.OperationId is { Length: > 0 } id
                ? Identifier.ToPascalCase(id)
                : name is not null && item.Operations.Count == 1 ? name : Identifier.ToPascalCase(method + " " + (name ?? path));
            var operationPointer = pointer + "/" + method;

            if (item.Parameters is not null)
            {
                for (var i = 0; i < item.Parameters.Count; i++)
                {
                    WalkParameter(item.Parameters[i], operationName + Identifier.ToPascalCase(item.Parameters[i].Name ?? "Parameter"), pointer + "/parameters/" + i);
                }
            }

            if (operation.Parameters is not null)
            {
                for (var i = 0; i < operation.Parameters.Count; i++)
                {
                    WalkParameter(operation.Parameters[i], operationName + Identifier.ToPascalCase(operation.Parameters[i].Name ?? "Parameter"), operationPointer + "/parameters/" + i);
                }
            }

            WalkContent(operation.RequestBody?.Content, operationName + "Request", operationPointer + "/requestBody");

            foreach (var response in operation.Responses ?? new OpenApiResponses())
            {
                var context = response.Key.StartsWith("2", StringComparison.Ordinal)
                    ? operationName + "Response"
                    : operationName + Identifier.ToPascalCase("x" + response.Key).Substring(1) + "Response";
                WalkContent(response.Value.Content, context, operationPointer + "/responses/" + SchemaFacts.Escape(response.Key));
            }

            foreach (var callback in operation.Callbacks ?? Empty<IOpenApiCallback>())
            {
                foreach (var callbackPath in callback.Value.PathItems ?? new Dictionary<RuntimeExpression, IOpenApiPathItem>())
                {
                    WalkPathItem(
                        callbackPath.Value,
                        operationName + Identifier.ToPascalCase(callback.Key),
                        operationPointer + "/callbacks/" + SchemaFacts.Escape(callback.Key) + "/" + SchemaFacts.Escape(callbackPath.Key.Expression),
                        callbackPath.Key.Expression);
                }
            }

            if (isClientOperation)
            {
                _operations.Add(BuildOperation(path, pair.Key.Method, operation, item.Parameters, operationName, operationPointer, pointer));
            }
        }
    }

    private void WalkParameter(IOpenApiParameter parameter, string context, string pointer)
    {
        if (parameter.Schema is not null)
        {
            Resolve(parameter.Schema, context, pointer + "/schema");
        }

        WalkContent(parameter.Content, context, pointer);
    }

    private void WalkContent(IDictionary<string, IOpenApiMediaType>? content, string context, string pointer)
    {
        if (content is null)
        {
            return;
        }

        // An XML form of a body that also comes as JSON is the same data in a form the client never reads or writes;
        // typing it too would only add a second class (GetPetResponse2) for the same thing.
        var hasJson = content.Keys.Any(IsJson);
        foreach (var media in content)
        {
            if (media.Value.Schema is not null && !(hasJson && IsXml(media.Key)))
            {
                Resolve(media.Value.Schema, context, pointer + "/content/" + SchemaFacts.Escape(media.Key) + "/schema");
            }
        }
    }

    private static bool IsXml(string mediaType)
    {
        var type = mediaType.Split(';')[0].Trim().ToLowerInvariant();
        return type is "application/xml" or "text/xml" || type.EndsWith("+xml", StringComparison.Ordinal);
    }

    private TypeRef ResolveComponent(string id)
    {
        if (_componentRefs.TryGetValue(id, out var known))
        {
            return known;
        }

        var schema = _components[id];
        var pointer = ComponentPointer(id);
        if (_componentTypeNames.TryGetValue(id, out var name))
        {
            var shape = Classify(schema);
            var reference = new TypeRef(KindOf(shape), SchemaFacts.AllowsNull(schema), Qualify(name));

            // Registered before the type is built, so a schema that refers to itself gets the same type.
            _componentRefs[id] = reference;
            BuildType(schema, shape, name, pointer);
            return reference;
        }

        // A component that is no type of its own (a string with a format, an array, a union) stands for what it contains.
        if (!_aliasesInProgress.Add(id))
        {
            Report(Descriptors.UnsupportedConstruct, pointer, "A $ref cycle that passes through no object", id);
            return new TypeRef(TypeKind.Json, IsNullable: true);
        }

        var resolved = Resolve(schema, Identifier.ToPascalCase(id), pointer);
        _aliasesInProgress.Remove(id);
        _componentRefs[id] = resolved;
        return resolved;
    }

    private TypeRef Resolve(IOpenApiSchema schema, string context, string pointer)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (schema is OpenApiSchemaReference reference)
        {
            if (SchemaReferences.ComponentId(reference) is { } id && _components.ContainsKey(id))
            {
                return ResolveComponent(id);
            }

            if (Dereference(reference, pointer) is ({ } target, var targetPointer))
            {
                // Microsoft.OpenApi keeps a percent-encoded component reference's id encoded (%54hing); followed, it is
                // still that component.
                if (targetPointer is not null && SchemaReferences.ComponentAt(targetPointer) is { } component && _components.ContainsKey(component))
                {
                    return ResolveComponent(component);
                }

                // A schema already typed (or being typed: an object registers itself first) is that type, cycles included.
                if (_inlineRefs.TryGetValue(target, out var typed))
                {
                    return typed;
                }

                // A reference into a schema names the type as its declaration would, whichever is met first.
                var name = targetPointer is null ? context : SchemaReferences.DeclaredName(targetPointer, ComponentTypeName) ?? context;
                if (!_aliasesInProgress.Add(targetPointer ?? pointer))
                {
                    Report(Descriptors.UnsupportedConstruct, pointer, "A $ref cycle that passes through no object", reference.Reference?.ReferenceV3 ?? pointer);
                    return new TypeRef(TypeKind.Json, IsNullable: true);
                }

                var followed = Resolve(target, name, targetPointer ?? pointer);
                _aliasesInProgress.Remove(targetPointer ?? pointer);
                return followed;
            }

            Report(Descriptors.UnresolvedReference, pointer, reference.Reference?.ReferenceV3 ?? reference.Reference?.Id ?? "(empty)");
            return new TypeRef(TypeKind.Json, IsNullable: true);
        }

        if (_inlineRefs.TryGetValue(schema, out var known))
        {
            return known;
        }

        var resolved = ResolveInline(schema, context, pointer);
        _inlineRefs[schema] = resolved;
        return resolved;
    }

    /// <summary>
    /// What a reference that names no component leads to, and where that is in the document: followed by its own text
    /// for a local pointer (see <see cref="SchemaReferences"/>), else as Microsoft.OpenApi resolves it; no target when
    /// it leads nowhere.
    /// </summary>
    private (IOpenApiSchema? Target, string? Pointer) Dereference(OpenApiSchemaReference reference, string pointer)
    {
        if (SchemaReferences.LocalPointer(reference, _spec.Root, pointer) is { } local)
        {
            return (SchemaReferences.Find(_spec.Document, local), local);
        }

        return (SchemaFacts.Target(reference), null);
    }

    private string ComponentTypeName(string id) => _componentTypeNames.TryGetValue(id, out var name) ? name : Identifier.ToPascalCase(id);

    private TypeRef ResolveInline(IOpenApiSchema schema, string context, string pointer)
    {
        var nullable = SchemaFacts.AllowsNull(schema);
        var shape = Classify(schema);
        if (shape != Shape.Other)
        {
            var name = ClaimTypeName(context, $"the schema at {pointer}", pointer);
            var reference = new TypeRef(KindOf(shape), nullable || (shape == Shape.Enum && schema.Enum?.Any(SchemaFacts.IsNull) == true), Qualify(name));
            _inlineRefs[schema] = reference;
            BuildType(schema, shape, name, pointer);
            return reference;
        }

        // oneOf/anyOf that is no union: one real branch plus null is a nullable value, and branches that are all the
        // same type (3.1's oneOf of consts for an integer enum) are that type.
        if (SchemaFacts.Alternatives(schema) is { } alternatives)
        {
            var keyword = SchemaFacts.AlternativesKeyword(schema);
            var branches = Enumerable.Range(0, alternatives.Count).Where(i => !SchemaFacts.IsNullOnly(alternatives[i])).ToList();
            nullable |= branches.Count < alternatives.Count;
            if (branches.Count == 0)
            {
                return new TypeRef(TypeKind.Json, nullable);
            }

            var single = Resolve(alternatives[branches[0]], context, pointer + "/" + keyword + "/" + branches[0]);
            return single.WithNullable(nullable || single.IsNullable);
        }

        if (schema.AllOf is { Count: 1 } allOf)
        {
            // allOf: [$ref] is how 3.0 attaches a description to a reference.
            var inner = Resolve(allOf[0], context, pointer + "/allOf/0");
            return inner.WithNullable(nullable || inner.IsNullable);
        }

        var type = SchemaFacts.NonNullType(schema) ?? SchemaFacts.EnumValueTypes(schema);
        if (type is null)
        {
            if (schema.Items is not null)
            {
                type = JsonSchemaType.Array;
            }
            else if (schema.AdditionalProperties is not null)
            {
                type = JsonSchemaType.Object;
            }
            else
            {
                return new TypeRef(TypeKind.Json, nullable);
            }
        }

        return ResolveOfType(schema, type.Value, context, pointer).WithNullable(nullable);
    }

    /// <summary>The type of a schema read as one JSON type only (for a 3.1 type array, each of its types in turn).</summary>
    private TypeRef ResolveOfType(IOpenApiSchema schema, JsonSchemaType type, string context, string pointer)
    {
        var nullable = false;
        switch (type)
        {
            case JsonSchemaType.Array:
                var element = schema.Items is null
                    ? new TypeRef(TypeKind.Json)
                    : Resolve(schema.Items, Identifier.Singularize(context), pointer + "/items");
                return new TypeRef(TypeKind.List, nullable, Element: element);
            case JsonSchemaType.Object:
                var value = schema.AdditionalProperties is null
                    ? new TypeRef(TypeKind.Json)
                    : Resolve(schema.AdditionalProperties, context + "Value", pointer + "/additionalProperties");
                return new TypeRef(TypeKind.Map, nullable, Element: value);
            default:
                var primitive = SchemaFacts.PrimitiveKind(schema, type);
                return primitive is { } kindOf ? new TypeRef(kindOf, nullable) : new TypeRef(TypeKind.Json, nullable);
        }
    }

    private void BuildType(IOpenApiSchema schema, Shape shape, string name, string pointer)
    {
        switch (shape)
        {
            case Shape.Enum:
                BuildEnum(schema, name, pointer);
                break;
            case Shape.Union:
                BuildUnion(schema, name, pointer);
                break;
            default:
                BuildObject(schema, name, pointer);
                break;
        }
    }

    private void BuildUnion(IOpenApiSchema schema, string name, string pointer)
    {
        var cases = new List<(TypeRef Type, IOpenApiSchema? Object, IOpenApiSchema Schema, string Pointer, string[]? Tags)>();
        if (SchemaFacts.Alternatives(schema) is { } alternatives)
        {
            var keyword = SchemaFacts.AlternativesKeyword(schema);
            for (var i = 0; i < alternatives.Count; i++)
            {
                var branch = alternatives[i];
                if (SchemaFacts.IsNullOnly(branch))
                {
                    continue;
                }

                var target = SchemaFacts.Resolved(branch);
                var context = target.Title is { Length: > 0 } title && branch is not OpenApiSchemaReference
                    ? name + Identifier.ToPascalCase(title)
                    : name + "Option" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                var branchPointer = pointer + "/" + keyword + "/" + i;
                var type = Resolve(branch, context, branchPointer).WithNullable(false);
                cases.Add((type, type.Kind == TypeKind.Object ? target : null, target, branchPointer, DiscriminatorValues(schema.Discriminator, branch)));
            }
        }
        else
        {
            // A 3.1 type array, [integer, string], or an enum of mixed values: each type read with the rest of the schema.
            var types = SchemaFacts.NonNullType(schema) ?? SchemaFacts.EnumValueTypes(schema)!.Value;
            foreach (var single in s_unionTypeOrder)
            {
                if ((types & single) != 0)
                {
                    cases.Add((ResolveOfType(schema, single, name + single, pointer), null, schema, pointer, null));
                }
            }
        }

        var scope = new NameScope("Unmatched", "Match", "WriteTo", "ValidateInto");
        var models = new List<UnionCaseModel>();
        foreach (var (type, objectSchema, caseSchema, casePointer, tags) in cases.GroupBy(static c => c.Type).Select(static g => g.First()))
        {
            var caseName = scope.Claim(CaseName(type), "a case");
            var items = type.Kind == TypeKind.List ? Items(caseSchema) : null;
            var constraints = type.Kind is TypeKind.Object or TypeKind.Union ? ConstraintModel.None : Constraints(caseSchema, casePointer);
            var itemConstraints = items is null ? ConstraintModel.None : Constraints(items, casePointer + "/items");
            models.Add(objectSchema is null
                ? new UnionCaseModel(caseName, type, EquatableArray<string>.Empty, EquatableArray<string>.Empty, EquatableArray<UnionConstraint>.Empty, constraints, itemConstraints)
                : ObjectCase(caseName, type, objectSchema, schema.Discriminator?.PropertyName, tags));
        }

        _types.Add(new UnionTypeModel(name, DocBuilder.ForSchema(schema), pointer, models.ToEquatableArray()));
    }

    /// <summary>What tells an object case apart: its required members, its members, and those with a closed set of values.</summary>
    private UnionCaseModel ObjectCase(string name, TypeRef type, IOpenApiSchema schema, string? discriminator, string[]? tags)
    {
        var properties = new List<(string Wire, IOpenApiSchema Schema, string Pointer)>();
        var required = new HashSet<string>(StringComparer.Ordinal);
        CollectProperties(schema, string.Empty, properties, required, new HashSet<IOpenApiSchema>(ReferenceComparer.Instance));
        var constraints = new List<UnionConstraint>();
        foreach (var (wire, propertySchema, _) in properties)
        {
            var target = SchemaFacts.Resolved(propertySchema);
            if (SchemaFacts.StringEnumValues(target) is { } values)
            {
                constraints.Add(new UnionConstraint(wire, values.ToEquatableArray()));
            }
        }

        // With a discriminator, its value alone decides: the member is required and only the mapped values select this case.
        if (discriminator is not null && tags is not null)
        {
            constraints.RemoveAll(c => string.Equals(c.WireName, discriminator, StringComparison.Ordinal));
            constraints.Add(new UnionConstraint(discriminator, tags.ToEquatableArray()));
            required.Add(discriminator);
        }

        return new UnionCaseModel(
            name,
            type,
            properties.Select(static p => p.Wire).Concat(required).Distinct(StringComparer.Ordinal).Where(required.Contains).ToEquatableArray(),
            properties.Select(static p => p.Wire).ToEquatableArray(),
            constraints.ToEquatableArray(),
            ConstraintModel.None,
            ConstraintModel.None);
    }

    /// <summary>The discriminator values that select a branch: those the mapping gives it, or else its schema's name.</summary>
    private static string[]? DiscriminatorValues(OpenApiDiscriminator? discriminator, IOpenApiSchema branch)
    {
        if (discriminator?.PropertyName is not { Length: > 0 } || branch is not OpenApiSchemaReference reference || SchemaReferences.ComponentId(reference) is not { } id)
        {
            return null;
        }

        var mapped = (discriminator.Mapping ?? new Dictionary<string, OpenApiSchemaReference>())
            .Where(pair => string.Equals(SchemaReferences.ComponentId(pair.Value), id, StringComparison.Ordinal))
            .Select(static pair => pair.Key)
            .ToArray();
        return mapped.Length > 0 ? mapped : new[] { id };
    }

    private static readonly JsonSchemaType[] s_unionTypeOrder =
    {
        JsonSchemaType.Boolean, JsonSchemaType.Integer, JsonSchemaType.Number, JsonSchemaType.String, JsonSchemaType.Array, JsonSchemaType.Object,
    };

    /// <summary>A case's name from its type: <c>String</c>, <c>Int64</c>, <c>StringList</c>, or a generated type's own name.</summary>
    private static string CaseName(TypeRef type) => type.Kind switch
    {
        TypeKind.List => CaseName(type.Element!) + "List",
        TypeKind.Map => CaseName(type.Element!) + "Map",
        TypeKind.Object or TypeKind.Enum or TypeKind.Union => type.Name!.Substring(type.Name!.LastIndexOf('.') + 1),
        TypeKind.Json => "Json",
        _ => type.Kind.ToString(),
    };

    private static TypeKind KindOf(Shape shape) => shape switch
    {
        Shape.Enum => TypeKind.Enum,
        Shape.Union => TypeKind.Union,
        _ => TypeKind.Object,
    };

    private void BuildEnum(IOpenApiSchema schema, string name, string pointer)
    {
        var values = SchemaFacts.StringEnumValues(schema)!;
        var scope = new NameScope(s_reservedEnumMembers);
        scope.Claim(name, "the enum type");

        // A name the spec gives a value (x-enum-varnames, x-ms-enum) is named from instead of the value: '1' is `_1`
        // unless the spec says `One`.
        var declared = SchemaFacts.DeclaredEnumMembers(schema);
        var sources = values.Select(v => declared.TryGetValue(v, out var d) && d.Name is { } given ? given : v).ToList();
        var names = NameScope.NameSiblings(sources, scope, i => $"the value '{values[i]}'");
        var members = new Dictionary<string, string>(StringComparer.Ordinal);
        var models = new List<EnumMemberModel>(values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            members[values[i]] = names[i];
            models.Add(new EnumMemberModel(names[i], values[i], declared.TryGetValue(values[i], out var d) ? d.Description : null));
        }

        _enumMembers[Qualify(name)] = members;
        _types.Add(new EnumTypeModel(name, DocBuilder.ForSchema(schema), pointer, models.ToEquatableArray()));
    }

    private void BuildObject(IOpenApiSchema schema, string name, string pointer)
    {
        var qualified = Qualify(name);
        _building.Add(qualified);

        // allOf with one generated class among its parts derives from it, when that is sound; otherwise everything is flattened.
        var (baseModel, baseIndex) = FindBase(schema);
        var collected = new List<(string Wire, IOpenApiSchema Schema, string Pointer)>();
        var required = new HashSet<string>(StringComparer.Ordinal);
        CollectProperties(schema, pointer, collected, required, new HashSet<IOpenApiSchema>(ReferenceComparer.Instance), skipAllOf: baseIndex);
        if (baseModel is not null && !CanDerive(baseModel, collected, required))
        {
            baseModel = null;
            collected.Clear();
            required.Clear();
            CollectProperties(schema, pointer, collected, required, new HashSet<IOpenApiSchema>(ReferenceComparer.Instance));
        }

        var inherited = baseModel?.AllProperties.ToList() ?? new List<PropertyModel>();
        var scope = new NameScope(s_reservedObjectMembers);
        scope.Claim(name, "the class itself");
        foreach (var member in inherited.Select(static p => p.Name).Concat(baseModel?.ExtensionData is { } baseData ? new[] { baseData.Name } : Array.Empty<string>()))
        {
            scope.Claim(member, "a member of the base class");
        }

        var names = NameScope.NameSiblings(collected.Select(static p => p.Wire).ToList(), scope, i => $"the property '{collected[i].Wire}'");

        var properties = new List<PropertyModel>(collected.Count);
        for (var i = 0; i < collected.Count; i++)
        {
            var (wire, propertySchema, propertyPointer) = collected[i];
            var type = Resolve(propertySchema, name + names[i], propertyPointer);
            var allowsNull = type.IsNullable;
            var keywords = SchemaFacts.KeywordSource(propertySchema);

            string? defaultExpression = null;
            if (keywords.Default is { } defaultValue && !SchemaFacts.IsNull(defaultValue) && DefaultValues.IsScalar(defaultValue) && type.Kind is not (TypeKind.List or TypeKind.Map or TypeKind.Object or TypeKind.Json))
            {
                defaultExpression = DefaultValues.ToExpression(defaultValue, type, value => EnumMember(type, value));
                if (defaultExpression is null)
                {
                    Report(Descriptors.IgnoredDefault, propertyPointer + "/default", defaultValue.ToJsonString(), wire, type.Kind.ToString());
                }
            }

            // A read-only property is the server's to fill, a defaulted one is always sent, and a credential the client
            // fills: none of them is C# 'required'.
            var isCredential = SchemaFacts.IsCredential(propertySchema);
            var isRequired = required.Contains(wire) && !keywords.ReadOnly && defaultExpression is null && !isCredential;
            var annotated = isRequired || defaultExpression is not null ? allowsNull : true;
            var items = type.Kind == TypeKind.List ? Items(propertySchema) : null;
            properties.Add(new PropertyModel(
                names[i],
                wire,
                type.WithNullable(annotated),
                isRequired,
                allowsNull,
                defaultExpression,
                isCredential ? DocBuilder.ForSchema(propertySchema) with { Description = (keywords.Description is { Length: > 0 } text ? text + "\n\n" : string.Empty) + "The client fills it from its options' ApiKey when it is left null." } : DocBuilder.ForSchema(propertySchema),
                Constraints(propertySchema, propertyPointer),
                items is null ? ConstraintModel.None : Constraints(items, propertyPointer + "/items"),
                isCredential));
        }

        var discriminator = schema.Discriminator is { PropertyName: { Length: > 0 } } found && SchemaFacts.Alternatives(schema) is null ? found : null;
        ExtensionDataModel? extensionData = null;
        if (baseModel?.ExtensionData is { } inheritedData)
        {
            extensionData = inheritedData with { IsInherited = true };
        }
        else if (schema.AdditionalProperties is { } additional && properties.Count > 0)
        {
            var valueType = Resolve(additional, name + "AdditionalProperty", pointer + "/additionalProperties");
            extensionData = new ExtensionDataModel(scope.Claim("AdditionalProperties", "the members the spec does not name"), valueType, false);
        }
        else if (discriminator is not null)
        {
            // A subclass this version does not know is read as the base: its other members are kept, not dropped.
            extensionData = new ExtensionDataModel(scope.Claim("AdditionalProperties", "the members the spec does not name"), new TypeRef(TypeKind.Json), false);
        }

        var model = new ObjectTypeModel(
            name,
            DocBuilder.ForSchema(schema),
            pointer,
            properties.ToEquatableArray(),
            baseModel is null ? null : Qualify(baseModel.Name),
            inherited.ToEquatableArray(),
            extensionData,
            null);
        _objects[qualified] = model;
        _types.Add(model);
        _building.Remove(qualified);
        if (discriminator is not null)
        {
            _discriminated.Add((qualified, discriminator));
        }
    }

    /// <summary>The one allOf part that is a generated class, built first; none when there are several or it is still being built (a cycle).</summary>
    private (ObjectTypeModel? Model, int Index) FindBase(IOpenApiSchema schema)
    {
        if (schema.AllOf is not { Count: > 0 } parts)
        {
            return (null, -1);
        }

        var candidates = Enumerable.Range(0, parts.Count)
            .Where(i => parts[i] is OpenApiSchemaReference part && SchemaReferences.ComponentId(part) is { } id && _components.TryGetValue(id, out var target) && Classify(target) == Shape.Object)
            .ToList();
        if (candidates.Count != 1)
        {
            return (null, -1);
        }

        var baseId = SchemaReferences.ComponentId((OpenApiSchemaReference)parts[candidates[0]])!;
        var baseRef = ResolveComponent(baseId);
        return baseRef.Kind == TypeKind.Object && !_building.Contains(baseRef.Name!) && _objects.TryGetValue(baseRef.Name!, out var model)
            ? (model, candidates[0])
            : (null, -1);
    }

    /// <summary>A subclass is sound when it declares no member its base has, and requires nothing the base leaves optional.</summary>
    private static bool CanDerive(ObjectTypeModel baseModel, List<(string Wire, IOpenApiSchema Schema, string Pointer)> own, HashSet<string> required)
    {
        var inherited = baseModel.AllProperties.ToDictionary(static p => p.WireName, StringComparer.Ordinal);
        if (own.Any(p => inherited.ContainsKey(p.Wire)))
        {
            return false;
        }

        return required.All(wire => !inherited.TryGetValue(wire, out var member) || member.IsRequired || member.DefaultExpression is not null);
    }

    /// <summary>The validation keywords of a schema; a pattern .NET cannot run is reported and left out.</summary>
    private ConstraintModel Constraints(IOpenApiSchema schema, string pointer)
    {
        schema = SchemaFacts.KeywordSource(schema);
        var pattern = schema.Pattern;
        if (pattern is not null)
        {
            try
            {
                _ = new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.CultureInvariant);
            }
            catch (ArgumentException e)
            {
                Report(Descriptors.UncheckedPattern, pointer + "/pattern", pattern, e.Message);
                pattern = null;
            }
        }

        var (minimum, exclusiveMinimum) = Bound(schema.Minimum, schema.ExclusiveMinimum);
        var (maximum, exclusiveMaximum) = Bound(schema.Maximum, schema.ExclusiveMaximum);
        var constraints = new ConstraintModel(
            schema.MinLength,
            schema.MaxLength,
            pattern,
            minimum,
            exclusiveMinimum,
            maximum,
            exclusiveMaximum,
            schema.MinItems,
            schema.MaxItems,
            schema.UniqueItems == true);
        return constraints.IsEmpty ? ConstraintModel.None : constraints;
    }

    /// <summary>3.1 gives an exclusive bound as a number of its own; 3.0 as a boolean beside the inclusive one.</summary>
    private static (string? Value, bool Exclusive) Bound(string? inclusive, string? exclusive)
    {
        if (exclusive is { Length: > 0 } && decimal.TryParse(exclusive, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            return (exclusive, true);
        }

        return (inclusive, string.Equals(exclusive, "true", StringComparison.OrdinalIgnoreCase));
    }

    private static IOpenApiSchema? Items(IOpenApiSchema schema)
    {
        var target = SchemaFacts.Resolved(schema);
        return target.Items ?? (target.AllOf is { Count: 1 } allOf ? Items(allOf[0]) : null);
    }

    /// <summary>Own properties plus those of every allOf part, flattened; a later declaration of a name replaces an earlier one in place.</summary>
    private void CollectProperties(
        IOpenApiSchema schema,
        string pointer,
        List<(string Wire, IOpenApiSchema Schema, string Pointer)> properties,
        HashSet<string> required,
        HashSet<IOpenApiSchema> visited,
        int skipAllOf = -1)
    {
        if (!visited.Add(schema))
        {
            return;
        }

        if (schema.AllOf is not null)
        {
            for (var i = 0; i < schema.AllOf.Count; i++)
            {
                if (i == skipAllOf)
                {
                    continue;
                }

                var part = schema.AllOf[i];
                var partPointer = pointer + "/allOf/" + i;
                if (part is OpenApiSchemaReference reference)
                {
                    var (target, targetPointer) = SchemaReferences.ComponentId(reference) is { } id && _components.TryGetValue(id, out var component)
                        ? (component, ComponentPointer(id))
                        : Dereference(reference, partPointer);
                    if (target is null)
                    {
                        Report(Descriptors.UnresolvedReference, partPointer, reference.Reference?.ReferenceV3 ?? "(empty)");
                        continue;
                    }

                    partPointer = targetPointer ?? partPointer;
                    part = target;
                }

                CollectProperties(part, partPointer, properties, required, visited);
            }
        }

        if (schema.Properties is not null)
        {
            foreach (var property in schema.Properties)
            {
                var entry = (property.Key, property.Value, pointer + "/properties/" + SchemaFacts.Escape(property.Key));
                var index = properties.FindIndex(p => string.Equals(p.Wire, property.Key, StringComparison.Ordinal));
                if (index >= 0)
                {
                    properties[index] = entry;
                }
                else
                {
                    properties.Add(entry);
                }
            }
        }

        if (schema.Required is not null)
        {
            required.UnionWith(schema.Required);
        }
    }

    private string? EnumMember(TypeRef type, string value)
        => type.Name is not null && _enumMembers.TryGetValue(type.Name, out var members) && members.TryGetValue(value, out var member) ? member : null;

    private static Shape Classify(IOpenApiSchema schema)
    {
        if (schema is OpenApiSchemaReference)
        {
            return Shape.Other;
        }

        if (SchemaFacts.StringEnumValues(schema) is not null && !SchemaFacts.HasProperties(schema))
        {
            return Shape.Enum;
        }

        if (SchemaFacts.Alternatives(schema) is { } alternatives)
        {
            if (SchemaFacts.HasProperties(schema))
            {
                return Shape.Object;
            }

            // Branches that are all one type (a oneOf of integer consts) are that type, not a union.
            var signatures = alternatives.Where(static a => !SchemaFacts.IsNullOnly(a)).Select(static a => Signature(a)).Distinct(StringComparer.Ordinal).Count();
            return signatures > 1 ? Shape.Union : Shape.Other;
        }

        if (schema.AllOf is { Count: > 0 } allOf)
        {
            return allOf.Count == 1 && !SchemaFacts.HasProperties(schema) ? Shape.Other : Shape.Object;
        }

        var type = SchemaFacts.NonNullType(schema) ?? SchemaFacts.EnumValueTypes(schema);
        if (type is { } several && !SchemaFacts.IsSingleType(several))
        {
            return Shape.Union;
        }

        return SchemaFacts.HasProperties(schema) && (type is null || type == JsonSchemaType.Object) ? Shape.Object : Shape.Other;
    }

    /// <summary>What a union branch would become, cheaply, to tell whether branches differ: a component, a structure, or a JSON type and format.</summary>
    private static string Signature(IOpenApiSchema branch) => Signature(branch, depth: 0);

    private static string Signature(IOpenApiSchema branch, int depth)
    {
        if (branch is OpenApiSchemaReference reference)
        {
            // A reference to an alias (a component that is just a string, say) is what it aliases.
            return SchemaReferences.ComponentId(reference) is not null && SchemaFacts.Target(reference) is { } target && depth < 8 && Classify(target) == Shape.Other && !SchemaFacts.HasStructure(target)
                ? Signature(target, depth + 1)
                : "ref:" + (reference.Reference?.ReferenceV3 ?? string.Empty);
        }

        if (SchemaFacts.HasStructure(branch) || SchemaFacts.StringEnumValues(branch) is not null)
        {
            return "schema:" + System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(branch).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return (branch.Type?.ToString() ?? "any") + ":" + branch.Format;
    }

    private string ClaimTypeName(string preferred, string owner, string pointer)
    {
        var previous = _typeScope.OwnerOf(preferred);
        var name = _typeScope.Claim(preferred, owner);
        if (previous is not null)
        {
            _diagnostics.Add(_spec.AtKey(Descriptors.NameCollision, pointer, preferred, previous, owner, name));
        }

        return name;
    }

    private string Qualify(string name) => _input.Namespace + "." + name;

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, string pointer, params string[] arguments)
        => _diagnostics.Add(_spec.At(descriptor, pointer, arguments));

    private static string ComponentPointer(string id) => "/components/schemas/" + SchemaFacts.Escape(id);

    private static string Suffixed(string name, string suffix) => name.EndsWith(suffix, StringComparison.Ordinal) ? name : name + suffix;

    private static IDictionary<string, T> Empty<T>() => new Dictionary<string, T>();

    private enum Shape
    {
        Other,
        Object,
        Enum,
        Union,
    }

    private sealed class ReferenceComparer : IEqualityComparer<IOpenApiSchema>
    {
        public static readonly ReferenceComparer Instance = new();

        public bool Equals(IOpenApiSchema? x, IOpenApiSchema? y) => ReferenceEquals(x, y);

        public int GetHashCode(IOpenApiSchema obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}
