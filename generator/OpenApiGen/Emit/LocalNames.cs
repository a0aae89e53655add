using System;
using System.Collections.Generic;
using System.Globalization;

namespace OpenApiGen.Emit;

/// <summary>
/// The names one generated method declares, as Mapperly's <c>UniqueNameBuilder</c> keeps them: seeded with the
/// method's parameters, every local claimed here, so a local never takes a name the spec gave a parameter (Petstore's
/// <c>status</c> stays <c>status</c>, and the local steps aside as <c>status2</c>). The rule is
/// <see cref="Naming.NameScope"/>'s, which names the API itself: the preferred name, else the first free numbered one.
/// </summary>
internal sealed class LocalNames
{
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);
    private readonly LocalNames? _parent;

    public LocalNames(IEnumerable<string> parameters)
    {
        foreach (var parameter in parameters)
        {
            // A keyword is escaped (@event) but names the same identifier.
            _taken.Add(parameter.TrimStart('@'));
        }
    }

    public LocalNames(params string[] parameters)
        : this((IEnumerable<string>)parameters)
    {
    }

    private LocalNames(LocalNames parent) => _parent = parent;

    /// <summary>Claims <paramref name="preferred"/>, or when the method already uses it the first free <c>preferred2</c>, <c>preferred3</c>, ...</summary>
    public string New(string preferred)
    {
        var name = preferred;
        for (var i = 2; IsTaken(name); i++)
        {
            name = preferred + i.ToString(CultureInfo.InvariantCulture);
        }

        _taken.Add(name);
        return name;
    }

    /// <summary>A nested block or lambda: it sees the names taken around it, and its own are free again in the next block.</summary>
    public LocalNames Scope() => new(this);

    private bool IsTaken(string name) => _taken.Contains(name) || (_parent?.IsTaken(name) ?? false);
}
