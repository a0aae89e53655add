using QwenImageEdit.Tests.Infrastructure;

namespace QwenImageEdit.Tests.Unit;

/// <summary>Every option a vendor's model cannot honour fails before any request leaves the process.</summary>
public sealed class CapabilityTests
{
    private static readonly Uri Image = new("https://example.com/in.png");

    /// <summary>For each row of the table, each option it cannot take, as a request that asks for it.</summary>
    public static TheoryData<ImageEditVendor, string, string, string> Unsupported()
    {
        var data = new TheoryData<ImageEditVendor, string, string, string>();
        foreach (var c in ImageEditCapabilities.All)
        {
            data.Add(c.Vendor, c.Model, "Images", "too-many-images");
            data.Add(c.Vendor, c.Model, "Count", "count-above-max");
            data.Add(c.Vendor, c.Model, "Count", "count-zero");
            data.Add(c.Vendor, c.Model, "Prompt", "empty-prompt");
            if (c.MaxPromptLength is not null) data.Add(c.Vendor, c.Model, "Prompt", "prompt-too-long");
            if (c.MaxNegativePromptLength is null) data.Add(c.Vendor, c.Model, "NegativePrompt", "negative-prompt");
            else if (c.MaxNegativePromptLength < int.MaxValue) data.Add(c.Vendor, c.Model, "NegativePrompt", "negative-prompt-too-long");
            data.Add(c.Vendor, c.Model, "Seed", c.MaxSeed is null ? "seed" : "seed-negative");
            if (c.Size is null) data.Add(c.Vendor, c.Model, "Size", "size");
            else if (c.Size.MinSide is not null) data.Add(c.Vendor, c.Model, "Size", "size-too-small");
            data.Add(c.Vendor, c.Model, "OutputMediaType", "output-gif");
            if (!c.SafetyChecker) data.Add(c.Vendor, c.Model, "SafetyChecker", "safety-checker");
            data.Add(c.Vendor, c.Model, "CallbackUrl", "callback-http");
            data.Add(c.Vendor, c.Model, "CallbackUrl", "callback-private");
            data.Add(c.Vendor, c.Model, "VendorParameters[no_such_parameter]", "unknown-vendor-parameter");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Unsupported))]
    public async Task Unsupported_option_fails_before_any_request(ImageEditVendor vendor, string model, string option, string scenario)
    {
        var c = ImageEditCapabilities.For(vendor, model);
        var request = new ImageEditRequest { Prompt = "make it blue", Images = [ImageInput.FromUrl(Image)], Model = model };
        switch (scenario)
        {
            case "too-many-images": request.Images = Enumerable.Repeat(ImageInput.FromUrl(Image), c.MaxInputImages + 1).ToList(); break;
            case "count-above-max": request.Count = c.MaxCount + 1; break;
            case "count-zero": request.Count = 0; break;
            case "empty-prompt": request.Prompt = " "; break;
            case "prompt-too-long": request.Prompt = new string('a', c.MaxPromptLength!.Value + 1); break;
            case "negative-prompt": request.NegativePrompt = "blur"; break;
            case "negative-prompt-too-long": request.NegativePrompt = new string('a', c.MaxNegativePromptLength!.Value + 1); break;
            case "seed": request.Seed = 1; break;
            case "seed-negative": request.Seed = -1; break;
            case "size": request.Size = new ImageEditSize(1024, 1024); break;
            case "size-too-small": request.Size = new ImageEditSize(c.Size!.MinSide!.Value - 1, 1024); break;
            case "output-gif": request.OutputMediaType = "image/gif"; break;
            case "safety-checker": request.SafetyChecker = false; break;
            case "callback-http": request.CallbackUrl = new Uri("http://example.com/hook"); break;
            case "callback-private": request.CallbackUrl = new Uri("https://192.168.1.10/hook"); break;
            case "unknown-vendor-parameter": request.VendorParameters["no_such_parameter"] = 1; break;
            default: throw new ArgumentOutOfRangeException(nameof(scenario));
        }

        var handler = new CountingHandler();
        var client = new QwenImageEditClient(vendor, new HttpClient(handler), new QwenImageEditVendorOptions { ApiKey = "k" });

        var error = await Assert.ThrowsAsync<ImageEditValidationException>(() => client.StartEditAsync(request));

        Assert.Equal(0, handler.Count);
        Assert.Equal(ImageEditErrorKind.InvalidRequest, error.Kind);
        Assert.Equal(vendor, error.Vendor);
        Assert.Contains(error.Errors, e => e.Option == option);
        Assert.Contains(vendor.ToString(), error.Message);
    }

    [Fact]
    public async Task Size_with_several_images_fails_at_EvoLink_plus()
    {
        var handler = new CountingHandler();
        var client = new QwenImageEditClient(ImageEditVendor.EvoLink, new HttpClient(handler), new QwenImageEditVendorOptions { ApiKey = "k" });
        var request = new ImageEditRequest { Prompt = "p", Images = [ImageInput.FromUrl(Image)], Model = ImageEditModels.EvoLinkQwenImageEditPlus, Count = 2, Size = new ImageEditSize(1024, 1024) };

        var error = await Assert.ThrowsAsync<ImageEditValidationException>(() => client.StartEditAsync(request));

        Assert.Equal(0, handler.Count);
        Assert.Equal("Size", Assert.Single(error.Errors).Option);
    }

    [Fact]
    public async Task Local_image_of_a_type_the_vendor_refuses_fails_before_any_upload()
    {
        var handler = new CountingHandler();
        var client = new QwenImageEditClient(ImageEditVendor.Apikley, new HttpClient(handler), new QwenImageEditVendorOptions { ApiKey = "k" });
        var request = new ImageEditRequest { Prompt = "p", Images = [ImageInput.FromBytes(new byte[] { 1, 2, 3 }, "image/gif")] };

        var error = await Assert.ThrowsAsync<ImageEditValidationException>(() => client.StartEditAsync(request));

        Assert.Equal(0, handler.Count);
        Assert.Contains("image/gif", Assert.Single(error.Errors).Message);
    }

    [Fact]
    public async Task Local_image_over_the_vendor_limit_fails_before_any_upload()
    {
        var handler = new CountingHandler();
        var client = new QwenImageEditClient(ImageEditVendor.ModelsLab, new HttpClient(handler), new QwenImageEditVendorOptions { ApiKey = "k" });
        var request = new ImageEditRequest { Prompt = "p", Images = [ImageInput.FromBytes(new byte[(5 * 1024 * 1024) + 1], "image/png")] };

        var error = await Assert.ThrowsAsync<ImageEditValidationException>(() => client.StartEditAsync(request));

        Assert.Equal(0, handler.Count);
        Assert.Contains("5 MB", Assert.Single(error.Errors).Message);
    }

    [Fact]
    public void Unknown_model_names_the_vendor_models()
    {
        var error = Assert.Throws<ImageEditValidationException>(() => ImageEditCapabilities.For(ImageEditVendor.ModelsLab, "qwen-edit-9999"));

        Assert.Contains("qwen-edit-2509", error.Message);
        Assert.Contains("qwen-edit-2511", error.Message);
    }

    [Fact]
    public void Every_vendor_has_a_row_and_its_default_comes_first()
    {
        Assert.Equal(ImageEditModels.EvoLinkQwenImageEdit, ImageEditCapabilities.For(ImageEditVendor.EvoLink).Model);
        Assert.Equal(ImageEditModels.ModelsLabQwenEdit2509, ImageEditCapabilities.For(ImageEditVendor.ModelsLab).Model);
        Assert.Equal(ImageEditModels.ApikleyQwenImageEdit, ImageEditCapabilities.For(ImageEditVendor.Apikley).Model);
        Assert.Equal(ImageEditModels.FalQwenImageEdit, ImageEditCapabilities.For(ImageEditVendor.Fal).Model);
        Assert.Equal(ImageEditModels.ReplicateQwenImageEdit, ImageEditCapabilities.For(ImageEditVendor.Replicate).Model);
        Assert.Equal(ImageEditModels.DashScopeQwenImageEdit, ImageEditCapabilities.For(ImageEditVendor.DashScope).Model);
        Assert.Equal(Enum.GetValues<ImageEditVendor>(), ImageEditCapabilities.All.Select(static c => c.Vendor).Distinct());
        Assert.Equal(17, ImageEditCapabilities.All.Count);
    }
}
