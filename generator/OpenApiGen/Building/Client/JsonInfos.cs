using System;
using System.Collections.Generic;
using System.Linq;
using OpenApiGen.Model;

namespace OpenApiGen.Building;

/// <summary>
/// The JSON context member that reads and writes each type the client sends or receives: a generated type's own
/// name, or, for a type that is no generated class (a list, a string), a name claimed for it the first time it is met.
/// </summary>
internal sealed class JsonInfos
{
    private readonly BuildContext _context;
    private readonly Dictionary<TypeRef, string> _roots = new();

    public JsonInfos(BuildContext context) => _context = context;

    public string For(TypeRef type)
    {
        var plain = type.WithNullable(false);
        if (plain.Kind is TypeKind.Object or TypeKind.Enum or TypeKind.Union)
        {
            return plain.Name!.Name;
        }

        if (!_roots.TryGetValue(plain, out var name))
        {
            name = _context.Names.ClaimQuietly(UnionBuilder.CaseName(plain), "a type the client reads or writes");
            _roots[plain] = name;
        }

        return name;
    }

    /// <summary>The types that are no generated class, by name, for the JSON context to serve.</summary>
    public EquatableArray<RootTypeModel> Roots()
        => _roots.Select(static pair => new RootTypeModel(pair.Value, pair.Key)).OrderBy(static r => r.Name, StringComparer.Ordinal).ToEquatableArray();
}
