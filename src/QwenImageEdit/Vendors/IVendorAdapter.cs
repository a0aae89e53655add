using System;
using System.Collections.Generic;
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
    /// Builds the vendor's request, adding every problem to <paramref name="errors"/> (the generated <c>Validate()</c>
    /// included), and returns what sends it. Sends nothing itself.
    /// </summary>
    Func<CancellationToken, Task<VendorTaskState>> Prepare(ImageEditRequest request, ImageEditCapabilities capabilities, IReadOnlyList<Uri> imageUrls, ICollection<ImageEditValidationError> errors);

    Task<VendorTaskState> GetAsync(string id, string model, CancellationToken cancellationToken);

    /// <summary>Uploads local image bytes through the vendor's own file API and returns the URL the vendor can fetch.</summary>
    Task<Uri> UploadAsync(ReadOnlyMemory<byte> bytes, string mediaType, string fileName, CancellationToken cancellationToken);
}
