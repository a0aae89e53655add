namespace QwenImageEdit.Testing;

/// <summary>
/// A task a fake vendor created. Tests read it to assert what the fake saw, and steer it (<see cref="Advance"/>,
/// <see cref="Complete"/>, <see cref="Fail"/>, <see cref="Cancel"/>) where the lifecycle alone is not what they need.
/// </summary>
public sealed class FakeTask
{
    private readonly FakeVendor _vendor;
    private readonly (string Code, string Message)? _plannedFailure;
    private readonly List<ITimer> _timers = [];
    private FakeTaskState _state;
    private int _progress;
    private int _polls;
    private int _step;
    private string? _failureCode;
    private string? _failureMessage;
    private DateTimeOffset _updatedAt;
    private DateTimeOffset? _endedAt;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal FakeTask(FakeVendor vendor, TaskDraft draft, FakeLifecycle lifecycle, DateTimeOffset createdAt, (string Code, string Message)? plannedFailure)
    {
        _vendor = vendor;
        Lifecycle = lifecycle;
        _plannedFailure = plannedFailure;
        Id = draft.Id;
        Model = draft.Model;
        RequestJson = draft.RequestJson;
        CallbackUrl = draft.CallbackUrl;
        ImageCount = draft.ImageCount;
        TrackId = draft.TrackId;
        CreatedAt = createdAt;
        _updatedAt = createdAt;
    }

    /// <summary>The id the vendor returned (ModelsLab's is a number, as its decimal text).</summary>
    public string Id { get; }

    /// <summary>The model the request named (or the vendor's default).</summary>
    public string Model { get; }

    /// <summary>The create request's JSON body, with the API key redacted.</summary>
    public string RequestJson { get; }

    /// <summary>The callback (webhook) URL the request carried, if any.</summary>
    public Uri? CallbackUrl { get; }

    /// <summary>How many result images the task makes (<c>n</c>, <c>num_images</c>; 1 otherwise).</summary>
    public int ImageCount { get; }

    /// <summary>When the task was created, by the fake's TimeProvider.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>The state now.</summary>
    public FakeTaskState State
    {
        get
        {
            lock (_vendor.Gate)
            {
                return _state;
            }
        }
    }

    /// <summary>Progress in percent, for vendors that report it (EvoLink); null for the others.</summary>
    public int? Progress
    {
        get
        {
            lock (_vendor.Gate)
            {
                return _vendor.Profile.HasProgress ? _progress : null;
            }
        }
    }

    /// <summary>How many status reads (polls) of this task the fake answered.</summary>
    public int Polls
    {
        get
        {
            lock (_vendor.Gate)
            {
                return _polls;
            }
        }
    }

    /// <summary>The result image URLs, served by the fake itself; empty until the task has succeeded.</summary>
    public IReadOnlyList<Uri> ResultUrls
        => State == FakeTaskState.Succeeded ? Enumerable.Range(0, ImageCount).Select(i => _vendor.ResultUrl(this, i)).ToArray() : [];

    /// <summary>The vendor error code of a failed task (or <c>cancelled</c>), else null.</summary>
    public string? FailureCode
    {
        get
        {
            lock (_vendor.Gate)
            {
                return _failureCode;
            }
        }
    }

    /// <summary>The vendor error message of a failed or cancelled task, else null.</summary>
    public string? FailureMessage
    {
        get
        {
            lock (_vendor.Gate)
            {
                return _failureMessage;
            }
        }
    }

    /// <summary>When the state last changed.</summary>
    public DateTimeOffset UpdatedAt
    {
        get
        {
            lock (_vendor.Gate)
            {
                return _updatedAt;
            }
        }
    }

    /// <summary>When the task ended, or null while it runs.</summary>
    public DateTimeOffset? EndedAt
    {
        get
        {
            lock (_vendor.Gate)
            {
                return _endedAt;
            }
        }
    }

    /// <summary>Whether the task has ended (succeeded, failed or cancelled).</summary>
    public bool IsTerminal => State is FakeTaskState.Succeeded or FakeTaskState.Failed or FakeTaskState.Cancelled;

    /// <summary>The lifecycle in force when the task was created (changing the options later does not change it).</summary>
    internal FakeLifecycle Lifecycle { get; }

    /// <summary>ModelsLab's <c>track_id</c>, echoed in its webhook.</summary>
    internal string? TrackId { get; }

    internal int Step
    {
        get
        {
            lock (_vendor.Gate)
            {
                return _step;
            }
        }
    }

    /// <summary>Moves the task one step on, as a status read would under <see cref="FakeLifecycle.AfterPolls"/> (without counting a poll).</summary>
    public void Advance()
    {
        ThrowIfEnded();
        Lifecycle.Advance(this, _vendor.Time);
    }

    /// <summary>Ends the task now with its result images (and sends its callback).</summary>
    public void Complete() => _ = End(FakeTaskState.Succeeded, null, null, strict: true);

    /// <summary>Ends the task now with this vendor error (and sends its callback).</summary>
    /// <param name="code">The vendor's error code (EvoLink <c>content_policy_violation</c>, Apikley <c>501</c>, ...).</param>
    /// <param name="message">The vendor's error message.</param>
    public void Fail(string code, string message)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        ArgumentException.ThrowIfNullOrEmpty(message);
        _ = End(FakeTaskState.Failed, code, message, strict: true);
    }

    /// <summary>Cancels the task now (and sends its callback: EvoLink reports cancelled tasks too).</summary>
    public void Cancel() => _ = End(FakeTaskState.Cancelled, "cancelled", "The task was cancelled", strict: true);

    /// <inheritdoc/>
    public override string ToString() => $"{Id} {State}";

    internal void CountPoll()
    {
        lock (_vendor.Gate)
        {
            _polls++;
        }
    }

    internal int NextStep()
    {
        lock (_vendor.Gate)
        {
            return ++_step;
        }
    }

    /// <summary>Forward only: a timer firing after a manual <see cref="Advance"/> changes nothing.</summary>
    internal void EnterRunning(int progress)
    {
        var started = false;
        lock (_vendor.Gate)
        {
            if (_state is FakeTaskState.Queued or FakeTaskState.Running)
            {
                started = _state == FakeTaskState.Queued;
                _state = FakeTaskState.Running;
                _progress = Math.Max(_progress, Math.Clamp(progress, 0, 99));
                _updatedAt = _vendor.Time.GetUtcNow();
                SignalChangeLocked();
            }
        }

        if (started)
        {
            _vendor.OnTaskRunning(this);
        }
    }

    /// <summary>Completes at the next change of state or progress (at once if the task has ended): what a status stream waits on.</summary>
    internal Task WhenChangedAsync(CancellationToken cancellationToken)
    {
        lock (_vendor.Gate)
        {
            return IsTerminal ? Task.CompletedTask : _changed.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Cancels the task if it is still running, as a vendor's cancel call does; false when it had ended already.</summary>
    /// <param name="code">The vendor's word for how it was cancelled (Replicate: <c>canceled</c>, or <c>aborted</c> before it started).</param>
    internal bool TryCancel(string code = "cancelled")
    {
        lock (_vendor.Gate)
        {
            if (IsTerminal)
            {
                return false;
            }
        }

        return End(FakeTaskState.Cancelled, code, "The task was cancelled", strict: false);
    }

    /// <summary>The lifecycle's end: success, or the failure <see cref="FakeVendor.FailNextTask"/> planned. Ignored once ended.</summary>
    internal void Finish()
    {
        if (_plannedFailure is { } failure)
        {
            _ = End(FakeTaskState.Failed, failure.Code, failure.Message, strict: false);
        }
        else
        {
            _ = End(FakeTaskState.Succeeded, null, null, strict: false);
        }
    }

    internal void AddTimer(ITimer timer)
    {
        lock (_vendor.Gate)
        {
            _timers.Add(timer);
        }
    }

    internal void DisposeTimers()
    {
        ITimer[] timers;
        lock (_vendor.Gate)
        {
            timers = [.. _timers];
            _timers.Clear();
        }

        foreach (var timer in timers)
        {
            timer.Dispose();
        }
    }

    private bool End(FakeTaskState state, string? code, string? message, bool strict)
    {
        lock (_vendor.Gate)
        {
            if (_state is FakeTaskState.Succeeded or FakeTaskState.Failed or FakeTaskState.Cancelled)
            {
                if (strict)
                {
                    throw new InvalidOperationException($"Task {Id} has already ended ({_state}).");
                }

                return false;
            }

            _state = state;
            _progress = state == FakeTaskState.Succeeded ? 100 : _progress;
            _failureCode = code;
            _failureMessage = message;
            _updatedAt = _vendor.Time.GetUtcNow();
            _endedAt = _updatedAt;
            SignalChangeLocked();
        }

        DisposeTimers();
        _vendor.OnTaskEnded(this);
        return true;
    }

    private void SignalChangeLocked()
    {
        var changed = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.TrySetResult();
    }

    private void ThrowIfEnded()
    {
        if (IsTerminal)
        {
            throw new InvalidOperationException($"Task {Id} has already ended ({State}).");
        }
    }
}
