using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using OpenApiGen.Diagnostics;
using OpenApiGen.Model;
using OpenApiGen.Naming;

namespace OpenApiGen.Pipeline;

/// <summary>
/// Pairs overlays with their specs and decides each spec's namespace, client name, hint-name prefix and
/// operation filter.
/// Runs over all files at once, because only here can duplicate client names be told apart.
/// </summary>
internal static class SpecInputs
{
    public static SpecGroup Group(ImmutableArray<SpecFile> files, string rootNamespace)
    {
        var specs = files.Where(static f => !f.IsOverlay && !f.IsReference).OrderBy(static f => f.Path, StringComparer.Ordinal).ToList();
        var overlays = files.Where(static f => f.IsOverlay).OrderBy(static f => f.Path, StringComparer.Ordinal).ToList();
        // Every spec may read any of them: which one a spec needs is known only once it is read.
        var references = files.Where(static f => f.IsReference).OrderBy(static f => f.Path, StringComparer.Ordinal).ToEquatableArray();
        var hintPrefixes = NameScope.ForFiles();
        var inputs = new List<SpecInput>(specs.Count);
        var projectDiagnostics = new List<DiagnosticInfo>();

        foreach (var spec in specs)
        {
            var diagnostics = new List<DiagnosticInfo>();
            var baseName = Identifier.ToPascalCase(FileStem(spec.Path));

            var defaultNamespace = Identifier.IsValidNamespace(rootNamespace) ? rootNamespace + "." + baseName : baseName;
            var ns = spec.Namespace ?? defaultNamespace;
            if (!Identifier.IsValidNamespace(ns))
            {
                diagnostics.Add(DiagnosticInfo.AtFileStart(Descriptors.InvalidSetting, spec.Path, "Namespace", ns, defaultNamespace));
                ns = defaultNamespace;
            }

            var defaultClient = baseName + "Client";
            var client = spec.ClientName ?? defaultClient;
            if (!Identifier.IsValidIdentifier(client))
            {
                diagnostics.Add(DiagnosticInfo.AtFileStart(Descriptors.InvalidSetting, spec.Path, "ClientName", client, defaultClient));
                client = defaultClient;
            }

            var filter = OperationFilter.Parse(spec.IncludeOperations, spec.ExcludeOperations, spec.Path, diagnostics);
            var specOverlays = overlays.Where(o => SamePath(o.SpecPath, spec.Path)).ToEquatableArray();
            inputs.Add(new SpecInput(spec, specOverlays, ns, client, string.Empty, diagnostics.ToEquatableArray(), references, filter));
        }

        // Specs that name the same client in the same namespace form that one client (Building/ClientGroupMerge): they
        // share its hint-name prefix, and each gets a stem of its own for the names it must keep apart.
        var groups = inputs.GroupBy(static i => (i.Namespace, i.ClientName)).ToDictionary(static g => g.Key, static g => g.ToList());
        var prefixes = new Dictionary<(string, string), string>();
        var stems = new Dictionary<(string, string), NameScope>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var key = (input.Namespace, input.ClientName);
            if (!prefixes.TryGetValue(key, out var prefix))
            {
                prefix = hintPrefixes.Claim(input.ClientName, input.Spec.Path);
                prefixes[key] = prefix;
            }

            ClientGroupMember? member = null;
            if (groups[key].Count > 1)
            {
                if (!stems.TryGetValue(key, out var scope))
                {
                    stems[key] = scope = NameScope.ForFiles();
                }

                member = new ClientGroupMember(scope.Claim(Identifier.ToPascalCase(FileStem(input.Spec.Path)), input.Spec.Path), input.Namespace + "." + input.ClientName);
            }

            inputs[i] = input with { HintPrefix = prefix, Group = member };
        }

        foreach (var overlay in overlays)
        {
            if (!specs.Any(s => SamePath(overlay.SpecPath, s.Path)))
            {
                projectDiagnostics.Add(DiagnosticInfo.AtFileStart(Descriptors.OrphanOverlay, overlay.Path, overlay.SpecPath));
            }
        }

        return new SpecGroup(inputs.ToEquatableArray(), projectDiagnostics.ToEquatableArray());
    }

    private static string FileStem(string path)
    {
        var name = path.Substring(Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\')) + 1);
        var dot = name.IndexOf('.');
        return dot > 0 ? name.Substring(0, dot) : name;
    }

    private static bool SamePath(string a, string b) => string.Equals(a.Replace('\\', '/'), b.Replace('\\', '/'), StringComparison.Ordinal);
}
