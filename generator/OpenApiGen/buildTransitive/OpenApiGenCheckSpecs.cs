// The OpenApiSpec items' check and expansion, run by OpenApiGen.targets before the compiler sees them. MSBuild compiles
// this file itself (RoslynCodeTaskFactory), under .NET and under Visual Studio's .NET Framework MSBuild alike, so it
// keeps to what both offer. It is not part of the generator's assembly.
#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>
/// Checks every OpenApiSpec item (unknown or malformed metadata are warnings, a missing spec or listed overlay is an
/// error, each with its code and the path as written) and returns the specs, overlays and the files they refer to as the
/// AdditionalFiles the generator reads.
/// </summary>
public sealed class OpenApiGenCheckSpecs : Task
{
    private static readonly string[] s_known = { "Namespace", "ClientName", "Overlays", "EmbedDocument", "IncludeOperations", "ExcludeOperations" };

    // Metadata MSBuild, the SDK or Visual Studio put on any item; none of them means anything to OpenApiGen.
    private static readonly HashSet<string> s_tolerated = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Link", "Visible", "DependentUpon", "SubType", "Generator", "LastGenOutput", "CustomToolNamespace",
        "CopyToOutputDirectory", "CopyToPublishDirectory", "Pack", "PackagePath",
    };

    private static readonly string[] s_overlaySuffixes = { ".overlay.yaml", ".overlay.yml", ".overlay.json" };

    // What a referenced file's name ends with; any string that ends so (before its #fragment) is a candidate wherever it
    // is written, so a reference in a YAML block scalar or behind an escaped "\u0024ref" key is not missed.
    private static readonly string[] s_documentSuffixes = { ".yaml", ".yml", ".json" };

    /// <summary>The project's OpenApiSpec items.</summary>
    [Required]
    public ITaskItem[] Specs { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>Each existing spec, by full path, with the metadata the generator reads.</summary>
    [Output]
    public ITaskItem[] SpecFiles { get; private set; } = Array.Empty<ITaskItem>();

    /// <summary>Each overlay, by full path, with the spec it belongs to; by convention or listed in Overlays.</summary>
    [Output]
    public ITaskItem[] OverlayFiles { get; private set; } = Array.Empty<ITaskItem>();

    /// <summary>The project's directory: references may lead into it, or into the spec's own directory, and nowhere else.</summary>
    public string ProjectDirectory { get; set; } = string.Empty;

    /// <summary>Each existing file in those directories that a spec, an overlay or such a file refers to (<c>$ref: ./common.yaml#/...</c>), once.</summary>
    [Output]
    public ITaskItem[] ReferenceFiles { get; private set; } = Array.Empty<ITaskItem>();

    public override bool Execute()
    {
        var specs = new List<ITaskItem>();
        var overlays = new List<ITaskItem>();
        var seenOverlays = new HashSet<string>(StringComparer.Ordinal);
        var references = new List<ITaskItem>();
        var seenReferences = new HashSet<string>(StringComparer.Ordinal);

        foreach (var item in Specs)
        {
            var written = item.ItemSpec;
            var project = item.GetMetadata("DefiningProjectFullPath");
            CheckMetadataNames(item, written, project);
            var embed = ReadBoolean(item, "EmbedDocument", written, project);

            var specPath = item.GetMetadata("FullPath");
            if (!File.Exists(specPath))
            {
                Log.LogError(null, "OAG102", null, project, 0, 0, 0, 0,
                    "OpenApiSpec '{0}' does not exist (looked for '{1}').", written, specPath);
                continue;
            }

            var spec = new TaskItem(specPath);
            spec.SetMetadata("OpenApiKind", "spec");
            spec.SetMetadata("OpenApiSpecPath", specPath);
            spec.SetMetadata("OpenApiNamespace", item.GetMetadata("Namespace"));
            spec.SetMetadata("OpenApiClientName", item.GetMetadata("ClientName"));
            spec.SetMetadata("OpenApiEmbedDocument", embed ? "true" : "false");
            spec.SetMetadata("OpenApiProjectDirectory", ProjectDirectory);
            spec.SetMetadata("OpenApiIncludeOperations", FilterWire(item.GetMetadata("IncludeOperations")));
            spec.SetMetadata("OpenApiExcludeOperations", FilterWire(item.GetMetadata("ExcludeOperations")));
            specs.Add(spec);
            var firstOverlay = overlays.Count;

            var specDirectory = Path.GetDirectoryName(specPath) ?? string.Empty;
            var stem = Path.Combine(specDirectory, Path.GetFileNameWithoutExtension(specPath));
            foreach (var suffix in s_overlaySuffixes)
            {
                if (File.Exists(stem + suffix))
                {
                    AddOverlay(overlays, seenOverlays, Path.GetFullPath(stem + suffix), specPath);
                }
            }

            foreach (var listed in item.GetMetadata("Overlays").Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var overlay = listed.Trim();
                if (overlay.Length == 0)
                {
                    continue;
                }

                var overlayPath = Path.GetFullPath(Path.Combine(specDirectory, overlay));
                if (!File.Exists(overlayPath))
                {
                    Log.LogError(null, "OAG103", null, project, 0, 0, 0, 0,
                        "Overlay '{0}' of OpenApiSpec '{1}' does not exist (looked for '{2}'; Overlays are relative to the spec).",
                        overlay, written, overlayPath);
                    continue;
                }

                AddOverlay(overlays, seenOverlays, overlayPath, specPath);
            }

            // What an overlay writes into the spec is the spec's, so its references are relative to the spec, as the
            // generator (which applies the overlays first) resolves them; a referenced file's to that file.
            var sources = new List<(string File, string Base)> { (specPath, specPath) };
            for (var i = firstOverlay; i < overlays.Count; i++)
            {
                sources.Add((overlays[i].ItemSpec, specPath));
            }

            AddReferences(references, seenReferences, specPath, sources);
        }

        // A spec or an overlay is never also a reference (an overlay's extends: names its spec), or it would lose its kind.
        var given = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in specs)
        {
            given.Add(file.ItemSpec);
        }

        foreach (var file in overlays)
        {
            given.Add(file.ItemSpec);
        }

        SpecFiles = specs.ToArray();
        OverlayFiles = overlays.ToArray();
        ReferenceFiles = references.FindAll(r => !given.Contains(r.ItemSpec)).ToArray();
        return !Log.HasLoggedErrors;
    }

    /// <summary>
    /// A filter's selectors joined by '|' rather than ';': Roslyn reads the editorconfig that carries metadata to the
    /// generator with ';' (and '#') as the start of a comment, so "tag:a;tag:b" would arrive as "tag:a". The generator
    /// (Pipeline/SpecFiles.cs) turns '|' back into ';'.
    /// </summary>
    private static string FilterWire(string value) => string.Join("|", value.Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// The files <paramref name="sources"/> refer to, and the files those refer to, that exist in the directories
    /// references may lead into. It proposes rather than decides: the generator reads the spec's tree and takes only what
    /// its references name (an extra file costs an input, a missed one a wrong OAG021), so the scan over-reaches: every
    /// string of the text (quoted ones unescaped), when it follows a <c>$ref</c> key or names a .yaml, .yml or .json file.
    /// </summary>
    private void AddReferences(List<ITaskItem> references, HashSet<string> seen, string specPath, List<(string File, string Base)> sources)
    {
        var roots = new List<string> { WithSeparator(Path.GetDirectoryName(specPath) ?? string.Empty) };
        if (ProjectDirectory.Length > 0)
        {
            roots.Add(WithSeparator(Path.GetFullPath(ProjectDirectory)));
        }

        var pending = new Queue<(string File, string Base)>(sources);
        var scanned = new HashSet<string>(StringComparer.Ordinal);
        while (pending.Count > 0)
        {
            var (file, baseFile) = pending.Dequeue();
            if (!scanned.Add(file + "\n" + baseFile))
            {
                continue;
            }

            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            var afterRef = false;
            foreach (var token in Strings(text))
            {
                if (token == "$ref" || token == "$ref:")
                {
                    afterRef = true;
                    continue;
                }

                // Between the key and its value: JSON's colon, a YAML block scalar's indicator (|, >-, |2+...).
                if (token == ":" || (token.Length > 0 && (token[0] == '|' || token[0] == '>') && token.Substring(1).Trim('+', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9').Length == 0))
                {
                    continue;
                }

                var candidate = afterRef || NamesDocument(token);
                afterRef = false;
                if (!candidate || Resolve(token, baseFile) is not { } path || !IsUnder(path, roots) || !File.Exists(path))
                {
                    // The generator reports it, at the reference, when it reads the spec.
                    continue;
                }

                pending.Enqueue((path, path));
                if (seen.Add(path))
                {
                    var reference = new TaskItem(path);
                    reference.SetMetadata("OpenApiKind", "reference");
                    references.Add(reference);
                }
            }
        }
    }

    private static bool NamesDocument(string token)
    {
        var hash = token.IndexOf('#');
        var file = hash < 0 ? token : token.Substring(0, hash);
        foreach (var suffix in s_documentSuffixes)
        {
            if (file.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The strings of a JSON or YAML text, near enough: quoted ones with their escapes undone (JSON's and YAML's
    /// \uXXXX, \UXXXXXXXX, \xXX, \/; YAML's '' in single quotes), plain ones split at white space and flow punctuation.
    /// </summary>
    private static IEnumerable<string> Strings(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || c == ',' || c == '[' || c == ']' || c == '{' || c == '}')
            {
                i++;
                continue;
            }

            var token = new System.Text.StringBuilder();
            if (c == '"')
            {
                for (i++; i < text.Length && text[i] != '"'; i++)
                {
                    if (text[i] != '\\' || i + 1 >= text.Length)
                    {
                        token.Append(text[i]);
                        continue;
                    }

                    var e = text[++i];
                    var digits = e == 'u' ? 4 : e == 'U' ? 8 : e == 'x' ? 2 : 0;
                    if (digits > 0 && i + digits < text.Length
                        && int.TryParse(text.Substring(i + 1, digits), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var code)
                        && code >= 0 && code <= 0x10FFFF)
                    {
                        token.Append(char.ConvertFromUtf32(code >= 0xD800 && code <= 0xDFFF ? 0xFFFD : code));
                        i += digits;
                    }
                    else
                    {
                        token.Append(e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e);
                    }
                }

                i++;
                yield return token.ToString();
                continue;
            }

            if (c == '\'')
            {
                for (i++; i < text.Length; i++)
                {
                    if (text[i] == '\'')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '\'')
                        {
                            token.Append('\'');
                            i++;
                            continue;
                        }

                        break;
                    }

                    token.Append(text[i]);
                }

                i++;
                yield return token.ToString();
                continue;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != ',' && text[i] != ']' && text[i] != '}' && text[i] != '"')
            {
                i++;
            }

            var plain = text.Substring(start, i - start);
            // A plain key ends with its colon.
            yield return plain.Length > 1 && plain.EndsWith(":", StringComparison.Ordinal) && plain != "$ref:" ? plain.Substring(0, plain.Length - 1) : plain;
        }
    }

    /// <summary>The full path of a relative file reference; null for one within the file, absolute, or over the network.</summary>
    private static string? Resolve(string value, string from)
    {
        var hash = value.IndexOf('#');
        var file = (hash < 0 ? value : value.Substring(0, hash)).Replace("\\/", "/");
        if (file.Length == 0 || file.StartsWith("/", StringComparison.Ordinal) || file.StartsWith("\\", StringComparison.Ordinal)
            || Regex.IsMatch(file, "^[A-Za-z][A-Za-z0-9+.-]*:"))
        {
            return null;
        }

        try
        {
            return Path.GetFullPath(Path.Combine(Path.GetDirectoryName(from) ?? string.Empty, Uri.UnescapeDataString(file)));
        }
        catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException || e is UriFormatException)
        {
            return null;
        }
    }

    private static bool IsUnder(string path, List<string> roots)
    {
        var comparison = Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        foreach (var root in roots)
        {
            if (path.StartsWith(root, comparison))
            {
                return true;
            }
        }

        return false;
    }

    private static string WithSeparator(string directory)
        => directory.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ? directory : directory + Path.DirectorySeparatorChar;

    private void CheckMetadataNames(ITaskItem item, string written, string project)
    {
        foreach (var key in item.CloneCustomMetadata().Keys)
        {
            var name = (string)key;
            if (IsKnown(name) || s_tolerated.Contains(name))
            {
                continue;
            }

            var guess = Closest(name);
            Log.LogWarning(null, "OAG100", null, project, 0, 0, 0, 0,
                "OpenApiSpec '{0}' has metadata '{1}', which OpenApiGen does not know and ignores{2}. It knows Namespace, ClientName, Overlays and EmbedDocument.",
                written, name, guess is null ? string.Empty : " (did you mean '" + guess + "'?)");
        }
    }

    private bool ReadBoolean(ITaskItem item, string name, string written, string project)
    {
        var value = item.GetMetadata(name).Trim();
        if (value.Length == 0 || string.Equals(value, "false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (string.Equals(value, "true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        Log.LogWarning(null, "OAG101", null, project, 0, 0, 0, 0,
            "OpenApiSpec '{0}' has {1}=\"{2}\", which is neither true nor false; it is taken as false.", written, name, value);
        return false;
    }

    private static void AddOverlay(List<ITaskItem> overlays, HashSet<string> seen, string path, string specPath)
    {
        if (!seen.Add(path))
        {
            return;
        }

        var overlay = new TaskItem(path);
        overlay.SetMetadata("OpenApiKind", "overlay");
        overlay.SetMetadata("OpenApiSpecPath", specPath);
        overlays.Add(overlay);
    }

    // MSBuild metadata names are case-insensitive: namespace="X" is Namespace.
    private static bool IsKnown(string name)
    {
        foreach (var known in s_known)
        {
            if (string.Equals(known, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The known name within two edits (a transposition counts as one), if any.</summary>
    private static string? Closest(string name)
    {
        string? best = null;
        var bestDistance = 3;
        foreach (var known in s_known)
        {
            var distance = Distance(name.ToUpperInvariant(), known.ToUpperInvariant());
            if (distance < bestDistance)
            {
                best = known;
                bestDistance = distance;
            }
        }

        return best;
    }

    // Optimal string alignment distance.
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
