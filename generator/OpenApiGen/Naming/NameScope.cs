using System;
using System.Collections.Generic;

namespace OpenApiGen.Naming;

/// <summary>
/// The names already taken in one C# scope (a namespace, or the members of one type).
/// The first claimant keeps the plain name; later ones get a stable suffix, and the caller reports the collision.
/// </summary>
internal sealed class NameScope
{
    private readonly Dictionary<string, string> _owners = new(StringComparer.Ordinal);

    public NameScope(params string[] reserved)
    {
        foreach (var name in reserved)
        {
            _owners[name] = "a name the generated code uses";
        }
    }

    public bool IsTaken(string name) => _owners.ContainsKey(name);

    public string? OwnerOf(string name) => _owners.TryGetValue(name, out var owner) ? owner : null;

    /// <summary>Claims <paramref name="preferred"/> or, when it is taken, the first free <c>preferred2</c>, <c>preferred3</c>, ...</summary>
    public string Claim(string preferred, string owner)
    {
        var name = preferred;
        for (var i = 2; _owners.ContainsKey(name); i++)
        {
            name = preferred + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        _owners[name] = owner;
        return name;
    }

    /// <summary>
    /// Names a group of siblings at once (enum values, properties) so the result does not depend on their order:
    /// names that collide after PascalCase are spelled out (<c>Etc/GMT-0</c> -> <c>EtcGmtMinus0</c>) where that tells them apart,
    /// and only what still collides gets a numeric suffix.
    /// </summary>
    /// <param name="wireNames">What each sibling is named from: its wire name, or a name the spec gives it.</param>
    /// <param name="scope">The scope the names are claimed in.</param>
    /// <param name="describe">The sibling at an index, for the collision diagnostic ("the property 'x'").</param>
    /// <param name="camelCase">camelCase (parameters) rather than PascalCase.</param>
    public static IReadOnlyList<string> NameSiblings(IReadOnlyList<string> wireNames, NameScope scope, Func<int, string> describe, bool camelCase = false)
    {
        Func<string, string> plainName = camelCase ? Identifier.ToCamelCase : Identifier.ToPascalCase;
        Func<string, string> verboseName = camelCase ? static w => Identifier.ToCamelCase(Identifier.ToVerbosePascalCase(w)) : Identifier.ToVerbosePascalCase;
        var plain = new string[wireNames.Count];
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < wireNames.Count; i++)
        {
            plain[i] = plainName(wireNames[i]);
            counts[plain[i]] = counts.TryGetValue(plain[i], out var n) ? n + 1 : 1;
        }

        var result = new string[wireNames.Count];
        for (var i = 0; i < wireNames.Count; i++)
        {
            var preferred = plain[i];
            if (counts[preferred] > 1)
            {
                var verbose = verboseName(wireNames[i]);
                if (!string.Equals(verbose, preferred, StringComparison.Ordinal))
                {
                    preferred = verbose;
                }
            }

            result[i] = scope.Claim(preferred, describe(i));
        }

        return result;
    }
}
