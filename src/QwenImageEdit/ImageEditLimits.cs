namespace QwenImageEdit;

/// <summary>
/// How much the facade reads from a vendor (or whoever answers in its place) before it stops: every answer is read in
/// bounded memory, and one over a limit is an <see cref="ImageEditLimitExceededException"/> naming the limit.
/// </summary>
public sealed class ImageEditLimits
{
    /// <summary>The largest JSON answer to a create, a poll or an upload, in bytes (default 4 MiB; the vendors' answers are a few KB).</summary>
    public long MaxJsonResponseBytes { get; set; } = 4L * 1024 * 1024;

    /// <summary>The most of an error answer read, in bytes (default 64 KiB); the rest is not read, and its status still says what failed.</summary>
    public int MaxErrorResponseBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// The largest local image read for upload when the vendor states no limit of its own (EvoLink), in bytes (default
    /// 32 MiB). Where the vendor states one (<see cref="ImageEditCapabilities.MaxInputImageBytes"/>), that one holds.
    /// </summary>
    public long MaxInputImageBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>
    /// The largest event of a status stream (fal.ai's server-sent events), in bytes (default 64 KiB; a status is a few
    /// hundred bytes). An event that grows past it ends the stream with an <see cref="ImageEditLimitExceededException"/>
    /// (its excerpt the event's scrubbed start), and polling takes over.
    /// </summary>
    public int MaxStatusEventBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// The most read of one opening of a status stream, in bytes (default 4 MiB: hours of a task's statuses). Past it the
    /// stream is closed with an <see cref="ImageEditLimitExceededException"/>, and polling takes over.
    /// </summary>
    public long MaxStatusStreamBytes { get; set; } = 4L * 1024 * 1024;
}
