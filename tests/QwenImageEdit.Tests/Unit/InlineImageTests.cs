using System.Text;
using QwenImageEdit.Vendors;

namespace QwenImageEdit.Tests.Unit;

/// <summary>
/// A result image sent inside the answer (fal.ai's <c>sync_mode</c> data URIs): taken only as a base64 PNG, JPEG or WebP
/// that is what it says, within <see cref="ResultDownloadOptions.MaxImageBytes"/>, and refused with a message that
/// quotes at most the URI's start.
/// </summary>
public sealed class InlineImageTests
{
    // A PNG's signature and the start of its header chunk: what the check reads.
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 16, 0, 0, 0, 16];

    [Fact]
    public void A_base64_png_is_decoded_to_its_bytes_whatever_the_case_of_its_header_or_the_line_breaks_in_its_base64()
    {
        var base64 = Convert.ToBase64String(Png);
        var wrapped = base64[..10] + "\r\n" + base64[10..];

        var image = InlineImage.Decode(ImageEditVendor.Fal, "DATA:Image/PNG;BASE64," + wrapped, 1024 * 1024, "result");

        Assert.Equal("image/png", image.MediaType);
        Assert.Equal(Png, image.Bytes.ToArray());
    }

    public static TheoryData<string, string> Hostile() => new()
    {
        { "data:text/html;base64," + B64("<script>alert(1)</script>"), "media type 'text/html'" },
        { "data:image/svg+xml;base64," + B64("<svg onload=alert(1)/>"), "media type 'image/svg+xml'" },
        { "data:;base64," + B64("x"), "media type ''" },
        { "data:image/png,%89PNG", "is not base64" },
        { "data:image/png;charset=utf-8;base64," + B64("x"), "is not base64" },
        { "data:image/png;base64,!!!not base64!!!", "not valid base64" },
        { "data:image/png;base64,", "not valid base64" },
        { "data:image/png;base64," + B64("<html>not a png</html>"), "says image/png, but its bytes are not one" },
        { "data:image/jpeg;base64," + Convert.ToBase64String(Png), "says image/jpeg, but its bytes are not one" },
        { "data:image/png" + new string(';', 200), "is not a data URI" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void A_data_uri_that_is_not_the_image_it_claims_is_a_vendor_error(string uri, string expected)
    {
        var error = Assert.Throws<ImageEditVendorException>(() => InlineImage.Decode(ImageEditVendor.Fal, uri, 1024 * 1024, "result"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length < 400, error.Message);
    }

    [Fact]
    public void An_inline_image_over_the_limit_is_refused_on_its_length_before_it_is_decoded()
    {
        var huge = "data:image/png;base64," + new string('A', 40 * 1024 * 1024);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.Throws<ImageEditLimitExceededException>(() => InlineImage.Decode(ImageEditVendor.Fal, huge, 1024 * 1024, "result"));

        Assert.Equal(nameof(ResultDownloadOptions.MaxImageBytes), error.LimitName);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1024 * 1024, "the refused image was decoded");
    }

    private static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
