using System.Text.Json;
using QwenImageEdit.Cli.Tests.Infrastructure;

namespace QwenImageEdit.Cli.Tests;

/// <summary>
/// <c>qwen-edit edit</c> against the default vendor, local: the real HTTP lifecycle against the kit's fake EvoLink
/// (which, in this test process, also checks every request against EvoLink's spec).
/// </summary>
public sealed class EditCommandTests
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public async Task Saves_the_result_png_and_prints_its_path()
    {
        using var folder = new TempFolder();
        var result = await QwenEdit.RunAsync(["edit", "--prompt", "make the sky purple", "--image", QwenEdit.Sample, "--out", folder.Path]);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var path = Assert.Single(result.OutLines);
        Assert.StartsWith(folder.Path, path, StringComparison.Ordinal);
        Assert.True(File.ReadAllBytes(path).AsSpan().StartsWith(PngSignature), "not a PNG: " + path);

        // The progress went to stderr, one line per change: queued, then running (three polls), then done.
        string[] expected = [": queued", ": running 25%", ": running 50%", ": running 75%", ": succeeded 100%"];
        var seen = result.ErrorLines.Select(l => Array.FindIndex(expected, e => l.Contains(e, StringComparison.Ordinal))).Where(i => i >= 0).ToArray();
        Assert.True(seen.SequenceEqual(Enumerable.Range(0, expected.Length)), result.Error);
    }

    [Fact]
    public async Task Json_output_parses_and_names_the_saved_file()
    {
        using var folder = new TempFolder();
        var result = await QwenEdit.RunAsync(["edit", "--prompt", "make the sky purple", "--image", QwenEdit.Sample, "--out", folder.Path, "--json"]);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal(string.Empty, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal("local", root.GetProperty("vendor").GetString());
        Assert.Equal("qwen-image-edit", root.GetProperty("model").GetString());
        Assert.StartsWith("task-unified-", root.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal("succeeded", root.GetProperty("status").GetString());
        Assert.Equal(100, root.GetProperty("percent").GetInt32());
        var image = Assert.Single(root.GetProperty("images").EnumerateArray());
        Assert.Equal("image/png", image.GetProperty("mediaType").GetString());
        Assert.True(File.Exists(image.GetProperty("file").GetString()));
    }

    [Fact]
    public async Task No_wait_prints_the_operation_id_and_returns_at_once()
    {
        var result = await QwenEdit.RunAsync(["edit", "--prompt", "make the sky purple", "--image", QwenEdit.Sample, "--no-wait", "--json"]);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        Assert.StartsWith("task-unified-", json.RootElement.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal("queued", json.RootElement.GetProperty("status").GetString());
        Assert.Empty(json.RootElement.GetProperty("images").EnumerateArray());
    }

    [Fact]
    public async Task A_missing_key_is_one_line_and_exit_2()
    {
        var result = await QwenEdit.RunAsync(["edit", "--prompt", "x", "--image", QwenEdit.Sample, "--vendor", "evolink"], new Dictionary<string, string>());

        Assert.Equal(ExitCodes.Error, result.ExitCode);
        Assert.Contains("EVOLINK_API_KEY is not set", result.SingleErrorLine(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Out);
    }

    [Fact]
    public async Task A_missing_image_file_is_one_line_and_exit_2()
    {
        var result = await QwenEdit.RunAsync(["edit", "--prompt", "x", "--image", "no-such-image.png"]);

        Assert.Equal(ExitCodes.Error, result.ExitCode);
        Assert.Contains("There is no image file 'no-such-image.png'", result.SingleErrorLine(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_is_one_line_and_exit_2()
    {
        using var folder = new TempFolder();
        var notes = Path.Combine(folder.Path, "notes.txt");
        File.WriteAllText(notes, "not an image");
        var result = await QwenEdit.RunAsync(["edit", "--prompt", "x", "--image", notes]);

        Assert.Equal(ExitCodes.Error, result.ExitCode);
        Assert.Contains("'notes.txt' is not a known image type", result.SingleErrorLine(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_option_the_vendor_does_not_take_is_one_line_and_exit_2()
    {
        // EvoLink's qwen-image-edit makes exactly one image: the facade refuses before anything is sent.
        var result = await QwenEdit.RunAsync(["edit", "--prompt", "x", "--image", QwenEdit.Sample, "--count", "3"]);

        Assert.Equal(ExitCodes.Error, result.ExitCode);
        var line = result.SingleErrorLine();
        Assert.Contains("invalid for EvoLink", line, StringComparison.Ordinal);
        Assert.Contains("Count", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "edit", "--image", "a.png" }, "Option '--prompt' is required")]
    [InlineData(new[] { "edit", "--prompt", "x", "--image", "a.png", "--count", "three" }, "--count takes a whole number, not 'three'")]
    [InlineData(new[] { "edit", "--prompt", "x", "--image", "a.png", "--size", "big" }, "--size takes WxH such as 1024x768, not 'big'")]
    [InlineData(new[] { "edit", "--prompt", "x", "--image", "a.png", "--vendor", "openai" }, "Argument 'openai' not recognized")]
    [InlineData(new[] { "edit", "--prompt", "x", "--image", "a.png", "--vendor", "evolink-plus", "--model", "qwen-image-edit" }, "use --vendor evolink --model qwen-image-edit")]
    [InlineData(new string[0], "Required command was not provided")]
    public async Task Usage_errors_are_one_line_and_exit_2(string[] args, string message)
    {
        var result = await QwenEdit.RunAsync(args);

        Assert.Equal(ExitCodes.Error, result.ExitCode);
        Assert.Contains(message, result.SingleErrorLine(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_ends_with_exit_130_and_no_file()
    {
        using var folder = new TempFolder();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var result = await QwenEdit.RunAsync(["edit", "--prompt", "x", "--image", QwenEdit.Sample, "--out", folder.Path], cancellationToken: cancellation.Token, pace: QwenEdit.EndlessPace);

        Assert.Equal(ExitCodes.Cancelled, result.ExitCode);
        Assert.Equal("qwen-edit: cancelled.", result.ErrorLines[^1]);
        Assert.Empty(Directory.GetFiles(folder.Path));
    }
}
