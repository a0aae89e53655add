namespace QwenImageEdit.Tests.Infrastructure;

/// <summary>
/// What a hostile case may cost: every case must end (a server that never stops sending must not hold a test), and
/// the bytes allocated while it runs are measured so a test can say the read stayed within its limit. Tests that
/// measure allocations run in <see cref="SerialCollection"/>, alone, so no other test's allocations count.
/// </summary>
internal static class Bounds
{
    /// <summary>Far longer than any case takes; reached only if a read hangs, and then the test fails instead of hanging.</summary>
    public static readonly TimeSpan Hang = TimeSpan.FromSeconds(60);

    /// <summary>Runs <paramref name="call"/>, expecting <typeparamref name="TException"/>, and returns it with the bytes allocated meanwhile (all threads).</summary>
    public static async Task<(TException Error, long Allocated, TimeSpan Elapsed)> ThrowsAsync<TException>(Func<Task> call)
        where TException : Exception
    {
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var error = await Assert.ThrowsAnyAsync<TException>(() => call().WaitAsync(Hang));
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        return (error, GC.GetTotalAllocatedBytes(precise: true) - before, elapsed);
    }
}

/// <summary>Tests that measure allocations: run alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCollection
{
    public const string Name = "Serial: measures allocations";
}
