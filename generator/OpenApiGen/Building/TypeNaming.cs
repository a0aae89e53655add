using System;
using System.Collections.Generic;
using OpenApiGen.Diagnostics;
using OpenApiGen.Model;
using OpenApiGen.Naming;

namespace OpenApiGen.Building;

/// <summary>
/// The type names of one spec's namespace. The generated code's own names are claimed first, then every component
/// schema's, so a reference can be typed before its target is built and component names win over names derived
/// from places; the rest are claimed as schemas are reached, in document order.
/// </summary>
internal sealed class TypeNaming
{
    // A type must not take a name that the JSON context (whose properties mirror type names) or the
    // Serialization namespace already use: the context's own members, and object's, which a property of the same
    // name would hide (CS0108, an error under TreatWarningsAsErrors).
    private static readonly string[] s_reserved =
    {
        ConverterNames.Namespace, "Default", "Options", "GetTypeInfo", "GeneratedSerializerOptions",
        "Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "ReferenceEquals", "Finalize",
    };

    // The members each kind of generated type declares whatever its schema: C# forbids a member named like its type
    // (CS0542), so a type of that kind does not take one of these names (Qdrant's union named Match).
    private static readonly string[] s_objectMembers = { "Validate", "ValidateInto" };
    private static readonly string[] s_enumMembers = { "KnownValues", "Value", "Equals", "GetHashCode", "ToString", "PrintMembers" };
    private static readonly string[] s_unionMembers = { "Match", "IsUnmatched", "UnmatchedJson", "FromUnmatchedJson", "ToString", "WriteTo", "Validate", "ValidateInto" };

    private readonly BuildContext _context;
    private readonly NameScope _scope = NameScope.ForFiles(s_reserved);
    private readonly Dictionary<string, string> _componentNames = new(StringComparer.Ordinal);
    private readonly Dictionary<TypeName, string> _componentIds = new();
    private readonly Dictionary<string, string> _groupRenamed = new(StringComparer.Ordinal);

    public TypeNaming(BuildContext context)
    {
        _context = context;
        var client = context.Input.ClientName;
        BaseName = client.EndsWith("Client", StringComparison.Ordinal) && client.Length > "Client".Length
            ? client.Substring(0, client.Length - "Client".Length)
            : client;
        ContextName = BaseName + "JsonContext";
        _scope.Claim(client, "the client");
        InterfaceName = _scope.Claim("I" + client, "the client's interface");
        RegistrationName = _scope.Claim(client + "ServiceCollectionExtensions", "the client's registration");
        _scope.Claim(ContextName, "the JSON context");

        // Claimed before any schema, like the JSON context, so its name follows from the client's name alone and tools
        // can find it; a schema of the same name gets the suffix (OAG006). Only when emitted: specs without the
        // option keep every schema name they had.
        if (context.Input.Spec.EmbedDocument)
        {
            // In a client of several documents each embeds its own, named after its file: EvoLinkTasksOpenApiDocument.
            DocumentName = _scope.Claim(BaseName + context.Input.Group?.Stem + "OpenApiDocument", "the embedded OpenAPI document");
        }

        foreach (var pair in context.Components)
        {
            if (SchemaShape.Of(pair.Value) != Shape.Other)
            {
                var name = Claim(Identifier.ToPascalCase(pair.Key), $"schema '{pair.Key}'", BuildContext.ComponentPointer(pair.Key), SchemaShape.Of(pair.Value));
                _componentNames[pair.Key] = name;
                _componentIds[context.Qualify(name)] = pair.Key;
            }
        }
    }

    /// <summary>The client's name without <c>Client</c>: the stem of the JSON context's and the document's names.</summary>
    public string BaseName { get; }

    public string ContextName { get; }

    /// <summary>The client's interface, for mocking.</summary>
    public string InterfaceName { get; }

    /// <summary>The static class of the client's <c>AddXxxClient()</c>, claimed whether or not it is emitted, so a schema never takes it.</summary>
    public string RegistrationName { get; }

    /// <summary>The embedded document's class, when the spec asked for one.</summary>
    public string? DocumentName { get; }

    /// <summary>Claims a name for a type of <paramref name="shape"/> declared at <paramref name="pointer"/>; a collision is reported there.</summary>
    public string Claim(string preferred, string owner, string pointer, Shape shape)
    {
        var members = shape switch
        {
            Shape.Object => s_objectMembers,
            Shape.Enum => s_enumMembers,
            Shape.Union => s_unionMembers,
            _ => Array.Empty<string>(),
        };
        bool IsMember(string name) => Array.IndexOf(members, name) >= 0;
        if (_context.Input.Group is { } group && group.OwnerOf(preferred, method: false) is { } document)
        {
            // Another document of the client has a different type of this name, and keeps it (OAG040).
            var renamed = Claim(group.Stem + preferred, owner, pointer, shape);
            _context.ReportAtKey(Descriptors.GroupTypeRenamed, pointer, preferred, document, group.Client, renamed);
            _groupRenamed[renamed] = preferred;
            return renamed;
        }

        var previous = _scope.OwnerOf(preferred) ?? (IsMember(preferred) ? $"a member every generated {shape.ToString().ToLowerInvariant()} declares" : null);
        var name = _scope.Claim(preferred, owner, IsMember);
        if (previous is not null)
        {
            _context.ReportAtKey(Descriptors.NameCollision, pointer, preferred, previous, owner, name);
        }

        return name;
    }

    /// <summary>
    /// The name a type's inline schemas are named from: its own, or for a type renamed because another document of the
    /// client has a different one of its name (OAG040), the name it gave up. A member type alike in both documents then
    /// has the earlier one's name and is shared (ClientGroupMerge compares each type on its own); one that differs is
    /// renamed in its turn.
    /// </summary>
    public string StemOf(string name) => _groupRenamed.TryGetValue(name, out var preferred) ? preferred : name;

    /// <summary>Claims a name for something the generator adds (the options class, a JSON context member), without a report.</summary>
    public string ClaimQuietly(string preferred, string owner)
        => _scope.Claim(_context.Input.Group is { } group && group.OwnerOf(preferred, method: false) is not null ? group.Stem + preferred : preferred, owner);

    /// <summary>The type name a component schema claimed, when it is a type of its own.</summary>
    public bool TryGetComponentName(string id, out string name) => _componentNames.TryGetValue(id, out name!);

    /// <summary>The name a component has or would have, for names derived from a place inside it.</summary>
    public string ComponentName(string id) => _componentNames.TryGetValue(id, out var name) ? name : Identifier.ToPascalCase(id);

    /// <summary>The component a type was declared as, if it was one.</summary>
    public bool TryGetComponentId(TypeName type, out string id) => _componentIds.TryGetValue(type, out id!);
}
