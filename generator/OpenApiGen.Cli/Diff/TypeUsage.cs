namespace OpenApiGen.Cli.Diff;

/// <summary>
/// Where each generated type is met: in what users send (bodies, parameters), in what they read (results, error
/// bodies), or both. A class used in a request sends its base class's members too; one read may be any of its
/// subclasses. A type no operation reaches (a webhook's payload, a component on its own) counts as both.
/// </summary>
internal static class TypeUsage
{
    public static IReadOnlyDictionary<string, Usage> Of(ApiSurface surface)
    {
        var usage = surface.Types.ToDictionary(static t => t.Name, static _ => Usage.None, StringComparer.Ordinal);
        foreach (var operation in surface.Operations)
        {
            foreach (var parameter in operation.Parameters)
            {
                Mark(surface, usage, parameter.Type, Usage.Request);
            }

            if (operation.Body is { } body)
            {
                Mark(surface, usage, body.Type, Usage.Request);
            }

            if (operation.Result is { } result)
            {
                Mark(surface, usage, result, Usage.Response);
            }

            foreach (var (_, error) in operation.Errors)
            {
                if (error is not null)
                {
                    Mark(surface, usage, error, Usage.Response);
                }
            }
        }

        foreach (var name in usage.Keys.ToList())
        {
            if (usage[name] == Usage.None)
            {
                usage[name] = Usage.Both;
            }
        }

        return usage;
    }

    private static void Mark(ApiSurface surface, Dictionary<string, Usage> usage, CsType type, Usage where)
    {
        if (type.Element is { } element)
        {
            Mark(surface, usage, element, where);
        }

        if (type.Name is not { } name || surface.Type(name) is not { } generated || (usage[name] & where) == where)
        {
            return;
        }

        usage[name] |= where;
        switch (generated)
        {
            case ObjectSurface o:
                foreach (var member in o.Members)
                {
                    Mark(surface, usage, member.Type, where);
                }

                if (o.BaseType is { } baseType)
                {
                    Mark(surface, usage, new CsType(CsKind.Object, baseType), where);
                }

                foreach (var (_, subtype) in o.Subtypes)
                {
                    Mark(surface, usage, new CsType(CsKind.Object, subtype), where);
                }

                break;
            case UnionSurface u:
                foreach (var (_, caseType) in u.Cases)
                {
                    Mark(surface, usage, caseType, where);
                }

                break;
        }
    }
}
