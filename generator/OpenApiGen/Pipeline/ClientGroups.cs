using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using OpenApiGen.Model;

namespace OpenApiGen.Pipeline;

/// <summary>A spec's model with the input it was built from, which a client of several documents may build again with names to avoid.</summary>
internal sealed record ClientMember(SpecInput Input, SpecModel Model);

/// <summary>
/// The models of the project as clients: the specs that name the same client in the same namespace together, in the
/// order of their paths (SpecInputs), every other spec alone. Each client is one value of the pipeline, so editing one
/// spec merges and emits again only the client it belongs to.
/// </summary>
internal static class ClientGroups
{
    public static IEnumerable<EquatableArray<ClientMember>> Of(ImmutableArray<ClientMember> members)
        => members
            .GroupBy(static m => (m.Model.Namespace, m.Model.ClientName))
            .Select(static g => g.ToEquatableArray());
}
