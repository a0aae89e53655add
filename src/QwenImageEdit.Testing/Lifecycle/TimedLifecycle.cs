namespace QwenImageEdit.Testing;

/// <summary>
/// Moves by the clock: timers (on the fake's TimeProvider, so a manual clock drives them) start and finish the task,
/// so its callback fires on time even when nobody polls; status reads also catch up with the clock.
/// </summary>
internal sealed class TimedLifecycle(TimeSpan queued, TimeSpan running) : FakeLifecycle
{
    internal override bool AdvancesOnRead => false;

    internal override bool IsInstant => false;

    internal override void Start(FakeTask task, TimeProvider time)
    {
        task.AddTimer(time.CreateTimer(_ => task.EnterRunning(0), null, queued, Timeout.InfiniteTimeSpan));
        task.AddTimer(time.CreateTimer(_ => task.Finish(), null, queued + running, Timeout.InfiniteTimeSpan));
    }

    internal override void OnStatusRead(FakeTask task, TimeProvider time)
    {
        var elapsed = time.GetUtcNow() - task.CreatedAt;
        if (elapsed >= queued + running)
        {
            task.Finish();
        }
        else if (elapsed >= queued)
        {
            task.EnterRunning(running <= TimeSpan.Zero ? 0 : (int)Math.Clamp((elapsed - queued) / running * 100, 0, 99));
        }
    }

    internal override void Advance(FakeTask task, TimeProvider time)
    {
        if (task.State == FakeTaskState.Queued)
        {
            task.EnterRunning(0);
        }
        else
        {
            task.Finish();
        }
    }

    internal override TimeSpan EstimatedRemaining(FakeTask task, TimeProvider time)
    {
        var left = queued + running - (time.GetUtcNow() - task.CreatedAt);
        return left < TimeSpan.Zero ? TimeSpan.Zero : left;
    }

    public override string ToString() => $"Timed({queued}, {running})";
}
