using System.ComponentModel;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace OpenApiGen.Runtime;

/// <summary>
/// How generated clients read responses: JSON straight from the stream with generated metadata, and, for anything
/// unexpected, an <see cref="ApiException"/> with the status, headers and a bounded excerpt from which the caller's
/// secrets have been removed.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ApiResponseReader
{
    /// <summary>How much of a body an exception keeps.</summary>
    public const int ExcerptLength = 2048;

    /// <summary>Reads a success body as JSON. A body that is not the documented JSON is an <see cref="ApiException"/>, not a <see cref="JsonException"/>.</summary>
    public static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, IReadOnlyList<string?> secrets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(typeInfo);
        var stream = new ExcerptStream(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), ExcerptLength * 4);
        await using (stream.ConfigureAwait(false))
        {
            try
            {
                var value = await JsonSerializer.DeserializeAsync(stream, typeInfo, cancellationToken).ConfigureAwait(false);
                return value ?? throw new JsonException("The body is JSON null.");
            }
            catch (JsonException error)
            {
                throw new ApiException(
                    $"The {(int)response.StatusCode} response body is not the documented {typeof(T).Name}: {error.Message}",
                    response.StatusCode,
                    Headers(response),
                    Redact(stream.Excerpt(), secrets),
                    error);
            }
        }
    }

    /// <summary>A success body as text.</summary>
    public static async Task<string> ReadTextAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A success body as a stream that owns the response: disposing the stream releases the connection.</summary>
    public static async Task<Stream> ReadStreamAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        return new ResponseStream(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), response);
    }

    /// <summary>Throws for a response the client did not expect, reading the body as <paramref name="errorType"/> when one is documented.</summary>
    public static async Task<Exception> ErrorAsync<TError>(HttpResponseMessage response, JsonTypeInfo<TError>? errorType, IReadOnlyList<string?> secrets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var bytes = await ReadBoundedAsync(response, cancellationToken).ConfigureAwait(false);
        var excerpt = Redact(Decode(bytes), secrets);
        var headers = Headers(response);
        var message = $"The API answered {(int)response.StatusCode} ({response.ReasonPhrase})" + (string.IsNullOrWhiteSpace(excerpt) ? "." : ": " + Shorten(excerpt));
        if (errorType is not null && bytes.Length > 0)
        {
            try
            {
                if (JsonSerializer.Deserialize(bytes, errorType) is { } error)
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
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Headers(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            headers[header.Key] = header.Value.ToList();
        }

        return headers;
    }

    /// <summary>Replaces every secret in <paramref name="text"/> (a server may echo a key back) with <c>***</c>.</summary>
    public static string? Redact(string? text, IReadOnlyList<string?> secrets)
    {
        if (text is null || secrets is null)
        {
            return text;
        }

        foreach (var secret in secrets)
        {
            if (!string.IsNullOrEmpty(secret))
            {
                text = text.Replace(secret, "***", StringComparison.Ordinal);
            }
        }

        return text;
    }

    private static async Task<byte[]> ReadBoundedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        // Enough for the documented error JSON, bounded so a huge error page cannot exhaust memory.
        var limit = 64 * 1024;
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new MemoryStream();
            var chunk = new byte[8192];
            int read;
            while (buffer.Length < limit && (read = await stream.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit - buffer.Length)), cancellationToken).ConfigureAwait(false)) > 0)
            {
                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
    }

    private static string Decode(ReadOnlySpan<byte> bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
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

    /// <summary>A read-through stream that remembers the first bytes it passed on, for the excerpt of a body that failed to parse.</summary>
    private sealed class ExcerptStream(Stream inner, int keep) : Stream
    {
        private readonly MemoryStream _kept = new();

        public string Excerpt() => Decode(_kept.GetBuffer().AsSpan(0, (int)_kept.Length));

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            Keep(buffer.AsSpan(offset, read));
            return read;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
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

        private void Keep(ReadOnlySpan<byte> bytes)
        {
            var room = keep - (int)_kept.Length;
            if (room > 0)
            {
                _kept.Write(bytes[..Math.Min(room, bytes.Length)]);
            }
        }
    }
}
