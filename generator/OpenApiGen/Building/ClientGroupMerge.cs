using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using OpenApiGen.Diagnostics;
using OpenApiGen.Model;
using OpenApiGen.Pipeline;

namespace OpenApiGen.Building;

/// <summary>
/// One client from several documents (OpenApiSpec items that name the same client in the same namespace): one
/// client class, one options class, one interface, one JSON context, with every document's operations.
/// <list type="bullet">
/// <item>
/// A type that several documents define alike (the same name and shape, <see cref="TypeShapes"/>: docs and examples may
/// differ) is emitted once, with the first document's docs. A type's inline schemas are compared on their own, so a
/// member type alike in both keeps its name even when the type that holds it is renamed.
/// </item>
/// <item>
/// A type or an operation whose name an earlier document (in path order) already gave to something else is renamed
/// in the later document, prefixed with its file's stem (<c>TasksErrorResponse</c>), by building that document again
/// with the names to avoid: its references to the type follow, and the renaming is reported where the type or the
/// operation is declared (OAG040, OAG041). A type that differs only because it refers to a renamed one is renamed in
/// the next round.
/// </item>
/// <item>
/// The client's server is the one most documents name (the earliest of those tied); a document that names another
/// is built again knowing it, and its operations carry their own (OAG043), as operation-level servers do.
/// </item>
/// <item>Security schemes of one name are one credential; if two documents define one differently, the first's wins (OAG042).</item>
/// </list>
/// The documents come in path order, so the output is the same whatever order the items are listed in.
/// </summary>
internal static class ClientGroupMerge
{
    /// <summary>Each round renames at least one more name; a cascade deeper than this is a spec no one writes.</summary>
    public const int MaxRounds = 8;

    public static SpecResult Merge(EquatableArray<ClientMember> members, CancellationToken cancellationToken)
    {
        if (members.Count == 1)
        {
            return new SpecResult(members[0].Model, EquatableArray<DiagnosticInfo>.Empty);
        }

        var diagnostics = new List<DiagnosticInfo>();
        var server = ClientServer(members);
        var names = new Dictionary<string, (object Value, string Owner)>(StringComparer.OrdinalIgnoreCase);
        var methods = new Dictionary<string, string>(StringComparer.Ordinal);
        var models = new List<SpecModel>();
        foreach (var member in members)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var input = member.Input;
            var group = input.Group ?? throw new InvalidOperationException("A spec of a client of several documents has no group.");
            SpecModel? model = member.Model;
            var taken = new List<TakenName>();
            var rebuild = server is not null && model.Client.DefaultBaseAddress != server;
            for (var round = 0; model is not null; round++)
            {
                var clashes = Clashes(model, names, methods).Where(c => !taken.Contains(c)).ToList();
                if (clashes.Count == 0 && !rebuild)
                {
                    break;
                }

                if (round == MaxRounds)
                {
                    diagnostics.Add(DiagnosticInfo.AtFileStart(Descriptors.GroupNamesUnresolved, input.Spec.Path, group.Client, MaxRounds.ToString(System.Globalization.CultureInfo.InvariantCulture), string.Join(", ", clashes.Select(static c => c.Name))));
                    model = null;
                    break;
                }

                taken.AddRange(clashes);
                rebuild = false;
                var result = SpecModels.Build(input with { Group = group with { Taken = taken.ToEquatableArray(), Server = server } }, cancellationToken);
                model = result.Model;

                // Only what the merging adds: the rest the document's own build reported already.
                diagnostics.RemoveAll(d => d.FilePath == input.Spec.Path && IsMergeDiagnostic(d));
                diagnostics.AddRange(result.Diagnostics.Where(IsMergeDiagnostic));
            }

            if (model is null)
            {
                continue;
            }

            Register(model, names, methods, FileName(input.Spec.Path));
            models.Add(model);
        }

        return new SpecResult(models.Count == 0 ? null : Combine(models, server, diagnostics), diagnostics.ToEquatableArray());
    }

    private static bool IsMergeDiagnostic(DiagnosticInfo diagnostic)
        => diagnostic.Id is "OAG040" or "OAG041" or "OAG043";

    /// <summary>The server most documents name, the earliest of those tied; null when none names one.</summary>
    private static string? ClientServer(EquatableArray<ClientMember> members)
        => members
            .Select(static (m, index) => (Server: m.Model.Client.DefaultBaseAddress, index))
            .Where(static s => s.Server is not null)
            .GroupBy(static s => s.Server)
            .OrderByDescending(static g => g.Count())
            .ThenBy(static g => g.Min(static s => s.index))
            .Select(static g => g.Key)
            .FirstOrDefault();

    /// <summary>The names of <paramref name="model"/> that earlier documents gave to something else.</summary>
    private static IEnumerable<TakenName> Clashes(SpecModel model, Dictionary<string, (object Value, string Owner)> names, Dictionary<string, string> methods)
    {
        foreach (var (name, value) in TypeScopeNames(model))
        {
            if (names.TryGetValue(name, out var earlier) && !earlier.Value.Equals(value))
            {
                yield return new TakenName(name, IsMethod: false, earlier.Owner);
            }
        }

        foreach (var operation in model.Client.Operations)
        {
            if (methods.TryGetValue(operation.Name, out var owner))
            {
                yield return new TakenName(operation.Name, IsMethod: true, owner);
            }
        }
    }

    private static void Register(SpecModel model, Dictionary<string, (object Value, string Owner)> names, Dictionary<string, string> methods, string owner)
    {
        foreach (var (name, value) in TypeScopeNames(model))
        {
            if (!names.ContainsKey(name))
            {
                names[name] = (value, owner);
            }
        }

        foreach (var operation in model.Client.Operations)
        {
            methods[operation.Name] = owner;
        }
    }

    /// <summary>
    /// What a document names in the namespace, with what the name stands for: its types, the JSON context's members for
    /// lists and other roots (and their converters), the operations' option classes. Two documents may share a name
    /// only for equal values (a type's shape, not its docs); an option class is never shared, its operation being another.
    /// </summary>
    private static IEnumerable<(string Name, object Value)> TypeScopeNames(SpecModel model)
    {
        foreach (var type in model.Types)
        {
            yield return (type.Name, TypeShapes.Of(type));
        }

        foreach (var root in model.Client.RootTypes)
        {
            yield return (root.Name, root);
            yield return (root.ConverterName, root);
        }

        foreach (var operation in model.Client.Operations)
        {
            if (operation.OptionsTypeName is { } options)
            {
                yield return (options, operation);
            }
        }
    }

    private static SpecModel Combine(List<SpecModel> models, string? server, List<DiagnosticInfo> diagnostics)
    {
        var first = models[0];
        var types = new List<TypeModel>();
        var typeNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var roots = new Dictionary<string, RootTypeModel>(StringComparer.Ordinal);
        var schemes = new List<SecuritySchemeModel>();
        foreach (var model in models)
        {
            types.AddRange(model.Types.Where(t => typeNames.Add(t.Name)));
            foreach (var root in model.Client.RootTypes)
            {
                roots[root.Name] = root;
            }

            foreach (var scheme in model.Client.SecuritySchemes)
            {
                if (schemes.FirstOrDefault(s => s.Name == scheme.Name) is not { } earlier)
                {
                    schemes.Add(scheme);
                }
                else if (!SameCredential(earlier, scheme))
                {
                    var owner = FileName(models.First(m => m.Client.SecuritySchemes.Contains(earlier)).SpecPath);
                    diagnostics.Add(DiagnosticInfo.AtFileStart(Descriptors.GroupSchemeDiffers, model.SpecPath, scheme.Name, owner, first.Namespace + "." + first.ClientName));
                }
            }
        }

        var titles = models.Select(static m => m.Docs.Summary).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var descriptions = models.Select(static m => m.Docs.Description).Distinct(StringComparer.Ordinal).ToList();
        var docs = DocModel.Empty with
        {
            Summary = titles.Count == 0 ? null : string.Join(", ", titles),
            Description = descriptions.Count == 1 ? descriptions[0] : null,
        };
        var client = first.Client with
        {
            DefaultBaseAddress = server,
            Operations = models.SelectMany(static m => m.Client.Operations).ToEquatableArray(),
            SecuritySchemes = schemes.ToEquatableArray(),
            RootTypes = roots.Values.OrderBy(static r => r.Name, StringComparer.Ordinal).ToEquatableArray(),
        };
        return first with
        {
            Docs = docs,
            Types = types.ToEquatableArray(),
            Client = client,
            EmbeddedDocuments = models.SelectMany(static m => m.EmbeddedDocuments).ToEquatableArray(),
        };
    }

    // What the runtime does with the credential; the scheme's description may differ without harm.
    private static bool SameCredential(SecuritySchemeModel a, SecuritySchemeModel b)
        => a.Kind == b.Kind && a.In == b.In && a.WireName == b.WireName && a.OptionName == b.OptionName && a.SecondOptionName == b.SecondOptionName;

    private static string FileName(string path) => path.Substring(Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\')) + 1);
}
