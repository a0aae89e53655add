using System.Text.Json.Nodes;
using QwenImageEdit.Vendors.Apikley;
using QwenImageEdit.Vendors.EvoLink;
using QwenImageEdit.Vendors.ModelsLab;

namespace QwenImageEdit.Tests.Unit;

/// <summary>
/// The capability table against the specs the clients are generated from: when a vendor changes a limit in its
/// document, this fails and names the row to update. The table may be stricter than a spec only where
/// <c>specs/README.md</c> records a conflict (EvoLink's 1000-character prompt).
/// </summary>
public sealed class CapabilityTableSpecTests
{
    private static JsonNode Schema(string json, string name) => JsonNode.Parse(json)!["components"]!["schemas"]![name]!;

    private static int Int(JsonNode? node) => node!.GetValue<int>();

    [Fact]
    public void EvoLink_plus_row_matches_its_spec()
    {
        var properties = Schema(EvoLinkQwenImageEditPlusOpenApiDocument.Json, "QwenImageEditPlusRequest")["properties"]!;
        var row = ImageEditCapabilities.For(ImageEditVendor.EvoLink, ImageEditModels.EvoLinkQwenImageEditPlus);

        Assert.Equal(Int(properties["image_urls"]!["maxItems"]), row.MaxInputImages);
        Assert.Equal(Int(properties["prompt"]!["maxLength"]), row.MaxPromptLength);
        Assert.Equal(Int(properties["n"]!["maximum"]), row.MaxCount);
        Assert.Equal(Int(properties["negative_prompt"]!["maxLength"]), row.MaxNegativePromptLength);
        Assert.Equal(properties["seed"]!["maximum"]!.GetValue<long>(), row.MaxSeed);
    }

    [Fact]
    public void EvoLink_edit_row_matches_its_spec_and_is_stricter_only_on_the_documented_conflict()
    {
        var properties = Schema(EvoLinkQwenImageEditOpenApiDocument.Json, "QwenImageEditRequest")["properties"]!;
        var row = ImageEditCapabilities.For(ImageEditVendor.EvoLink, ImageEditModels.EvoLinkQwenImageEdit);

        Assert.Equal(Int(properties["image_urls"]!["maxItems"]), row.MaxInputImages);
        Assert.Equal(2000, Int(properties["prompt"]!["maxLength"]));
        Assert.Equal(1000, row.MaxPromptLength); // conflict 1
        foreach (var absent in new[] { "n", "negative_prompt", "size", "seed" })
        {
            Assert.Null(properties[absent]);
        }
    }

    [Fact]
    public void ModelsLab_rows_match_their_spec()
    {
        var properties = Schema(ModelsLabQwenEditOpenApiDocument.Json, "QwenRequest")["properties"]!;
        var arrayCase = properties["init_image"]!["oneOf"]!.AsArray().Single(c => (string?)c!["type"] == "array")!;
        var models = properties["model_id"]!["enum"]!.AsArray().Select(v => (string)v!).ToArray();

        Assert.Equal(models, ImageEditCapabilities.All.Where(c => c.Vendor == ImageEditVendor.ModelsLab).Select(c => c.Model));
        Assert.All(ImageEditCapabilities.All.Where(c => c.Vendor == ImageEditVendor.ModelsLab), row =>
        {
            Assert.Equal(Int(arrayCase["maxItems"]), row.MaxInputImages);
            Assert.Equal(properties["safety_checker"] is not null, row.SafetyChecker);
            Assert.Null(properties["seed"]);
            Assert.Null(properties["negative_prompt"]);
        });
    }

    [Fact]
    public void Apikley_row_matches_its_spec()
    {
        var document = JsonNode.Parse(ApikleyQwenImageEditOpenApiDocument.Json)!;
        var body = document["paths"]!["/api/v1/jobs/createTask"]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!;
        var input = body["properties"]!["input"]!["properties"]!;
        var row = ImageEditCapabilities.For(ImageEditVendor.Apikley);
        static string[] Enum(JsonNode node) => node["enum"]!.AsArray().Select(v => (string)v!).ToArray();

        Assert.Equal(Int(input["prompt"]!["maxLength"]), row.MaxPromptLength);
        Assert.Equal(Int(input["negative_prompt"]!["maxLength"]), row.MaxNegativePromptLength);
        Assert.Equal(Enum(input["num_images"]!).Length, row.MaxCount);
        Assert.Equal(Enum(input["image_size"]!).Order(), row.Size!.Presets.Select(p => p.Name).Order());
        Assert.Equal(Enum(input["output_format"]!).Order(), row.OutputMediaTypes.Select(MediaTypes.ShortName).Order());
        Assert.Equal("string", (string?)input["image_url"]!["type"]); // one image
        Assert.Equal(1, row.MaxInputImages);
    }
}
