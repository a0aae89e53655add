using System;
using System.Collections.Generic;
using System.Linq;
using OpenApiGen.Model;
using OpenApiGen.Naming;

namespace OpenApiGen.Building;

/// <summary>The body of an extensible enum: a member per string value, named from the value or from the name the spec gives it.</summary>
internal static class EnumBuilder
{
    private static readonly string[] s_reservedMembers = { "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "KnownValues", "Value", "PrintMembers" };

    public static void Build(BuildContext context, PendingType pending)
    {
        var schema = pending.Schema;
        var name = pending.Name.Name;
        var values = SchemaFacts.StringEnumValues(schema)!;
        var scope = new NameScope(s_reservedMembers);
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

        context.Types.AddEnumMembers(pending.Name, members);
        context.Types.Add(pending.Name, new EnumTypeModel(name, DocBuilder.ForSchema(schema), pending.Pointer, models.ToEquatableArray()));
    }
}
