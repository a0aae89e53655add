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

        Assert.Same(second, faults.TryTake(Operation(FakeRoute.Create)));
        Assert.Same(first, faults.TryTake(Operation(FakeRoute.Poll)));
        Assert.Same(first, faults.TryTake(Operation(FakeRoute.Poll)));
        Assert.Null(faults.TryTake(Operation(FakeRoute.Poll)));
        Assert.Equal(0, faults.Pending);
    }

    [Fact]
    public void A_fault_waits_for_a_request_of_its_route_that_can_carry_it()
    {
        // fal.ai's status stream has no status member; its status read does.
        var faults = new FakeFaults();
        var unknown = Fault.UnknownStatus("paused");
        faults.Enqueue(FakeRoute.Poll, unknown);

        Assert.Null(faults.TryTake(Operation(FakeRoute.Poll)));
        Assert.Equal(1, faults.Pending);
        Assert.Same(unknown, faults.TryTake(Operation(FakeRoute.Poll, statusMember: "status")));
        Assert.Equal(0, faults.Pending);
    }

    private static FakeOperation Operation(FakeRoute route, string? statusMember = null) => new()
    {
        Route = route,
        Method = "GET",
        Path = new PathTemplate("/tasks/{id}"),
        Name = "test",
        Errors = EvoLinkErrors.Instance,
        Handle = static _ => throw new InvalidOperationException("not handled in this test"),
        StatusMember = statusMember,
    };
}
