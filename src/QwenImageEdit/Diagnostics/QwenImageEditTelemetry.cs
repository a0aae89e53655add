namespace QwenImageEdit;

/// <summary>
/// The names the facade's traces and metrics are published under, for OpenTelemetry's
/// <c>AddSource(QwenImageEditTelemetry.SourceName)</c> and <c>AddMeter(QwenImageEditTelemetry.MeterName)</c>.
/// </summary>
/// <remarks>
/// Spans follow the OpenTelemetry semantic conventions for generative AI (<c>gen_ai.*</c>): one
/// <c>generate_content {model}</c> span per edit, with a child span for each upload, create attempt, poll, opening of a
/// status stream (<c>watch_task</c>, an event per status it gave), cancel and download;
/// the HTTP spans below them are HttpClient's own (<c>System.Net.Http</c>). Metrics: <see cref="OperationDuration"/>,
/// <see cref="TimeToFirstResult"/>, <see cref="Polls"/>, <see cref="Failures"/> and <see cref="DownloadSize"/>. Nothing
/// carries a key, a prompt or an image.
/// </remarks>
public static class QwenImageEditTelemetry
{
    /// <summary>The <c>ActivitySource</c> of the facade's spans.</summary>
    public const string SourceName = "QwenImageEdit";

    /// <summary>The <c>Meter</c> of the facade's metrics (from the host's <c>IMeterFactory</c> when there is one).</summary>
    public const string MeterName = "QwenImageEdit";

    /// <summary>
    /// <c>gen_ai.client.operation.duration</c> (s): from the start of an edit to its end as this process sees it (the
    /// task succeeded, failed or was cancelled, or the edit failed before a task existed), with <c>error.type</c> when it
    /// did not succeed. An operation resumed by id has no start here, so it records none.
    /// </summary>
    public const string OperationDuration = "gen_ai.client.operation.duration";

    /// <summary>
    /// <c>qwen_image_edit.client.time_to_first_result</c> (s): from the start of an edit until its first result image
    /// was known (the vendor reported it done). Every vendor today delivers an edit's images at once, so this equals the
    /// duration of the edits that succeeded; failed edits are only in <see cref="OperationDuration"/>.
    /// </summary>
    public const string TimeToFirstResult = "qwen_image_edit.client.time_to_first_result";

    /// <summary>
    /// <c>qwen_image_edit.client.operation.polls</c> ({poll}): how many times an operation read its task, recorded when it
    /// ends: each poll sent (retries included), and each opening of a status stream (fal.ai), however many statuses it
    /// gave. Zero for an edit the create answered with its images (DashScope, a quick Replicate <c>Prefer: wait</c>).
    /// </summary>
    public const string Polls = "qwen_image_edit.client.operation.polls";

    /// <summary>
    /// <c>qwen_image_edit.client.failures</c> ({failure}): each failed step (<c>qwen_image_edit.step</c>: upload,
    /// create, poll, watch (a status stream that broke off; polling takes over), cancel, download; task, when the vendor
    /// failed or cancelled it; wait, when waiting gave up), by <c>error.type</c> (the <see cref="ImageEditErrorKind"/>:
    /// <c>rate_limited</c>, <c>content_policy</c>, ...). Attempts the facade retried count too. A caller's cancellation
    /// is not a failure, nor is a task that ended cancelled after the caller asked the vendor to cancel it.
    /// </summary>
    public const string Failures = "qwen_image_edit.client.failures";

    /// <summary><c>qwen_image_edit.client.download.size</c> (By): the bytes of each result image downloaded.</summary>
    public const string DownloadSize = "qwen_image_edit.client.download.size";
}
