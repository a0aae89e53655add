using System.Net.ServerSentEvents;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using OpenApiGen.Runtime;
using QwenImageEdit.Tests.Infrastructure;
using QwenImageEdit.Vendors;

namespace QwenImageEdit.Tests.Runtime;

/// <summary>
/// The status stream's reader on its own, over streams that hand out what a server sent in the worst pieces: a byte a
/// read (every secret split across reads), the SSE format's three line ends, comments, a BOM, data on several lines;
/// and its bounds (an event, the stream, the silence between reads, on a fake clock).
/// </summary>
public sealed class ScrubbedEventStreamTests
{
    private const string Key = "sk-live+9f/3<a>b c";

    private static readonly SecretScrubber Scrubber = new([Key]);

    [Fact]
    public async Task A_key_split_across_every_read_is_removed_from_each_event_whole()
    {
        var escaped = JsonEncodedText.Encode(Key).Value;
        var sent = "\uFEFF: a comment\r\n"
                   + $"data: {{\"status\":\"IN_PROGRESS\",\"error\":\"key {escaped}\"}}\r\n\r\n"
                   + $"event: log\rdata: first line {Key}\rdata: second line\r\r"
                   + "data: {\"status\":\"COMPLETED\",\n"
                   + $"data: \"error\":\"\\u0073k-live+9f/3<a>b c\"}}\n\n"
                   + "retry: 10\nid: 7\n\n"
                   + "data: cut off by the end";

        var events = await ReadAllAsync(Stream(sent, bytesPerRead: 1));

        Assert.Equal(3, events.Count);
        Assert.Equal("""{"status":"IN_PROGRESS","error":"key ***"}""", events[0].Data);
        Assert.Equal("log", events[1].EventType);
        Assert.Equal("first line ***\nsecond line", events[1].Data);
        Assert.Equal("""{"status":"COMPLETED","error":"***"}""", events[2].Data);
        foreach (var e in events)
        {
            NoSecret.In(Key, e.Data, e.EventType);
        }
    }

    [Fact]
    public async Task Events_are_handed_on_as_they_arrive_not_when_the_stream_ends()
    {
        var inner = new PausingStream(Encoding.UTF8.GetBytes("data: one\n\n"));
        await using var events = SseParser.Create(Reader(inner)).EnumerateAsync().GetAsyncEnumerator();

        Assert.True(await events.MoveNextAsync().AsTask().WaitAsync(Bounds.Hang));
        Assert.Equal("one", events.Current.Data);
        Assert.False(inner.Ended);
    }

    [Fact]
    public async Task An_event_past_its_limit_is_refused_with_an_excerpt_that_holds_no_part_of_a_key_the_limit_cut()
    {
        // The key begins just before the limit, so the limit cuts it in two: the excerpt must not end in its first half.
        var limits = new ImageEditLimits { MaxStatusEventBytes = 600 };
        var prefix = "data: {\"error\":\"" + new string('a', 600 - 16 - 6 - Key.Length / 2);
        var sent = prefix + Key + new string('b', 100) + "\"}\n\n";

        var error = await Assert.ThrowsAsync<ImageEditLimitExceededException>(() => ReadAllAsync(Stream(sent, bytesPerRead: 7), limits));

        Assert.Equal(nameof(ImageEditLimits.MaxStatusEventBytes), error.LimitName);
        Assert.StartsWith("data: {\"error\":\"aaa", error.ResponseExcerpt, StringComparison.Ordinal);
        Assert.DoesNotContain(Key[..4], error.ResponseExcerpt, StringComparison.Ordinal);
        NoSecret.In(Key, error.Message, error.ToString());
    }

    [Fact]
    public async Task Endless_comment_lines_without_an_event_are_an_event_past_its_limit()
    {
        var sent = string.Concat(Enumerable.Repeat(": keep-alive\n", 10_000));

        var error = await Assert.ThrowsAsync<ImageEditLimitExceededException>(() => ReadAllAsync(Stream(sent, bytesPerRead: 4096), new ImageEditLimits { MaxStatusEventBytes = 1024 }));

        Assert.Equal(nameof(ImageEditLimits.MaxStatusEventBytes), error.LimitName);
    }

    [Fact]
    public async Task A_stream_past_its_total_limit_is_closed()
    {
        var sent = string.Concat(Enumerable.Repeat("data: {\"status\":\"IN_QUEUE\"}\n\n", 1_000));

        var error = await Assert.ThrowsAsync<ImageEditLimitExceededException>(() => ReadAllAsync(Stream(sent, bytesPerRead: 512), new ImageEditLimits { MaxStatusStreamBytes = 8 * 1024 }));

        Assert.Equal(nameof(ImageEditLimits.MaxStatusStreamBytes), error.LimitName);
        Assert.Equal(8 * 1024, error.Limit);
    }

    [Fact]
    public async Task A_stream_silent_for_the_idle_timeout_is_a_timeout_and_the_caller_cancelling_is_not()
    {
        var time = new FakeTimeProvider();
        var idle = TimeSpan.FromSeconds(30);
        var stalled = new ScrubbedEventStream(ImageEditVendor.Fal, new PausingStream([]), new NoOwner(), Scrubber, Key.Length, new ImageEditLimits(), idle, time);

        var read = stalled.ReadAsync(new byte[64]).AsTask();
        time.Advance(idle - TimeSpan.FromSeconds(1));
        Assert.False(read.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<ImageEditTimeoutException>(() => read.WaitAsync(Bounds.Hang));
        Assert.Contains("StatusStreamIdleTimeout", error.Message, StringComparison.Ordinal);

        using var cancel = new CancellationTokenSource();
        var cancelled = new ScrubbedEventStream(ImageEditVendor.Fal, new PausingStream([]), new NoOwner(), Scrubber, Key.Length, new ImageEditLimits(), idle, time).ReadAsync(new byte[64], cancel.Token).AsTask();
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(Bounds.Hang));
    }

    private static ScrubbedEventStream Reader(Stream inner, ImageEditLimits? limits = null)
        => new(ImageEditVendor.Fal, inner, new NoOwner(), Scrubber, Key.Length, limits ?? new ImageEditLimits(), TimeSpan.FromMinutes(1), TimeProvider.System);

    private static async Task<List<SseItem<string>>> ReadAllAsync(Stream inner, ImageEditLimits? limits = null)
    {
        var items = new List<SseItem<string>>();
        await foreach (var item in SseParser.Create(Reader(inner, limits)).EnumerateAsync())
        {
            items.Add(item);
        }

        return items;
    }

    private static Stream Stream(string text, int bytesPerRead) => new Trickle(Encoding.UTF8.GetBytes(text), bytesPerRead);

    /// <summary>Hands out its bytes a few at a time, as a slow connection does.</summary>
    private sealed class Trickle(byte[] bytes, int bytesPerRead) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            => base.ReadAsync(buffer[..Math.Min(buffer.Length, bytesPerRead)], cancellationToken);
    }

    /// <summary>Sends its bytes, then waits (a stream still open) until the read is cancelled.</summary>
    private sealed class PausingStream(byte[] first) : MemoryStream(first)
    {
        public bool Ended { get; private set; }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await base.ReadAsync(buffer, cancellationToken);
            if (read > 0)
            {
                return read;
            }

            await Task.Delay(Timeout.Infinite, cancellationToken);
            Ended = true;
            return 0;
        }
    }

    private sealed class NoOwner : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
