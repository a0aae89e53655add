using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using OpenApiGen.Model;

namespace OpenApiGen.Emit;

/// <summary>
/// The generated objects and unions that have something to check: a member's own checks, a base's, or a derived
/// class's (a member of a base type may hold a subclass). A value of any other type is not asked to validate itself,
/// since its <c>ValidateInto</c> is the runtime's, which finds nothing. A type the spec does not define (another
/// spec's) counts as checked.
/// </summary>
internal sealed class CheckedTypes
{
    private static readonly ConditionalWeakTable<SpecModel, CheckedTypes> s_bySpec = new();

    private readonly HashSet<TypeName> _defined = new();
    private readonly HashSet<TypeName> _checked = new();

    private CheckedTypes(SpecModel spec)
    {
        var types = spec.Types.Where(static t => t is ObjectTypeModel or UnionTypeModel).ToList();
        foreach (var type in types)
        {
            _defined.Add(new TypeName(spec.Namespace, type.Name));
        }

        var derived = types.OfType<ObjectTypeModel>().Where(static t => t.BaseType is not null).ToLookup(static t => t.BaseType!, t => new TypeName(spec.Namespace, t.Name));

        // A fixpoint: each round marks the types whose checks reach a type marked in an earlier one; cycles end it too.
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var type in types)
            {
                var name = new TypeName(spec.Namespace, type.Name);
                if (_checked.Contains(name))
                {
                    continue;
                }

                var has = type switch
                {
                    ObjectTypeModel o => o.Properties.Any(p => ValidationEmitter.NeedsChecks(p, this))
                                         || (o.BaseType is { } baseType && Has(baseType))
                                         || derived[name].Any(Has),
                    UnionTypeModel u => u.Cases.Any(c => ValidationEmitter.NeedsChecks(c.Type, c.Constraints, c.ItemConstraints, this)),
                    _ => false,
                };
                if (has)
                {
                    _checked.Add(name);
                    changed = true;
                }
            }
        }
    }

    public static CheckedTypes Of(SpecModel spec) => s_bySpec.GetValue(spec, static s => new CheckedTypes(s));

    /// <summary>Whether a value of this generated type can have a violation.</summary>
    public bool Has(TypeName type) => _checked.Contains(type) || !_defined.Contains(type);
}
