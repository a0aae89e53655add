using System;
using System.Net.Http;
using System.Net.Sockets;

namespace QwenImageEdit.Vendors;

/// <summary>
/// The one rule every resend of a create obeys, whoever resends it (the facade's create pipeline, a resilience handler
/// in the caller's HttpClient, a fallback to another vendor): a create goes out again only when the vendor provably
/// did not take the one before. Everything that may follow an accepted task (a timeout, a reset, a 5xx, a redirect, an
/// answer that could not be read) means the task may exist: sending again could bill twice.
/// </summary>
internal static class Acceptance
{
    /// <summary>Whether a failed send provably never reached the server: the connection was refused.</summary>
    public static bool NeverDelivered(Exception error)
    {
        for (var inner = error; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
            {
                return true;
            }

            if (inner is not (HttpRequestException or System.IO.IOException))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Whether an HTTP status refuses a request before taking it: a 4xx, but 408 (which says nothing about what the server did).</summary>
    public static bool IsRefusal(int status) => status is >= 400 and < 500 and not 408;

    /// <summary>Whether a failed create proves the vendor did not take it.</summary>
    public static bool NotAccepted(ImageEditException error) => error switch
    {
        { ProvablyNotAccepted: true } or ImageEditConnectionRefusedException => true,

        // Never "not taken" (hardening): a create redirected elsewhere, or an answer too large to read, may be a task.
        ImageEditRedirectException or ImageEditLimitExceededException => false,
        { StatusCode: { } status } when IsRefusal(status) => true,

        // An error envelope in a 2xx (Apikley's body code, ModelsLab's status "error") that names a refusal.
        {
            StatusCode: >= 200 and < 300,
            Kind: ImageEditErrorKind.RateLimited or ImageEditErrorKind.Authentication or ImageEditErrorKind.InsufficientQuota
                or ImageEditErrorKind.InvalidRequest or ImageEditErrorKind.ContentPolicy,
        } => true,
        _ => false,
    };
}
