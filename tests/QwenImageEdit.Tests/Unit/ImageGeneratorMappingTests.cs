using Microsoft.Extensions.AI;

namespace QwenImageEdit.Tests.Unit;

/// <summary>How MEAI's request and options become the facade's request.</summary>
public sealed class ImageGeneratorMappingTests
{
    [Fact]
    public void Options_and_additional_properties_map_to_the_request()
    {
        var request = new ImageGenerationRequest("make it blue", [new UriContent(new Uri("https://example.com/a.png"), "image/png"), new DataContent(new byte[] { 1, 2 }, "image/jpeg")]);
        var options = new ImageGenerationOptions
        {
            Count = 2,
            ImageSize = new System.Drawing.Size(1024, 768),
            MediaType = "image/png",
            ModelId = ImageEditModels.EvoLinkQwenImageEditPlus,
            AdditionalProperties = new AdditionalPropertiesDictionary
            {
                [ImageEditOptionNames.NegativePrompt] = "blur",
                [ImageEditOptionNames.Seed] = 42,
                [ImageEditOptionNames.CallbackUrl] = "https://example.com/hook",
                ["watermark"] = true,
            },
        };

        var edit = QwenImageGenerator.ToEditRequest(request, options, ImageEditVendor.EvoLink);

        Assert.Equal("make it blue", edit.Prompt);
        Assert.Equal(new Uri("https://example.com/a.png"), edit.Images[0].Url);
        Assert.Equal("image/jpeg", edit.Images[1].MediaType);
        Assert.True(edit.Images[1].IsLocal);
        Assert.Equal(2, edit.Count);
        Assert.Equal(new ImageEditSize(1024, 768), edit.Size);
        Assert.Equal("image/png", edit.OutputMediaType);
        Assert.Equal(ImageEditModels.EvoLinkQwenImageEditPlus, edit.Model);
        Assert.Equal("blur", edit.NegativePrompt);
        Assert.Equal(42, edit.Seed);
        Assert.Equal(new Uri("https://example.com/hook"), edit.CallbackUrl);
        Assert.Equal(true, edit.VendorParameters["watermark"]);
    }

    [Fact]
    public void A_request_without_images_is_refused()
    {
        var error = Assert.Throws<ImageEditValidationException>(() => QwenImageGenerator.ToEditRequest(new ImageGenerationRequest("draw a cat"), null, ImageEditVendor.Apikley));

        Assert.Equal("OriginalImages", Assert.Single(error.Errors).Option);
    }

    [Fact]
    public void A_non_image_content_is_refused_by_position()
    {
        var request = new ImageGenerationRequest("p", [new TextContent("not an image")]);

        var error = Assert.Throws<ImageEditValidationException>(() => QwenImageGenerator.ToEditRequest(request, null, ImageEditVendor.Apikley));

        Assert.Equal("OriginalImages[0]", Assert.Single(error.Errors).Option);
    }

    [Fact]
    public void A_mistyped_known_property_is_refused_not_dropped()
    {
        var options = new ImageGenerationOptions { AdditionalProperties = new AdditionalPropertiesDictionary { [ImageEditOptionNames.Seed] = "forty-two" } };
        var request = new ImageGenerationRequest("p", [new UriContent(new Uri("https://example.com/a.png"), "image/png")]);

        var error = Assert.Throws<ImageEditValidationException>(() => QwenImageGenerator.ToEditRequest(request, options, ImageEditVendor.Apikley));

        Assert.Equal(ImageEditOptionNames.Seed, Assert.Single(error.Errors).Option);
    }
}
