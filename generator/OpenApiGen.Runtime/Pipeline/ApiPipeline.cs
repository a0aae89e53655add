using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace OpenApiGen.Runtime;

/// <summary>
/// What every generated client sends through, written once instead of once per operation: it puts a built request
/// under the right base address, applies the operation's credentials and the call's options, sends it with
/// <c>ResponseHeadersRead</c>, and reads the answer as the operation's <see cref="ApiOperation"/> describes it. It
/// retries nothing and logs nothing: that policy belongs to the HttpClient's handlers (an <c>IHttpClientFactory</c>
/// pipeline), which see every request.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ApiPipeline
{
    private readonly HttpClient _httpClient;
    private readonly Func<Uri?> _baseAddress;
    private readonly Uri? _specServer;
    private readonly ApiCredential[] _credentials;

    /// <summary>Creates the pipeline of one client.</summary>
    /// <param name="httpClient">What sends; its owner (an <c>IHttpClientFactory</c>, say) manages its life.</param>
    /// <param name="baseAddress">The caller's base address (the client options'), read at each request; null to fall back.</param>
    /// <param name="specServer">The spec's server, used when neither the caller nor the HttpClient names a base address.</param>
    /// <param name="credentials">The spec's security schemes and where their credentials come from.</param>
    public ApiPipeline(HttpClient httpClient, Func<Uri?> baseAddress, string? specServer, params ApiCredential[] credentials)
    {
        _httpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        _baseAddress = baseAddress ?? throw new ArgumentNullException(nameof(baseAddress));
        _specServer = specServer is null ? null : new Uri(specServer, UriKind.Absolute);
        _credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
    }

    /// <summary>Sends a request whose success has no body.</summary>
    public async Task<ApiResponse> SendAsync(ApiRequestBuilder request, ApiOperation operation, ApiRequestOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(operation);
        var secrets = Secrets();
        using var deadline = Deadline(options, cancellationToken);
        var token = deadline?.Token ?? cancellationToken;
        try
        {
            using var response = await SendCoreAsync(request, operation, options, token).ConfigureAwait(false);
            if (IsSuccess(response))
            {
                return new ApiResponse(new ApiRawResponse(response, secrets, null, default));
            }

            var (error, content) = await ReadErrorAsync(response, operation, options, secrets, token).ConfigureAwait(false);
            return new ApiResponse(new ApiRawResponse(response, secrets, error, content));
        }
        catch (OperationCanceledException cancelled) when (IsTimeout(deadline, cancellationToken))
        {
            throw Timeout(options!, cancelled);
        }
    }

    /// <summary>Sends a request and reads its success body as <typeparamref name="T"/>.</summary>
    public async Task<ApiResponse<T>> SendAsync<T>(ApiRequestBuilder request, ApiOperation<T> operation, ApiRequestOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(operation);
        if (operation.Kind == SuccessKind.Events)
        {
            throw new ArgumentException("An event stream is read with StreamAsync.", nameof(operation));
        }

        var secrets = Secrets();
        using var deadline = Deadline(options, cancellationToken);
        var token = deadline?.Token ?? cancellationToken;
        HttpResponseMessage? response = null;
        try
        {
            response = await SendCoreAsync(request, operation, options, token).ConfigureAwait(false);
            if (!IsSuccess(response))
            {
                var (error, content) = await ReadErrorAsync(response, operation, options, secrets, token).ConfigureAwait(false);
                return new ApiResponse<T>(new ApiRawResponse(response, secrets, error, content), default!);
            }

            if (operation.MayBeEmpty && (response.StatusCode == System.Net.HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0))
            {
                return new ApiResponse<T>(new ApiRawResponse(response, secrets, null, default), default!);
            }

            var value = await operation.ReadAsync(response, secrets, token).ConfigureAwait(false);
            var result = new ApiResponse<T>(new ApiRawResponse(response, secrets, null, default), value);
            if (operation.Kind == SuccessKind.Stream)
            {
                // The stream owns the response from here; the caller's dispose releases the connection.
                response = null;
            }

            return result;
        }
        catch (OperationCanceledException cancelled) when (IsTimeout(deadline, cancellationToken))
        {
            throw Timeout(options!, cancelled);
        }
        finally
        {
            response?.Dispose();
        }
    }

    /// <summary>
    /// Sends a request whose success is a <c>text/event-stream</c> and yields each event's data as
    /// <typeparamref name="T"/>. The request goes out when enumeration starts; an error answer throws from the first
    /// <c>MoveNextAsync</c>. The per-call timeout covers the whole stream.
    /// </summary>
    public async IAsyncEnumerable<T> StreamAsync<T>(ApiRequestBuilder request, ApiOperation<T> operation, ApiRequestOptions? options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(operation);
        var secrets = Secrets();
        using var deadline = Deadline(options, cancellationToken);
        var token = deadline?.Token ?? cancellationToken;
        using var response = await Guard(SendCoreAsync(request, operation, options, token), deadline, options, cancellationToken).ConfigureAwait(false);
        if (!IsSuccess(response))
        {
            // With ThrowOnError off there is still nothing to yield: a stream has no place for the error but its end.
            var (error, _) = await Guard(ReadErrorAsync(response, operation, options, secrets, token), deadline, options, cancellationToken).ConfigureAwait(false);
            throw error;
        }

        var events = ServerSentEvents.ReadAsync(response, operation.EventInfo, secrets, token).GetAsyncEnumerator(token);
        await using (events.ConfigureAwait(false))
        {
            while (await Guard(events.MoveNextAsync().AsTask(), deadline, options, cancellationToken).ConfigureAwait(false))
            {
                yield return events.Current;
            }
        }
    }

    private async Task<HttpResponseMessage> SendCoreAsync(ApiRequestBuilder request, ApiOperation operation, ApiRequestOptions? options, CancellationToken cancellationToken)
    {
        // The success media type, unless the spec's own Accept parameter was given.
        if (operation.AcceptedMediaType is { } accept && !request.HasHeader("Accept"))
        {
            request.SetHeader("Accept", accept);
        }

        foreach (var scheme in operation.Security)
        {
            foreach (var credential in _credentials)
            {
                if (credential.Scheme == scheme)
                {
                    credential.Apply(request);
                }
            }
        }

        if (options is not null)
        {
            foreach (var header in options.Headers)
            {
                request.SetHeader(header.Key, header.Value);
            }
        }

        using var message = request.ToMessage(BaseAddress(operation));
        options?.Limits?.ApplyTo(message);
        return await _httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The caller's base address, else the operation's own server, else the HttpClient's, else the spec's.</summary>
    private Uri BaseAddress(ApiOperation operation)
        => _baseAddress() ?? operation.Server ?? _httpClient.BaseAddress ?? _specServer
        ?? throw new InvalidOperationException("Set the client options' BaseAddress or the HttpClient's: the spec names no absolute server.");

    private static bool IsSuccess(HttpResponseMessage response) => (int)response.StatusCode is >= 200 and < 300;

    private static async Task<(ApiException Error, ReadOnlyMemory<byte> Content)> ReadErrorAsync(HttpResponseMessage response, ApiOperation operation, ApiRequestOptions? options, IReadOnlyList<string?> secrets, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var body = operation.ErrorFor(status);
        ReadOnlyMemory<byte> content = default;
        if (options is { ThrowOnError: false })
        {
            // The caller wants the raw body too: read it once (bounded, as the error reader would), then let the error
            // reader parse the same bytes.
            content = await BufferErrorBodyAsync(response, secrets, cancellationToken).ConfigureAwait(false);
        }

        var exception = body is null
            ? await ApiResponseReader.ErrorAsync<System.Text.Json.JsonElement>(response, null, secrets, cancellationToken).ConfigureAwait(false)
            : await body.ReadAsync(response, secrets, cancellationToken).ConfigureAwait(false);
        var error = exception as ApiException ?? new ApiException(exception.Message, response.StatusCode, ApiResponseReader.Headers(response), null, exception);
        if (options is not { ThrowOnError: false })
        {
            throw error;
        }

        return (error, content);
    }

    /// <summary>
    /// Reads an error body as the error reader would (at most <see cref="ApiResponseLimits.MaxErrorBytes"/>, within
    /// <see cref="ApiResponseLimits.BodyTimeout"/>) and puts the bytes back as the response's content, so the error
    /// reader parses what the caller gets. The caller's copy has the secrets removed, however the server escaped them.
    /// </summary>
    private static async Task<ReadOnlyMemory<byte>> BufferErrorBodyAsync(HttpResponseMessage response, IReadOnlyList<string?> secrets, CancellationToken cancellationToken)
    {
        var limits = ApiResponseLimits.For(response);
        BoundedBody body;
        using (var deadline = ResponseBody.Deadline(limits.BodyTimeout, cancellationToken))
        {
            body = await ResponseBody.ReadAsync(response.Content, limits.MaxErrorBytes, deadline.Token, cancellationToken, keepWhatArrived: true).ConfigureAwait(false);
        }

        var bytes = body.Bytes.ToArray();
        var replay = new ByteArrayContent(bytes);
        foreach (var header in response.Content.Headers.NonValidated)
        {
            if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                replay.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        response.Content.Dispose();
        response.Content = replay;
        var scrubber = new SecretScrubber(secrets);
        if (scrubber.IsEmpty)
        {
            return bytes;
        }

        return scrubber.ScrubJson(bytes) ?? System.Text.Encoding.UTF8.GetBytes(scrubber.Scrub(System.Text.Encoding.UTF8.GetString(bytes)));
    }

    /// <summary>The credentials' values, gathered only when something asks (an error, a header read): a success costs nothing.</summary>
    private IReadOnlyList<string?> Secrets() => _credentials.Length == 0 ? [] : new SecretList(_credentials);

    private sealed class SecretList(ApiCredential[] credentials) : IReadOnlyList<string?>
    {
        private List<string?>? _values;

        public int Count => Values.Count;

        public string? this[int index] => Values[index];

        public IEnumerator<string?> GetEnumerator() => Values.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        private List<string?> Values
        {
            get
            {
                if (_values is null)
                {
                    var values = new List<string?>(credentials.Length);
                    foreach (var credential in credentials)
                    {
                        credential.AddSecrets(values);
                    }

                    _values = values;
                }

                return _values;
            }
        }
    }

    private static CancellationTokenSource? Deadline(ApiRequestOptions? options, CancellationToken cancellationToken)
    {
        if (options?.Timeout is not { } timeout)
        {
            return null;
        }

        var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        source.CancelAfter(timeout);
        return source;
    }

    private static bool IsTimeout(CancellationTokenSource? deadline, CancellationToken cancellationToken)
        => deadline is { IsCancellationRequested: true } && !cancellationToken.IsCancellationRequested;

    private static TimeoutException Timeout(ApiRequestOptions options, Exception inner)
        => new($"The call did not complete within its timeout of {options.Timeout}.", inner);

    /// <summary>An awaited step of a stream, its cancellation by the per-call deadline turned into <see cref="TimeoutException"/> (an iterator cannot catch around a yield).</summary>
    private static async Task<TResult> Guard<TResult>(Task<TResult> step, CancellationTokenSource? deadline, ApiRequestOptions? options, CancellationToken cancellationToken)
    {
        try
        {
            return await step.ConfigureAwait(false);
        }
        catch (OperationCanceledException cancelled) when (IsTimeout(deadline, cancellationToken))
        {
            throw Timeout(options!, cancelled);
        }
    }
}
