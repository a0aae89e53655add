namespace OpenApiGen.Model;

/// <summary>One API operation, as a client method: every name decided, every type resolved.</summary>
/// <param name="Name">The method's name without the <c>Async</c> suffix.</param>
/// <param name="Method">The HTTP method, upper case.</param>
/// <param name="Path">The path template as the spec gives it (<c>/v1/tasks/{task_id}</c>).</param>
/// <param name="Docs">The operation's summary and description.</param>
/// <param name="PathSegments">The path split into literal text and parameter references, in order.</param>
/// <param name="Parameters">Path, query, header and cookie parameters, in the method's parameter order.</param>
/// <param name="Body">The request body, if the operation takes one.</param>
/// <param name="Result">What a success returns; null when no success response has a body.</param>
/// <param name="ResultMayBeEmpty">Some success response has no body (a 204 beside a 200), so the result can be null.</param>
/// <param name="Errors">The documented error responses, most specific first.</param>
/// <param name="Security">The credentials the operation sends.</param>
/// <param name="MethodName">The method's name: <paramref name="Name"/> and <c>Async</c>.</param>
/// <param name="DescriptionName">The client's static field that describes the operation's answers.</param>
/// <param name="OptionsTypeName">
/// When the operation has more optional parameters than a call should list (<see cref="OptionsThreshold"/>): the
/// generated options class that holds them beside the per-call options; else null, and they are method parameters.
/// </param>
/// <param name="Server">The operation's own server (OpenAPI's operation- or path-level <c>servers</c>), when it names an absolute one; else null.</param>
internal sealed record OperationModel(
    string Name,
    string Method,
    string Path,
    DocModel Docs,
    EquatableArray<PathSegmentModel> PathSegments,
    EquatableArray<ParameterModel> Parameters,
    RequestBodyModel? Body,
    ResponseBodyModel? Result,
    bool ResultMayBeEmpty,
    EquatableArray<ErrorResponseModel> Errors,
    EquatableArray<string> Security,
    string MethodName,
    string DescriptionName,
    string? OptionsTypeName,
    string? Server)
{
    /// <summary>More optional parameters than this make an options class: a vendor adding one is then no binary break.</summary>
    public const int OptionsThreshold = 3;
}

/// <summary>A piece of a path template: literal text, or the C# name of the parameter that fills it.</summary>
internal sealed record PathSegmentModel(string? Literal, string? Parameter);

/// <summary>Where a parameter, or an API key, travels.</summary>
internal enum ParameterLocation
{
    Path,
    Query,
    Header,
    Cookie,
}

/// <summary>How a parameter's value is written (OpenAPI's <c>style</c>); the spec's, or its location's default.</summary>
internal enum ParameterStyle
{
    /// <summary>Query and cookie default: <c>name=value</c>, lists comma-joined unless exploded.</summary>
    Form,

    /// <summary>Path and header default: the value alone, lists comma-joined.</summary>
    Simple,

    /// <summary>An object's members as <c>name[member]=value</c>.</summary>
    DeepObject,

    /// <summary><c>.value</c> in a path.</summary>
    Label,

    /// <summary><c>;name=value</c> in a path.</summary>
    Matrix,

    /// <summary>A list joined by spaces.</summary>
    SpaceDelimited,

    /// <summary>A list joined by <c>|</c>.</summary>
    PipeDelimited,
}

/// <summary>A path, query, header or cookie parameter.</summary>
/// <param name="Name">The C# parameter name (camelCase, escaped where it is a keyword).</param>
/// <param name="WireName">The name on the wire, exactly as the spec gives it (Twilio's <c>StartTime&lt;</c>).</param>
/// <param name="Location">Where it travels.</param>
/// <param name="Type">The C# type; nullable when the parameter is optional.</param>
/// <param name="IsRequired">The caller must pass it (path parameters always).</param>
/// <param name="Explode">For a list in the query: one <c>name=value</c> per item (true) or comma-joined values (false); for an object, its members as their own pairs.</param>
/// <param name="Docs">The parameter's description.</param>
/// <param name="Style">How its value is written.</param>
/// <param name="JsonInfo">For an object or map parameter, or one sent as JSON text, its JSON metadata's property on the context; else null.</param>
/// <param name="IsJsonText">The parameter is described by <c>content: application/json</c>: its value is sent as its JSON text.</param>
/// <param name="OptionName">The property that holds it in the operation's options class, when it has one; else null (a method parameter).</param>
internal sealed record ParameterModel(
    string Name,
    string WireName,
    ParameterLocation Location,
    TypeRef Type,
    bool IsRequired,
    bool Explode,
    DocModel Docs,
    ParameterStyle Style,
    string? JsonInfo = null,
    bool IsJsonText = false,
    string? OptionName = null);

internal enum BodyKind
{
    /// <summary>JSON, written and read with the generated metadata.</summary>
    Json,

    /// <summary>Raw bytes: a stream.</summary>
    Binary,

    /// <summary>Text.</summary>
    Text,

    /// <summary><c>multipart/form-data</c> from a generated class: a part per member, streams as files.</summary>
    Multipart,

    /// <summary><c>application/x-www-form-urlencoded</c> from a generated type, written member by member by the runtime from its JSON metadata.</summary>
    Form,

    /// <summary>Any other media type (multipart without an object schema, a form of no object): the caller builds the <c>HttpContent</c>.</summary>
    Content,

    /// <summary>A <c>text/event-stream</c> answer whose schema types each event's data as JSON: an <c>IAsyncEnumerable</c> of it.</summary>
    Events,
}

/// <summary>A request body: its kind, media type and C# type.</summary>
/// <param name="Kind">How it is written.</param>
/// <param name="MediaType">Its media type, as the spec names it.</param>
/// <param name="Type">Its C# type.</param>
/// <param name="IsRequired">The spec requires a body.</param>
/// <param name="JsonInfo">The JSON context member that writes it, for a JSON body.</param>
/// <param name="Docs">Its description.</param>
/// <param name="CredentialProperties">Members of the body the client fills with the API key (OpenAPI cannot put a key in a body; an <c>x-openapigen-credential</c> extension does).</param>
/// <param name="Parts">For a multipart body, the part each member becomes.</param>
/// <param name="FormStyles">For a form body, the members its <c>encoding</c> writes otherwise than the runtime's default for their type.</param>
internal sealed record RequestBodyModel(BodyKind Kind, string MediaType, TypeRef Type, bool IsRequired, string? JsonInfo, DocModel Docs, EquatableArray<string> CredentialProperties, EquatableArray<MultipartPartModel> Parts, EquatableArray<FormStyleModel> FormStyles = default);

/// <summary>A form member the spec's <c>encoding</c> writes in a style of its own: its wire name and the runtime's <c>FormStyle</c> member.</summary>
internal sealed record FormStyleModel(string WireName, string Style);

/// <summary>A part of a multipart body: the member it comes from, its field name, and its type (a stream is a file part).</summary>
internal sealed record MultipartPartModel(string PropertyName, string WireName, TypeRef Type, string? JsonInfo);

/// <summary>A response body: its kind and type; <paramref name="JsonInfo"/> names the JSON context property that reads it; <paramref name="MediaType"/> is the spec's (null for a union of several successes).</summary>
internal sealed record ResponseBodyModel(BodyKind Kind, TypeRef Type, string? JsonInfo, string? MediaType = null);

/// <summary>An error response: the status it answers (<c>404</c>, <c>4XX</c>, <c>default</c>) and its documented body, if JSON.</summary>
internal sealed record ErrorResponseModel(string Status, ResponseBodyModel? Body, string? Description);

/// <summary>How a client sends a credential.</summary>
internal enum CredentialKind
{
    /// <summary><c>Authorization: Bearer ...</c> (HTTP bearer, OAuth 2, OpenID Connect).</summary>
    Bearer,

    /// <summary><c>Authorization: Basic ...</c> from a user name and a password.</summary>
    Basic,

    /// <summary>A key in a header, the query or a cookie.</summary>
    ApiKey,

    /// <summary>A key in a member of the JSON body (<c>x-openapigen-credential</c>), which OpenAPI cannot say.</summary>
    Body,
}

/// <summary>A security scheme the client can send, and the options member that holds its credential.</summary>
/// <param name="Name">The scheme's name in the spec.</param>
/// <param name="Kind">How it is sent.</param>
/// <param name="In">For an API key: where it travels.</param>
/// <param name="WireName">For an API key: the header, query or cookie name.</param>
/// <param name="OptionName">The options member that holds the credential (for basic, the user name).</param>
/// <param name="SecondOptionName">For basic, the options member that holds the password.</param>
/// <param name="Docs">The scheme's description.</param>
internal sealed record SecuritySchemeModel(string Name, CredentialKind Kind, ParameterLocation? In, string? WireName, string OptionName, string? SecondOptionName, DocModel Docs);

/// <summary>A type a client reads or writes at the top level that is not a generated class (a list, a string): the JSON context serves it too.</summary>
/// <param name="Name">The JSON context's property for it.</param>
/// <param name="Type">The type.</param>
/// <param name="ConverterName">The converter class nested in the JSON context that reads and writes it.</param>
internal sealed record RootTypeModel(string Name, TypeRef Type, string ConverterName);
