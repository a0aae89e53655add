namespace QwenImageEdit.Testing;

/// <summary>The tasks a fake created, by id and in order, and the failure planned for the next one.</summary>
internal sealed class TaskStore(object gate)
{
    private readonly Dictionary<string, FakeTask> _tasks = new(StringComparer.Ordinal);
    private readonly List<FakeTask> _order = [];
    private (string Code, string Message)? _nextFailure;

    public IReadOnlyCollection<FakeTask> All
    {
        get
        {
            lock (gate)
            {
                return [.. _order];
            }
        }
    }

    public void PlanFailure(string code, string message)
    {
        lock (gate)
        {
            _nextFailure = (code, message);
        }
    }

    /// <summary>Registers a task built from the draft; it takes the planned failure, if any.</summary>
    public FakeTask Add(Func<(string Code, string Message)?, FakeTask> create)
    {
        lock (gate)
        {
            var task = create(_nextFailure);
            _nextFailure = null;
            _tasks.Add(task.Id, task);
            _order.Add(task);
            return task;
        }
    }

    public bool TryGet(string id, out FakeTask task)
    {
        lock (gate)
        {
            return _tasks.TryGetValue(id, out task!);
        }
    }

    /// <summary>How many queued tasks were created before this one and are still queued: 0 means it is next.</summary>
    public int QueuePosition(FakeTask task)
    {
        lock (gate)
        {
            var position = 0;
            foreach (var other in _order)
            {
                if (ReferenceEquals(other, task))
                {
                    return position;
                }

                if (other.State == FakeTaskState.Queued)
                {
                    position++;
                }
            }

            return position;
        }
    }
}
