using QwenImageEdit.Vendors;

namespace QwenImageEdit.Tests.Unit;

/// <summary>The status map and the size presets: data, read the way the facade reads them.</summary>
public sealed class MapTests
{
    [Theory]
    [InlineData(ImageEditVendor.EvoLink, "pending", ImageEditStatus.Queued)]
    [InlineData(ImageEditVendor.EvoLink, "processing", ImageEditStatus.Running)]
    [InlineData(ImageEditVendor.EvoLink, "completed", ImageEditStatus.Succeeded)]
    [InlineData(ImageEditVendor.EvoLink, "failed", ImageEditStatus.Failed)]
    [InlineData(ImageEditVendor.EvoLink, "cancelled", ImageEditStatus.Cancelled)]
    [InlineData(ImageEditVendor.ModelsLab, "processing", ImageEditStatus.Running)]
    [InlineData(ImageEditVendor.ModelsLab, "success", ImageEditStatus.Succeeded)]
    [InlineData(ImageEditVendor.ModelsLab, "error", ImageEditStatus.Failed)]
    [InlineData(ImageEditVendor.ModelsLab, "failed", ImageEditStatus.Failed)]
    [InlineData(ImageEditVendor.Apikley, "waiting", ImageEditStatus.Queued)]
    [InlineData(ImageEditVendor.Apikley, "queuing", ImageEditStatus.Queued)]
    [InlineData(ImageEditVendor.Apikley, "generating", ImageEditStatus.Running)]
    [InlineData(ImageEditVendor.Apikley, "success", ImageEditStatus.Succeeded)]
    [InlineData(ImageEditVendor.Apikley, "fail", ImageEditStatus.Failed)]
    [InlineData(ImageEditVendor.Apikley, "completed", ImageEditStatus.Unknown)]
    [InlineData(ImageEditVendor.EvoLink, "paused", ImageEditStatus.Unknown)]
    [InlineData(ImageEditVendor.EvoLink, null, ImageEditStatus.Unknown)]
    public void Vendor_states_map_to_one_status(ImageEditVendor vendor, string? raw, ImageEditStatus expected)
        => Assert.Equal(expected, StatusMap.Map(vendor, raw));

    [Theory]
    [InlineData(1920, 1080, "landscape_16_9")]
    [InlineData(1024, 768, "landscape_4_3")]
    [InlineData(768, 1024, "portrait_4_3")]
    [InlineData(1080, 1920, "portrait_16_9")]
    [InlineData(1024, 1024, "square_hd")]
    [InlineData(2048, 2048, "square_hd")]
    [InlineData(400, 400, "square")]
    public void A_size_becomes_the_closest_preset(int width, int height, string expected)
    {
        var presets = ImageEditCapabilities.For(ImageEditVendor.Apikley).Size!.Presets;

        Assert.Equal(expected, SizePresets.Closest(presets, new ImageEditSize(width, height)).Name);
    }

    [Theory]
    [InlineData("content_policy_violation", ImageEditErrorKind.ContentPolicy)]
    [InlineData("quota_exceeded", ImageEditErrorKind.InsufficientQuota)]
    [InlineData("401", ImageEditErrorKind.Authentication)]
    [InlineData("429", ImageEditErrorKind.RateLimited)]
    [InlineData("generation_timeout", ImageEditErrorKind.Timeout)]
    public void EvoLink_codes_map_to_kinds(string code, ImageEditErrorKind kind) => Assert.Equal(kind, ErrorMap.FromEvoLinkCode(code));

    [Theory]
    [InlineData(401, ImageEditErrorKind.Authentication)]
    [InlineData(402, ImageEditErrorKind.InsufficientQuota)]
    [InlineData(422, ImageEditErrorKind.InvalidRequest)]
    [InlineData(429, ImageEditErrorKind.RateLimited)]
    [InlineData(455, ImageEditErrorKind.VendorError)]
    [InlineData(599, ImageEditErrorKind.VendorError)]
    [InlineData(12345, ImageEditErrorKind.VendorError)]
    public void Apikley_codes_map_to_kinds(long code, ImageEditErrorKind kind) => Assert.Equal(kind, ErrorMap.FromApikleyCode(code));

    [Fact]
    public void Sizes_parse_and_print_as_WxH()
    {
        Assert.Equal(new ImageEditSize(1024, 768), ImageEditSize.Parse("1024x768"));
        Assert.Equal("1024x768", new ImageEditSize(1024, 768).ToString());
        Assert.False(ImageEditSize.TryParse("1024", out _));
        Assert.False(ImageEditSize.TryParse("0x5", out _));
        Assert.False(ImageEditSize.TryParse("-1x5", out _));
    }
}
