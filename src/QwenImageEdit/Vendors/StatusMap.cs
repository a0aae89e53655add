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
    }.ToFrozenDictionary();

    public static ImageEditStatus Map(ImageEditVendor vendor, string? raw)
        => raw is not null && States.TryGetValue((vendor, raw.ToLowerInvariant()), out var status) ? status : ImageEditStatus.Unknown;

    public static bool IsTerminal(this ImageEditStatus status)
        => status is ImageEditStatus.Succeeded or ImageEditStatus.Failed or ImageEditStatus.Cancelled;
}
