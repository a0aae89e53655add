namespace QwenImageEdit.Testing;

/// <summary>How a fake vendor behaves. Read when the fake needs each value, so a test may change them between requests.</summary>
public sealed class FakeVendorOptions
{
    /// <summary>The one API key the fake accepts; any other (or none) gets the vendor's authentication error.</summary>
    public string ApiKey { get; set; } = "test-key";

    /// <summary>How tasks move from queued to done. Default: done at the third status read.</summary>
    public FakeLifecycle Lifecycle { get; set; } = FakeLifecycle.AfterPolls(2);

    /// <summary>The clock for <see cref="FakeLifecycle.Timed"/> lifecycles, ETAs and timestamps, callback retry delays and <see cref="Fault.Delay"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Where callbacks go instead of the URL in the request. Requests must still carry a URL the vendor accepts (EvoLink:
    /// HTTPS, not an internal address), so this is how a test receives EvoLink callbacks on 127.0.0.1.
    /// </summary>
    public Uri? CallbackTarget { get; set; }

    /// <summary>The transport for callbacks (an in-memory handler, say); by default a real SocketsHttpHandler. Not disposed by the fake.</summary>
    public HttpMessageHandler? CallbackHandler { get; set; }

    /// <summary>
    /// The delays before each retry of a callback that got no 2xx answer; null for the vendor's own schedule
    /// (EvoLink 1, 2 and 4 s; ModelsLab and Apikley document no retries).
    /// </summary>
    public IReadOnlyList<TimeSpan>? CallbackRetryDelays { get; set; }

    /// <summary>ModelsLab: deliver each webhook twice, as its best-effort delivery may.</summary>
    public bool DuplicateWebhooks { get; set; }

    /// <summary>Apikley: sign callbacks with <c>X-Webhook-Timestamp</c> and <c>X-Webhook-Signature</c> = base64(HMAC-SHA256(taskId + "." + timestamp, key)).</summary>
    public string? WebhookSigningKey { get; set; }

    /// <summary>Apikley quirk of some copies of its API: <c>resultJson</c> as an object instead of JSON text.</summary>
    public bool ResultJsonAsObject { get; set; }

    /// <summary>Apikley quirk of some copies of its API: the envelope's message in <c>msg</c> instead of <c>message</c>.</summary>
    public bool UseMsgInsteadOfMessage { get; set; }

    /// <summary>
    /// ModelsLab quirk of its legacy errors: the message in <c>messege</c> instead of <c>message</c>, in the error answers of
    /// its routes (create, fetch, upload) and in failure reports (a failed task's answer, the webhook's failure payload).
    /// </summary>
    public bool UseMessegeSpelling { get; set; }

    /// <summary>The side, in pixels, of the square result PNGs the fake serves.</summary>
    public int ResultImageSize { get; set; } = 64;
}
