using System;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using Polly;

namespace QwenImageEdit.Vendors;

/// <summary>
/// One create as the create pipeline runs it, whatever that pipeline is (the facade's, or one configured by name with
/// strategies of the caller's own): an attempt is sent only while every earlier one provably was not taken
/// (<see cref="Acceptance.NotAccepted"/>). Asked again after an attempt the vendor may have taken, it sends nothing and
/// rethrows that attempt's failure; asked again after a success, it returns that success. So no pipeline can bill an
/// edit twice, and a pipeline that retries everything only repeats the first error.
/// </summary>
internal sealed class CreateAttempts(ImageEditVendor vendor, CancellationToken callerToken)
{
    private readonly object _gate = new();
    private TaskCompletionSource? _inFlight;
    private ExceptionDispatchInfo? _mayBeTaken;
    private VendorTaskState? _created;

    /// <summary>How many attempts were sent.</summary>
    public int Sent { get; private set; }

    /// <summary>Whether an attempt may have created a task (it succeeded, or failed in a way that proves nothing).</summary>
    public bool MayBeTaken
    {
        get
        {
            lock (_gate)
            {
                return _created is not null || _mayBeTaken is not null;
            }
        }
    }

    public async Task<VendorTaskState> SendAsync(Func<CancellationToken, Task<VendorTaskState>> send, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task? wait;
            lock (_gate)
            {
                if (_created is { } created)
                {
                    return created;
                }

                _mayBeTaken?.Throw();
                if (_inFlight is null)
                {
                    _inFlight = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    Sent++;
                    break;
                }

                // A strategy running attempts side by side (hedging): this one waits for the one in flight.
                wait = _inFlight.Task;
            }

            await wait.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var state = await send(cancellationToken).ConfigureAwait(false);
            Leave(created: state);
            return state;
        }
        catch (ImageEditException error) when (Acceptance.NotAccepted(error))
        {
            error.ProvablyNotAccepted = true;
            Leave();
            throw;
        }
        catch (OperationCanceledException error) when (!callerToken.IsCancellationRequested)
        {
            // The pipeline cancelled the attempt (its timeout): thrown as is, so the strategy knows its own cancellation,
            // but any later attempt gets what it means.
            Leave(mayBeTaken: ExceptionDispatchInfo.Capture(new ImageEditTimeoutException(vendor, $"{vendor} did not answer the create in time (the create pipeline cancelled it); the task may exist, so it is not sent again.", error)));
            throw;
        }
        catch (Exception error)
        {
            Leave(mayBeTaken: ExceptionDispatchInfo.Capture(error));
            throw;
        }
    }

    /// <summary>
    /// What the caller gets when the pipeline gave up with <paramref name="error"/>: Polly's own rejections (a timeout,
    /// an open circuit, a rate limiter) become the facade's exceptions, saying whether a task may exist.
    /// </summary>
    public Exception Translate(Exception error)
    {
        switch (error)
        {
            case ImageEditException edit:
                edit.ProvablyNotAccepted |= !MayBeTaken && Acceptance.NotAccepted(edit);
                return edit;
            case Polly.Timeout.TimeoutRejectedException timeout:
                return new ImageEditTimeoutException(vendor, $"{vendor} did not answer the create within the create pipeline's timeout{(Sent > 0 ? "; the task may exist, so it is not sent again" : "")}.", timeout)
                {
                    ProvablyNotAccepted = Sent == 0,
                };
            case ExecutionRejectedException rejected:
                lock (_gate)
                {
                    // An earlier attempt the vendor may have taken says more than the strategy that stopped the next one.
                    if (_mayBeTaken?.SourceException is ImageEditException earlier)
                    {
                        return earlier;
                    }
                }

                return new ImageEditVendorException(vendor, $"The create was not sent to {vendor}: the create pipeline refused it ({rejected.Message}).", innerException: rejected)
                {
                    ProvablyNotAccepted = !MayBeTaken,
                };
            default:
                return error;
        }
    }

    private void Leave(VendorTaskState? created = null, ExceptionDispatchInfo? mayBeTaken = null)
    {
        TaskCompletionSource inFlight;
        lock (_gate)
        {
            _created ??= created;
            _mayBeTaken ??= mayBeTaken;
            inFlight = _inFlight!;
            _inFlight = null;
        }

        inFlight.TrySetResult();
    }
}
