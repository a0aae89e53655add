using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using OpenApiGen.Diagnostics;
using OpenApiGen.Pipeline;

namespace OpenApiGen.Reading;

/// <summary>
/// Makes a spec that refers to other files (<c>$ref: ./common.yaml#/components/schemas/Pet</c>) one document, before
/// anything else reads it, so every later step sees what a single-file spec gives it. A schema from another file
/// becomes a component of its own (named after the pointer's last segment, or the file, and numbered when the name is
/// taken), so a schema used twice is one type and a recursive one terminates. A parameter, response, request body,
/// header, example or link becomes a component of its section the same way, copied once however often it is used;
/// one that adds members beside its <c>$ref</c> (a description), and anything else (a path item, a callback), is
/// copied where it is used. References inside a copied part are resolved against its own file.
/// </summary>
/// <remarks>
/// Only files the build passed in (<see cref="SpecInput.References"/>) are read, and only when they lie in the
/// project's directory or the spec's: a reference over the network, by absolute path or out of those directories is
/// refused with OAG020, one to a file that is not there is OAG021. Each referenced file is an input of the
/// incremental pipeline, so editing it regenerates. A reference that names a component schema by its <c>$id</c>, as
/// written, is that schema; an anchor fragment (<c>#pet</c>) is not followed across files (OAG020, at the reference).
/// </remarks>
internal sealed class ExternalReferences
{
    // A spec whose non-schema references copy themselves into each other (path items through callbacks) would grow
    // without end; no real spec comes near this many copies.
    private const int MaxCopies = 10_000;

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

    private readonly JsonObject _root;
    private readonly string _specPath;
    private readonly string[] _roots;
    private readonly Func<string, SpecFile?> _find;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly CancellationToken _cancellationToken;
    private readonly SpecSources _sources;
    private readonly Dictionary<string, ReferencedFile?> _files = new(PathComparer);
    private readonly Dictionary<string, string> _hoisted = new(StringComparer.Ordinal);
    private readonly HashSet<string> _schemaNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _partNames = new(StringComparer.Ordinal);
    private Dictionary<string, string>? _ids;
    private readonly Dictionary<JsonObject, HashSet<string>> _inlinedInto = new();
    private readonly HashSet<JsonNode> _copyRoots = new();
    private readonly Stack<(JsonNode Node, ReferencePlace Place, ReferencedFile? Origin)> _work = new();
    private int _copies;

    private ExternalReferences(JsonObject root, string specPath, string? projectDirectory, Func<string, SpecFile?> find, SourceMap specMap, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        _root = root;
        _specPath = specPath;
        _roots = new[] { System.IO.Path.GetDirectoryName(specPath), projectDirectory }
            .Where(static d => !string.IsNullOrEmpty(d))
            .Select(static d => WithSeparator(System.IO.Path.GetFullPath(d!)))
            .ToArray();
        _find = find;
        _diagnostics = diagnostics;
        _cancellationToken = cancellationToken;
        _sources = new SpecSources(specPath, specMap);
    }

    private static StringComparer PathComparer => System.IO.Path.DirectorySeparatorChar == '\\' ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    /// <summary>
    /// Copies into <paramref name="root"/> what its references to other files lead to, and rewrites those references
    /// to point inside it. Returns where the copied nodes came from, or null when the spec refers to no other file.
    /// </summary>
    public static SpecSources? Bundle(JsonObject root, SpecInput input, SourceMap specMap, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        if (!RefersToOtherFiles(root))
        {
            return null;
        }

        var references = new Dictionary<string, SpecFile>(PathComparer);
        foreach (var file in input.References)
        {
            references[file.Path] = file;
        }

        var bundler = new ExternalReferences(root, input.Spec.Path, input.Spec.ProjectDirectory, path => references.TryGetValue(path, out var file) ? file : null, specMap, diagnostics, cancellationToken);
        bundler.Run();
        return bundler._sources;
    }

    /// <summary>
    /// The files a spec refers to, directly or through each other, read with <paramref name="read"/> (null: no such
    /// file). For hosts that are not a build (the openapigen command), which have no list of inputs to pass.
    /// </summary>
    public static List<SpecFile> Discover(SpecFile spec, IEnumerable<SpecFile> overlays, Func<string, string?> read, CancellationToken cancellationToken)
    {
        var found = new List<SpecFile>();
        var loaded = DocumentLoader.Load(spec.Text, spec.IsJson, cancellationToken);
        if (loaded.Root is not JsonObject root)
        {
            return found;
        }

        foreach (var overlay in overlays)
        {
            if (DocumentLoader.Load(overlay.Text, overlay.IsJson, cancellationToken).Root is { } overlayRoot)
            {
                OverlayApplier.Apply(root, overlayRoot, loaded.Map, cancellationToken);
            }
        }

        SpecFile? Find(string path)
        {
            if (found.FirstOrDefault(f => PathComparer.Equals(f.Path, path)) is { } known)
            {
                return known;
            }

            if (read(path) is not { } text)
            {
                return null;
            }

            var file = new SpecFile(path, IsOverlay: false, path, null, null, text, IsReference: true);
            found.Add(file);
            return file;
        }

        new ExternalReferences(root, spec.Path, spec.ProjectDirectory, Find, loaded.Map, new List<DiagnosticInfo>(), cancellationToken).Run();
        return found;
    }

    /// <summary>
    /// A cheap test before any walk, on the tree after overlays (so a block scalar or an escaped <c>\u0024ref</c> is read
    /// as what it is): a spec with no <c>$ref</c> naming a file, and no discriminator mapping naming one, is left alone.
    /// </summary>
    private static bool RefersToOtherFiles(JsonNode root)
    {
        var pending = new Stack<JsonNode>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case JsonObject obj:
                    if (RefText(obj) is { } text && NamesAnotherFile(text))
                    {
                        return true;
                    }

                    foreach (var member in obj)
                    {
                        if (member.Key == "mapping" && member.Value is JsonObject mapping
                            && mapping.Any(static m => m.Value is JsonValue v && v.TryGetValue<string>(out var target) && IsMappingReference(target) && NamesAnotherFile(target)))
                        {
                            return true;
                        }

                        if (member.Value is { } child)
                        {
                            pending.Push(child);
                        }
                    }

                    break;
                case JsonArray array:
                    foreach (var item in array)
                    {
                        if (item is not null)
                        {
                            pending.Push(item);
                        }
                    }

                    break;
            }
        }

        return false;
    }

    private void Run()
    {
        foreach (var name in Schemas()?.Select(static m => m.Key) ?? Enumerable.Empty<string>())
        {
            _schemaNames.Add(name);
        }

        // A component that is only a reference to another file's schema (Pet: {$ref: ./pet.yaml}) takes its content,
        // so the type keeps the component's name rather than becoming an alias of a numbered copy.
        if (Schemas() is { } schemas)
        {
            foreach (var member in schemas.ToList())
            {
                if (member.Value is not JsonObject { Count: 1 } only || RefText(only) is not { } text || !NamesAnotherFile(text))
                {
                    continue;
                }

                if (Resolve(text, origin: null, only) is not { } target)
                {
                    Drop(only, ReferencePlace.Schema);
                }
                else if (target.File is { } file && !_hoisted.ContainsKey(target.Key))
                {
                    var copy = Copy(target.Node, file);
                    schemas[member.Key] = copy;
                    _hoisted[target.Key] = member.Key;
                    _work.Push((copy, ReferencePlace.Schema, file));
                }
            }
        }

        // Likewise a parameter, response... component that is only a reference to another file's: it takes the content
        // (when the walk reaches it), and every other use of that part refers to it rather than to a numbered copy.
        foreach (var (section, place) in s_partSections)
        {
            var names = PartNames(section);
            if (Section(section) is not { } entries)
            {
                continue;
            }

            foreach (var member in entries.ToList())
            {
                if (member.Value is not JsonObject { Count: 1 } only || RefText(only) is not { } text || !NamesAnotherFile(text))
                {
                    continue;
                }

                if (Resolve(text, origin: null, only) is not { } target)
                {
                    Drop(only, place);
                    names.Remove(member.Key);
                }
                else if (target.File is not null)
                {
                    var key = section + " " + target.Key;
                    if (!_hoisted.ContainsKey(key))
                    {
                        _hoisted[key] = member.Key;
                    }
                }
            }
        }

        _work.Push((_root, ReferencePlace.Document, null));
        Walk();
    }

    private void Walk()
    {
        while (_work.Count > 0)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var (node, place, origin) = _work.Pop();
            if (place == ReferencePlace.Data)
            {
                continue;
            }

            if (node is JsonArray array)
            {
                var itemPlace = ReferencePlaces.Item(place);
                for (var i = array.Count - 1; i >= 0; i--)
                {
                    if (array[i] is { } item)
                    {
                        _work.Push((item, itemPlace, origin));
                    }
                }

                continue;
            }

            if (node is not JsonObject obj)
            {
                continue;
            }

            if (place == ReferencePlace.DiscriminatorMapping)
            {
                RewriteMapping(obj, origin);
                continue;
            }

            if (RefText(obj) is { } text && origin is null && ByIdentifier(text) is { } local)
            {
                obj["$ref"] = "#" + local;
            }
            else if (RefText(obj) is { } other && (origin is not null || NamesAnotherFile(other)) && !Follow(obj, other, place, origin))
            {
                continue;
            }

            var members = obj.ToList();
            for (var i = members.Count - 1; i >= 0; i--)
            {
                // A copied component is walked once, as a part of the file it came from (pushed when it was copied).
                if (members[i].Key != "$ref" && members[i].Value is { } child && !_copyRoots.Contains(child))
                {
                    _work.Push((child, ReferencePlaces.Member(place, members[i].Key), origin));
                }
            }
        }
    }

    /// <summary>
    /// The pointer a reference means when it names a component schema of the spec by its <c>$id</c>, as written
    /// (<c>$ref: https://example.com/schemas/pet</c>, or with a pointer fragment into it); null otherwise. An anchor
    /// fragment is not followed: that reference is then judged as any other (OAG020 for an address, at the reference).
    /// </summary>
    private string? ByIdentifier(string text)
    {
        if (_ids is null)
        {
            _ids = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var member in Schemas() ?? new JsonObject())
            {
                if (member.Value is JsonObject schema && schema["$id"] is JsonValue value && value.TryGetValue<string>(out var id)
                    && id.TrimEnd('#') is { Length: > 0 } key && !_ids.ContainsKey(key))
                {
                    _ids[key] = "/components/schemas/" + Escape(member.Key);
                }
            }
        }

        var hash = text.IndexOf('#');
        var fragment = hash < 0 ? string.Empty : text.Substring(hash + 1);
        return _ids.TryGetValue(hash < 0 ? text : text.Substring(0, hash), out var pointer) && (fragment.Length == 0 || fragment[0] == '/')
            ? pointer + fragment
            : null;
    }

    /// <summary>Follows one reference; false when the object was replaced or removed and its members are walked elsewhere.</summary>
    private bool Follow(JsonObject obj, string text, ReferencePlace place, ReferencedFile? origin)
    {
        if (Resolve(text, origin, obj) is not { } target)
        {
            Drop(obj, place);
            return false;
        }

        if (target.File is null)
        {
            // Back into the spec itself: a plain local reference from here on.
            obj["$ref"] = "#" + target.Fragment;
            return true;
        }

        if (place == ReferencePlace.Schema)
        {
            obj["$ref"] = "#/components/schemas/" + Escape(Hoist(target));
            return true;
        }

        if (IsOpenApi3 && SectionOf(place) is { } section && obj.Count == 1 && !IsEntryOf(obj, section) && target.Node is JsonObject)
        {
            obj["$ref"] = "#/components/" + section + "/" + Escape(HoistPart(target, section, place));
            return true;
        }

        Inline(obj, target, place, text);
        return false;
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

    /// <summary>A parameter, response, path item... from another file, copied over the reference (its own members win, as 3.1's summary and description do).</summary>
    private void Inline(JsonObject obj, Target target, ReferencePlace place, string text)
    {
        if (target.Node is not JsonObject)
        {
            Report(Descriptors.InvalidOpenApi, obj, $"'{text}' leads to a {Kind(target.Node)}, not an object");
            Drop(obj, place);
            return;
        }

        if (!_inlinedInto.TryGetValue(obj, out var seen))
        {
            _inlinedInto[obj] = seen = new HashSet<string>(StringComparer.Ordinal);
        }

        var loops = !seen.Add(target.Key);
        if (loops || _copies >= MaxCopies)
        {
            Report(Descriptors.ExternalReferenceRefused, obj, text, loops
                ? "it leads back to itself through other references"
                : $"the spec's references to other files copy more than {MaxCopies} parts");
            Drop(obj, place);
            return;
        }

        var copy = (JsonObject)Copy(target.Node, target.File!);
        obj.Remove("$ref");
        foreach (var member in copy.ToList())
        {
            if (!obj.ContainsKey(member.Key))
            {
                copy.Remove(member.Key);
                obj[member.Key] = member.Value;
            }
        }

        // Walked again as the copied part, whose references are its own file's.
        _work.Push((obj, place, target.File));
    }

    /// <summary>Discriminator mapping values that are references (not bare schema names) point at the components they became.</summary>
    private void RewriteMapping(JsonObject mapping, ReferencedFile? origin)
    {
        foreach (var member in mapping.ToList())
        {
            if (member.Value is JsonValue value && value.TryGetValue<string>(out var text) && IsMappingReference(text)
                && (origin is not null || NamesAnotherFile(text)) && Resolve(text, origin, value) is { } target)
            {
                mapping[member.Key] = target.File is null ? "#" + target.Fragment : "#/components/schemas/" + Escape(Hoist(target));
            }
        }
    }

    private Target? Resolve(string text, ReferencedFile? origin, JsonNode at)
    {
        var hash = text.IndexOf('#');
        var filePart = hash < 0 ? text : text.Substring(0, hash);
        var fragment = hash < 0 ? string.Empty : text.Substring(hash + 1);

        ReferencedFile? file = origin;
        if (filePart.Length > 0)
        {
            if (Refusal(filePart) is { } refusal)
            {
                Report(Descriptors.ExternalReferenceRefused, at, text, refusal);
                return null;
            }

            string path, specPath;
            try
            {
                var directory = System.IO.Path.GetDirectoryName(origin?.Path ?? _specPath) ?? string.Empty;
                path = System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, Uri.UnescapeDataString(filePart)));
                specPath = System.IO.Path.GetFullPath(_specPath);
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException or System.IO.PathTooLongException or UriFormatException)
            {
                Report(Descriptors.ExternalReferenceRefused, at, text, "it is not a file path");
                return null;
            }

            if (PathComparer.Equals(path, specPath))
            {
                file = null;
            }
            else if (!_roots.Any(r => path.StartsWith(r, PathComparer == StringComparer.Ordinal ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase)))
            {
                Report(Descriptors.ExternalReferenceRefused, at, text, $"'{path}' is outside the project's directory and the spec's; copy the file into the project");
                return null;
            }
            else if (Load(path) is { } loaded)
            {
                if (loaded.Root is null)
                {
                    return null;
                }

                file = loaded;
            }
            else
            {
                Report(Descriptors.ReferencedFileMissing, at, text, path);
                return null;
            }
        }

        if (SourceMap.ParsePointer("#" + fragment) is not { } segments)
        {
            Report(Descriptors.ExternalReferenceRefused, at, text, "its fragment is not a JSON pointer (anchors are not followed across files)");
            return null;
        }

        JsonNode? node = file is null ? _root : file.Root;
        foreach (var segment in segments)
        {
            node = node switch
            {
                JsonObject o when o.TryGetPropertyValue(segment, out var child) => child,
                JsonArray a when int.TryParse(segment, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) && index < a.Count => a[index],
                _ => null,
            };
            if (node is null)
            {
                Report(Descriptors.UnresolvedReference, at, text);
                return null;
            }
        }

        return new Target(file, fragment, node!, (file?.Path ?? _specPath) + "#" + string.Concat(segments.Select(static s => "/" + Escape(s))));
    }

    private static string? Refusal(string filePart)
    {
        var colon = filePart.IndexOf(':');
        var scheme = colon > 0 && filePart.Substring(0, colon).All(static c => char.IsLetterOrDigit(c) || c is '+' or '-' or '.') ? filePart.Substring(0, colon) : null;
        if (scheme is not null && (scheme.Equals("http", StringComparison.OrdinalIgnoreCase) || scheme.Equals("https", StringComparison.OrdinalIgnoreCase) || filePart.Substring(colon).StartsWith("://", StringComparison.Ordinal)))
        {
            return scheme.Equals("file", StringComparison.OrdinalIgnoreCase)
                ? "it is an absolute file URI; refer to files of the project by a relative path"
                : "OpenApiGen does not fetch documents over the network; save the document into the project and refer to it by a relative path";
        }

        return scheme is not null || filePart.StartsWith("/", StringComparison.Ordinal) || filePart.StartsWith("\\", StringComparison.Ordinal)
            ? "it is an absolute path; refer to files of the project by a relative path"
            : null;
    }

    private ReferencedFile? Load(string path)
    {
        if (_files.TryGetValue(path, out var known))
        {
            return known;
        }

        ReferencedFile? file = null;
        if (_find(path) is { } input)
        {
            var loaded = DocumentLoader.Load(input.Text, input.IsJson, _cancellationToken);
            foreach (var error in loaded.Errors)
            {
                _diagnostics.Add(DiagnosticInfo.Create(Descriptors.UnreadableDocument, input.Path, error.Span, error.Message));
            }

            file = new ReferencedFile(input.Path, loaded.Root, loaded.Map);
        }

        _files[path] = file;
        return file;
    }

    /// <summary>A deep copy of a node of another file, each node of it remembered as coming from there.</summary>
    private JsonNode Copy(JsonNode original, ReferencedFile file)
    {
        _copies++;
        var copy = Shallow(original);
        _copyRoots.Add(copy);
        var pending = new Stack<(JsonNode Original, JsonNode Copy)>();
        pending.Push((original, copy));
        while (pending.Count > 0)
        {
            var (from, to) = pending.Pop();
            _sources.Add(to, from, file);
            if (from is JsonObject fromObject)
            {
                foreach (var member in fromObject)
                {
                    var child = member.Value is null ? null : Shallow(member.Value);
                    ((JsonObject)to)[member.Key] = child;
                    if (child is not null)
                    {
                        pending.Push((member.Value!, child));
                    }
                }
            }
            else if (from is JsonArray fromArray)
            {
                foreach (var item in fromArray)
                {
                    var child = item is null ? null : Shallow(item);
                    ((JsonArray)to).Add(child);
                    if (child is not null)
                    {
                        pending.Push((item!, child));
                    }
                }
            }
        }

        return copy;
    }

    private static JsonNode Shallow(JsonNode node) => node switch
    {
        JsonObject => new JsonObject(),
        JsonArray => new JsonArray(),
        _ => node.DeepClone(),
    };

    /// <summary>A reference that leads nowhere: a schema becomes any value (OAG004's JsonElement), anything else is left out.</summary>
    private static void Drop(JsonObject obj, ReferencePlace place)
    {
        if (place == ReferencePlace.Schema)
        {
            obj.Remove("$ref");
            return;
        }

        switch (obj.Parent)
        {
            case JsonObject parent:
                var key = parent.FirstOrDefault(m => ReferenceEquals(m.Value, obj)).Key;
                if (key is not null)
                {
                    parent.Remove(key);
                }

                break;
            case JsonArray array:
                array.Remove(obj);
                break;
        }
    }

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, JsonNode at, params string[] arguments)
    {
        var (path, span) = _sources.Locate(at is JsonObject obj && obj["$ref"] is { } value ? value : at);
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, path, span, arguments));
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

    private static string? RefText(JsonObject obj) => obj["$ref"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static bool NamesAnotherFile(string text) => text.Length > 0 && text[0] != '#';

    /// <summary>A discriminator mapping value that is a reference, not a bare schema name.</summary>
    private static bool IsMappingReference(string text) => text.IndexOf('#') >= 0 || text.IndexOf('/') >= 0
        || text.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || text.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || text.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    private static string FileStem(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        var dot = name.IndexOf('.');
        return dot > 0 ? name.Substring(0, dot) : name;
    }

    private static string Kind(JsonNode node) => node switch
    {
        JsonArray => "list",
        JsonValue value when value.TryGetValue<string>(out _) => "string",
        _ => "value",
    };

    private static string WithSeparator(string directory)
        => directory.EndsWith(System.IO.Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ? directory : directory + System.IO.Path.DirectorySeparatorChar;

    private static string Escape(string token) => token.Replace("~", "~0").Replace("/", "~1");

    private sealed record Target(ReferencedFile? File, string Fragment, JsonNode Node, string Key);
}
