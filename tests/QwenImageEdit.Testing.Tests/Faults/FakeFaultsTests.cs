namespace QwenImageEdit.Testing.Tests.Faults;

public sealed class FakeFaultsTests
{
    [Fact]
    public void Queued_faults_are_taken_in_order_by_route_and_count()
    {
        var faults = new FakeFaults();
        var first = Fault.ServerError();
        var second = Fault.MalformedJson();
        faults.Enqueue(FakeRoute.Poll, first, count: 2);
        faults.Enqueue(FakeRoute.Any, second);

        Assert.Same(second, faults.TryTake(FakeRoute.Create));
        Assert.Same(first, faults.TryTake(FakeRoute.Poll));
        Assert.Same(first, faults.TryTake(FakeRoute.Poll));
        Assert.Null(faults.TryTake(FakeRoute.Poll));
        Assert.Equal(0, faults.Pending);
    }
}
