using System;

namespace QwenImageEdit;

/// <summary>The waits between polls: the vendor's estimate first when it gives one, then exponential backoff with jitter, capped.</summary>
internal sealed class PollingSchedule(ImageEditPollingOptions options, Func<double> random)
{
    private TimeSpan _next = options.FirstDelay;

    public TimeSpan Next(TimeSpan? estimate)
    {
        var basis = estimate is { } eta && eta > TimeSpan.Zero ? Min(eta, options.MaxDelay) : _next;
        _next = Min(TimeSpan.FromTicks((long)(Math.Max(basis.Ticks, options.FirstDelay.Ticks) * Math.Max(1, options.Multiplier))), options.MaxDelay);
        var jitter = 1 + (((random() * 2) - 1) * Math.Clamp(options.Jitter, 0, 1));
        return TimeSpan.FromTicks((long)(basis.Ticks * jitter));
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
