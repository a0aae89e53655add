namespace QwenImageEdit.Testing;

/// <summary>Something a request did that the vendor's spec (or its documented rules) does not allow.</summary>
public sealed class ContractViolation
{
    internal ContractViolation(FakeRoute? route, string operation, string location, string message)
    {
        Route = route;
        Operation = operation;
        Location = location;
        Message = message;
    }

    /// <summary>The kind of route, or null when the path matched no route.</summary>
    public FakeRoute? Route { get; }

    /// <summary>The spec's operationId, or <c>METHOD /path</c> when no operation matched.</summary>
    public string Operation { get; }

    /// <summary>Where: a JSON path into the body (<c>$.image_urls</c>), <c>header Authorization</c>, <c>header Content-Type</c>, <c>query taskId</c>, <c>method</c> or <c>path</c>.</summary>
    public string Location { get; }

    /// <summary>What is wrong, without the values sent (so no secret can appear here).</summary>
    public string Message { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Operation}: {Location}: {Message}";
}
