using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace QwenImageEdit.Vendors;

/// <summary>
/// What differs between vendors and cannot be a table: the shape of their requests and responses. An adapter turns
/// the facade's request into the generated client's model and the vendor's answers into <see cref="VendorTaskState"/>;
/// limits, states and error codes stay in <see cref="CapabilityTable"/>, <see cref="StatusMap"/> and <see cref="ErrorMap"/>.
/// </summary>
internal interface IVendorAdapter
{
    ImageEditVendor Vendor { get; }

    /// <summary>
    /// Adds every problem of the request as the vendor would take it to <paramref name="errors"/>, the generated
    /// model's <c>Validate()</c> included, before anything is uploaded or sent. Sends nothing.
    /// </summary>
    void Validate(ImageEditRequest request, ImageEditCapabilities capabilities, ICollection<ImageEditValidationError> errors);

    /// <summary>Sends the create, with the images' final URLs (uploaded ones included), and reads the vendor's answer.</summary>
    /// <exception cref="ImageEditValidationException">The request does not pass <see cref="Validate"/>; nothing was sent.</exception>
    Task<VendorTaskState> CreateAsync(ImageEditRequest request, ImageEditCapabilities capabilities, IReadOnlyList<Uri> imageUrls, CancellationToken cancellationToken);

    Task<VendorTaskState> GetAsync(string id, string model, CancellationToken cancellationToken);

    /// <summary>Makes local image bytes reachable by the vendor (its file API, or a data URI where it takes one) and returns their URL.</summary>
    Task<Uri> UploadAsync(ReadOnlyMemory<byte> bytes, string mediaType, string fileName, CancellationToken cancellationToken);

    /// <summary>Asks the vendor to stop the task and reads its state after; only where the capabilities say <see cref="ImageEditCapabilities.RemoteCancel"/>.</summary>
    Task<VendorTaskState> CancelAsync(string id, string model, CancellationToken cancellationToken);

    /// <summary>The task's states as the vendor streams them, the last one terminal; only where the capabilities say <see cref="ImageEditCapabilities.StatusStream"/>.</summary>
    IAsyncEnumerable<VendorTaskState> WatchAsync(string id, string model, CancellationToken cancellationToken);
}

/// <summary>
/// The adapters' common steps: validating a request and sending it are separate calls, built on one
/// <see cref="Build"/> each adapter writes, so what is checked is what is sent.
/// </summary>
internal abstract class VendorAdapter : IVendorAdapter
{
    public abstract ImageEditVendor Vendor { get; }

    /// <summary>
    /// The image URLs a request's check uses before its local images are uploaded: the given URL, or a placeholder of
    /// the same shape for a local image, whose real URL the upload decides later.
    /// </summary>
    public static IReadOnlyList<Uri> StandInUrls(ImageEditRequest request)
        => [.. (request.Images ?? []).Select(static (image, i) => image?.Url ?? new Uri($"https://upload.invalid/{i}"))];

    public void Validate(ImageEditRequest request, ImageEditCapabilities capabilities, ICollection<ImageEditValidationError> errors)
        => _ = Build(request, capabilities, StandInUrls(request), errors);

    public Task<VendorTaskState> CreateAsync(ImageEditRequest request, ImageEditCapabilities capabilities, IReadOnlyList<Uri> imageUrls, CancellationToken cancellationToken)
    {
        var errors = new List<ImageEditValidationError>();
        var send = Build(request, capabilities, imageUrls, errors);
        return errors.Count > 0 ? throw new ImageEditValidationException(Vendor, errors) : send(cancellationToken);
    }

    public abstract Task<VendorTaskState> GetAsync(string id, string model, CancellationToken cancellationToken);

    public abstract Task<Uri> UploadAsync(ReadOnlyMemory<byte> bytes, string mediaType, string fileName, CancellationToken cancellationToken);

    public virtual Task<VendorTaskState> CancelAsync(string id, string model, CancellationToken cancellationToken)
        => throw new NotSupportedException($"{Vendor} has no cancel.");

    public virtual IAsyncEnumerable<VendorTaskState> WatchAsync(string id, string model, CancellationToken cancellationToken)
        => throw new NotSupportedException($"{Vendor} streams no status.");

    /// <summary>
    /// Builds the vendor's create for these image URLs, adding every problem to <paramref name="errors"/> (the
    /// generated <c>Validate()</c> included), and returns what sends it. Sends nothing itself.
    /// </summary>
    protected abstract Func<CancellationToken, Task<VendorTaskState>> Build(ImageEditRequest request, ImageEditCapabilities capabilities, IReadOnlyList<Uri> imageUrls, ICollection<ImageEditValidationError> errors);
}
