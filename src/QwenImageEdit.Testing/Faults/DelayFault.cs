namespace QwenImageEdit.Testing;

/// <summary>Waits on the fake's TimeProvider, so a manual clock holds the request until the test moves time on.</summary>
internal sealed class DelayFault(TimeSpan delay) : Fault
{
    internal override async ValueTask<FakeResponse?> BeforeProcessingAsync(OperationContext context, CancellationToken cancellationToken)
    {
        await Task.Delay(delay, context.Vendor.Time, cancellationToken).ConfigureAwait(false);
        return null;
    }

    public override string ToString() => $"Delay({delay})";
}
