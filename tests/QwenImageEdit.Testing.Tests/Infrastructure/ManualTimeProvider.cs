namespace QwenImageEdit.Testing.Tests.Infrastructure;

/// <summary>
/// A clock that moves only when told (Microsoft.Extensions.TimeProvider.Testing does not restore here). Timers fire
/// inside <see cref="Advance"/>, in due order, each at its own time; <see cref="WaitForTimersAsync"/> lets a test wait
/// until the code under test has armed its timers, instead of sleeping.
/// </summary>
internal sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly object _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private readonly List<(int Count, TaskCompletionSource Source)> _waiters = [];
    private DateTimeOffset _now = start;

    public ManualTimeProvider()
        : this(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero))
    {
    }

    public int ActiveTimers
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count(static t => t.Due is not null);
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        lock (_gate)
        {
            _timers.Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock on, firing every timer that falls due on the way.</summary>
    public void Advance(TimeSpan by)
    {
        DateTimeOffset target;
        lock (_gate)
        {
            target = _now + by;
        }

        while (true)
        {
            ManualTimer? next;
            lock (_gate)
            {
                next = _timers.Where(t => t.Due <= target).OrderBy(static t => t.Due).FirstOrDefault();
                if (next is null)
                {
                    _now = target;
                    return;
                }

                _now = next.Due!.Value;
                next.Due = next.Period > TimeSpan.Zero ? _now + next.Period : null;
            }

            next.Fire();
        }
    }

    /// <summary>Completes once at least <paramref name="count"/> timers are armed.</summary>
    public Task WaitForTimersAsync(int count = 1)
    {
        lock (_gate)
        {
            if (_timers.Count(static t => t.Due is not null) >= count)
            {
                return Task.CompletedTask;
            }

            var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, source));
            return source.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    private void Changed()
    {
        List<TaskCompletionSource> ready;
        lock (_gate)
        {
            var armed = _timers.Count(static t => t.Due is not null);
            ready = [.. _waiters.Where(w => w.Count <= armed).Select(static w => w.Source)];
            _waiters.RemoveAll(w => w.Count <= armed);
        }

        foreach (var source in ready)
        {
            source.TrySetResult();
        }
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset? Due { get; set; }

        public TimeSpan Period { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._gate)
            {
                Due = dueTime == Timeout.InfiniteTimeSpan ? null : owner._now + dueTime;
                Period = period == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : period;
            }

            owner.Changed();
            return true;
        }

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (owner._gate)
            {
                Due = null;
                owner._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
