using System;

namespace QwenImageEdit;

/// <summary>How to reach one vendor: its key, addresses and the polling and retry policy.</summary>
public sealed class QwenImageEditVendorOptions
{
    /// <summary>The vendor's API key. Sent only to the vendor; never logged or put in an exception.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The API's address; null for the vendor's own (from its spec). Set it to point at a fake or a proxy.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The upload API's address; null for the vendor's own. ModelsLab uploads through <see cref="BaseAddress"/>.</summary>
    public Uri? FilesBaseAddress { get; set; }

    /// <summary>The model used when a request names none; null for the vendor's default.</summary>
    public string? DefaultModel { get; set; }

    /// <summary>
    /// The secret callbacks are signed with: Apikley's HMAC key, or Replicate's <c>whsec_</c> webhook secret (from
    /// <c>GET /v1/webhooks/default/secret</c>). When set, unsigned or badly signed callbacks are rejected.
    /// </summary>
    public string? WebhookSigningKey { get; set; }

    /// <summary>
    /// fal.ai: the key set its callbacks are verified with (<see cref="FalWebhookKeys.FromJson"/> to pin one); null to
    /// read fal.ai's published set through the vendor's HttpClient, cached. Ignored by the other vendors.
    /// </summary>
    public FalWebhookKeys? WebhookKeys { get; set; }

    /// <summary>
    /// DashScope's region, whose endpoint and API keys are its own (a key of one region is refused by the other):
    /// <see cref="DashScopeRegion.Singapore"/> (the default) or <see cref="DashScopeRegion.Beijing"/>. Ignored by the
    /// other vendors, and by DashScope when <see cref="BaseAddress"/> is set.
    /// </summary>
    public DashScopeRegion Region { get; set; } = DashScopeRegion.Singapore;

    /// <summary>
    /// How long a create may wait for the edit to end before answering (Replicate's <c>Prefer: wait</c>, at most 60 s):
    /// a quick edit then needs no polling, a slow one is polled as usual. Null or under a second: no waiting.
    /// </summary>
    public TimeSpan? SynchronousWait { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Replicate: a deadline for each prediction (its <c>Cancel-After</c>, at least 5 s): one still running then is
    /// cancelled there, and billed no further (<c>aborted</c> if it had not started). Null (the default) for none: a
    /// prediction started without waiting (and resumed later) is not cut short. Ignored by the other vendors.
    /// </summary>
    public TimeSpan? CancelAfter { get; set; }

    /// <summary>How status is polled.</summary>
    public ImageEditPollingOptions Polling { get; set; } = new();

    /// <summary>
    /// How many times a create is sent in all when the vendor provably did not take it (a 429 before acceptance, as an
    /// HTTP status or Apikley's body <c>code</c>; a refused connection). A create that may have been accepted is never
    /// sent again: that would bill twice.
    /// </summary>
    public int MaxCreateAttempts { get; set; } = 3;

    /// <summary>
    /// The longest <c>Retry-After</c> the facade waits out by itself: a create asked to wait longer gives the 429 to the
    /// caller, a poll waits this long at most (a server asking for years does not stall it).
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long one request to the vendor may take, from sending to the last byte of the answer (default 100 s); the
    /// HttpClient's <c>Timeout</c> holds when it is shorter. HttpClient's own stops at the headers; this covers the body.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// How long a status stream (fal.ai's) may send nothing before it is taken for stalled (default 60 s): it is closed
    /// with an <see cref="ImageEditTimeoutException"/>, and polling takes over. <see cref="RequestTimeout"/> holds until the
    /// stream's headers arrive; after them a stream that keeps sending lives as long as the task, within
    /// <see cref="ImageEditPollingOptions.Timeout"/> and <see cref="ImageEditLimits.MaxStatusStreamBytes"/>.
    /// </summary>
    public TimeSpan StatusStreamIdleTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How much of the vendor's answers is read, and of local images.</summary>
    public ImageEditLimits Limits { get; set; } = new();

    /// <summary>Where result images may be fetched from, how large they may be, and for how long.</summary>
    public ResultDownloadOptions Results { get; set; } = new();

    /// <summary>
    /// Takes callbacks at their word when their signature does not cover their body, or when they have none (EvoLink,
    /// ModelsLab and Apikley today): their status and image URLs are used without asking the vendor. Anyone who can
    /// reach your callback endpoint can then report an edit done, with images of their choosing. Off by default: such a
    /// callback only makes the operation confirm its state with the vendor.
    /// </summary>
    public bool TrustUnverifiedCallbacks { get; set; }
}
