using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using QwenImageEdit.Vendors;

namespace QwenImageEdit;

/// <summary>
/// Stops whatever sits above it in an HttpClient (<c>AddStandardResilienceHandler</c>'s retry or hedging, a Polly
/// handler, a handler of your own) from sending one of the facade's creates twice when the vendor may have taken the
/// first: a second send of the same create goes out only after the first provably did not reach the vendor (the
/// connection was refused) or was refused by it (a 4xx but 408). Otherwise the resend fails at once, before anything
/// is written, and the facade reports the first attempt's failure: the task may exist, so it is not created again.
/// A resend that arrives while the first is still in flight (hedging) waits for it, then follows the same rule.
/// </summary>
/// <remarks>
/// <para>
/// <c>AddVendor</c> puts it innermost in each vendor's HttpClient, after every handler configured for it, so nothing
/// needs doing with dependency injection. A client built by hand over an HttpClient with resilience handlers needs it
/// just above the primary handler: <c>new HttpClient(new ResilienceHandler(...) { InnerHandler = new CreateGuardHandler { InnerHandler = new SocketsHttpHandler() } })</c>.
/// </para>
/// <para>
/// It knows the facade's creates by a mark on the request (resilience handlers resend the same request message, and
/// hedging's copies keep its options); every other request passes through untouched.
/// </para>
/// </remarks>
public sealed class CreateGuardHandler : DelegatingHandler
{
    /// <summary>Creates the handler; set <see cref="DelegatingHandler.InnerHandler"/> unless a factory does.</summary>
    public CreateGuardHandler()
    {
    }

    /// <summary>Creates the handler over <paramref name="innerHandler"/>.</summary>
    public CreateGuardHandler(HttpMessageHandler innerHandler)
        : base(innerHandler)
    {
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Options.TryGetValue(CreateTicket.Key, out var ticket) || ticket is null)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        await ticket.EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            ticket.Answered((int)response.StatusCode);
            return response;
        }
        catch (Exception error)
        {
            ticket.Failed(error);
            throw;
        }
    }
}

/// <summary>
/// The mark on one send of a create (one attempt of the facade's create pipeline), shared by every copy a handler makes
/// of the request, and the record of what happened to each send of it.
/// </summary>
internal sealed class CreateTicket
{
    public static readonly HttpRequestOptionsKey<CreateTicket> Key = new("QwenImageEdit.Create");

    private readonly object _gate = new();
    private TaskCompletionSource? _inFlight;
    private string? _mayBeTaken;
    private int? _mayBeTakenStatus;
    private Exception? _mayBeTakenError;

    /// <summary>How many times the request went past the guard: more than one means a handler above resent it.</summary>
    public int Sends { get; private set; }

    /// <summary>How many resends the guard refused.</summary>
    public int Refused { get; private set; }

    public async Task EnterAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task? wait;
            lock (_gate)
            {
                if (_mayBeTaken is not null)
                {
                    Refused++;
                    throw new CreateNotResentException(_mayBeTaken, _mayBeTakenStatus, _mayBeTakenError);
                }

                if (_inFlight is null)
                {
                    _inFlight = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    Sends++;
                    return;
                }

                wait = _inFlight.Task;
            }

            await wait.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public void Answered(int status)
        => Leave(Acceptance.IsRefusal(status) ? null : $"the vendor answered HTTP {status}", status, null);

    public void Failed(Exception error)
        => Leave(Acceptance.NeverDelivered(error) ? null : $"the send failed ({error.GetType().Name}: {error.Message})", null, error);

    private void Leave(string? mayBeTaken, int? status, Exception? error)
    {
        TaskCompletionSource inFlight;
        lock (_gate)
        {
            if (mayBeTaken is not null && _mayBeTaken is null)
            {
                (_mayBeTaken, _mayBeTakenStatus, _mayBeTakenError) = (mayBeTaken, status, error);
            }

            inFlight = _inFlight!;
            _inFlight = null;
        }

        inFlight.TrySetResult();
    }
}

/// <summary>
/// A handler in the caller's HttpClient tried to send a create again after a send the vendor may have taken; the guard
/// refused before writing anything. Deliberately neither an <see cref="HttpRequestException"/> nor a timeout, so the
/// standard resilience handlers do not take it for a transient failure and retry it.
/// </summary>
internal sealed class CreateNotResentException(string firstSend, int? firstStatus, Exception? firstError)
    : Exception($"A handler in the HttpClient sent the create again after {firstSend}; it was not sent, since the vendor may have taken the first.", firstError)
{
    /// <summary>The first send's HTTP status, when it was answered.</summary>
    public int? FirstStatus { get; } = firstStatus;
}
