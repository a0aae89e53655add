using System.Text;
using OpenApiGen.Runtime;
using QwenImageEdit.Testing;
using QwenImageEdit.Tests.Infrastructure;
using QwenImageEdit.Vendors;

namespace QwenImageEdit.Tests.Hostile;

/// <summary>
/// fal.ai's status stream, read as it arrives, against whoever answers in fal's place: an event past its limit (a typed
/// limit whose excerpt holds no secret), the key echoed in an event split across two reads, a connection that breaks
/// after each first event. Every case ends, and the edit still completes by polling where the stream gave out.
/// </summary>
public sealed class StatusStreamHostileTests
{
    [Fact]
    public async Task An_event_past_its_limit_is_a_typed_limit_with_a_safe_excerpt_and_polling_ends_the_edit()
    {
        await using var rig = await HostileRig.StartAsync(ImageEditVendor.Fal, FakeLifecycle.AfterPolls(2), o => o.Limits.MaxStatusEventBytes = 4096);
        var operation = await rig.Client.StartEditAsync(Cases.Request());
        rig.Proxy.OnAnswer = exchange => IsStream(exchange)
            ? Send(exchange, $"data: {{\"status\":\"IN_PROGRESS\",\"request_id\":\"{operation.Id}\",\"error\":\"key {HostileRig.Key} {new string('x', 16 * 1024)}")
            : Task.CompletedTask;

        // What the stream throws, read by the adapter itself (the operation falls back on it and says only its kind).
        var adapter = new FalAdapter(new VendorTransport(ImageEditVendor.Fal, rig.Http, rig.Options), rig.Options);
        var error = await Assert.ThrowsAsync<ImageEditLimitExceededException>(() => Drain(adapter.WatchAsync(operation.Id, operation.Model, CancellationToken.None)).WaitAsync(Bounds.Hang));

        Assert.Equal(nameof(ImageEditLimits.MaxStatusEventBytes), error.LimitName);
        Assert.Equal(4096, error.Limit);
        Assert.StartsWith("data: {\"status\":\"IN_PROGRESS\"", error.ResponseExcerpt, StringComparison.Ordinal);
        Assert.Contains("key " + SecretScrubber.Mask, error.ResponseExcerpt, StringComparison.Ordinal);
        rig.AssertNoSecret(error);

        var images = await operation.WaitForCompletionAsync().WaitAsync(Bounds.Hang);

        Assert.Single(images);
        Assert.Equal(2, rig.Fake.Requests.Count(IsStream));
        Assert.Contains(rig.Fake.Requests, IsStatusPoll);
        rig.AssertNoSecret(operation: operation);
    }

    [Fact]
    public async Task A_key_echoed_in_an_event_split_across_two_reads_is_in_no_string()
    {
        await using var rig = await HostileRig.StartAsync(ImageEditVendor.Fal, FakeLifecycle.AfterPolls(100));
        var operation = await rig.Client.StartEditAsync(Cases.Request());
        var key = HostileRig.Key;
        var split = key.Length / 2;

        // The key's halves arrive apart: neither read holds it, the event does.
        rig.Proxy.OnAnswer = exchange => IsStream(exchange)
            ? Send(exchange, $"data: {{\"status\":\"COMPLETED\",\"request_id\":\"{operation.Id}\",\"error\":\"refused: key {key[..split]}", $"{key[split..]} is not valid\",\"error_type\":\"internal_error\"}}\n\n")
            : Task.CompletedTask;

        var error = await Assert.ThrowsAsync<ImageEditFailedException>(() => operation.WaitForCompletionAsync().WaitAsync(Bounds.Hang));

        Assert.Equal(ImageEditStatus.Failed, operation.Status);
        Assert.Equal("refused: key " + SecretScrubber.Mask + " is not valid", error.Failure.Message);
        Assert.Single(rig.Fake.Requests, IsStream);
        rig.AssertNoSecret(error, operation);
    }

    [Fact]
    public async Task A_stream_that_breaks_after_each_first_event_is_opened_again_then_polling_ends_the_edit()
    {
        await using var rig = await HostileRig.StartAsync(ImageEditVendor.Fal, FakeLifecycle.AfterPolls(2));
        var operation = await rig.Client.StartEditAsync(Cases.Request());
        rig.Proxy.OnAnswer = async exchange =>
        {
            if (IsStream(exchange))
            {
                await Send(exchange, $"data: {{\"status\":\"IN_PROGRESS\",\"request_id\":\"{operation.Id}\"}}\n\n");
                exchange.Context.Abort();
            }
        };
        var reports = new List<ImageEditProgress>();

        var images = await operation.WaitForCompletionAsync(new Reports(reports)).WaitAsync(Bounds.Hang);

        // Each opening gave its status and broke: opened again, five times at most, then polled to the end.
        Assert.Single(images);
        Assert.Equal(5, rig.Fake.Requests.Count(IsStream));
        Assert.Contains(rig.Fake.Requests, IsStatusPoll);
        Assert.Contains(reports, static r => r.RawStatus == "IN_PROGRESS");
        rig.AssertNoSecret(operation: operation);
    }

    private static bool IsStream(Exchange exchange) => exchange.Request.Path.EndsWith("/status/stream", StringComparison.Ordinal);

    private static bool IsStream(RecordedRequest request) => request.Path.EndsWith("/status/stream", StringComparison.Ordinal);

    private static bool IsStatusPoll(RecordedRequest request) => request.Path.EndsWith("/status", StringComparison.Ordinal);

    /// <summary>An event stream in parts, each flushed and a moment apart so that each is its own read.</summary>
    private static async Task Send(Exchange exchange, params string[] parts)
    {
        exchange.Answered = true;
        exchange.Context.Response.ContentType = "text/event-stream";
        foreach (var part in parts)
        {
            await exchange.Context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(part));
            await exchange.Context.Response.Body.FlushAsync();
            await Task.Delay(100);
        }
    }

    private static async Task Drain(IAsyncEnumerable<VendorTaskState> states)
    {
        await foreach (var _ in states)
        {
        }
    }

    private sealed class Reports(List<ImageEditProgress> reports) : IProgress<ImageEditProgress>
    {
        public void Report(ImageEditProgress value) => reports.Add(value);
    }
}
