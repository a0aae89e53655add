namespace QwenImageEdit.Tests.Unit;

/// <summary>What a result says about itself before anything is downloaded.</summary>
public sealed class ImageEditResultTests
{
    [Theory]
    [InlineData("https://cdn.example.com/out/a.png", "image/png", ".png")]
    [InlineData("https://cdn.example.com/out/a.JPEG?sig=x", "image/jpeg", ".jpg")]
    [InlineData("https://cdn.example.com/out/a.webp", "image/webp", ".webp")]
    [InlineData("https://cdn.example.com/out/a.tif", "image/tiff", ".tiff")]
    [InlineData("https://cdn.example.com/out/12345", "image/png", ".png")]
    public void Media_type_and_file_extension_come_from_the_url(string url, string mediaType, string extension)
    {
        var result = new ImageEditResult(ImageEditVendor.EvoLink, new Uri(url), expiresAt: null, ResultDownloader.For(new ResultDownloadOptions()));

        Assert.Equal(mediaType, result.MediaType);
        Assert.Equal(extension, result.FileExtension);
    }
}
