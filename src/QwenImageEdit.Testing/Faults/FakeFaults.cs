namespace QwenImageEdit.Testing;

/// <summary>The faults queued on a fake vendor, taken in order by the requests they apply to.</summary>
public sealed class FakeFaults
{
    private readonly object _gate = new();
    private readonly List<Entry> _queue = [];

    /// <summary>Makes the next <paramref name="count"/> requests of <paramref name="route"/> (any kind for <see cref="FakeRoute.Any"/>) suffer <paramref name="fault"/>.</summary>
    /// <param name="route">Which requests the fault applies to.</param>
    /// <param name="fault">The fault, from the factories on <see cref="Fault"/>.</param>
    /// <param name="count">How many requests in a row it applies to.</param>
    public void Enqueue(FakeRoute route, Fault fault, int count = 1)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
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

    internal Fault? TryTake(FakeRoute route)
    {
        lock (_gate)
        {
            var index = _queue.FindIndex(e => e.Route == FakeRoute.Any || e.Route == route);
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
