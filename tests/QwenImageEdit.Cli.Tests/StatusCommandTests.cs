using System.Text.Json;
using QwenImageEdit.Cli.Tests.Infrastructure;
using QwenImageEdit.Testing;

namespace QwenImageEdit.Cli.Tests;

/// <summary>
/// <c>edit --no-wait</c> then <c>status</c> for real vendors, each pointed at the kit's fake over loopback (the
/// addresses are the only difference from production): the id printed by one process resumed by the next.
/// </summary>
public sealed class StatusCommandTests
{
    public static TheoryData<string, string> Vendors => new()
    {
        { "evolink", "EVOLINK_API_KEY" },
        { "modelslab", "MODELSLAB_API_KEY" },
        { "apikley", "APIKLEY_API_KEY" },
        { "fal", "FAL_KEY" },
        { "replicate", "REPLICATE_API_TOKEN" },
    };

    [Theory]
    [MemberData(nameof(Vendors))]
    public async Task No_wait_then_status_then_status_wait_saves_the_images(string vendor, string keyVariable)
    {
        await using var fake = Fake(vendor, FakeLifecycle.AfterPolls(2));
        await fake.StartAsync();
        var environment = new Dictionary<string, string> { [keyVariable] = fake.ApiKey };
        using var folder = new TempFolder();

        var submitted = await QwenEdit.RunAsync(["edit", "--vendor", vendor, "--prompt", "make the sky purple", "--image", QwenEdit.Sample, "--no-wait"], environment, vendor: fake);
        Assert.True(submitted.ExitCode == ExitCodes.Success, submitted.ToString());
        var id = Assert.Single(submitted.OutLines);
        Assert.Contains($"qwen-edit status {vendor} {id} --wait", submitted.Error, StringComparison.Ordinal);

        var look = await QwenEdit.RunAsync(["status", vendor, id], environment, vendor: fake);
        Assert.True(look.ExitCode == ExitCodes.Success, look.ToString());
        Assert.StartsWith($"{id}: running", Assert.Single(look.OutLines), StringComparison.Ordinal);

        var waited = await QwenEdit.RunAsync(["status", vendor, id, "--wait", "--out", folder.Path, "--json"], environment, vendor: fake);
        Assert.True(waited.ExitCode == ExitCodes.Success, waited.ToString());
        using var json = JsonDocument.Parse(waited.Out);
        Assert.Equal("succeeded", json.RootElement.GetProperty("status").GetString());
        Assert.True(File.Exists(Assert.Single(json.RootElement.GetProperty("images").EnumerateArray()).GetProperty("file").GetString()));
        Assert.Empty(fake.Violations);
    }

    [Fact]
    public async Task A_failed_task_is_exit_1_with_the_vendors_reason()
    {
        await using var fake = Fake("evolink", FakeLifecycle.AfterPolls(1));
        await fake.StartAsync();
        fake.FailNextTask("content_policy_violation", "The prompt was refused.");
        var environment = new Dictionary<string, string> { ["EVOLINK_API_KEY"] = fake.ApiKey };

        var edit = await QwenEdit.RunAsync(["edit", "--vendor", "evolink", "--prompt", "x", "--image", QwenEdit.Sample, "--json"], environment, vendor: fake);

        Assert.Equal(ExitCodes.TaskFailed, edit.ExitCode);
        Assert.Contains("The prompt was refused.", edit.SingleErrorLine(), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(edit.Out);
        Assert.Equal("failed", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("ContentPolicy", json.RootElement.GetProperty("failure").GetProperty("kind").GetString());

        var id = json.RootElement.GetProperty("id").GetString()!;
        var status = await QwenEdit.RunAsync(["status", "evolink", id], environment, vendor: fake);
        Assert.Equal(ExitCodes.TaskFailed, status.ExitCode);
        Assert.StartsWith($"{id}: failed", Assert.Single(status.OutLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_key_is_the_vendors_refusal_on_one_line_and_exit_2()
    {
        await using var fake = Fake("apikley", FakeLifecycle.Instant);
        await fake.StartAsync();

        var result = await QwenEdit.RunAsync(["edit", "--vendor", "apikley", "--prompt", "x", "--image", QwenEdit.Sample], new Dictionary<string, string> { ["APIKLEY_API_KEY"] = "not-the-key" }, vendor: fake);

        Assert.Equal(ExitCodes.Error, result.ExitCode);
        Assert.DoesNotContain("not-the-key", result.SingleErrorLine(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_of_a_local_task_explains_why_it_cannot_be_followed()
    {
        var result = await QwenEdit.RunAsync(["status", "local", "task-unified-1"]);

        Assert.Equal(ExitCodes.Error, result.ExitCode);
        Assert.Contains("local tasks live only as long as", result.SingleErrorLine(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("modelslab", "MODELSLAB_API_KEY")]
    [InlineData("apikley", "APIKLEY_API_KEY")]
    [InlineData("evolink-plus", "EVOLINK_API_KEY")]
    public async Task Status_without_the_key_names_the_variable(string vendor, string variable)
    {
        var result = await QwenEdit.RunAsync(["status", vendor, "123"], new Dictionary<string, string>());

        Assert.Equal(ExitCodes.Error, result.ExitCode);
        Assert.Contains(variable + " is not set", result.SingleErrorLine(), StringComparison.Ordinal);
    }

    private static FakeVendor Fake(string vendor, FakeLifecycle lifecycle)
    {
        var options = new FakeVendorOptions { Lifecycle = lifecycle };
        return vendor switch
        {
            "evolink" => new FakeEvoLink(options),
            "modelslab" => new FakeModelsLab(options),
            "apikley" => new FakeApikley(options),
            "fal" => new FakeFal(options),
            "replicate" => new FakeReplicate(options),
            _ => throw new ArgumentOutOfRangeException(nameof(vendor)),
        };
    }
}
