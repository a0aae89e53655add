using System.Diagnostics;
using System.Text.RegularExpressions;

namespace QwenImageEdit.Tests.Production;

/// <summary>
/// samples/HostedTelemetry, run as a user runs it (no key: the fake EvoLink): the console exporter prints the edit's
/// spans, step by step, and the facade's metrics.
/// </summary>
public sealed class SampleTests
{
    [Fact]
    public async Task The_hosted_sample_prints_the_traces_and_metrics_of_one_edit()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(SampleAssembly());
        start.Environment.Remove("EVOLINK_API_KEY");

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var output = await stdout;
        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {await stderr}\n{output}");

        // Spans: MEAI's, the facade's edit and its steps, HttpClient's.
        foreach (var span in new[] { "generate_content qwen-image-edit", "upload_image", "create_task", "poll_task", "download_result" })
        {
            Assert.Matches(new Regex($@"Activity\.DisplayName:\s+{span}\s*$", RegexOptions.Multiline), output);
        }

        Assert.Contains("gen_ai.provider.name: evolink", output);
        Assert.Contains("System.Net.Http", output);

        // Metrics, flushed when the host is disposed.
        foreach (var instrument in new[] { QwenImageEditTelemetry.OperationDuration, QwenImageEditTelemetry.TimeToFirstResult, QwenImageEditTelemetry.Polls, QwenImageEditTelemetry.DownloadSize })
        {
            Assert.Contains($"Metric Name: {instrument}", output);
        }

        // And what the edit came to.
        Assert.Contains("EvoLink task ", output);
        Assert.Contains("usage: credits_reserved = 1 credit", output);
    }

    /// <summary>The sample's build beside this one: samples/HostedTelemetry/bin/{configuration}/{framework}/.</summary>
    private static string SampleAssembly()
    {
        var here = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
        var configuration = here.Parent!;
        var root = configuration.Parent!.Parent!.Parent!.Parent!;
        var path = Path.Combine(root.FullName, "samples", "HostedTelemetry", "bin", configuration.Name, here.Name, "HostedTelemetry.dll");
        Assert.True(File.Exists(path), $"The sample is not built at {path}.");
        return path;
    }
}
