using System.ComponentModel;

namespace OpenApiGen.Runtime;

/// <summary>The start of a body, read in bounded memory, and whether there was more than was read.</summary>
/// <param name="Bytes">What was read, at most the limit asked for.</param>
/// <param name="IsCut">Whether the body went on past the limit (the rest was not read).</param>
/// <param name="IsLate">Whether the deadline ended the read before the body did.</param>
public readonly record struct BoundedBody(ReadOnlyMemory<byte> Bytes, bool IsCut, bool IsLate);

/// <summary>
/// Reading response bodies in bounded memory and time: what <see cref="ApiResponseReader"/> uses, written so a request
/// pipeline (or the facade's transport) can call it too.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ResponseBody
{
    /// <summary>
    /// A token that is cancelled when <paramref name="cancellationToken"/> is, or when <paramref name="timeout"/> has
    /// passed: the deadline of one body read. Dispose it when the read is done.
    /// </summary>
    public static CancellationTokenSource Deadline(TimeSpan? timeout, CancellationToken cancellationToken)
    {
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout is { } after && after != Timeout.InfiniteTimeSpan)
        {
            deadline.CancelAfter(after < TimeSpan.Zero ? TimeSpan.Zero : after);
        }

        return deadline;
    }

    /// <summary>What a missed deadline throws: a cancellation caused by a timeout, as HttpClient reports its own.</summary>
    public static TaskCanceledException TimedOut(TimeSpan? timeout, Exception? inner = null)
        => new($"The response body did not arrive within {timeout}.", new TimeoutException($"The response body did not arrive within {timeout}.", inner));

    /// <summary>Whether the body says, before a byte is read, that it is longer than <paramref name="limit"/>.</summary>
    public static bool IsDeclaredLongerThan(HttpContent? content, long limit)
        => content?.Headers.ContentLength is { } length && length > limit;

    /// <summary>
    /// Reads at most <paramref name="limit"/> bytes of <paramref name="content"/> (one more to know whether it goes on).
    /// A missed deadline (<paramref name="deadline"/> cancelled while <paramref name="cancellationToken"/> is not) ends the
    /// read with what arrived, and so does a connection lost mid-body when <paramref name="keepWhatArrived"/> is set.
    /// </summary>
    public static async Task<BoundedBody> ReadAsync(HttpContent? content, long limit, CancellationToken deadline, CancellationToken cancellationToken, bool keepWhatArrived = false)
    {
        if (content is null || limit <= 0)
        {
            return new BoundedBody(ReadOnlyMemory<byte>.Empty, content is not null && IsDeclaredLongerThan(content, 0), false);
        }

        var buffer = new MemoryStream();
        try
        {
            var stream = await content.ReadAsStreamAsync(deadline).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var chunk = new byte[(int)Math.Min(16 * 1024, limit + 1)];
                while (buffer.Length <= limit)
                {
                    var room = (int)Math.Min(chunk.Length, limit + 1 - buffer.Length);
                    var read = await stream.ReadAsync(chunk.AsMemory(0, room), deadline).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    buffer.Write(chunk, 0, read);
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return Result(buffer, limit, isLate: true);
        }
        catch (IOException) when (keepWhatArrived && !cancellationToken.IsCancellationRequested)
        {
            return Result(buffer, limit, isLate: false);
        }

        return Result(buffer, limit, isLate: false);
    }

    private static BoundedBody Result(MemoryStream buffer, long limit, bool isLate)
    {
        var cut = buffer.Length > limit;
        return new BoundedBody(buffer.GetBuffer().AsMemory(0, (int)Math.Min(buffer.Length, limit)), cut, isLate);
    }
}
