using System;
using System.Collections.Generic;

namespace OpenApiGen.Naming;

/// <summary>
/// The names already taken in one C# scope (a namespace, or the members of one type).
/// The first claimant keeps the plain name; later ones get a stable suffix, and the caller reports the collision.
/// </summary>
internal sealed class NameScope
{
    /// <summary>
    /// The longest name, in UTF-8 bytes, any scope hands out. Type names become file names
    /// (<c>{Client}.{Type}.g.cs</c>, at most 255 bytes on every file system) and C# takes identifiers of at most 512
    /// characters; names made from places in deeply nested schemas grow past both.
    /// </summary>
    public const int MaxNameBytes = 128;

    private readonly Dictionary<string, string> _owners;

    public NameScope(params string[] reserved)
        : this(StringComparer.Ordinal, reserved)
    {
    }

    private NameScope(StringComparer comparer, string[] reserved)
    {
        _owners = new Dictionary<string, string>(comparer);
        foreach (var name in reserved)
        {
            _owners[name] = "a name the generated code uses";
        }
    }

    /// <summary>
    /// A scope whose names are also file names (types, hint-name prefixes): two that differ only in case are one name
    /// here, since Windows and macOS file systems, and Roslyn's hint names, take them for one file.
    /// </summary>
    public static NameScope ForFiles(params string[] reserved) => new(StringComparer.OrdinalIgnoreCase, reserved);

    public bool IsTaken(string name) => _owners.ContainsKey(name);

    public string? OwnerOf(string name) => _owners.TryGetValue(name, out var owner) ? owner : null;

    /// <summary>Claims <paramref name="preferred"/> or, when it is taken, the first free <c>preferred2</c>, <c>preferred3</c>, ...</summary>
    /// <param name="preferred">The name wanted.</param>
    /// <param name="owner">What takes it, for the collision diagnostic.</param>
    /// <param name="unavailable">Names this claimant cannot take although nobody holds them here.</param>
    public string Claim(string preferred, string owner, Func<string, bool>? unavailable = null)
    {
        preferred = WithinBudget(preferred);
        var name = preferred;
        for (var i = 2; _owners.ContainsKey(name) || unavailable?.Invoke(name) == true; i++)
        {
            name = preferred + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        _owners[name] = owner;
        return name;
    }

    /// <summary>
    /// <paramref name="name"/> when it fits <see cref="MaxNameBytes"/>; otherwise its longest prefix that leaves room
    /// for <c>_</c> and a hash of the whole name, so two long names that share a prefix stay apart, and the same name
    /// is always shortened the same way.
    /// </summary>
    public static string WithinBudget(string name)
    {
        if (System.Text.Encoding.UTF8.GetByteCount(name) <= MaxNameBytes)
        {
            return name;
        }

        // FNV-1a over the UTF-16 code units: stable across runs and platforms, unlike string.GetHashCode.
        var hash = 2166136261u;
        foreach (var c in name)
        {
            hash = (hash ^ c) * 16777619u;
        }

        var suffix = "_" + hash.ToString("X8", System.Globalization.CultureInfo.InvariantCulture);
        var budget = MaxNameBytes - suffix.Length;
        var length = 0;
        for (var bytes = 0; length < name.Length;)
        {
            var width = char.IsHighSurrogate(name[length]) && length + 1 < name.Length ? 2 : 1;
            var size = System.Text.Encoding.UTF8.GetByteCount(name.ToCharArray(length, width));
            if (bytes + size > budget)
            {
                break;
            }

            bytes += size;
            length += width;
        }

        return name.Substring(0, length) + suffix;
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
