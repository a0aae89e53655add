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
    /// <param name="mayBeEmpty">A success may have no body (a 204 beside a 200): then the value is <c>default</c>.</param>
    public static ApiOperation<T> Json<T>(Func<JsonTypeInfo<T>> info, bool mayBeEmpty = false)
    {
        ArgumentNullException.ThrowIfNull(info);
        return new(SuccessKind.Json, info, mayBeEmpty);
    }

    /// <summary>An operation whose success body is text.</summary>
    public static ApiOperation<string> Text(bool mayBeEmpty = false) => new(SuccessKind.Text, null, mayBeEmpty);

    /// <summary>An operation whose success body is raw content, returned as a stream that owns the response.</summary>
    public static ApiOperation<Stream> Stream(bool mayBeEmpty = false) => new(SuccessKind.Stream, null, mayBeEmpty);

    /// <summary>An operation whose success is a <c>text/event-stream</c> of JSON events of type <typeparamref name="T"/>.</summary>
    public static ApiOperation<T> Events<T>(Func<JsonTypeInfo<T>> info)
    {
        ArgumentNullException.ThrowIfNull(info);
        return new(SuccessKind.Events, info, false);
    }

    /// <summary>The security schemes (by their names in the spec) whose credentials the operation sends.</summary>
    public IReadOnlyList<string> Security => _security;

    /// <summary>Where the operation is served when it names a server of its own (OpenAPI's operation or path <c>servers</c>); else null.</summary>
    public Uri? Server { get; private set; }

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
    private readonly Func<JsonTypeInfo<T>>? _info;

    internal ApiOperation(SuccessKind kind, Delegate? info, bool mayBeEmpty)
    {
        Kind = kind;
        _info = (Func<JsonTypeInfo<T>>?)info;
        MayBeEmpty = mayBeEmpty;
    }

    /// <summary>How the success body is read.</summary>
    public SuccessKind Kind { get; }

    /// <summary>Whether a success may come without a body.</summary>
    public bool MayBeEmpty { get; }

    /// <summary>The success body's JSON metadata (JSON and event bodies only).</summary>
    internal JsonTypeInfo<T> Info => (_info ?? throw new InvalidOperationException("This operation's body is not JSON."))();

    /// <inheritdoc cref="ApiOperation.Secured"/>
    public new ApiOperation<T> Secured(params string[] schemes) => (ApiOperation<T>)base.Secured(schemes);

    /// <inheritdoc cref="ApiOperation.ServedFrom"/>
    public new ApiOperation<T> ServedFrom(string server) => (ApiOperation<T>)base.ServedFrom(server);

    /// <inheritdoc cref="ApiOperation.Error{TError}(int, Func{JsonTypeInfo{TError}})"/>
    public new ApiOperation<T> Error<TError>(int status, Func<JsonTypeInfo<TError>> info) => (ApiOperation<T>)base.Error(status, info);

    /// <inheritdoc cref="ApiOperation.Error{TError}(Func{JsonTypeInfo{TError}}, int[])"/>
    public new ApiOperation<T> Error<TError>(Func<JsonTypeInfo<TError>> info, params int[] statuses) => (ApiOperation<T>)base.Error(info, statuses);

    /// <inheritdoc cref="ApiOperation.ErrorRange"/>
    public new ApiOperation<T> ErrorRange<TError>(int hundreds, Func<JsonTypeInfo<TError>> info) => (ApiOperation<T>)base.ErrorRange(hundreds, info);

    /// <inheritdoc cref="ApiOperation.ErrorDefault"/>
    public new ApiOperation<T> ErrorDefault<TError>(Func<JsonTypeInfo<TError>> info) => (ApiOperation<T>)base.ErrorDefault(info);
}
