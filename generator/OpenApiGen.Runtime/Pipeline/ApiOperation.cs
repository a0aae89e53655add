using System.ComponentModel;
using System.Text.Json.Serialization.Metadata;

namespace OpenApiGen.Runtime;

/// <summary>
/// What one operation's answers are, written once per operation as a static value (Kiota's error map, in the spirit
/// of System.ClientModel's classifier): the schemes whose credentials it sends, the error body documented for an
/// exact status, a range (<c>4XX</c>) or <c>default</c>, and, in <see cref="ApiOperation{T}"/>, how a success is read.
/// Every 2xx is a success; anything else is an <see cref="ApiException"/>, typed when its status has a documented body.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public class ApiOperation
{
    private protected ApiOperation()
    {
    }

    private readonly List<(int Status, ErrorBody Body)> _exact = [];
    private readonly List<(int Hundreds, ErrorBody Body)> _ranges = [];
    private ErrorBody? _default;
    private string[] _security = [];

    /// <summary>An operation whose success has no body.</summary>
    public static ApiOperation NoContent() => new();

    /// <summary>An operation whose success body is JSON of type <typeparamref name="T"/>, read with the metadata <paramref name="info"/> returns.</summary>
    /// <param name="info">The JSON metadata, asked for at the first read (so describing many operations costs nothing up front).</param>
    public static ApiOperation<T> Json<T>(Func<JsonTypeInfo<T>> info)
    {
        ArgumentNullException.ThrowIfNull(info);
        return new(SuccessKind.Json, (response, secrets, token) => ApiResponseReader.ReadJsonAsync(response, info(), secrets, token), null, mayBeEmpty: false);
    }

    /// <summary>
    /// An operation whose success body is JSON of type <typeparamref name="T"/>, or nothing (a 204 beside a 200, or
    /// an empty body): then the value is null.
    /// </summary>
    public static ApiOperation<T?> JsonOrEmpty<T>(Func<JsonTypeInfo<T>> info)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(info);
        return new(SuccessKind.Json, async (response, secrets, token) => await ApiResponseReader.ReadJsonAsync(response, info(), secrets, token).ConfigureAwait(false), null, mayBeEmpty: true);
    }

    /// <summary>As <see cref="JsonOrEmpty{T}"/>, for a value type: an answer without a body is a null <see cref="Nullable{T}"/>.</summary>
    public static ApiOperation<T?> JsonOrEmptyValue<T>(Func<JsonTypeInfo<T>> info)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(info);
        return new(SuccessKind.Json, async (response, secrets, token) => await ApiResponseReader.ReadJsonAsync(response, info(), secrets, token).ConfigureAwait(false), null, mayBeEmpty: true);
    }

    /// <summary>An operation whose success body is text.</summary>
    public static ApiOperation<string> Text() => new(SuccessKind.Text, static (response, _, token) => ApiResponseReader.ReadTextAsync(response, token), null, mayBeEmpty: false);

    /// <summary>An operation whose success body is text, or nothing (then null).</summary>
    public static ApiOperation<string?> TextOrEmpty() => new(SuccessKind.Text, static async (response, _, token) => await ApiResponseReader.ReadTextAsync(response, token).ConfigureAwait(false), null, mayBeEmpty: true);

    /// <summary>An operation whose success body is raw content, returned as a stream that owns the response.</summary>
    public static ApiOperation<Stream> Stream() => new(SuccessKind.Stream, static (response, _, token) => ApiResponseReader.ReadStreamAsync(response, token), null, mayBeEmpty: false);

    /// <summary>An operation whose success body is raw content or nothing (then null).</summary>
    public static ApiOperation<Stream?> StreamOrEmpty() => new(SuccessKind.Stream, static async (response, _, token) => await ApiResponseReader.ReadStreamAsync(response, token).ConfigureAwait(false), null, mayBeEmpty: true);

    /// <summary>An operation whose success is a <c>text/event-stream</c> of JSON events of type <typeparamref name="T"/>.</summary>
    public static ApiOperation<T> Events<T>(Func<JsonTypeInfo<T>> info)
    {
        ArgumentNullException.ThrowIfNull(info);
        return new(SuccessKind.Events, null, info, mayBeEmpty: false);
    }

    /// <summary>The security schemes (by their names in the spec) whose credentials the operation sends.</summary>
    public IReadOnlyList<string> Security => _security;

    /// <summary>Where the operation is served when it names a server of its own (OpenAPI's operation or path <c>servers</c>); else null.</summary>
    public Uri? Server { get; private set; }

    /// <summary>
    /// The media type the request asks for (<c>Accept</c>): the success body's, so a server that can answer in several
    /// answers in the one the client reads; null sends none. A per-call header of the same name wins.
    /// </summary>
    public string? AcceptedMediaType { get; private set; }

    /// <summary>Asks for <paramref name="mediaType"/> (the spec's success media type, where the kind's default is not it).</summary>
    public ApiOperation Accepts(string mediaType)
    {
        AcceptedMediaType = mediaType ?? throw new ArgumentNullException(nameof(mediaType));
        return this;
    }

    /// <summary>Sends the credentials of these schemes.</summary>
    public ApiOperation Secured(params string[] schemes)
    {
        _security = schemes ?? throw new ArgumentNullException(nameof(schemes));
        return this;
    }

    /// <summary>Serves the operation from its own server instead of the spec's (the caller's base address still wins).</summary>
    public ApiOperation ServedFrom(string server)
    {
        Server = new Uri(server, UriKind.Absolute);
        return this;
    }

    /// <summary>The error body documented for exactly <paramref name="status"/>.</summary>
    public ApiOperation Error<TError>(int status, Func<JsonTypeInfo<TError>> info)
    {
        _exact.Add((status, new ErrorBody<TError>(info)));
        return this;
    }

    /// <summary>One error body documented for each of <paramref name="statuses"/> (a spec often shares one for many).</summary>
    public ApiOperation Error<TError>(Func<JsonTypeInfo<TError>> info, params int[] statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        var body = new ErrorBody<TError>(info);
        foreach (var status in statuses)
        {
            _exact.Add((status, body));
        }

        return this;
    }

    /// <summary>
    /// Statuses documented without a JSON body: their errors are plain <see cref="ApiException"/>s even when a range
    /// or <c>default</c> documents a body (the spec said what these answer, and it is not that).
    /// </summary>
    public ApiOperation Error(params int[] statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        foreach (var status in statuses)
        {
            _exact.Add((status, UntypedBody.Instance));
        }

        return this;
    }

    /// <summary>A range documented without a JSON body (see <see cref="Error(int[])"/>).</summary>
    public ApiOperation ErrorRange(int hundreds)
    {
        _ranges.Add((hundreds, UntypedBody.Instance));
        return this;
    }

    /// <summary>The error body documented for a range: <paramref name="hundreds"/> 4 is <c>4XX</c>.</summary>
    public ApiOperation ErrorRange<TError>(int hundreds, Func<JsonTypeInfo<TError>> info)
    {
        _ranges.Add((hundreds, new ErrorBody<TError>(info)));
        return this;
    }

    /// <summary>The error body documented as <c>default</c>: any other status that is not a success.</summary>
    public ApiOperation ErrorDefault<TError>(Func<JsonTypeInfo<TError>> info)
    {
        _default = new ErrorBody<TError>(info);
        return this;
    }

    /// <summary>The documented body for an error status: exact first, then its range, then <c>default</c>; null when none is documented.</summary>
    internal ErrorBody? ErrorFor(int status)
    {
        foreach (var (code, body) in _exact)
        {
            if (code == status)
            {
                return body;
            }
        }

        foreach (var (hundreds, body) in _ranges)
        {
            if (status / 100 == hundreds)
            {
                return body;
            }
        }

        return _default;
    }

    /// <summary>An error body's type, read by <see cref="ApiResponseReader.ErrorAsync{TError}"/>.</summary>
    internal abstract class ErrorBody
    {
        public abstract Task<Exception> ReadAsync(HttpResponseMessage response, IReadOnlyList<string?> secrets, CancellationToken cancellationToken);
    }

    private sealed class UntypedBody : ErrorBody
    {
        public static readonly UntypedBody Instance = new();

        public override Task<Exception> ReadAsync(HttpResponseMessage response, IReadOnlyList<string?> secrets, CancellationToken cancellationToken)
            => ApiResponseReader.ErrorAsync<System.Text.Json.JsonElement>(response, null, secrets, cancellationToken);
    }

    private sealed class ErrorBody<TError>(Func<JsonTypeInfo<TError>> info) : ErrorBody
    {
        public override Task<Exception> ReadAsync(HttpResponseMessage response, IReadOnlyList<string?> secrets, CancellationToken cancellationToken)
            => ApiResponseReader.ErrorAsync(response, info(), secrets, cancellationToken);
    }
}

/// <summary>How an operation's success body is read.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum SuccessKind
{
    /// <summary>JSON, with generated metadata.</summary>
    Json,

    /// <summary>Text.</summary>
    Text,

    /// <summary>A stream that owns the response.</summary>
    Stream,

    /// <summary>Server-sent events, each event's data JSON.</summary>
    Events,
}

/// <summary>An operation whose success has a body of type <typeparamref name="T"/>; see <see cref="ApiOperation"/>.</summary>
/// <typeparam name="T">The success body's type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ApiOperation<T> : ApiOperation
{
    private readonly Func<HttpResponseMessage, IReadOnlyList<string?>, CancellationToken, Task<T>>? _read;
    private readonly Func<JsonTypeInfo<T>>? _events;

    internal ApiOperation(SuccessKind kind, Func<HttpResponseMessage, IReadOnlyList<string?>, CancellationToken, Task<T>>? read, Func<JsonTypeInfo<T>>? events, bool mayBeEmpty)
    {
        Kind = kind;
        _read = read;
        _events = events;
        MayBeEmpty = mayBeEmpty;

        // What each kind reads unless the generated description names the spec's own media type.
        var accept = kind switch
        {
            SuccessKind.Json => "application/json",
            SuccessKind.Text => "text/plain",
            SuccessKind.Events => "text/event-stream",
            _ => null,
        };
        if (accept is not null)
        {
            Accepts(accept);
        }
    }

    /// <summary>How the success body is read.</summary>
    public SuccessKind Kind { get; }

    /// <summary>Whether a success may come without a body.</summary>
    public bool MayBeEmpty { get; }

    /// <summary>Reads a success body (not an event stream).</summary>
    internal Task<T> ReadAsync(HttpResponseMessage response, IReadOnlyList<string?> secrets, CancellationToken cancellationToken)
        => (_read ?? throw new InvalidOperationException("An event stream is read with StreamAsync."))(response, secrets, cancellationToken);

    /// <summary>The events' JSON metadata (event streams only).</summary>
    internal JsonTypeInfo<T> EventInfo => (_events ?? throw new InvalidOperationException("This operation's success is not an event stream."))();

    /// <inheritdoc cref="ApiOperation.Secured"/>
    public new ApiOperation<T> Secured(params string[] schemes) => (ApiOperation<T>)base.Secured(schemes);

    /// <inheritdoc cref="ApiOperation.Accepts"/>
    public new ApiOperation<T> Accepts(string mediaType) => (ApiOperation<T>)base.Accepts(mediaType);

    /// <inheritdoc cref="ApiOperation.ServedFrom"/>
    public new ApiOperation<T> ServedFrom(string server) => (ApiOperation<T>)base.ServedFrom(server);

    /// <inheritdoc cref="ApiOperation.Error{TError}(int, Func{JsonTypeInfo{TError}})"/>
    public new ApiOperation<T> Error<TError>(int status, Func<JsonTypeInfo<TError>> info) => (ApiOperation<T>)base.Error(status, info);

    /// <inheritdoc cref="ApiOperation.Error{TError}(Func{JsonTypeInfo{TError}}, int[])"/>
    public new ApiOperation<T> Error<TError>(Func<JsonTypeInfo<TError>> info, params int[] statuses) => (ApiOperation<T>)base.Error(info, statuses);

    /// <inheritdoc cref="ApiOperation.Error(int[])"/>
    public new ApiOperation<T> Error(params int[] statuses) => (ApiOperation<T>)base.Error(statuses);

    /// <inheritdoc cref="ApiOperation.ErrorRange(int)"/>
    public new ApiOperation<T> ErrorRange(int hundreds) => (ApiOperation<T>)base.ErrorRange(hundreds);

    /// <inheritdoc cref="ApiOperation.ErrorRange{TError}"/>
    public new ApiOperation<T> ErrorRange<TError>(int hundreds, Func<JsonTypeInfo<TError>> info) => (ApiOperation<T>)base.ErrorRange(hundreds, info);

    /// <inheritdoc cref="ApiOperation.ErrorDefault"/>
    public new ApiOperation<T> ErrorDefault<TError>(Func<JsonTypeInfo<TError>> info) => (ApiOperation<T>)base.ErrorDefault(info);
}
