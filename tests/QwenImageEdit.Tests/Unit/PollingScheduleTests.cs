namespace QwenImageEdit.Tests.Unit;

public sealed class PollingScheduleTests
{
    private static readonly ImageEditPollingOptions Options = new() { FirstDelay = TimeSpan.FromSeconds(2), Multiplier = 2, MaxDelay = TimeSpan.FromSeconds(10), Jitter = 0.2 };

    [Fact]
    public void Without_jitter_the_waits_grow_by_the_multiplier_up_to_the_cap()
    {
        var schedule = new PollingSchedule(Options, () => 0.5); // 0.5 is the middle: no jitter

        var waits = Enumerable.Range(0, 5).Select(_ => schedule.Next(null).TotalSeconds).ToArray();

        Assert.Equal([2, 4, 8, 10, 10], waits);
    }

    [Fact]
    public void The_vendor_estimate_sets_the_first_wait_but_not_beyond_the_cap()
    {
        Assert.Equal(7, new PollingSchedule(Options, () => 0.5).Next(TimeSpan.FromSeconds(7)).TotalSeconds);
        Assert.Equal(10, new PollingSchedule(Options, () => 0.5).Next(TimeSpan.FromMinutes(3)).TotalSeconds);
    }

    [Theory]
    [InlineData(0.0, 1.6)]
    [InlineData(1.0, 2.4)]
    public void Jitter_stays_within_its_share(double random, double expectedSeconds)
        => Assert.Equal(expectedSeconds, new PollingSchedule(Options, () => random).Next(null).TotalSeconds, precision: 6);
}
