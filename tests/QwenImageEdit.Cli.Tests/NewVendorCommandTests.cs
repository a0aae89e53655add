using Microsoft.Extensions.Time.Testing;
using System.Text.Json;
using QwenImageEdit.Cli.Tests.Infrastructure;
using QwenImageEdit.Testing;

namespace QwenImageEdit.Cli.Tests;

/// <summary>
/// <c>--vendor fal|replicate|dashscope</c> against the kit's fakes over loopback: keys from their variables, the
/// synchronous DashScope, and Ctrl+C asking the vendor to cancel where it can.
/// </summary>
public sealed class NewVendorCommandTests
{
    public static TheoryData<string, string, string?> Edits => new()
    {
        { "fal", "FAL_KEY", null },
        { "fal", "FAL_KEY", "fal-ai/qwen-image-edit-2511" },
        { "replicate", "REPLICATE_API_TOKEN", null },
        { "replicate", "REPLICATE_API_TOKEN", "qwen/qwen-image-edit-plus" },
        { "dashscope", "DASHSCOPE_API_KEY", null },
        { "dashscope", "DASHSCOPE_API_KEY", "qwen-image-edit-max" },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public async Task An_edit_saves_its_image(string vendor, string keyVariable, string? model)
    {
        await using var fake = Fake(vendor, FakeLifecycle.AfterPolls(2));
        await fake.StartAsync();
        using var folder = new TempFolder();
        string[] args = ["edit", "--vendor", vendor, "--prompt", "make the sky purple", "--image", QwenEdit.Sample, "--out", folder.Path, "--json", .. model is null ? Array.Empty<string>() : ["--model", model]];

        var result = await QwenEdit.RunAsync(args, new Dictionary<string, string> { [keyVariable] = fake.ApiKey }, vendor: fake);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("succeeded", json.RootElement.GetProperty("status").GetString());
        Assert.True(File.Exists(Assert.Single(json.RootElement.GetProperty("images").EnumerateArray()).GetProperty("file").GetString()));
        Assert.Equal(model ?? fake.Tasks.Single().Model, fake.Tasks.Single().Model);
        Assert.Empty(fake.Violations);
    }

    [Fact]
    public async Task DashScope_no_wait_says_the_edit_is_already_done_and_status_says_why_there_is_none()
    {
        await using var fake = Fake("dashscope", FakeLifecycle.Instant);
        await fake.StartAsync();
        var environment = new Dictionary<string, string> { ["DASHSCOPE_API_KEY"] = fake.ApiKey };

        var submitted = await QwenEdit.RunAsync(["edit", "--vendor", "dashscope", "--prompt", "x", "--image", QwenEdit.Sample, "--no-wait", "--json"], environment, vendor: fake);
        Assert.True(submitted.ExitCode == ExitCodes.Success, submitted.ToString());
        using var json = JsonDocument.Parse(submitted.Out);
        Assert.Equal("succeeded", json.RootElement.GetProperty("status").GetString());

        var status = await QwenEdit.RunAsync(["status", "dashscope", json.RootElement.GetProperty("id").GetString()!], environment, vendor: fake);
        Assert.Equal(ExitCodes.Error, status.ExitCode);
        Assert.Contains("synchronously", status.SingleErrorLine(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_DashScope_region_that_does_not_exist_is_one_line_and_exit_2()
    {
        var result = await QwenEdit.RunAsync(["edit", "--vendor", "dashscope", "--prompt", "x", "--image", QwenEdit.Sample], new Dictionary<string, string> { ["DASHSCOPE_API_KEY"] = "k", ["DASHSCOPE_REGION"] = "mars" });

        Assert.Equal(ExitCodes.Error, result.ExitCode);
        Assert.Contains("DASHSCOPE_REGION is 'mars': use singapore or beijing", result.SingleErrorLine(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fal", "FAL_KEY", "Fal")]
    [InlineData("replicate", "REPLICATE_API_TOKEN", "Replicate")]
    public async Task Ctrl_C_asks_the_vendor_to_cancel_and_says_it_did(string vendor, string keyVariable, string name)
    {
        await using var fake = Fake(vendor, FakeLifecycle.AfterPolls(1_000_000));
        await fake.StartAsync();
        using var folder = new TempFolder();
        using var cancellation = new CancellationTokenSource();
        var pollsSeen = Task.Run(async () =>
        {
            while (!fake.Requests.Any(static r => r.Route == FakeRoute.Poll))
            {
                await Task.Delay(10);
            }

            await cancellation.CancelAsync();
        });

        var result = await QwenEdit.RunAsync(["edit", "--vendor", vendor, "--prompt", "x", "--image", QwenEdit.Sample, "--out", folder.Path], new Dictionary<string, string> { [keyVariable] = fake.ApiKey }, cancellation.Token, vendor: fake);
        await pollsSeen;

        Assert.Equal(ExitCodes.Cancelled, result.ExitCode);
        Assert.Contains($"asked {name} to cancel", result.ErrorLines[^1], StringComparison.Ordinal);
        Assert.Contains("it is cancelled there", result.ErrorLines[^1], StringComparison.Ordinal);
        Assert.Equal(FakeTaskState.Cancelled, fake.Tasks.Single().State);
        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public async Task Ctrl_C_while_Replicate_holds_the_create_for_Prefer_wait_cancels_the_prediction_once_its_id_arrives()
    {
        // The prediction runs for an hour of a clock the test moves; Replicate holds the create's answer for up to 60 s.
        var time = new FakeTimeProvider();
        await using var fake = new FakeReplicate(new FakeVendorOptions { Lifecycle = FakeLifecycle.Timed(TimeSpan.Zero, TimeSpan.FromHours(1)), TimeProvider = time });
        await fake.StartAsync();
        using var cancellation = new CancellationTokenSource();
        var run = QwenEdit.RunAsync(["edit", "--vendor", "replicate", "--prompt", "x", "--image", QwenEdit.Sample], new Dictionary<string, string> { ["REPLICATE_API_TOKEN"] = fake.ApiKey }, cancellation.Token, vendor: fake);

        // Ctrl+C once the prediction exists and its create waits, then the wait runs out: the answer brings the id.
        using (var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            while (fake.Tasks.Count == 0)
            {
                await Task.Delay(10, bound.Token);
            }

            await cancellation.CancelAsync();
            while (!run.IsCompleted && !fake.Requests.Any(static r => r.Route == FakeRoute.Cancel))
            {
                time.Advance(TimeSpan.FromSeconds(20));
                await Task.Delay(50, bound.Token);
            }
        }

        var result = await run.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(ExitCodes.Cancelled, result.ExitCode);
        Assert.Contains(result.ErrorLines, static l => l.Contains("waiting for Replicate to answer the create", StringComparison.Ordinal));
        Assert.Contains("asked Replicate to cancel", result.ErrorLines[^1], StringComparison.Ordinal);
        Assert.Contains("it is cancelled there", result.ErrorLines[^1], StringComparison.Ordinal);
        Assert.Single(fake.Requests, static r => r.Route == FakeRoute.Cancel);
        Assert.Equal(FakeTaskState.Cancelled, fake.Tasks.Single().State);
    }

    [Fact]
    public async Task Ctrl_C_at_a_vendor_that_cannot_cancel_says_the_task_may_still_run()
    {
        await using var fake = new FakeEvoLink(new FakeVendorOptions { Lifecycle = FakeLifecycle.AfterPolls(1_000_000) });
        await fake.StartAsync();
        using var cancellation = new CancellationTokenSource();
        var pollsSeen = Task.Run(async () =>
        {
            while (!fake.Requests.Any(static r => r.Route == FakeRoute.Poll))
            {
                await Task.Delay(10);
            }

            await cancellation.CancelAsync();
        });

        var result = await QwenEdit.RunAsync(["edit", "--vendor", "evolink", "--prompt", "x", "--image", QwenEdit.Sample], new Dictionary<string, string> { ["EVOLINK_API_KEY"] = fake.ApiKey }, cancellation.Token, vendor: fake);
        await pollsSeen;

        Assert.Equal(ExitCodes.Cancelled, result.ExitCode);
        Assert.Contains("EvoLink cannot be asked to cancel", result.ErrorLines[^1], StringComparison.Ordinal);
        Assert.Contains("qwen-edit status evolink", result.ErrorLines[^1], StringComparison.Ordinal);
    }

    private static FakeVendor Fake(string vendor, FakeLifecycle lifecycle)
    {
        var options = new FakeVendorOptions { Lifecycle = lifecycle };
        return vendor switch
        {
            "fal" => new FakeFal(options),
            "replicate" => new FakeReplicate(options),
            "dashscope" => new FakeDashScope(options),
            _ => throw new ArgumentOutOfRangeException(nameof(vendor)),
        };
    }
}
