using System;
using System.Collections.Frozen;
using System.Collections.Generic;

namespace QwenImageEdit.Vendors;

/// <summary>Each vendor's task states, as data. Anything else is <see cref="ImageEditStatus.Unknown"/>, never an exception.</summary>
internal static class StatusMap
{
    private static readonly FrozenDictionary<(ImageEditVendor, string), ImageEditStatus> States = new Dictionary<(ImageEditVendor, string), ImageEditStatus>
    {
        // EvoLink: the documented enum, plus `cancelled` from the callback description (conflict 8).
        [(ImageEditVendor.EvoLink, "pending")] = ImageEditStatus.Queued,
        [(ImageEditVendor.EvoLink, "processing")] = ImageEditStatus.Running,
        [(ImageEditVendor.EvoLink, "completed")] = ImageEditStatus.Succeeded,
        [(ImageEditVendor.EvoLink, "failed")] = ImageEditStatus.Failed,
        [(ImageEditVendor.EvoLink, "cancelled")] = ImageEditStatus.Cancelled,

        // ModelsLab: the API says `error`, its webhook `failed` (conflict 7); it has no queued state of its own.
        [(ImageEditVendor.ModelsLab, "processing")] = ImageEditStatus.Running,
        [(ImageEditVendor.ModelsLab, "success")] = ImageEditStatus.Succeeded,
        [(ImageEditVendor.ModelsLab, "error")] = ImageEditStatus.Failed,
        [(ImageEditVendor.ModelsLab, "failed")] = ImageEditStatus.Failed,

        // Apikley (kie.ai's market API).
        [(ImageEditVendor.Apikley, "waiting")] = ImageEditStatus.Queued,
        [(ImageEditVendor.Apikley, "queuing")] = ImageEditStatus.Queued,
        [(ImageEditVendor.Apikley, "generating")] = ImageEditStatus.Running,
        [(ImageEditVendor.Apikley, "success")] = ImageEditStatus.Succeeded,
        [(ImageEditVendor.Apikley, "fail")] = ImageEditStatus.Failed,

        // fal.ai's queue: a failed or cancelled request is COMPLETED too, with `error` (conflict F2); the adapter tells.
        [(ImageEditVendor.Fal, "in_queue")] = ImageEditStatus.Queued,
        [(ImageEditVendor.Fal, "in_progress")] = ImageEditStatus.Running,
        [(ImageEditVendor.Fal, "completed")] = ImageEditStatus.Succeeded,

        // Replicate: `aborted` is a prediction its deadline ended before it started (conflict R7).
        [(ImageEditVendor.Replicate, "starting")] = ImageEditStatus.Queued,
        [(ImageEditVendor.Replicate, "processing")] = ImageEditStatus.Running,
        [(ImageEditVendor.Replicate, "succeeded")] = ImageEditStatus.Succeeded,
        [(ImageEditVendor.Replicate, "failed")] = ImageEditStatus.Failed,
        [(ImageEditVendor.Replicate, "canceled")] = ImageEditStatus.Cancelled,
        [(ImageEditVendor.Replicate, "aborted")] = ImageEditStatus.Cancelled,

        // DashScope answers the edit itself (conflict D4): its task states are those of its asynchronous APIs.
        [(ImageEditVendor.DashScope, "succeeded")] = ImageEditStatus.Succeeded,
        [(ImageEditVendor.DashScope, "failed")] = ImageEditStatus.Failed,
    }.ToFrozenDictionary();

    public static ImageEditStatus Map(ImageEditVendor vendor, string? raw)
        => raw is not null && States.TryGetValue((vendor, raw.ToLowerInvariant()), out var status) ? status : ImageEditStatus.Unknown;

    public static bool IsTerminal(this ImageEditStatus status)
        => status is ImageEditStatus.Succeeded or ImageEditStatus.Failed or ImageEditStatus.Cancelled;
}
