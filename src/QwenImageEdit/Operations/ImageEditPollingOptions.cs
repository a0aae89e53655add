using System;

namespace QwenImageEdit;

/// <summary>How an operation polls its vendor: first wait, backoff with jitter up to a cap, and a total deadline.</summary>
public sealed class ImageEditPollingOptions
{
    /// <summary>The first wait when the vendor gives no estimate (ModelsLab's <c>eta</c> is used when it does).</summary>
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Each later wait is the previous one times this.</summary>
    public double Multiplier { get; set; } = 1.5;

    /// <summary>The longest wait between two polls.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The share of each wait drawn at random (0.2 = up to 20 % shorter or longer), so clients do not poll in step.</summary>
    public double Jitter { get; set; } = 0.2;

    /// <summary>How long <see cref="ImageEditOperation.WaitForCompletionAsync"/> waits in all (Apikley suggests 10-15 minutes).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How many times one poll is retried after a transient failure (5xx, timeout, reset, unreadable or contradicting
    /// answer). An answer over a limit, a redirect the facade does not follow, or a refused result is not retried.
    /// </summary>
    public int TransientRetries { get; set; } = 3;
}
