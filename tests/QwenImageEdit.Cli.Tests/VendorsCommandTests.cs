using System.Text.Json;
using QwenImageEdit.Cli.Tests.Infrastructure;

namespace QwenImageEdit.Cli.Tests;

/// <summary><c>qwen-edit vendors</c>: the capability table as a table and as JSON, and every row reachable by <c>--vendor</c>.</summary>
public sealed class VendorsCommandTests
{
    [Fact]
    public async Task Vendors_prints_every_model_of_the_capability_table()
    {
        var result = await QwenEdit.RunAsync(["vendors"]);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        foreach (var row in ImageEditCapabilities.All)
        {
            Assert.Contains(row.Vendor.ToString(), result.Out, StringComparison.Ordinal);
        }

        foreach (var name in VendorChoice.Names)
        {
            Assert.Contains(name, result.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Vendors_json_parses_and_holds_every_row()
    {
        var result = await QwenEdit.RunAsync(["vendors", "--json"]);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var models = json.RootElement.GetProperty("models").EnumerateArray().ToArray();
        Assert.Equal(ImageEditCapabilities.All.Select(static r => r.Model), models.Select(static m => m.GetProperty("model").GetString()));
        Assert.Equal(VendorChoice.Names, json.RootElement.GetProperty("vendors").EnumerateArray().Select(static v => v.GetProperty("name").GetString()));

        // Model names repeat across vendors (EvoLink's and DashScope's qwen-image-edit-plus): a row is its vendor and model.
        var plus = models.Single(static m => m.GetProperty("vendor").GetString() == "EvoLink" && m.GetProperty("model").GetString() == ImageEditModels.EvoLinkQwenImageEditPlus);
        Assert.Equal("evolink-plus", plus.GetProperty("vendorOption").GetString());
        Assert.Equal(6, plus.GetProperty("maxCount").GetInt32());
        var dashScope = models.Single(static m => m.GetProperty("vendor").GetString() == "DashScope" && m.GetProperty("model").GetString() == ImageEditModels.DashScopeQwenImageEditPlus);
        Assert.Equal("dashscope --model qwen-image-edit-plus", dashScope.GetProperty("vendorOption").GetString());
        Assert.True(dashScope.GetProperty("synchronous").GetBoolean());
        Assert.False(dashScope.GetProperty("remoteCancel").GetBoolean());
        var fal = models.First(static m => m.GetProperty("vendor").GetString() == "Fal");
        Assert.True(fal.GetProperty("statusStream").GetBoolean());
        Assert.True(fal.GetProperty("remoteCancel").GetBoolean());
    }

    [Fact]
    public void Every_capability_row_is_reachable_from_the_command_line()
    {
        foreach (var row in ImageEditCapabilities.All)
        {
            var words = VendorChoice.CommandFor(row).Split(' ');
            var choice = VendorChoice.Find(words[0]);
            var model = choice.ResolveModel(words.Length == 3 ? words[2] : null);
            Assert.Equal(row, ImageEditCapabilities.For(choice.Vendor, model));
        }
    }
}
