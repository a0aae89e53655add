using System.Text.Json.Nodes;
using QwenImageEdit.Vendors.DashScope.ImageEdit;
using QwenImageEdit.Vendors.Fal;
using QwenImageEdit.Vendors.Replicate;

namespace QwenImageEdit.Tests.Unit;

/// <summary>
/// The fal.ai, Replicate and DashScope rows of the capability table against the specs their clients are generated
/// from, as <see cref="CapabilityTableSpecTests"/> holds the others: a vendor changing a limit in its document fails here.
/// Where the table goes beyond a spec, specs/README.md records why (F11 and R9: three input images; D2: per-model limits).
/// </summary>
public sealed class NewVendorCapabilitySpecTests
{
    public static TheoryData<string, string> FalModels => new()
    {
        { ImageEditModels.FalQwenImageEdit, FalQwenImageEditOpenApiDocument.Json },
        { ImageEditModels.FalQwenImageEditPlus, FalQwenImageEditPlusOpenApiDocument.Json },
        { ImageEditModels.FalQwenImageEdit2509, FalQwenImageEdit2509OpenApiDocument.Json },
        { ImageEditModels.FalQwenImageEdit2511, FalQwenImageEdit2511OpenApiDocument.Json },
    };

    [Theory]
    [MemberData(nameof(FalModels))]
    public void Fal_rows_match_their_queue_documents(string model, string json)
    {
        var document = JsonNode.Parse(json)!;
        var input = document["paths"]!["/" + model]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>();
        var properties = document["components"]!["schemas"]![input.Split('/')[^1]]!["properties"]!;
        var row = ImageEditCapabilities.For(ImageEditVendor.Fal, model);

        Assert.Equal(properties["num_images"]!["maximum"]!.GetValue<int>(), row.MaxCount);
        Assert.Equal(Enum(properties["output_format"]!).Order(), row.OutputMediaTypes.Select(MediaTypes.ShortName).Order());
        Assert.Equal(properties["enable_safety_checker"] is not null, row.SafetyChecker);
        Assert.NotNull(properties["negative_prompt"]);
        Assert.NotNull(properties["seed"]);
        Assert.Equal(document["components"]!["schemas"]!["ImageSize"]!["properties"]!["width"]!["maximum"]!.GetValue<int>(), row.Size!.MaxSide);
        if (properties["image_url"] is { } one)
        {
            Assert.Equal("string", one["type"]!.GetValue<string>());
            Assert.Equal(1, row.MaxInputImages);
        }
        else
        {
            Assert.Equal("array", properties["image_urls"]!["type"]!.GetValue<string>());
            Assert.Null(properties["image_urls"]!["maxItems"]); // no limit published: three by the table (conflict F11)
            Assert.Equal(3, row.MaxInputImages);
        }

        // The queue documents a status stream and a cancel, and callbacks signed over their body.
        Assert.NotNull(document["paths"]!["/" + model + "/requests/{request_id}/status/stream"]);
        Assert.NotNull(document["paths"]!["/" + model + "/requests/{request_id}/cancel"]!["put"]);
        Assert.True(row is { StatusStream: true, RemoteCancel: true, Synchronous: false, Callbacks: true, SignedCallbacks: true });
    }

    [Theory]
    [InlineData(ImageEditModels.ReplicateQwenImageEdit, false)]
    [InlineData(ImageEditModels.ReplicateQwenImageEditPlus, true)]
    public void Replicate_rows_match_their_model_documents(string model, bool manyImages)
    {
        var json = manyImages ? ReplicateQwenImageEditPlusOpenApiDocument.Json : ReplicateQwenImageEditOpenApiDocument.Json;
        var schemas = JsonNode.Parse(json)!["components"]!["schemas"]!;
        var properties = schemas["Input"]!["properties"]!;
        var row = ImageEditCapabilities.For(ImageEditVendor.Replicate, model);

        Assert.Equal(Enum(schemas["output_format"]!).Select(static f => f == "jpg" ? "jpeg" : f).Order(), row.OutputMediaTypes.Select(MediaTypes.ShortName).Order());
        Assert.Equal(Enum(schemas["aspect_ratio"]!).Where(static r => r != "match_input_image").Order(), row.Size!.Presets.Select(static p => p.Name).Order());
        Assert.Equal(properties["disable_safety_checker"] is not null, row.SafetyChecker);
        Assert.NotNull(properties["seed"]);
        Assert.Null(properties["negative_prompt"]);
        Assert.Null(row.MaxNegativePromptLength);
        Assert.Null(properties["num_outputs"]);
        Assert.Equal(1, row.MaxCount);
        Assert.Equal(manyImages ? "array" : "string", properties["image"]!["type"]!.GetValue<string>());
        Assert.Equal(manyImages ? 3 : 1, row.MaxInputImages);
        Assert.True(row is { RemoteCancel: true, Synchronous: false, StatusStream: false, SignedCallbacks: true });
        Assert.Equal(TimeSpan.FromHours(1), row.ResultLifetime);
    }

    [Fact]
    public void DashScope_rows_match_its_document()
    {
        var schemas = JsonNode.Parse(DashScopeImageEditOpenApiDocument.Json)!["components"]!["schemas"]!;
        var parameters = schemas["Parameters"]!["properties"]!;
        var content = schemas["Message"]!["properties"]!["content"]!;
        var rows = ImageEditCapabilities.All.Where(static c => c.Vendor == ImageEditVendor.DashScope).ToList();

        Assert.Equal(Enum(schemas["GenerationRequest"]!["properties"]!["model"]!), rows.Select(static r => r.Model));
        Assert.All(rows, row =>
        {
            Assert.Equal(content["maxItems"]!.GetValue<int>() - 1, row.MaxInputImages); // the images and one text
            Assert.Equal(schemas["ContentItem"]!["properties"]!["text"]!["maxLength"]!.GetValue<int>(), row.MaxPromptLength);
            Assert.Equal(parameters["negative_prompt"]!["maxLength"]!.GetValue<int>(), row.MaxNegativePromptLength);
            Assert.Equal(parameters["seed"]!["maximum"]!.GetValue<long>(), row.MaxSeed);
            Assert.True(row is { Synchronous: true, RemoteCancel: false, Callbacks: false, StatusStream: false });
            Assert.Empty(row.OutputMediaTypes); // always PNG
        });

        // Conflict D2: n and size are the plus and max models' only; the schema states the widest limits.
        Assert.All(rows.Where(static r => r.Model != ImageEditModels.DashScopeQwenImageEdit), row =>
        {
            Assert.Equal(parameters["n"]!["maximum"]!.GetValue<int>(), row.MaxCount);
            Assert.Equal((512, 2048), (row.Size!.MinSide, row.Size.MaxSide));
        });
        var edit = ImageEditCapabilities.For(ImageEditVendor.DashScope);
        Assert.Equal((ImageEditModels.DashScopeQwenImageEdit, 1), (edit.Model, edit.MaxCount));
        Assert.Null(edit.Size);
    }

    private static string[] Enum(JsonNode node) => node["enum"]!.AsArray().Select(static v => (string)v!).ToArray();
}
