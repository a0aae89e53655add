using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using OpenApiGen.Diagnostics;
using OpenApiGen.Pipeline;

namespace OpenApiGen.Reading;

/// <summary>Where another file's schema or part lands in the spec: a component of its section, named once.</summary>
internal sealed partial class ExternalReferences
{
    // The components sections a part from another file is copied into once, with the place of their entries.
    private static readonly (string Section, ReferencePlace Place)[] s_partSections =
    {
        ("parameters", ReferencePlace.Parameter),
        ("responses", ReferencePlace.Response),
        ("requestBodies", ReferencePlace.RequestBody),
        ("headers", ReferencePlace.Header),
        ("examples", ReferencePlace.Example),
        ("links", ReferencePlace.Link),
    };

    private readonly Dictionary<string, string> _hoisted = new(StringComparer.Ordinal);
    private readonly HashSet<string> _schemaNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _partNames = new(StringComparer.Ordinal);

    /// <summary>A schema from another file as a component of the spec, once per file and pointer; its name.</summary>
    private string Hoist(Target target)
    {
        if (_hoisted.TryGetValue(target.Key, out var known))
        {
            return known;
        }

        var name = UniqueName(_schemaNames, BaseName(target), "Schema");
        _hoisted[target.Key] = name;
        var copy = Copy(target.Node, target.File!);
        EnsureSchemas()[name] = copy;
        _work.Push((copy, ReferencePlace.Schema, target.File));
        return name;
    }

    /// <summary>A parameter, response... from another file as a component of its section, once per file and pointer; its name.</summary>
    private string HoistPart(Target target, string section, ReferencePlace place)
    {
        var key = section + " " + target.Key;
        if (_hoisted.TryGetValue(key, out var known))
        {
            return known;
        }

        var name = UniqueName(PartNames(section), BaseName(target), "Component");
        _hoisted[key] = name;
        var copy = Copy(target.Node, target.File!);
        EnsureSection(section)[name] = copy;
        _work.Push((copy, place, target.File));
        return name;
    }

    // Swagger 2.0 keeps its parameters and responses elsewhere (top-level, not under components): copied where used.
    private bool IsOpenApi3 => _root["openapi"] is JsonValue version && version.TryGetValue<string>(out var text) && text.StartsWith("3.", StringComparison.Ordinal);

    private static string? SectionOf(ReferencePlace place)
    {
        foreach (var (section, entryPlace) in s_partSections)
        {
            if (entryPlace == place)
            {
                return section;
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="obj"/> is itself an entry of <c>components/<paramref name="section"/></c> (which takes the content, keeping its name).</summary>
    private bool IsEntryOf(JsonObject obj, string section)
        => obj.Parent is JsonObject entries && ReferenceEquals(Section(section), entries);

    private HashSet<string> PartNames(string section)
    {
        if (!_partNames.TryGetValue(section, out var names))
        {
            _partNames[section] = names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var member in Section(section) ?? new JsonObject())
            {
                names.Add(member.Key);
            }
        }

        return names;
    }

    private JsonObject? Schemas() => Section("schemas");

    private JsonObject EnsureSchemas() => EnsureSection("schemas");

    private JsonObject? Section(string section) => _root["components"] is JsonObject components && components[section] is JsonObject entries ? entries : null;

    private JsonObject EnsureSection(string section)
    {
        if (_root["components"] is not JsonObject components)
        {
            _root["components"] = components = new JsonObject();
        }

        if (components[section] is not JsonObject entries)
        {
            components[section] = entries = new JsonObject();
        }

        return entries;
    }

    /// <summary>The name a copied component is given: the pointer's last segment, or the file's name.</summary>
    private static string BaseName(Target target)
    {
        var segments = SourceMap.ParsePointer("#" + target.Fragment) ?? new List<string>();
        return segments.Count > 0 ? segments[segments.Count - 1] : FileStem(target.File!.Path);
    }

    /// <summary><paramref name="baseName"/>, or it numbered from 2 when <paramref name="taken"/> has it; added to <paramref name="taken"/>.</summary>
    private static string UniqueName(HashSet<string> taken, string baseName, string fallback)
    {
        if (baseName.Length == 0)
        {
            baseName = fallback;
        }

        var name = baseName;
        for (var n = 2; !taken.Add(name); n++)
        {
            name = baseName + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return name;
    }

    private static string FileStem(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        var dot = name.IndexOf('.');
        return dot > 0 ? name.Substring(0, dot) : name;
    }
}
