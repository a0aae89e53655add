using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;
using OpenApiGen.Model;

namespace OpenApiGen.Building;

/// <summary>The types whose bodies are built, and what later passes need to know of them.</summary>
internal sealed class BuiltTypes
{
    private readonly Dictionary<TypeName, TypeModel> _types = new();
    private readonly Dictionary<TypeName, ObjectTypeModel> _objects = new();
    private readonly Dictionary<TypeName, Dictionary<string, string>> _enumMembers = new();

    /// <summary>The bases of hierarchies, with their discriminators, in the order they were built.</summary>
    public List<(TypeName Base, OpenApiDiscriminator Discriminator)> Hierarchies { get; } = new();

    public IEnumerable<ObjectTypeModel> Objects => _objects.Values;

    public void Add(TypeName name, TypeModel type)
    {
        _types[name] = type;
        if (type is ObjectTypeModel model)
        {
            _objects[name] = model;
        }
    }

    /// <summary>An enum's members by wire value, for a default that names one.</summary>
    public void AddEnumMembers(TypeName name, Dictionary<string, string> members) => _enumMembers[name] = members;

    public bool TryGetObject(TypeName name, out ObjectTypeModel model) => _objects.TryGetValue(name, out model!);

    public bool TryGetUnion(TypeName name, out UnionTypeModel model)
    {
        model = (_types.TryGetValue(name, out var type) ? type as UnionTypeModel : null)!;
        return model is not null;
    }

    public string? EnumMember(TypeName name, string value)
        => _enumMembers.TryGetValue(name, out var members) && members.TryGetValue(value, out var member) ? member : null;

    /// <summary>Every type, in name order, so the model does not depend on the order they were built in.</summary>
    public EquatableArray<TypeModel> All() => _types.Values.OrderBy(static t => t.Name, StringComparer.Ordinal).ToEquatableArray();
}
