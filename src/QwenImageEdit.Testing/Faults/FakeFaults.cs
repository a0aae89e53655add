namespace QwenImageEdit.Testing;

/// <summary>The faults queued on a fake vendor, taken in order by the requests they apply to.</summary>
public sealed class FakeFaults
{
    private readonly object _gate = new();
    private readonly List<Entry> _queue = [];
    private readonly FakeVendor? _vendor;

    /// <summary>A queue of its own, not a fake's (<see cref="FakeVendor.Faults"/> is that): it takes every fault.</summary>
    public FakeFaults()
    {
    }

    /// <summary>A fake's queue, which refuses faults that none of the fake's routes can suffer.</summary>
    internal FakeFaults(FakeVendor vendor) => _vendor = vendor;

    /// <summary>Makes the next <paramref name="count"/> requests of <paramref name="route"/> (any kind for <see cref="FakeRoute.Any"/>) suffer <paramref name="fault"/>.</summary>
    /// <param name="route">Which requests the fault applies to.</param>
    /// <param name="fault">The fault, from the factories on <see cref="Fault"/>.</param>
    /// <param name="count">How many requests in a row it applies to.</param>
    /// <exception cref="ArgumentException">The fake has no route of this kind that can suffer the fault (<see cref="Fault.ErrorInBody"/> at a vendor whose answers have no body code).</exception>
    public void Enqueue(FakeRoute route, Fault fault, int count = 1)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);

        // A fault the vendor cannot produce would make a test prove nothing, so it fails where it is written.
        if (_vendor is not null && !_vendor.Operations.Any(o => (route == FakeRoute.Any || o.Route == route) && fault.CanApplyTo(o)))
        {
            throw new ArgumentException($"{fault} cannot happen on {(route == FakeRoute.Any ? "any" : route.ToString())} requests to {_vendor.GetType().Name}: none of its answers there can carry it.", nameof(fault));
        }

        lock (_gate)
        {
            _queue.Add(new Entry(route, fault, count));
        }
    }

    /// <summary>How many faulty requests are still to come.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _queue.Sum(static e => e.Remaining);
            }
        }
    }

    /// <summary>Drops every queued fault.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _queue.Clear();
        }
    }

    /// <summary>
    /// The fault the request suffers, if any. A fault queued for a route waits for a request of that route that can carry
    /// it (fal.ai's status stream cannot carry a status fault; its status read can), so it is not spent on nothing.
    /// </summary>
    internal Fault? TryTake(FakeOperation operation)
    {
        lock (_gate)
        {
            var index = _queue.FindIndex(e => e.Route == FakeRoute.Any || (e.Route == operation.Route && e.Fault.CanApplyTo(operation)));
            if (index < 0)
            {
                return null;
            }

            var entry = _queue[index];
            if (--entry.Remaining == 0)
            {
                _queue.RemoveAt(index);
            }

            return entry.Fault;
        }
    }

    private sealed class Entry(FakeRoute route, Fault fault, int count)
    {
        public FakeRoute Route { get; } = route;

        public Fault Fault { get; } = fault;

        public int Remaining { get; set; } = count;
    }
}
