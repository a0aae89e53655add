using System.Diagnostics;
using QwenImageEdit.Cli.Tests.Infrastructure;
using QwenImageEdit.Testing;

namespace QwenImageEdit.Cli.Tests;

/// <summary>
/// What qwen-edit does with image files that are not what they seem: nothing is opened that would wait (a FIFO) or
/// never end (a device), and nothing larger than the vendor takes is read. Each fails at once with exit 2.
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class ImageFileTests
{
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_fifo_fails_at_once_instead_of_waiting_for_a_writer()
    {
        using var folder = new TempFolder();
        var fifo = Path.Combine(folder.Path, "image.png");
        using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [fifo]) { UseShellExecute = false })!)
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var result = await QwenEdit.RunAsync(["edit", "--prompt", "x", "--image", fifo]).WaitAsync(Hang);

        Assert.Equal(ExitCodes.Error, result.ExitCode);
        Assert.Contains("not a regular file", result.SingleErrorLine(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_to_a_device_fails_at_once_instead_of_reading_without_end()
    {
        using var folder = new TempFolder();
        var link = Path.Combine(folder.Path, "zero.png");
        File.CreateSymbolicLink(link, "/dev/zero");

        var result = await QwenEdit.RunAsync(["edit", "--prompt", "x", "--image", link]).WaitAsync(Hang);

        Assert.Equal(ExitCodes.Error, result.ExitCode);
        Assert.Contains("not a regular file", result.SingleErrorLine(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_directory_fails_at_once()
    {
        using var folder = new TempFolder();
        var directory = Directory.CreateDirectory(Path.Combine(folder.Path, "photos.png")).FullName;

        var result = await QwenEdit.RunAsync(["edit", "--prompt", "x", "--image", directory]).WaitAsync(Hang);

        Assert.Equal(ExitCodes.Error, result.ExitCode);
        Assert.Contains("is a directory", result.SingleErrorLine(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("local", "qwen-edit reads images of at most 32 MB (EvoLink states no limit)")]
    [InlineData("apikley", "Apikley takes images of at most 10 MB")]
    public async Task A_huge_file_is_refused_by_its_size_without_being_read(string vendor, string limit)
    {
        using var folder = new TempFolder();
        var huge = Path.Combine(folder.Path, "huge.png");
        using (var file = File.Create(huge))
        {
            file.SetLength(1536L * 1024 * 1024); // sparse: 1.5 GB that take no disk
        }

        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var result = await QwenEdit.RunAsync(["edit", "--prompt", "x", "--image", huge, "--vendor", vendor], new Dictionary<string, string> { ["APIKLEY_API_KEY"] = "k" }).WaitAsync(Hang);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal(ExitCodes.Error, result.ExitCode);
        Assert.Contains($"has 1536 MB; {limit}", result.SingleErrorLine(), StringComparison.Ordinal);
        Assert.InRange(allocated, 0, 16L * 1024 * 1024);
    }

    [Fact]
    public async Task Ctrl_C_during_an_upload_exits_130()
    {
        const string Key = "cli-test-key";
        await using var evoLink = new FakeEvoLink(new FakeVendorOptions { ApiKey = Key });
        await evoLink.StartAsync();
        evoLink.Faults.Enqueue(FakeRoute.Upload, Fault.Delay(TimeSpan.FromMinutes(5)));
        using var cancellation = new CancellationTokenSource();

        var run = QwenEdit.RunAsync(["edit", "--prompt", "x", "--image", QwenEdit.Sample, "--vendor", "evolink"], new Dictionary<string, string> { ["EVOLINK_API_KEY"] = Key }, cancellation.Token, evoLink);
        while (!evoLink.Requests.Any(static r => r.Route == FakeRoute.Upload))
        {
            await Task.Delay(10);
        }

        await cancellation.CancelAsync();
        var result = await run.WaitAsync(Hang);

        Assert.Equal(ExitCodes.Cancelled, result.ExitCode);
        Assert.Equal("qwen-edit: cancelled.", result.ErrorLines[^1]);
        Assert.Empty(evoLink.Tasks);
    }
}

/// <summary>Tests that measure allocations: run alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCollection
{
    public const string Name = "Serial: measures allocations";
}
