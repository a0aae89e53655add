using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;
using QwenImageEdit.Testing;
using QwenImageEdit.Tests.Infrastructure;
using Xunit.Abstractions;

namespace QwenImageEdit.Tests.Hostile;

/// <summary>
/// Answers without end, or far too large: each stops at its limit with an exception naming it, having read no more
/// than the limit. Allocations are measured with nothing else running (<see cref="SerialCollection"/>).
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class LimitTests(ITestOutputHelper output)
{
    private const long Mebibyte = 1024 * 1024;

    [Theory]
    [MemberData(nameof(Cases.Vendors), MemberType = typeof(Cases))]
    public async Task An_endless_create_answer_stops_at_MaxJsonResponseBytes_and_is_not_sent_again(ImageEditVendor vendor)
    {
        await using var rig = await HostileRig.StartAsync(vendor);
        rig.Proxy.OnAnswer = exchange => exchange.Route == FakeRoute.Create ? Endless(exchange) : Task.CompletedTask;

        var (error, allocated, elapsed) = await Bounds.ThrowsAsync<ImageEditLimitExceededException>(() => rig.Client.StartEditAsync(Cases.Request()));

        Report(error, allocated, elapsed);
        Assert.Equal(nameof(ImageEditLimits.MaxJsonResponseBytes), error.LimitName);
        Assert.Equal(rig.Options.Limits.MaxJsonResponseBytes, error.Limit);
        Assert.Contains("MaxJsonResponseBytes", error.Message);
        Assert.InRange(allocated, 0, 8 * error.Limit);
        Assert.Equal(1, rig.Proxy.Count(FakeRoute.Create));
        rig.AssertNoSecret(error);
    }

    [Theory]
    [MemberData(nameof(Cases.PollingVendors), MemberType = typeof(Cases))]
    public async Task An_endless_poll_answer_stops_at_its_limit_and_is_not_polled_again(ImageEditVendor vendor)
    {
        await using var rig = await HostileRig.StartAsync(vendor, configure: o => o.Limits.MaxJsonResponseBytes = Mebibyte);
        var operation = await rig.Client.StartEditAsync(Cases.Request());
        rig.Proxy.OnAnswer = exchange => exchange.Route == FakeRoute.Poll ? Endless(exchange) : Task.CompletedTask;

        var (error, allocated, elapsed) = await Bounds.ThrowsAsync<ImageEditLimitExceededException>(() => operation.UpdateAsync());

        Report(error, allocated, elapsed);
        Assert.Equal(Mebibyte, error.Limit);
        Assert.InRange(allocated, 0, 8 * Mebibyte);
        Assert.Equal(1, rig.Proxy.Count(FakeRoute.Poll));
        rig.AssertNoSecret(error, operation);
    }

    [Fact]
    public async Task A_300_MB_answer_is_refused_by_its_length_before_it_is_read()
    {
        await using var rig = await HostileRig.StartAsync(ImageEditVendor.EvoLink);
        var operation = await rig.Client.StartEditAsync(Cases.Request());
        rig.Proxy.OnAnswer = async exchange =>
        {
            exchange.Answered = true;
            exchange.Context.Response.ContentType = "application/json";
            exchange.Context.Response.ContentLength = 300 * Mebibyte;
            await exchange.Context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes("""{"id":"task-unified-1","results":["""), exchange.Context.RequestAborted);
            await Task.Delay(Timeout.Infinite, exchange.Context.RequestAborted);
        };

        var (error, allocated, elapsed) = await Bounds.ThrowsAsync<ImageEditLimitExceededException>(() => operation.UpdateAsync());

        Report(error, allocated, elapsed);
        Assert.InRange(allocated, 0, 2 * Mebibyte);
    }

    [Theory]
    [MemberData(nameof(Cases.Vendors), MemberType = typeof(Cases))]
    public async Task An_endless_error_page_is_cut_at_MaxErrorResponseBytes_and_keeps_its_status(ImageEditVendor vendor)
    {
        await using var rig = await HostileRig.StartAsync(vendor);
        rig.Proxy.OnAnswer = async exchange =>
        {
            exchange.Answered = true;
            exchange.Context.Response.StatusCode = 503;
            exchange.Context.Response.ContentType = "text/html";
            var chunk = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<p>overloaded " + HostileRig.Key + "</p>", 1000)));
            while (!exchange.Context.RequestAborted.IsCancellationRequested)
            {
                await exchange.Context.Response.Body.WriteAsync(chunk, exchange.Context.RequestAborted);
            }
        };

        var (error, allocated, elapsed) = await Bounds.ThrowsAsync<ImageEditVendorException>(() => rig.Client.StartEditAsync(Cases.Request()));

        Report(error, allocated, elapsed);
        Assert.Equal(503, error.StatusCode);
        Assert.Contains("overloaded", error.ResponseExcerpt);
        Assert.InRange(allocated, 0, 4 * Mebibyte);
        Assert.Equal(1, rig.Proxy.Count(FakeRoute.Create));
        rig.AssertNoSecret(error);
    }

    public static TheoryData<string> Reads() => ["ReadAsync", "SaveAsync(file)", "IImageGenerator Data"];

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task A_result_image_without_end_stops_at_MaxImageBytes(string read)
    {
        using var folder = new TempDirectory();
        await using var rig = await HostileRig.StartAsync(ImageEditVendor.Apikley, FakeLifecycle.Instant, o => o.Results.MaxImageBytes = 2 * Mebibyte);
        rig.Proxy.OnAnswer = exchange => exchange.Route == FakeRoute.Result ? EndlessBytes(exchange) : Task.CompletedTask;
        var path = Path.Combine(folder.Path, "result.png");

        var (error, allocated, elapsed) = await Bounds.ThrowsAsync<ImageEditLimitExceededException>(async () =>
        {
            switch (read)
            {
                case "ReadAsync":
                    await (await rig.Client.EditAsync(Cases.Request()))[0].ReadAsync();
                    break;
                case "SaveAsync(file)":
                    await (await rig.Client.EditAsync(Cases.Request()))[0].SaveAsync(path);
                    break;
                default:
                    await new QwenImageGenerator(rig.Client).GenerateAsync(
                        new ImageGenerationRequest("make the sky purple", [new UriContent(Cases.InputImage, "image/png")]),
                        new ImageGenerationOptions { ResponseFormat = ImageGenerationResponseFormat.Data });
                    break;
            }
        });

        Report(error, allocated, elapsed);
        Assert.Equal(nameof(ResultDownloadOptions.MaxImageBytes), error.LimitName);
        Assert.InRange(allocated, 0, 16 * Mebibyte);
        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public async Task A_callback_body_without_end_is_refused_at_MaxBodyBytes()
    {
        var parser = new ImageEditCallbackParser { MaxBodyBytes = 64 * 1024 };

        var (error, allocated, elapsed) = await Bounds.ThrowsAsync<ImageEditCallbackException>(() => parser.ParseAsync(ImageEditVendor.EvoLink, new EndlessStream()));

        Report(error, allocated, elapsed);
        Assert.Contains("MaxBodyBytes", error.Message);
        Assert.InRange(allocated, 0, Mebibyte);
    }

    [Fact]
    public void A_callback_body_over_the_limit_is_refused_before_it_is_read()
    {
        var parser = new ImageEditCallbackParser();
        var body = new byte[parser.MaxBodyBytes + 1];

        var error = Assert.Throws<ImageEditCallbackException>(() => parser.Parse(ImageEditVendor.ModelsLab, body));

        Assert.Contains($"{parser.MaxBodyBytes} bytes", error.Message);
    }

    private void Report(Exception error, long allocated, TimeSpan elapsed)
        => output.WriteLine($"{error.GetType().Name} after {elapsed.TotalMilliseconds:0} ms, {allocated / (double)Mebibyte:0.0} MiB allocated: {error.Message}");

    private static async Task Endless(Exchange exchange)
    {
        exchange.Answered = true;
        await HostileServer.EndlessJson(exchange.Context);
    }

    private static async Task EndlessBytes(Exchange exchange)
    {
        exchange.Answered = true;
        exchange.Context.Response.ContentType = "image/png";
        var chunk = new byte[64 * 1024];
        while (!exchange.Context.RequestAborted.IsCancellationRequested)
        {
            await exchange.Context.Response.Body.WriteAsync(chunk, exchange.Context.RequestAborted);
        }
    }

    /// <summary>A request body that never ends.</summary>
    private sealed class EndlessStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill((byte)' ');
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

/// <summary>A folder for one test's files, removed afterwards.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "qwen-hostile", Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
