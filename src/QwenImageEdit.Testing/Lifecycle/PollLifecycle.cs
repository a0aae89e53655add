namespace QwenImageEdit.Testing;

/// <summary>Advances one step per status read: no clock at all, so tests never wait.</summary>
internal sealed class PollLifecycle(int runningPolls) : FakeLifecycle
{
    // A nominal figure for ETAs: nothing here takes time, but the vendors always send an estimate.
    private static readonly TimeSpan NominalStep = TimeSpan.FromSeconds(5);

    internal override bool AdvancesOnRead => true;

    internal override bool IsInstant => runningPolls == 0;

    internal override void Start(FakeTask task, TimeProvider time)
    {
    }

    internal override void OnStatusRead(FakeTask task, TimeProvider time) => Advance(task, time);

    internal override void Advance(FakeTask task, TimeProvider time)
    {
        var step = task.NextStep();
        if (step > runningPolls)
        {
            task.Finish();
        }
        else if (step > 0)
        {
            task.EnterRunning(step * 100 / (runningPolls + 1));
        }
    }

    internal override TimeSpan EstimatedRemaining(FakeTask task, TimeProvider time)
        => NominalStep * Math.Max(0, runningPolls + 1 - task.Step);

    public override string ToString() => runningPolls == 0 ? "Instant" : $"AfterPolls({runningPolls})";
}
