using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using QwenImageEdit.Vendors;

namespace QwenImageEdit;

/// <summary>
/// A submitted edit, shaped like Azure's <c>Operation&lt;T&gt;</c>: read its state, poll it with
/// <see cref="UpdateAsync"/>, or wait for the images with <see cref="WaitForCompletionAsync"/>. Keep <see cref="Id"/>
/// (with <see cref="Vendor"/> and <see cref="Model"/>) to resume it later, in another process or after a callback,
/// with <see cref="QwenImageEditClient.ResumeOperation(string, string?)"/>.
/// </summary>
/// <remarks>Not thread-safe: one caller polls an operation at a time.</remarks>
public sealed class ImageEditOperation
{
    private readonly OperationContext _context;
    private TimeSpan? _estimatedWait;

    // An unverified callback said the task moved: the next wait polls at once instead of waiting its turn.
    private bool _pollNow;

    // Telemetry: when this process started the edit (null for one resumed by id), the span that created it, how often
    // it read the task, and whether its end was recorded.
    private readonly long? _startedAt;
    private readonly ActivityContext _createdIn;
    private int _polls;
    private bool _ended;

    // The caller asked the vendor to cancel: a task that ends cancelled is what was asked, not a failure.
    private bool _cancelAsked;

    // How long the vendor keeps the results, when the create asked for a lifetime of its own; else the capability's.
    private TimeSpan? _resultLifetime;

    internal ImageEditOperation(OperationContext context, string model, VendorTaskState? state, string id, long? startedAt = null)
    {
        _context = context;
        Model = model;
        Id = id;
        _startedAt = startedAt;
        _createdIn = Activity.Current?.Context ?? default;
        if (state is not null)
        {
            Apply(state);
        }
    }

    /// <summary>The task's id at the vendor.</summary>
    public string Id { get; }

    /// <summary>The vendor running it.</summary>
    public ImageEditVendor Vendor => _context.Adapter.Vendor;

    /// <summary>The model running it.</summary>
    public string Model { get; }

    /// <summary>Where the edit is; <see cref="ImageEditStatus.Unknown"/> for a resumed operation not yet updated.</summary>
    public ImageEditStatus Status { get; private set; }

    /// <summary>The vendor's own word for the state (<c>processing</c>, <c>generating</c>, ...), kept as sent.</summary>
    public string? RawStatus { get; private set; }

    /// <summary>Percent complete, where the vendor reports it (EvoLink); 100 once it succeeded.</summary>
    public int? PercentComplete { get; private set; }

    /// <summary>Whether the edit has ended (succeeded, failed or cancelled).</summary>
    public bool HasCompleted => Status.IsTerminal();

    /// <summary>Why it failed, when it did.</summary>
    public ImageEditFailure? Failure { get; private set; }

    /// <summary>The result images, once it succeeded; empty before.</summary>
    public IReadOnlyList<ImageEditResult> Images { get; private set; } = [];

    /// <summary>The vendor's last answer as the generated client read it (for details the facade does not map).</summary>
    public object? RawRepresentation { get; private set; }

    /// <summary>
    /// The vendor's id for the last answer read about this task (the create's, then each poll's), when the vendor sends
    /// one: quote it, with <see cref="Id"/>, to the vendor's support.
    /// </summary>
    public string? RequestId { get; private set; }

    /// <summary>
    /// What the vendor last reported the edit used, in its own units (EvoLink's <c>credits_reserved</c>, ModelsLab's
    /// <c>generationTime</c>); empty when it reports nothing (Apikley) or has not yet.
    /// </summary>
    public IReadOnlyList<ImageEditUsage> Usage { get; private set; } = [];

    /// <summary>
    /// For an edit started through an <see cref="ImageEditFallback"/>: the vendors tried before <see cref="Vendor"/>, in
    /// order, and why each did not take the edit. Empty when the first vendor took it, or without a fallback.
    /// </summary>
    public IReadOnlyList<ImageEditFallbackAttempt> FallbackAttempts { get; internal set; } = [];

    /// <summary>Asks the vendor once for the task's state. Transient failures of the poll are retried.</summary>
    /// <returns>The status after the update.</returns>
    public async Task<ImageEditStatus> UpdateAsync(CancellationToken cancellationToken = default)
    {
        if (HasCompleted)
        {
            return Status;
        }

        var state = await _context.PollAsync(Id, Model, () => _polls++, cancellationToken).ConfigureAwait(false);
        _pollNow = false;
        Apply(state);
        return Status;
    }

    /// <summary>
    /// Polls until the edit ends, respecting the vendor's estimate, backing off with jitter, and giving up after
    /// <see cref="ImageEditPollingOptions.Timeout"/>.
    /// </summary>
    /// <returns>The result images.</returns>
    /// <exception cref="ImageEditFailedException">The vendor ended the task without images.</exception>
    /// <exception cref="ImageEditTimeoutException">The task did not end within the timeout.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<IReadOnlyList<ImageEditResult>> WaitForCompletionAsync(IProgress<ImageEditProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var time = _context.TimeProvider;
        var started = time.GetTimestamp();
        var polling = _context.Options.Polling;
        using var deadline = new CancellationTokenSource(polling.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var schedule = new PollingSchedule(polling, Random.Shared.NextDouble);

        // Waited for on its own (resumed, or after StartEditAsync returned), the edit gets a span of its own, linked to
        // the one that created it.
        using var span = _context.Telemetry.StartOperation(Model, null, _createdIn);
        progress?.Report(new ImageEditProgress(Status, RawStatus, PercentComplete, TimeSpan.Zero));
        try
        {
            // A vendor that streams its status is followed on the stream; polling takes over where the stream stops.
            if (!HasCompleted && _context.Capabilities(Model).StatusStream)
            {
                await FollowStreamAsync(progress, started, linked.Token).ConfigureAwait(false);
            }

            while (!HasCompleted)
            {
                var wait = _pollNow ? TimeSpan.Zero : schedule.Next(_estimatedWait);
                _estimatedWait = null;
                await Task.Delay(wait, time, linked.Token).ConfigureAwait(false);
                await UpdateAsync(linked.Token).ConfigureAwait(false);
                progress?.Report(new ImageEditProgress(Status, RawStatus, PercentComplete, time.GetElapsedTime(started)));
            }

            span.Describe(this);
            return Status == ImageEditStatus.Succeeded
                ? Images
                : throw new ImageEditFailedException(Vendor, Id, Failure ?? new ImageEditFailure(ImageEditErrorKind.VendorError, "The task was cancelled at the vendor.", RawStatus)) { RequestId = RequestId };
        }
        catch (OperationCanceledException error) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            var timeout = new ImageEditTimeoutException(Vendor, $"{Vendor} task {Id} did not end within {polling.Timeout}; it was last {RawStatus ?? "unknown"}. Resume it later by its id.", error) { RequestId = RequestId };
            _context.Telemetry.RecordFailure(ImageEditStep.Wait, Model, timeout);
            span.Describe(this);
            span.Fail(timeout);
            throw timeout;
        }
        catch (Exception error) when (error is not ImageEditFailedException)
        {
            // A poll that failed past its retries (the poll_task span counted it), or the caller's cancellation.
            if (error is ImageEditException)
            {
                _context.Telemetry.RecordFailure(ImageEditStep.Wait, Model, error);
            }

            span.Describe(this);
            span.Fail(error);
            throw;
        }
        catch (ImageEditFailedException error)
        {
            span.Fail(error);
            throw;
        }
    }

    /// <summary>
    /// Asks the vendor to stop the edit, then reads where it is: cancelled at once (a queued fal.ai request, a Replicate
    /// prediction), or still running if the vendor finishes what it started; <see cref="WaitForCompletionAsync"/> then
    /// follows it to its end. Nothing is sent for an edit that has ended.
    /// </summary>
    /// <returns>The status after the cancel.</returns>
    /// <exception cref="ImageEditValidationException">The vendor cannot cancel (<see cref="ImageEditCapabilities.RemoteCancel"/> is false: EvoLink, ModelsLab, Apikley, DashScope); nothing was sent.</exception>
    public async Task<ImageEditStatus> CancelAsync(CancellationToken cancellationToken = default)
    {
        var capabilities = _context.Capabilities(Model);
        if (!capabilities.RemoteCancel)
        {
            throw new ImageEditValidationException(Vendor, [new ImageEditValidationError("Cancel", capabilities.Synchronous
                ? $"{Vendor} {Model} edits synchronously: the edit ended when it answered, and there is nothing to cancel."
                : $"{Vendor} has no way to cancel a task: {Id} runs to its end at the vendor (and is billed). Stop waiting for it instead.")]);
        }

        if (HasCompleted)
        {
            return Status;
        }

        var state = await _context.Telemetry.TaskStepAsync(
            ImageEditStep.Cancel,
            Model,
            Id,
            async () => AnswerChecks.Check(Vendor, await _context.Adapter.CancelAsync(Id, Model, cancellationToken).ConfigureAwait(false), Id, "answer to the cancel")).ConfigureAwait(false);
        _pollNow = false;
        _cancelAsked = true;
        Apply(state);
        Log.CancelAsked(_context.Logger, Vendor, Id, RawStatus, Status);
        return Status;
    }

    /// <summary>
    /// Takes what a callback reported. A callback whose signature covers its body (<see cref="ImageEditCallback.IsBodyVerified"/>)
    /// gives its state at once, so a waiting caller need not poll again. Any other is only a hint that the task moved
    /// (anyone who can reach the endpoint can send one): the state does not change, and the next
    /// <see cref="WaitForCompletionAsync"/> confirms it with the vendor at once, unless
    /// <see cref="QwenImageEditVendorOptions.TrustUnverifiedCallbacks"/> is set.
    /// </summary>
    /// <returns>Whether the callback's state was taken (false: confirm it with <see cref="UpdateAsync"/>).</returns>
    /// <exception cref="ArgumentException">The callback is for another task.</exception>
    /// <exception cref="ImageEditVendorException">A callback taken at its word reports success without an image, or a result URL that is not an absolute http(s) URL.</exception>
    public bool Apply(ImageEditCallback callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (callback.Vendor != Vendor || callback.OperationId != Id)
        {
            throw new ArgumentException($"The callback is for {callback.Vendor} task {callback.OperationId}, not {Vendor} task {Id}.", nameof(callback));
        }

        if (!callback.IsBodyVerified && !_context.Options.TrustUnverifiedCallbacks)
        {
            _pollNow = !HasCompleted;
            return false;
        }

        Apply(AnswerChecks.Check(Vendor, callback.State, Id, "callback"));
        return true;
    }

    /// <summary>
    /// Follows the vendor's status stream: each event is the task's state, as it arrives. A stream whose connection breaks
    /// after giving events is opened again, a few times at most; one that gives nothing, fails at once, ends before the
    /// task does, stalls (<see cref="QwenImageEditVendorOptions.StatusStreamIdleTimeout"/>) or goes past a limit
    /// (<see cref="ImageEditLimits.MaxStatusEventBytes"/>, <see cref="ImageEditLimits.MaxStatusStreamBytes"/>) leaves the
    /// rest to polling: opening it again would only wait or read as long again.
    /// </summary>
    private async Task FollowStreamAsync(IProgress<ImageEditProgress>? progress, long started, CancellationToken cancellationToken)
    {
        const int MaxOpenings = 5;
        var time = _context.TimeProvider;
        for (var opening = 0; opening < MaxOpenings && !HasCompleted; opening++)
        {
            // Each opening is one read of the task (the polls metric counts it) and one watch_task span, whose answers'
            // request ids and usage the states it gives carry.
            _polls++;
            using var step = _context.Telemetry.BeginStep(ImageEditStep.Watch, Model, Id);
            VendorTaskState? last = null;
            await using var stream = _context.Adapter.WatchAsync(Id, Model, cancellationToken).GetAsyncEnumerator(cancellationToken);
            while (true)
            {
                bool more;
                try
                {
                    more = await stream.MoveNextAsync().ConfigureAwait(false);
                }
                catch (ImageEditException error) when (!cancellationToken.IsCancellationRequested)
                {
                    step.Failed(error);
                    Log.StreamFellBack(_context.Logger, Vendor, Id, error.Kind);
                    if (last is null || error is ImageEditTimeoutException or ImageEditLimitExceededException)
                    {
                        return;
                    }

                    break;
                }
                catch (Exception error)
                {
                    step.Failed(error);
                    throw;
                }

                if (!more)
                {
                    step.Ended(last);
                    return;
                }

                try
                {
                    last = step.Stamp(AnswerChecks.Check(Vendor, stream.Current, Id, "status stream"));
                }
                catch (Exception error)
                {
                    step.Failed(error);
                    throw;
                }

                step.Read(last);
                _pollNow = false;
                Apply(last);
                progress?.Report(new ImageEditProgress(Status, RawStatus, PercentComplete, time.GetElapsedTime(started)));
                if (HasCompleted)
                {
                    step.Ended(last);
                    return;
                }
            }
        }
    }

    internal void Apply(VendorTaskState state)
    {
        // A late or duplicated report cannot undo an end.
        if (HasCompleted)
        {
            return;
        }

        var before = Status;
        Status = state.Status;
        RawStatus = state.RawStatus;
        PercentComplete = state.Status == ImageEditStatus.Succeeded ? 100 : state.Progress ?? PercentComplete;
        Failure = state.Failure;
        RawRepresentation = state.Raw;
        RequestId = state.RequestId ?? RequestId;
        Usage = state.Usage.Count > 0 ? state.Usage : Usage;
        _estimatedWait = state.EstimatedWait;
        _resultLifetime = state.ResultLifetime ?? _resultLifetime;
        if (state.Status == ImageEditStatus.Succeeded)
        {
            var expires = (_resultLifetime ?? _context.Capabilities(Model).ResultLifetime) is { } lifetime ? _context.TimeProvider.GetUtcNow() + lifetime : (DateTimeOffset?)null;
            Images =
            [
                .. state.Results.Select(url => new ImageEditResult(Vendor, url, expires, _context.Downloader, new ResultTelemetry(_context.Telemetry, Model, Id))),
                .. state.InlineResults.Select(inline => new ImageEditResult(Vendor, inline, _context.Downloader)),
            ];
        }

        if (before != Status)
        {
            Log.StatusChanged(_context.Logger, Vendor, Id, RawStatus, Status, PercentComplete, RequestId);
        }

        if (HasCompleted)
        {
            RecordEnd();
        }
    }

    /// <summary>The metrics of an edit's end, once: its duration and time to first result (when this process started it), its polls, and a failed task.</summary>
    private void RecordEnd()
    {
        if (_ended)
        {
            return;
        }

        _ended = true;
        var telemetry = _context.Telemetry;
        TimeSpan? elapsed = _startedAt is { } started ? _context.TimeProvider.GetElapsedTime(started) : null;
        string? errorType = Status switch
        {
            ImageEditStatus.Succeeded => null,
            ImageEditStatus.Failed => Telemetry.Snake((Failure?.Kind ?? ImageEditErrorKind.VendorError).ToString()),
            _ => "cancelled",
        };
        telemetry.OperationEnded(Model, elapsed, _polls, errorType);
        if (errorType is null && elapsed is { } toResult)
        {
            telemetry.FirstResult(Model, toResult);
        }
        else if (errorType is not null && !(Status == ImageEditStatus.Cancelled && _cancelAsked))
        {
            telemetry.RecordFailure(ImageEditStep.Task, Model, errorType);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{Vendor} {Model} task {Id}: {Status}{(PercentComplete is { } p ? $" ({p}%)" : "")}";
}
