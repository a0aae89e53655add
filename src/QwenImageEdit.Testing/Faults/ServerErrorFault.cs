namespace QwenImageEdit.Testing;

internal sealed class ServerErrorFault(int status) : Fault
{
    internal override ValueTask<FakeResponse?> BeforeProcessingAsync(OperationContext context, CancellationToken cancellationToken)
        => ValueTask.FromResult<FakeResponse?>(context.Operation.Errors.Create(ErrorKind.ServerError, status: status));

    public override string ToString() => $"ServerError({status})";
}
