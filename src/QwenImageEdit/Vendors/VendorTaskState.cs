using System;
using System.Collections.Generic;

namespace QwenImageEdit.Vendors;

/// <summary>One reading of a task at a vendor, already in the facade's terms; what every adapter returns.</summary>
/// <param name="Id">The vendor's task id, as text (ModelsLab's integer ids included, conflict 2).</param>
/// <param name="RawStatus">The vendor's own word for the state.</param>
/// <param name="Status">The state in the facade's terms, from <see cref="StatusMap"/>.</param>
/// <param name="Progress">Percent complete, where the vendor reports it.</param>
/// <param name="Results">The result image URLs, once there are any.</param>
/// <param name="Failure">Why the task failed, when it did.</param>
/// <param name="EstimatedWait">How long the vendor expects the task to take from now, when it says.</param>
/// <param name="Raw">The vendor's response object, for <see cref="ImageEditOperation.RawRepresentation"/>.</param>
internal sealed record VendorTaskState(
    string Id,
    string? RawStatus,
    ImageEditStatus Status,
    int? Progress,
    IReadOnlyList<Uri> Results,
    ImageEditFailure? Failure,
    TimeSpan? EstimatedWait,
    object? Raw)
{
    /// <summary>How long the vendor keeps the results, when the request asked for a lifetime of its own (fal.ai's <c>expiration_duration_seconds</c>); null for the vendor's default.</summary>
    public TimeSpan? ResultLifetime { get; init; }

    /// <summary>Result images the vendor sent inside its answer (fal.ai's <c>sync_mode</c>), decoded; after <see cref="Results"/>.</summary>
    public IReadOnlyList<InlineImage> InlineResults { get; init; } = [];

    /// <summary>The vendor's id for the answer this state was read from, when it sent one (filled in by the step that read it).</summary>
    public string? RequestId { get; init; }

    /// <summary>What the answer said the edit used, by <see cref="VendorReports"/> (filled in by the step that read it).</summary>
    public IReadOnlyList<ImageEditUsage> Usage { get; init; } = [];
}
