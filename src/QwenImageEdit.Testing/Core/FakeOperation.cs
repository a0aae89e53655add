using System.Text.Json.Nodes;

namespace QwenImageEdit.Testing;

/// <summary>One route of a fake: where it is, what it demands, which spec operation holds it to account, and its handler.</summary>
internal sealed class FakeOperation
{
    public required FakeRoute Route { get; init; }

    public required string Method { get; init; }

    public required PathTemplate Path { get; init; }

    /// <summary>The spec's operationId, or the fake's own name for its own routes.</summary>
    public required string Name { get; init; }

    public required ErrorStyle Errors { get; init; }

    public required Func<OperationContext, Task<FakeResponse>> Handle { get; init; }

    public AuthKind Auth { get; init; }

    public BodyKind Body { get; init; }

    /// <summary>The spec operation the request is checked against, given the parsed body (EvoLink picks it by model); null: none.</summary>
    public Func<JsonNode?, SpecOperation?> Spec { get; init; } = static _ => null;

    /// <summary>Vendor rules the schema cannot state (EvoLink's callback_url and size rules), checked after the schema.</summary>
    public Func<OperationContext, IEnumerable<SchemaProblem>>? Rules { get; init; }

    /// <summary>The member of the answer that holds the task status, dotted (<c>data.state</c>), for <see cref="Fault.UnknownStatus"/>.</summary>
    public string? StatusMember { get; init; }

    public override string ToString() => $"{Method} {Path} ({Name})";
}
