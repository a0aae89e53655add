using System;
using System.Collections.Generic;
using QwenImageEdit.Vendors;

namespace QwenImageEdit;

/// <summary>
/// A vendor's callback, read into the same terms as <see cref="ImageEditOperation"/>. Unless <see cref="IsBodyVerified"/>,
/// it is a claim by whoever reached the endpoint, not the vendor's word: its status, images and failure are a hint,
/// and <see cref="QwenImageEditClient.GetOperationAsync(ImageEditCallback, string?, System.Threading.CancellationToken)"/>
/// confirms them with the vendor.
/// </summary>
public sealed class ImageEditCallback
{
    internal ImageEditCallback(ImageEditVendor vendor, VendorTaskState state, bool isDuplicate, bool isSignatureVerified, bool isBodyVerified)
    {
        Vendor = vendor;
        State = state;
        IsDuplicate = isDuplicate;
        IsSignatureVerified = isSignatureVerified;
        IsBodyVerified = isBodyVerified;
    }

    /// <summary>The vendor that sent it.</summary>
    public ImageEditVendor Vendor { get; }

    /// <summary>The task it reports on: resume it with <see cref="QwenImageEditClient.ResumeOperation(ImageEditCallback, string?)"/>.</summary>
    public string OperationId => State.Id;

    /// <summary>The unified status.</summary>
    public ImageEditStatus Status => State.Status;

    /// <summary>The vendor's own word for it.</summary>
    public string? RawStatus => State.RawStatus;

    /// <summary>The result image URLs, when it succeeded.</summary>
    public IReadOnlyList<Uri> ResultUrls => State.Results;

    /// <summary>Why it failed, when it did.</summary>
    public ImageEditFailure? Failure => State.Failure;

    /// <summary>
    /// Whether this parser has already seen the same report (ModelsLab may deliver twice; EvoLink retries). Answer
    /// it with 2xx as usual, and do not act on it again.
    /// </summary>
    public bool IsDuplicate { get; }

    /// <summary>Whether a signature was checked and matched (Apikley with a signing key); false when there was none to check.</summary>
    public bool IsSignatureVerified { get; }

    /// <summary>
    /// Whether the signature checked covers the whole body, so its status and images are the vendor's. False for every
    /// unsigned callback, and for Apikley's, whose signature covers only the task id and the time: a captured signature
    /// with another body (other images, success turned to failure) still matches it.
    /// </summary>
    public bool IsBodyVerified { get; }

    /// <summary>The body as the generated model read it.</summary>
    public object? RawRepresentation => State.Raw;

    internal VendorTaskState State { get; }
}
