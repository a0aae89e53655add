using System;
using System.Collections.Generic;
using System.Linq;
using OpenApiGen.Model;
using OpenApiGen.Naming;

namespace OpenApiGen.Building;

/// <summary>
/// The JSON context member that reads and writes each type the client sends or receives: a generated type's own
/// name, or, for a type that is no generated class (a list, a string), a name claimed for it the first time it is met,
/// with the name of the converter the context nests for it. Both are claimed in the types' scope: the context's
/// properties are named like the types, so a schema named <c>PetListJsonConverter</c> and the converter of a
/// <c>PetList</c> root would otherwise be two members of one name (CS0102).
/// </summary>
internal sealed class JsonInfos
{
    private readonly BuildContext _context;
    private readonly Dictionary<TypeRef, (string Name, string Converter)> _roots = new();

    public JsonInfos(BuildContext context) => _context = context;

    public string For(TypeRef type)
    {
        var plain = type.WithNullable(false);
        if (plain.Kind is TypeKind.Object or TypeKind.Enum or TypeKind.Union)
        {
            return plain.Name!.Name;
        }

        if (!_roots.TryGetValue(plain, out var root))
        {
            var name = _context.Names.ClaimQuietly(UnionBuilder.CaseName(plain), "a type the client reads or writes");
            root = (name, _context.Names.ClaimQuietly(ConverterNames.Of(name), "the JSON context's converter for " + name));
            _roots[plain] = root;
        }

        return root.Name;
    }

    /// <summary>The types that are no generated class, by name, for the JSON context to serve.</summary>
    public EquatableArray<RootTypeModel> Roots()
        => _roots.Select(static pair => new RootTypeModel(pair.Value.Name, pair.Key, pair.Value.Converter)).OrderBy(static r => r.Name, StringComparer.Ordinal).ToEquatableArray();
}
