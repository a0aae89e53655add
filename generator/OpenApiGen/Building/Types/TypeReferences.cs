using System;
using System.Collections.Generic;
using Microsoft.OpenApi;
using OpenApiGen.Model;

namespace OpenApiGen.Building;

/// <summary>
/// What each schema reached so far is typed as: a component by its id, an inline schema by its identity (a schema
/// reached twice, as a shared response, is one type), and the references being followed, so a cycle that passes
/// through no type of its own is found instead of followed forever.
/// </summary>
internal sealed class TypeReferences
{
    private readonly Dictionary<string, TypeRef> _components = new(StringComparer.Ordinal);
    private readonly Dictionary<IOpenApiSchema, TypeRef> _inline = new(SchemaIdentity.Instance);
    private readonly HashSet<string> _following = new(StringComparer.Ordinal);

    public bool TryGetComponent(string id, out TypeRef type) => _components.TryGetValue(id, out type!);

    public void SetComponent(string id, TypeRef type) => _components[id] = type;

    public bool TryGetInline(IOpenApiSchema schema, out TypeRef type) => _inline.TryGetValue(schema, out type!);

    public void SetInline(IOpenApiSchema schema, TypeRef type) => _inline[schema] = type;

    /// <summary>
    /// How many references that stand for what they contain may be followed inside one another (an array of an alias
    /// of an array of ...): each is followed by recursion, and a chain of them is as long as the spec makes it. Twice
    /// the reader's budget for chains of bare references (<c>KeywordValues.MaxSchemaDepth</c>), which it cuts first.
    /// </summary>
    public const int MaxFollowing = 128;

    /// <summary>Whether as many references are being followed as <see cref="MaxFollowing"/> allows.</summary>
    public bool FollowingTooDeep => _following.Count >= MaxFollowing;

    /// <summary>Starts following a reference that stands for what it contains; false when it is already being followed.</summary>
    public bool StartFollowing(string key) => _following.Add(key);

    public void StopFollowing(string key) => _following.Remove(key);
}
