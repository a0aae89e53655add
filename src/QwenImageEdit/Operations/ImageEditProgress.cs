using System;

namespace QwenImageEdit;

/// <summary>One report from <see cref="ImageEditOperation.WaitForCompletionAsync"/>: where the edit is.</summary>
/// <param name="Status">The unified status.</param>
/// <param name="RawStatus">The vendor's own word for it.</param>
/// <param name="PercentComplete">Percent complete, where the vendor reports it.</param>
/// <param name="Elapsed">Time since the wait began.</param>
public sealed record ImageEditProgress(ImageEditStatus Status, string? RawStatus, int? PercentComplete, TimeSpan Elapsed);
