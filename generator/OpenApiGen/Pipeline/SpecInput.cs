using OpenApiGen.Diagnostics;
using OpenApiGen.Model;

namespace OpenApiGen.Pipeline;

/// <summary>A spec with its overlays and its settings decided: the unit the generator caches and re-runs.</summary>
/// <param name="Spec">The spec file.</param>
/// <param name="Overlays">Its overlays, in the order they apply.</param>
/// <param name="Namespace">The namespace of its generated code.</param>
/// <param name="ClientName">Its client's name.</param>
/// <param name="HintPrefix">The prefix of its hint names, unique in the project.</param>
/// <param name="Diagnostics">What was wrong with its settings.</param>
/// <param name="Filter">Which of its operations to generate (IncludeOperations, ExcludeOperations).</param>
/// <param name="References">The project's files that specs refer to, which this spec may read (Reading/References).</param>
/// <param name="Group">When other specs name the same client: this document's place in that client (<see cref="ClientGroupMember"/>); else null.</param>
internal sealed record SpecInput(
    SpecFile Spec,
    EquatableArray<SpecFile> Overlays,
    string Namespace,
    string ClientName,
    string HintPrefix,
    EquatableArray<DiagnosticInfo> Diagnostics,
    EquatableArray<SpecFile> References = default,
    OperationFilter? Filter = null,
    ClientGroupMember? Group = null);

/// <summary>
/// A document of a client that several documents form (OpenApiSpec items with the same ClientName and Namespace).
/// </summary>
/// <param name="Stem">The document's file name in PascalCase, unique in the client: its embedded document's name, and the prefix of a name it must give up.</param>
/// <param name="Client">The client, for the diagnostics.</param>
/// <param name="Taken">
/// Names that earlier documents of the client already use for something unlike what this document would name so
/// (Building/ClientGroupMerge): this document's type or method of such a name is prefixed with <paramref name="Stem"/>.
/// </param>
/// <param name="Server">
/// The client's server, once the documents' servers are weighed (the one most of them name): operations of a document
/// that names another carry theirs (OAG043). Null until then, or when no document names one.
/// </param>
internal sealed record ClientGroupMember(string Stem, string Client, EquatableArray<TakenName> Taken = default, string? Server = null)
{
    /// <summary>The document that took <paramref name="name"/> as a type name (ignoring case, as type names are file names) or a method name, if one did.</summary>
    public string? OwnerOf(string name, bool method)
    {
        var comparison = method ? System.StringComparison.Ordinal : System.StringComparison.OrdinalIgnoreCase;
        foreach (var taken in Taken)
        {
            if (taken.IsMethod == method && string.Equals(taken.Name, name, comparison))
            {
                return taken.Owner;
            }
        }

        return null;
    }
}

/// <summary>A name an earlier document of the client took: a type's (or a JSON context member's) or a method's.</summary>
/// <param name="Name">The name.</param>
/// <param name="IsMethod">A method's name, rather than a type's.</param>
/// <param name="Owner">The document's file name, for the diagnostics.</param>
internal sealed record TakenName(string Name, bool IsMethod, string Owner);
