namespace QwenImageEdit.Tests.Infrastructure;

/// <summary>Every vendor and model, for theories that must hold for all of them.</summary>
public static class Cases
{
    public static TheoryData<ImageEditVendor, string> VendorModels()
    {
        var data = new TheoryData<ImageEditVendor, string>();
        foreach (var c in ImageEditCapabilities.All)
        {
            data.Add(c.Vendor, c.Model);
        }

        return data;
    }

    public static TheoryData<ImageEditVendor> Vendors() => new(Enum.GetValues<ImageEditVendor>());

    /// <summary>Vendors with a task to read after the create (all but the synchronous DashScope).</summary>
    public static TheoryData<ImageEditVendor> PollingVendors() => Where(static c => !c.Synchronous);

    /// <summary>Vendors whose status is read by polling (not DashScope, which answers at once, nor fal.ai, which streams it).</summary>
    public static TheoryData<ImageEditVendor> PolledVendors() => Where(static c => !c.Synchronous && !c.StatusStream);

    /// <summary>Vendors that take local images through a file API (the others take them inline, as data URIs).</summary>
    public static TheoryData<ImageEditVendor> UploadingVendors() => Where(static c => !c.LocalImagesInline);

    /// <summary>Vendors that can cancel a task at the vendor.</summary>
    public static TheoryData<ImageEditVendor> VendorsWithRemoteCancel() => Where(static c => c.RemoteCancel);

    /// <summary>Vendors that call back when a task ends.</summary>
    public static TheoryData<ImageEditVendor> CallbackVendors() => Where(static c => c.Callbacks);

    /// <summary>
    /// The reads one status check takes: fal.ai answers a finished request's status without its images, which a second
    /// read (the result) gives; every other vendor's status carries them.
    /// </summary>
    public static int ReadsToConfirm(ImageEditVendor vendor) => vendor == ImageEditVendor.Fal ? 2 : 1;

    /// <summary>
    /// The member of an answer's body that holds the vendor's request id, where its spec documents one: DashScope's
    /// <c>request_id</c>, in every success and error body (specs/dashscope). The other vendors document none.
    /// </summary>
    public static string? RequestIdMember(ImageEditVendor vendor) => vendor == ImageEditVendor.DashScope ? "request_id" : null;

    private static TheoryData<ImageEditVendor> Where(Func<ImageEditCapabilities, bool> filter)
        => new(Enum.GetValues<ImageEditVendor>().Where(v => filter(ImageEditCapabilities.For(v))));

    public static readonly Uri InputImage = new("https://images.example.com/input.png");

    public static ImageEditRequest Request(string? model = null) => new() { Prompt = "make the sky purple", Images = [ImageInput.FromUrl(InputImage)], Model = model };

    public static bool IsPng(ReadOnlyMemory<byte> bytes) => bytes.Span.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
}
