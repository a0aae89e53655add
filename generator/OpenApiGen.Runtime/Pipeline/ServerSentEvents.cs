using System.ComponentModel;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace OpenApiGen.Runtime;

/// <summary>
/// Reads a <c>text/event-stream</c> answer with System.Net.ServerSentEvents' parser: each event's data is one JSON
/// value of the documented type. The OpenAI-style end marker <c>[DONE]</c> ends the stream, comments and retry
/// fields are the parser's business, and an event that is not the documented JSON is an <see cref="ApiException"/>
/// with its excerpt, not a <see cref="JsonException"/>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ServerSentEvents
{
    /// <summary>The largest event's data read (1 MiB): a stream that never ends an event cannot exhaust memory.</summary>
    public const int MaxEventBytes = 1024 * 1024;

    /// <summary>Yields each event of <paramref name="response"/>'s body as <typeparamref name="T"/>; the caller disposes the response.</summary>
    public static async IAsyncEnumerable<T> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> info, IReadOnlyList<string?> secrets, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(info);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var parser = SseParser.Create(stream, static (eventType, data) => data.Length > MaxEventBytes ? null : data.ToArray());
            await foreach (var item in parser.EnumerateAsync(cancellationToken).ConfigureAwait(false))
            {
                if (item.Data is not { } data)
                {
                    throw new ApiException($"An event of the {(int)response.StatusCode} stream is larger than {MaxEventBytes} bytes.", response.StatusCode, ApiResponseReader.Headers(response), null);
                }

                if (IsEndMarker(data))
                {
                    yield break;
                }

                if (data.AsSpan().Trim((byte)' ').IsEmpty)
                {
                    continue;
                }

                yield return Parse(response, data, info, item.EventType, secrets);
            }
        }
    }

    private static T Parse<T>(HttpResponseMessage response, byte[] data, JsonTypeInfo<T> info, string eventType, IReadOnlyList<string?> secrets)
    {
        try
        {
            return JsonSerializer.Deserialize(data, info) ?? throw new JsonException("The event's data is JSON null.");
        }
        catch (JsonException error)
        {
            var scrubber = new SecretScrubber(secrets);
            var excerpt = Encoding.UTF8.GetString(data.AsSpan(0, Math.Min(data.Length, ApiResponseReader.ExcerptLength)));
            throw new ApiException(
                $"An event '{eventType}' of the {(int)response.StatusCode} stream is not the documented {typeof(T).Name}: {error.Message}",
                response.StatusCode,
                ApiResponseReader.Headers(response, scrubber),
                scrubber.Scrub(excerpt),
                error);
        }
    }

    private static bool IsEndMarker(byte[] data) => data.AsSpan().Trim((byte)' ').SequenceEqual("[DONE]"u8);
}
