using System.ComponentModel;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace OpenApiGen.Runtime;

/// <summary>
/// How generated clients read responses: JSON straight from the stream with generated metadata, within the limits of
/// <see cref="ApiResponseLimits"/> (size and time), and, for anything unexpected, an <see cref="ApiException"/> with the
/// status, headers and a bounded excerpt from which the caller's secrets have been removed.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ApiResponseReader
{
    /// <summary>How much of a body an exception keeps.</summary>
    public const int ExcerptLength = 2048;

    /// <summary>
    /// Reads a success body as JSON. A body that is not the documented JSON, that ends early, or that is longer than
    /// <see cref="ApiResponseLimits.MaxJsonBytes"/> is an <see cref="ApiException"/>, not a <see cref="JsonException"/>
    /// or an <see cref="IOException"/>; one slower than <see cref="ApiResponseLimits.BodyTimeout"/> is a timeout.
    /// </summary>
    public static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, IReadOnlyList<string?> secrets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(typeInfo);
        var limits = ApiResponseLimits.For(response);
        if (ResponseBody.IsDeclaredLongerThan(response.Content, limits.MaxJsonBytes))
        {
            throw TooLarge(response, new SecretScrubber(secrets), typeof(T).Name, limits.MaxJsonBytes, null);
        }

        using var deadline = ResponseBody.Deadline(limits.BodyTimeout, cancellationToken);
        var stream = new BodyStream(await response.Content.ReadAsStreamAsync(deadline.Token).ConfigureAwait(false), ExcerptLength * 4, limits.MaxJsonBytes);
        await using (stream.ConfigureAwait(false))
        {
            try
            {
                var value = await JsonSerializer.DeserializeAsync(stream, typeInfo, deadline.Token).ConfigureAwait(false);
                return value ?? throw new JsonException("The body is JSON null.");
            }
            catch (JsonException error)
            {
                var scrubber = new SecretScrubber(secrets);
                throw new ApiException(
                    scrubber.Scrub($"The {(int)response.StatusCode} response body is not the documented {typeof(T).Name}: {error.Message}"),
                    response.StatusCode,
                    Headers(response, scrubber),
                    scrubber.Scrub(stream.Excerpt()),
                    error);
            }
            catch (BodyTooLongException)
            {
                throw TooLarge(response, new SecretScrubber(secrets), typeof(T).Name, limits.MaxJsonBytes, stream.Excerpt());
            }
            catch (OperationCanceledException error) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw ResponseBody.TimedOut(limits.BodyTimeout, error);
            }
            catch (IOException error) when (!cancellationToken.IsCancellationRequested)
            {
                // The connection was lost mid-body (HttpIOException): a truncated answer, with what arrived.
                var scrubber = new SecretScrubber(secrets);
                throw new ApiException(
                    scrubber.Scrub($"The {(int)response.StatusCode} response body ended before the documented {typeof(T).Name} did: {error.Message}"),
                    response.StatusCode,
                    Headers(response, scrubber),
                    scrubber.Scrub(stream.Excerpt()),
                    error);
            }
        }
    }

    /// <summary>A success body as text, within <see cref="ApiResponseLimits.MaxJsonBytes"/> and <see cref="ApiResponseLimits.BodyTimeout"/>.</summary>
    public static async Task<string> ReadTextAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var limits = ApiResponseLimits.For(response);
        using var deadline = ResponseBody.Deadline(limits.BodyTimeout, cancellationToken);
        var body = await ResponseBody.ReadAsync(response.Content, limits.MaxJsonBytes, deadline.Token, cancellationToken).ConfigureAwait(false);
        if (body.IsLate)
        {
            throw ResponseBody.TimedOut(limits.BodyTimeout);
        }

        return body.IsCut
            ? throw TooLarge(response, SecretScrubber.None, "text", limits.MaxJsonBytes, null)
            : Encoding.UTF8.GetString(body.Bytes.Span);
    }

    /// <summary>A success body as a stream that owns the response: disposing the stream releases the connection.</summary>
    public static async Task<Stream> ReadStreamAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        return new ResponseStream(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), response);
    }

    /// <summary>
    /// The exception for a response the client did not expect, reading the body as <paramref name="errorType"/> when one
    /// is documented. At most <see cref="ApiResponseLimits.MaxErrorBytes"/> are read, within
    /// <see cref="ApiResponseLimits.BodyTimeout"/>: a cut, late or broken body still gives the status and what arrived,
    /// only not the typed error.
    /// </summary>
    public static async Task<Exception> ErrorAsync<TError>(HttpResponseMessage response, JsonTypeInfo<TError>? errorType, IReadOnlyList<string?> secrets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var limits = ApiResponseLimits.For(response);
        var scrubber = new SecretScrubber(secrets);
        BoundedBody body;
        using (var deadline = ResponseBody.Deadline(limits.BodyTimeout, cancellationToken))
        {
            body = await ResponseBody.ReadAsync(response.Content, limits.MaxErrorBytes, deadline.Token, cancellationToken, keepWhatArrived: true).ConfigureAwait(false);
        }

        // The JSON with every string unescaped and scrubbed: the typed error is read from it, so it holds no secret however the server escaped it.
        var json = body.IsCut || body.IsLate ? null : scrubber.ScrubJson(body.Bytes);
        var excerpt = json is { } clean && !clean.Equals(body.Bytes) ? Decode(clean.Span) : scrubber.Scrub(Decode(body.Bytes.Span));
        var headers = Headers(response, scrubber);
        var note = body.IsCut ? $" (the body is longer than the {limits.MaxErrorBytes}-byte MaxErrorBytes limit; the rest was not read)"
            : body.IsLate ? $" (the body did not arrive within {limits.BodyTimeout}; this is what did)"
            : "";
        var message = scrubber.Scrub($"The API answered {(int)response.StatusCode} ({response.ReasonPhrase})" + (string.IsNullOrWhiteSpace(excerpt) ? "." : ": " + Shorten(excerpt)) + note);
        if (errorType is not null && json is { Length: > 0 } parsed)
        {
            try
            {
                if (JsonSerializer.Deserialize(parsed.Span, errorType) is { } error)
                {
                    return new ApiException<TError>(message, response.StatusCode, headers, excerpt, error);
                }
            }
            catch (JsonException)
            {
                // Not the documented error shape (an HTML page from a proxy, say): the plain exception still carries the excerpt.
            }
        }

        return new ApiException(message, response.StatusCode, headers, excerpt);
    }

    /// <summary>The response's headers and content headers, by name, case-insensitive.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Headers(HttpResponseMessage response) => Headers(response, SecretScrubber.None);

    /// <summary>The response's headers and content headers, by name, case-insensitive, with <paramref name="scrubber"/>'s secrets removed from the values.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Headers(HttpResponseMessage response, SecretScrubber scrubber)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(scrubber);
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            headers[header.Key] = header.Value.Select(scrubber.Scrub).ToList()!;
        }

        return headers;
    }

    /// <summary>Replaces every secret in <paramref name="text"/> (a server may echo a key back, in any of the forms <see cref="SecretScrubber"/> knows) with <c>***</c>.</summary>
    public static string? Redact(string? text, IReadOnlyList<string?> secrets)
        => text is null || secrets is null ? text : new SecretScrubber(secrets).Scrub(text);

    private static ApiLimitExceededException TooLarge(HttpResponseMessage response, SecretScrubber scrubber, string what, long limit, string? excerpt)
        => new(
            $"The {(int)response.StatusCode} response body ({what}) is longer than the {limit}-byte MaxJsonBytes limit; it was not read further.",
            response.StatusCode,
            Headers(response, scrubber),
            scrubber.Scrub(excerpt),
            nameof(ApiResponseLimits.MaxJsonBytes),
            limit);

    private static string Decode(ReadOnlySpan<byte> bytes)
    {
        var text = Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, ExcerptLength * 4)]);
        return text.Length > ExcerptLength ? text[..ExcerptLength] : text;
    }

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length > 200 ? line[..200] + "..." : line;
    }

    /// <summary>The body stream of a response, which disposes the response with it.</summary>
    private sealed class ResponseStream(Stream inner, HttpResponseMessage response) : Stream
    {
        public override bool CanRead => inner.CanRead;

        public override bool CanSeek => inner.CanSeek;

        public override bool CanWrite => false;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => inner.Position = value; }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.ReadAsync(buffer, offset, count, cancellationToken);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override async ValueTask DisposeAsync()
        {
            await inner.DisposeAsync().ConfigureAwait(false);
            response.Dispose();
            await base.DisposeAsync().ConfigureAwait(false);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
                response.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>Thrown inside <see cref="BodyStream"/> when the body goes past its limit.</summary>
    private sealed class BodyTooLongException() : IOException("The response body is longer than its limit.");

    /// <summary>
    /// A read-through stream that remembers the first bytes it passed on (for the excerpt of a body that failed to
    /// parse) and stops a body that goes on past its limit.
    /// </summary>
    private sealed class BodyStream(Stream inner, int keep, long limit) : Stream
    {
        private readonly MemoryStream _kept = new();
        private long _read;

        public string Excerpt() => Decode(_kept.GetBuffer().AsSpan(0, (int)_kept.Length));

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, Room(count));
            Keep(buffer.AsSpan(offset, read));
            return read;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer[..Room(buffer.Length)], cancellationToken).ConfigureAwait(false);
            Keep(buffer.Span[..read]);
            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override async ValueTask DisposeAsync()
        {
            await inner.DisposeAsync().ConfigureAwait(false);
            await base.DisposeAsync().ConfigureAwait(false);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        /// <summary>How much the next read may take: up to one byte past the limit, so that byte proves the body too long.</summary>
        private int Room(int count)
        {
            if (_read > limit)
            {
                throw new BodyTooLongException();
            }

            return (int)Math.Min(count, limit + 1 - _read);
        }

        private void Keep(ReadOnlySpan<byte> bytes)
        {
            _read += bytes.Length;
            var room = keep - (int)_kept.Length;
            if (room > 0)
            {
                _kept.Write(bytes[..Math.Min(room, bytes.Length)]);
            }

            if (_read > limit)
            {
                throw new BodyTooLongException();
            }
        }
    }
}
