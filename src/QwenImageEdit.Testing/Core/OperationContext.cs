using System.Text.Json.Nodes;

namespace QwenImageEdit.Testing;

/// <summary>A request on its way through a route: what the core has learnt about it so far.</summary>
internal sealed class OperationContext(FakeVendor vendor, FakeOperation operation, FakeRequest request, IReadOnlyDictionary<string, string> pathParameters, CancellationToken aborted = default)
{
    /// <summary>Cancelled when the client goes away: for handlers that hold the answer (Replicate's <c>Prefer: wait</c>).</summary>
    public CancellationToken Aborted { get; } = aborted;

    public FakeVendor Vendor { get; } = vendor;

    public FakeOperation Operation { get; } = operation;

    public FakeRequest Request { get; } = request;

    public IReadOnlyDictionary<string, string> PathParameters { get; } = pathParameters;

    /// <summary>The JSON body (for a multipart body, its fields as an object), once parsed.</summary>
    public JsonNode? Json { get; set; }

    public MultipartForm? Form { get; set; }

    /// <summary>The spec operation the request was checked against, once known.</summary>
    public SpecOperation? Spec { get; set; }

    public JsonObject Body => Json as JsonObject ?? [];
}
