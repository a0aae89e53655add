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

    public static readonly Uri InputImage = new("https://images.example.com/input.png");

    public static ImageEditRequest Request(string? model = null) => new() { Prompt = "make the sky purple", Images = [ImageInput.FromUrl(InputImage)], Model = model };

    public static bool IsPng(ReadOnlyMemory<byte> bytes) => bytes.Span.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
}
