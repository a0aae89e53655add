using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;
using OpenApiGen.Model;

namespace OpenApiGen.Building;

/// <summary>
/// After every type is built: each hierarchy's subclasses, an explicit <c>mapping</c> first, then, as OpenAPI says,
/// every schema deriving from the base under its own name. Only real subclasses can be returned as the base.
/// </summary>
internal static class HierarchyPass
{
    public static void Run(BuildContext context)
    {
        var types = context.Types;
        foreach (var (baseName, discriminator) in types.Hierarchies)
        {
            var subtypes = new List<DerivedTypeModel>();
            var mapped = new HashSet<TypeName>();
            foreach (var pair in discriminator.Mapping ?? new Dictionary<string, OpenApiSchemaReference>())
            {
                if (SchemaReferences.ComponentId(pair.Value) is { } id && context.Names.TryGetComponentName(id, out var derived) && DerivesFrom(types, context.Qualify(derived), baseName))
                {
                    subtypes.Add(new DerivedTypeModel(pair.Key, context.Qualify(derived)));
                    mapped.Add(context.Qualify(derived));
                }
            }

            foreach (var candidate in types.Objects.OrderBy(static o => o.Name, StringComparer.Ordinal))
            {
                var name = context.Qualify(candidate.Name);
                if (!mapped.Contains(name) && context.Names.TryGetComponentId(name, out var id) && DerivesFrom(types, name, baseName))
                {
                    subtypes.Add(new DerivedTypeModel(id, name));
                }
            }

            // Deepest first: a grandchild is also a child, and must be written as itself.
            var ordered = subtypes.Select((subtype, index) => (subtype, index)).OrderByDescending(p => Depth(types, p.subtype.Type)).ThenBy(static p => p.index).Select(static p => p.subtype);
            types.TryGetObject(baseName, out var model);
            types.Add(baseName, model with { Discriminator = new DiscriminatorModel(discriminator.PropertyName!, ordered.ToEquatableArray()) });
        }
    }

    private static int Depth(BuiltTypes types, TypeName name)
    {
        var depth = 0;
        types.TryGetObject(name, out var model);
        for (var current = model.BaseType; current is not null && depth < 64; current = types.TryGetObject(current, out var next) ? next.BaseType : null)
        {
            depth++;
        }

        return depth;
    }

    private static bool DerivesFrom(BuiltTypes types, TypeName name, TypeName baseName)
    {
        for (var current = types.TryGetObject(name, out var model) ? model.BaseType : null; current is not null; current = types.TryGetObject(current, out var next) ? next.BaseType : null)
        {
            if (current == baseName)
            {
                return true;
            }
        }

        return false;
    }
}
