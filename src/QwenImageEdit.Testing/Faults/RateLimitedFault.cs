using System.Globalization;

namespace QwenImageEdit.Testing;

internal sealed class RateLimitedFault(TimeSpan retryAfter) : Fault
{
    internal override ValueTask<FakeResponse?> BeforeProcessingAsync(OperationContext context, CancellationToken cancellationToken)
    {
        var seconds = (long)Math.Ceiling(Math.Max(0, retryAfter.TotalSeconds));
        var response = context.Operation.Errors.Create(ErrorKind.RateLimited)
            .WithHeader("Retry-After", seconds.ToString(CultureInfo.InvariantCulture));
        return ValueTask.FromResult<FakeResponse?>(response);
    }

    public override string ToString() => $"RateLimited({retryAfter})";
}
