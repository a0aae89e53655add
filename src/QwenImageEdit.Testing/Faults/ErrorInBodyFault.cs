namespace QwenImageEdit.Testing;

/// <summary>
/// An error in an HTTP 200 answer, in the body's <c>code</c>: how Apikley refuses (conflicts 4 and 15 in specs/README.md).
/// Only answers that have a body code can carry it; elsewhere the request is handled as usual.
/// </summary>
internal sealed class ErrorInBodyFault(int code, string? message) : Fault
{
    // Result and file downloads stand for CDN links, which answer bytes, not the API's envelope.
    internal override bool CanApplyTo(FakeOperation operation) => operation.Route != FakeRoute.Result && operation.Errors.HasBodyCodes;

    internal override ValueTask<FakeResponse?> BeforeProcessingAsync(OperationContext context, CancellationToken cancellationToken)
        => ValueTask.FromResult(CanApplyTo(context.Operation) ? context.Operation.Errors.CreateWithBodyCode(code, message) : null);

    public override string ToString() => $"ErrorInBody({code})";
}
