namespace QwenImageEdit.Testing;

/// <summary>
/// How a fake task moves from queued to done. Tests use <see cref="AfterPolls"/> or <see cref="Instant"/>, which advance
/// on each status read and so need no waiting; demos use <see cref="Timed"/>, driven by the fake's TimeProvider.
/// </summary>
public abstract class FakeLifecycle
{
    private protected FakeLifecycle()
    {
    }

    /// <summary>
    /// Done at the first status read. ModelsLab, whose create can answer <c>success</c> directly, is done at creation.
    /// </summary>
    public static FakeLifecycle Instant { get; } = new PollLifecycle(0);

    /// <summary>Running (with rising progress) for <paramref name="polls"/> status reads, done at the next one.</summary>
    /// <param name="polls">How many status reads report the task running before one reports it done.</param>
    public static FakeLifecycle AfterPolls(int polls)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(polls);
        return polls == 0 ? Instant : new PollLifecycle(polls);
    }

    /// <summary>Queued for <paramref name="queued"/>, then running for <paramref name="running"/>, by the fake's TimeProvider.</summary>
    /// <param name="queued">How long a task waits before it starts.</param>
    /// <param name="running">How long it runs before it is done.</param>
    public static FakeLifecycle Timed(TimeSpan queued, TimeSpan running)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(queued, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(running, TimeSpan.Zero);
        return new TimedLifecycle(queued, running);
    }

    /// <summary>True when a task is done as soon as anyone looks (ModelsLab then answers the create with the result).</summary>
    internal abstract bool IsInstant { get; }

    /// <summary>True when status reads move the task on (<see cref="AfterPolls"/>); false when the clock does (<see cref="Timed"/>).</summary>
    internal abstract bool AdvancesOnRead { get; }

    /// <summary>Called once, when the task is created.</summary>
    internal abstract void Start(FakeTask task, TimeProvider time);

    /// <summary>Called on every status read, before the answer is written.</summary>
    internal abstract void OnStatusRead(FakeTask task, TimeProvider time);

    /// <summary>Moves the task one step on, as <see cref="FakeTask.Advance"/> asks.</summary>
    internal abstract void Advance(FakeTask task, TimeProvider time);

    /// <summary>A vendor's estimate of the time left (EvoLink <c>estimated_time</c>, ModelsLab <c>eta</c>).</summary>
    internal abstract TimeSpan EstimatedRemaining(FakeTask task, TimeProvider time);
}
