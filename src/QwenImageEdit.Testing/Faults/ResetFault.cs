namespace QwenImageEdit.Testing;

internal sealed class ResetFault(bool afterProcessing) : Fault
{
    internal override ValueTask<FakeResponse?> BeforeProcessingAsync(OperationContext context, CancellationToken cancellationToken)
        => ValueTask.FromResult(afterProcessing ? null : FakeResponse.ConnectionReset);

    internal override ValueTask<FakeResponse> AfterProcessingAsync(FakeResponse response, OperationContext context)
        => ValueTask.FromResult(afterProcessing ? FakeResponse.ConnectionReset : response);

    public override string ToString() => afterProcessing ? "ResetAfterProcessing" : "ResetBeforeProcessing";
}
