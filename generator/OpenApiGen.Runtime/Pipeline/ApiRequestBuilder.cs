using System.ComponentModel;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace OpenApiGen.Runtime;

/// <summary>
/// The request one generated method builds: its path with the parameters filled in, query, headers, cookies and
/// body, each added in one call that escapes the value and leaves out a null (an optional parameter not given).
/// <see cref="ApiPipeline"/> adds the base address and credentials and sends it.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ApiRequestBuilder
{
    private string _path;
    private QueryBuilder? _query;
    private List<KeyValuePair<string, string>>? _headers;
    private List<string>? _cookies;
    private MultipartFormDataContent? _form;

    /// <summary>Starts a request.</summary>
    /// <param name="method">The HTTP method, upper case.</param>
    /// <param name="pathTemplate">The spec's path template, relative to the server (<c>/v1/tasks/{task_id}</c>).</param>
    public ApiRequestBuilder(string method, string pathTemplate)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(pathTemplate);
        Method = HttpMethod.Parse(method);
        _path = pathTemplate;
    }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The path so far, relative to the server, with the parameters filled in.</summary>
    public string Path => _path;

    /// <summary>The body, if one was set.</summary>
    public HttpContent? Content { get; private set; }

    /// <summary>Fills the template's <c>{name}</c> with <paramref name="value"/>, escaped for a path segment.</summary>
    public ApiRequestBuilder PathParameter(string name, ParameterText value)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = value.Text ?? throw new ArgumentException($"The path parameter '{name}' needs a value.", nameof(value));
        _path = _path.Replace("{" + name + "}", Uri.EscapeDataString(text), StringComparison.Ordinal);
        return this;
    }

    /// <summary>Fills the template's <c>{name}</c> with <paramref name="value"/> in its style: <c>v</c>, <c>.v</c> (<c>label</c>) or <c>;name=v</c> (<c>matrix</c>).</summary>
    public ApiRequestBuilder PathParameter(string name, ParameterText value, ParameterStyle style)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = value.Text ?? throw new ArgumentException($"The path parameter '{name}' needs a value.", nameof(value));
        return Fill(name, PathExpansion.Scalar(name, text, style));
    }

    /// <summary>Fills the template's <c>{name}</c> with a list in its style (<c>a,b</c>; <c>.a,b</c> or <c>.a.b</c>; <c>;name=a,b</c> or <c>;name=a;name=b</c>).</summary>
    public ApiRequestBuilder PathParameter<T>(string name, IEnumerable<T>? values, Func<T, ParameterText> text, ParameterStyle style = ParameterStyle.Simple, bool explode = false)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(text);
        var list = values ?? throw new ArgumentException($"The path parameter '{name}' needs a value.", nameof(values));
        return Fill(name, PathExpansion.List(name, list.Select(value => text(value).Text).OfType<string>(), style, explode));
    }

    /// <summary>Fills the template's <c>{name}</c> with an object (or a union's case) in its style, from its JSON metadata (see <see cref="ParameterStyle"/>).</summary>
    public ApiRequestBuilder PathObject<T>(string name, T value, JsonTypeInfo<T> info, ParameterStyle style = ParameterStyle.Simple, bool explode = false)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(info);
        return value is null ? throw new ArgumentException($"The path parameter '{name}' needs a value.", nameof(value)) : Fill(name, ObjectParameters.PathText(name, value, info, style, explode));
    }

    /// <summary>Adds <c>name=value</c> to the query, unless the value is null.</summary>
    public ApiRequestBuilder Query(string name, ParameterText value)
    {
        if (value.Text is { } text)
        {
            (_query ??= new()).Add(name, text);
        }

        return this;
    }

    /// <summary>
    /// Adds a list to the query: one <c>name=item</c> per item (<paramref name="explode"/>, OpenAPI's default for
    /// <c>form</c>) or one <c>name=a,b,c</c> (<c>a%20b</c> for <c>spaceDelimited</c>, <c>a|b</c> for
    /// <c>pipeDelimited</c>), each item escaped and the delimiter not. Nothing for a null list.
    /// </summary>
    public ApiRequestBuilder Query<T>(string name, IEnumerable<T>? values, Func<T, ParameterText> text, bool explode = true, ParameterStyle style = ParameterStyle.Form)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (values is null)
        {
            return this;
        }

        if (!explode)
        {
            var delimiter = style switch { ParameterStyle.SpaceDelimited => "%20", ParameterStyle.PipeDelimited => "|", _ => "," };
            (_query ??= new()).AddJoined(name, values.Select(value => text(value).Text).OfType<string>(), delimiter);
            return this;
        }

        foreach (var value in values)
        {
            Query(name, text(value));
        }

        return this;
    }

    /// <summary>
    /// Adds an object, a map or a union's case to the query in its style (<c>form</c> exploded or not,
    /// <c>spaceDelimited</c>, <c>pipeDelimited</c>, <c>deepObject</c>), from its JSON metadata; nothing for null.
    /// </summary>
    public ApiRequestBuilder QueryObject<T>(string name, T? value, JsonTypeInfo<T> info, ParameterStyle style = ParameterStyle.Form, bool explode = true)
    {
        if (value is not null)
        {
            ObjectParameters.AddToQuery(_query ??= new(), name, value, info, style, explode);
        }

        return this;
    }

    /// <summary>Adds a header, unless the value is null.</summary>
    public ApiRequestBuilder Header(string name, ParameterText value)
    {
        if (value.Text is { } text)
        {
            (_headers ??= []).Add(new(name, text));
        }

        return this;
    }

    /// <summary>Adds a list as one comma-separated header (OpenAPI's <c>simple</c> style). Nothing for a null list.</summary>
    public ApiRequestBuilder Header<T>(string name, IEnumerable<T>? values, Func<T, ParameterText> text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return values is null ? this : Header(name, Join(values, text));
    }

    private ApiRequestBuilder Fill(string name, string escaped)
    {
        _path = _path.Replace("{" + name + "}", escaped, StringComparison.Ordinal);
        return this;
    }

    /// <summary>Whether a header of this name was added (a parameter the spec declares, say).</summary>
    internal bool HasHeader(string name) => _headers?.Exists(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)) == true;

    /// <summary>Sets a header, replacing one of the same name added before (how credentials and per-call headers win).</summary>
    public ApiRequestBuilder SetHeader(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        _headers?.RemoveAll(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase));
        (_headers ??= []).Add(new(name, value));
        return this;
    }

    /// <summary>Adds a cookie, its value escaped, unless the value is null.</summary>
    public ApiRequestBuilder Cookie(string name, ParameterText value)
    {
        if (value.Text is { } text)
        {
            (_cookies ??= []).Add(name + "=" + Uri.EscapeDataString(text));
        }

        return this;
    }

    /// <summary>Adds a list as one comma-separated cookie value. Nothing for a null list.</summary>
    public ApiRequestBuilder Cookie<T>(string name, IEnumerable<T>? values, Func<T, ParameterText> text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return values is null ? this : Cookie(name, Join(values, text));
    }

    /// <summary>A JSON body of a value type; nothing for a null optional body.</summary>
    public ApiRequestBuilder JsonValue<T>(T? value, JsonTypeInfo<T> info, string mediaType = "application/json")
        where T : struct
        => value is { } given ? Json(given, info, mediaType) : this;

    /// <summary>A JSON body written with the generated metadata; nothing for a null optional body.</summary>
    public ApiRequestBuilder Json<T>(T? value, JsonTypeInfo<T> info, string mediaType = "application/json")
    {
        ArgumentNullException.ThrowIfNull(info);
        if (value is not null)
        {
            var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, info));
            // Labelled as the spec names it: UTF-8 is JSON's only encoding (RFC 8259), so a charset would add nothing.
            content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
            Content = content;
        }

        return this;
    }

    /// <summary>
    /// An <c>application/x-www-form-urlencoded</c> body, its members written from the generated JSON metadata (see
    /// <see cref="FormUrlEncoded"/>), a member named in <paramref name="styles"/> in the style the spec's
    /// <c>encoding</c> gives it; nothing for a null optional body.
    /// </summary>
    public ApiRequestBuilder Form<T>(T? value, JsonTypeInfo<T> info, params (string Member, FormStyle Style)[] styles)
    {
        if (value is not null)
        {
            Content = FormUrlEncoded.Content(value, info, styles);
        }

        return this;
    }

    /// <summary>As <see cref="Form{T}(T, JsonTypeInfo{T}, ValueTuple{string, FormStyle}[])"/>, for a value type (a JSON value); nothing for null.</summary>
    public ApiRequestBuilder FormValue<T>(T? value, JsonTypeInfo<T> info, params (string Member, FormStyle Style)[] styles)
        where T : struct
        => value is { } given ? Form(given, info, styles) : this;

    /// <summary>A text body.</summary>
    public ApiRequestBuilder Text(string? value, string mediaType = "text/plain")
    {
        if (value is not null)
        {
            Content = new StringContent(value, Encoding.UTF8, mediaType);
        }

        return this;
    }

    /// <summary>A raw body, sent as the stream reads.</summary>
    public ApiRequestBuilder Stream(Stream? value, string mediaType = "application/octet-stream")
    {
        if (value is not null)
        {
            var content = new StreamContent(value);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
            Content = content;
        }

        return this;
    }

    /// <summary>A body the caller (or the generated multipart writer) built.</summary>
    public ApiRequestBuilder Body(HttpContent? content)
    {
        Content = content;
        return this;
    }

    /// <summary>Starts a <c>multipart/form-data</c> body (sent even if no part is added); the <c>*Part</c> calls add to it.</summary>
    public ApiRequestBuilder Multipart()
    {
        Content = _form = new MultipartFormDataContent();
        return this;
    }

    /// <summary>A text part (a value as its parameter text), unless the value is null.</summary>
    public ApiRequestBuilder Part(string name, ParameterText value)
    {
        if (value.Text is { } text)
        {
            Form().Add(new StringContent(text), name);
        }

        return this;
    }

    /// <summary>A text part per item of a list. Nothing for a null list.</summary>
    public ApiRequestBuilder Parts<T>(string name, IEnumerable<T>? values, Func<T, ParameterText> text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (values is not null)
        {
            foreach (var value in values)
            {
                Part(name, text(value));
            }
        }

        return this;
    }

    /// <summary>A file part read from <paramref name="value"/>, named after its file when it is one, unless null.</summary>
    public ApiRequestBuilder FilePart(string name, Stream? value)
    {
        if (value is not null)
        {
            var file = new StreamContent(value);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            Form().Add(file, name, ApiRequest.FileName(value, name));
        }

        return this;
    }

    /// <summary>A file part of bytes, unless null.</summary>
    public ApiRequestBuilder FilePart(string name, byte[]? value)
    {
        if (value is not null)
        {
            Form().Add(new ByteArrayContent(value), name, name);
        }

        return this;
    }

    /// <summary>A JSON part (OpenAPI's default for an object in a form), unless the value is null.</summary>
    public ApiRequestBuilder JsonPart<T>(string name, T? value, JsonTypeInfo<T> info)
    {
        ArgumentNullException.ThrowIfNull(info);
        if (value is not null)
        {
            Form().Add(new StringContent(JsonSerializer.Serialize(value, info), Encoding.UTF8, "application/json"), name);
        }

        return this;
    }

    /// <summary>A JSON part of a value type, unless null.</summary>
    public ApiRequestBuilder JsonValuePart<T>(string name, T? value, JsonTypeInfo<T> info)
        where T : struct
        => value is { } given ? JsonPart(name, given, info) : this;

    private MultipartFormDataContent Form() => _form ?? throw new InvalidOperationException("Call Multipart() before adding parts.");

    /// <summary>The message to send: the path and query under <paramref name="baseAddress"/>, the headers and cookies.</summary>
    internal HttpRequestMessage ToMessage(Uri baseAddress)
    {
        var message = new HttpRequestMessage(Method, ApiRequest.Address(baseAddress, Path, _query)) { Content = Content };
        if (_headers is not null)
        {
            foreach (var header in _headers)
            {
                message.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        if (_cookies is { Count: > 0 })
        {
            message.Headers.TryAddWithoutValidation("Cookie", string.Join("; ", _cookies));
        }

        return message;
    }

    private static string Join<T>(IEnumerable<T> values, Func<T, ParameterText> text)
    {
        var joined = new StringBuilder();
        foreach (var value in values)
        {
            if (joined.Length > 0)
            {
                joined.Append(',');
            }

            joined.Append(text(value).Text);
        }

        return joined.ToString();
    }
}
