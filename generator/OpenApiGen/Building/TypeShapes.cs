using System.Linq;
using OpenApiGen.Model;

namespace OpenApiGen.Building;

/// <summary>
/// A type as far as the code that uses it can tell: its members, wire names, types, required-ness and nullability,
/// enum values, formats, constraints and defaults, without its documentation (summaries, descriptions, examples, the
/// place in its document). Two documents of one client that define a type alike but for its docs share it
/// (ClientGroupMerge), and the first document's docs are the ones emitted.
/// </summary>
internal static class TypeShapes
{
    /// <summary>The value two types of one name are compared by: equal when the generated code would behave the same.</summary>
    public static TypeModel Of(TypeModel type) => type switch
    {
        ObjectTypeModel o => o with
        {
            Docs = Docs(o.Docs),
            SpecPointer = string.Empty,
            Properties = Properties(o.Properties),
            InheritedProperties = Properties(o.InheritedProperties),
        },
        EnumTypeModel e => e with
        {
            Docs = Docs(e.Docs),
            SpecPointer = string.Empty,
            Members = e.Members.Select(static m => m with { Description = null }).ToEquatableArray(),
        },
        _ => type with { Docs = Docs(type.Docs), SpecPointer = string.Empty },
    };

    private static EquatableArray<PropertyModel> Properties(EquatableArray<PropertyModel> properties)
        => properties.Select(static p => p with { Docs = Docs(p.Docs) }).ToEquatableArray();

    // Deprecation stays: it is [Obsolete] on the type or the member, which a caller's build sees.
    private static DocModel Docs(DocModel docs) => docs.Deprecated ? DocModel.Empty with { Deprecated = true } : DocModel.Empty;
}
