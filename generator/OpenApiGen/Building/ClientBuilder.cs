using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;
using OpenApiGen.Diagnostics;
using OpenApiGen.Model;
using OpenApiGen.Naming;
using ParameterLocation = OpenApiGen.Model.ParameterLocation;
using ParameterStyle = OpenApiGen.Model.ParameterStyle;
using SpecLocation = Microsoft.OpenApi.ParameterLocation;
using SpecStyle = Microsoft.OpenApi.ParameterStyle;

namespace OpenApiGen.Building;

/// <summary>
/// The client half of the model: a method per operation of the API's paths, with parameters, body, result and errors
/// typed through the same schemas the models were built from, and the credentials the spec's security schemes need.
/// </summary>
internal sealed partial class ModelBuilder
{
    // The method's other parameters. Its locals are the emitter's, named after the parameters (LocalNames), so they
    // never take a name from the spec.
    private static readonly string[] s_reservedParameterNames = { "cancellationToken", "body" };

    private readonly List<OperationModel> _operations = new();
    private readonly NameScope _methodScope = new("Dispose", "Equals", "GetHashCode", "ToString", "GetType");
    private readonly Dictionary<TypeRef, string> _rootTypes = new();

    private ClientModel BuildClient()
    {
        var optionsName = _typeScope.Claim(_input.ClientName + "Options", "the client's options");
        var schemes = BuildSecuritySchemes();
        return new ClientModel(
            optionsName,
            "I" + _input.ClientName,
            DefaultBaseAddress(),
            _operations.ToEquatableArray(),
            schemes.ToEquatableArray(),
            _rootTypes.Select(static pair => new RootTypeModel(pair.Value, pair.Key)).OrderBy(static r => r.Name, StringComparer.Ordinal).ToEquatableArray());
    }

    private OperationModel BuildOperation(string path, string method, OpenApiOperation operation, IList<IOpenApiParameter>? shared, string operationName, string pointer, string pathPointer)
    {
        var name = ClaimMethodName(operationName, pointer);
        var scope = new NameScope(s_reservedParameterNames);

        // Operation parameters override path-level ones of the same name and place.
        var declared = new List<(IOpenApiParameter Parameter, string Pointer)>();
        for (var i = 0; i < (shared?.Count ?? 0); i++)
        {
            declared.Add((shared![i], pathPointer + "/parameters/" + i));
        }

        for (var i = 0; i < (operation.Parameters?.Count ?? 0); i++)
        {
            var parameter = operation.Parameters![i];
            declared.RemoveAll(d => d.Parameter.Name == parameter.Name && d.Parameter.In == parameter.In);
            declared.Add((parameter, pointer + "/parameters/" + i));
        }

        declared.RemoveAll(static d => d.Parameter.Name is not { Length: > 0 } || d.Parameter.In is null || IsIgnoredHeader(d.Parameter));

        // Named together, so Twilio's StartTime, StartTime< and StartTime> become startTime, startTimeLessThan, startTimeGreaterThan.
        var names = NameScope.NameSiblings(declared.Select(static d => d.Parameter.Name!).ToList(), scope, i => $"the parameter '{declared[i].Parameter.Name}'", camelCase: true);
        var parameters = new List<ParameterModel>();
        for (var index = 0; index < declared.Count; index++)
        {
            var (parameter, parameterPointer) = declared[index];
            var wire = parameter.Name!;
            var location = parameter.In!.Value;

            // A parameter is described by a schema, or by `content` (one media type and its schema): JSON content is
            // sent as its JSON text.
            var content = parameter.Schema is null && parameter.Content is { Count: > 0 } media ? media.First() : (KeyValuePair<string, IOpenApiMediaType>?)null;
            var isJsonContent = content is { } json && IsJson(json.Key) && json.Value.Schema is not null;
            var type = parameter.Schema is { } schema
                ? Resolve(schema, operationName + Identifier.ToPascalCase(wire), parameterPointer + "/schema")
                : isJsonContent
                    ? Resolve(content!.Value.Value.Schema!, operationName + Identifier.ToPascalCase(wire), parameterPointer + "/content/" + SchemaFacts.Escape(content.Value.Key) + "/schema")
                    : new TypeRef(TypeKind.String);
            var isRequired = parameter.Required || location == SpecLocation.Path;

            // An object is written member by member through its JSON metadata; its .NET text would be its type's name.
            var isObject = !isJsonContent && type.Kind is TypeKind.Object or TypeKind.Map;
            parameters.Add(new ParameterModel(
                names[index],
                wire,
                LocationOf(location),
                type.WithNullable(!isRequired || type.IsNullable),
                isRequired,
                isObject ? parameter.Explode : parameter.Explode || parameter.Style is null,
                DocBuilder.ForText(null, parameter.Description),
                StyleOf(parameter.Style, location),
                isObject || isJsonContent ? JsonInfo(type) : null,
                isJsonContent));
        }

        // Required parameters first (path ones leading), then the optional ones, which get defaults.
        parameters = parameters
            .Select((p, i) => (p, i))
            .OrderBy(static x => x.p.IsRequired ? 0 : 1)
            .ThenBy(static x => x.p.Location == ParameterLocation.Path ? 0 : 1)
            .ThenBy(static x => x.i)
            .Select(static x => x.p)
            .ToList();

        var body = BuildRequestBody(operation.RequestBody, operationName, pointer + "/requestBody");
        var (result, mayBeEmpty, errors) = BuildResponses(operation.Responses, operationName, pointer + "/responses");
        return new OperationModel(
            name,
            method.ToUpperInvariant(),
            path,
            DocBuilder.ForText(operation.Summary, operation.Description),
            PathSegments(path, parameters).ToEquatableArray(),
            parameters.ToEquatableArray(),
            body,
            result,
            mayBeEmpty,
            errors.ToEquatableArray(),
            SecurityOf(operation).ToEquatableArray());
    }

    private static ParameterLocation LocationOf(SpecLocation location) => location switch
    {
        SpecLocation.Path => ParameterLocation.Path,
        SpecLocation.Header => ParameterLocation.Header,
        SpecLocation.Cookie => ParameterLocation.Cookie,
        _ => ParameterLocation.Query,
    };

    /// <summary>The spec's style, or the location's default: <c>form</c> for query and cookie, <c>simple</c> for path and header.</summary>
    private static ParameterStyle StyleOf(SpecStyle? style, SpecLocation location) => style switch
    {
        SpecStyle.Form => ParameterStyle.Form,
        SpecStyle.Simple => ParameterStyle.Simple,
        SpecStyle.DeepObject => ParameterStyle.DeepObject,
        SpecStyle.Label => ParameterStyle.Label,
        SpecStyle.Matrix => ParameterStyle.Matrix,
        SpecStyle.SpaceDelimited => ParameterStyle.SpaceDelimited,
        SpecStyle.PipeDelimited => ParameterStyle.PipeDelimited,
        _ => location is SpecLocation.Query or SpecLocation.Cookie ? ParameterStyle.Form : ParameterStyle.Simple,
    };

    // OpenAPI: a header parameter named Accept, Content-Type or Authorization "SHALL be ignored"; the body's media
    // type and the security schemes say those, and a request header of that name would be dropped or duplicated.
    private static bool IsIgnoredHeader(IOpenApiParameter parameter)
        => parameter.In == SpecLocation.Header
           && (string.Equals(parameter.Name, "Accept", StringComparison.OrdinalIgnoreCase)
               || string.Equals(parameter.Name, "Content-Type", StringComparison.OrdinalIgnoreCase)
               || string.Equals(parameter.Name, "Authorization", StringComparison.OrdinalIgnoreCase));

    private string ClaimMethodName(string operationName, string pointer)
    {
        var previous = _methodScope.OwnerOf(operationName);
        var name = _methodScope.Claim(operationName, $"the operation at {pointer}");
        if (previous is not null)
        {
            _diagnostics.Add(_spec.At(Descriptors.NameCollision, pointer, operationName, previous, $"the operation at {pointer}", name));
        }

        return name;
    }

    private static IEnumerable<PathSegmentModel> PathSegments(string path, List<ParameterModel> parameters)
    {
        var position = 0;
        while (position < path.Length)
        {
            var open = path.IndexOf('{', position);
            var close = open < 0 ? -1 : path.IndexOf('}', open);
            if (open < 0 || close < 0)
            {
                yield return new PathSegmentModel(path.Substring(position), null);
                yield break;
            }

            if (open > position)
            {
                yield return new PathSegmentModel(path.Substring(position, open - position), null);
            }

            var wire = path.Substring(open + 1, close - open - 1);
            var parameter = parameters.FirstOrDefault(p => p.Location == ParameterLocation.Path && p.WireName == wire);

            // A template variable no parameter declares is kept as written rather than silently dropped.
            yield return parameter is null ? new PathSegmentModel(path.Substring(open, close - open + 1), null) : new PathSegmentModel(null, parameter.Name);
            position = close + 1;
        }
    }

    private RequestBodyModel? BuildRequestBody(IOpenApiRequestBody? requestBody, string operationName, string pointer)
    {
        if (requestBody?.Content is not { Count: > 0 } content)
        {
            return null;
        }

        var (mediaType, media) = PickMedia(content);
        var kind = KindOf(mediaType, media.Schema);
        if (kind == BodyKind.Content && mediaType.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) && media.Schema is { } formSchema)
        {
            var formType = Resolve(formSchema, operationName + "Request", pointer + "/content/" + SchemaFacts.Escape(mediaType) + "/schema").WithNullable(false);
            if (formType.Kind == TypeKind.Object && _objects.TryGetValue(formType.Name!, out var form))
            {
                var parts = form.AllProperties.Select(p => new MultipartPartModel(
                    p.Name,
                    p.WireName,
                    p.Type,
                    p.Type.Kind is TypeKind.Object or TypeKind.Union or TypeKind.Map or TypeKind.Json ? JsonInfo(p.Type) : null));
                return new RequestBodyModel(BodyKind.Multipart, mediaType, formType, requestBody.Required, null, DocBuilder.ForText(null, requestBody.Description), EquatableArray<string>.Empty, parts.ToEquatableArray());
            }
        }

        var type = kind switch
        {
            BodyKind.Json => media.Schema is { } schema ? Resolve(schema, operationName + "Request", pointer + "/content/" + SchemaFacts.Escape(mediaType) + "/schema").WithNullable(false) : new TypeRef(TypeKind.Json),
            BodyKind.Binary => new TypeRef(TypeKind.Binary),
            BodyKind.Text => new TypeRef(TypeKind.String),
            _ => new TypeRef(TypeKind.Json),
        };
        var credentials = type.Kind == TypeKind.Object && _objects.TryGetValue(type.Name!, out var bodyType)
            ? bodyType.AllProperties.Where(static p => p.IsCredential).Select(static p => p.Name)
            : Enumerable.Empty<string>();
        return new RequestBodyModel(kind, mediaType, type, requestBody.Required, kind == BodyKind.Json ? JsonInfo(type) : null, DocBuilder.ForText(null, requestBody.Description), credentials.ToEquatableArray(), EquatableArray<MultipartPartModel>.Empty);
    }

    private (ResponseBodyModel? Result, bool MayBeEmpty, List<ErrorResponseModel> Errors) BuildResponses(OpenApiResponses? responses, string operationName, string pointer)
    {
        var successes = new List<ResponseBodyModel?>();
        var successSchemas = new Dictionary<TypeRef, IOpenApiSchema>();
        var errors = new List<ErrorResponseModel>();
        foreach (var response in responses ?? new OpenApiResponses())
        {
            var status = response.Key;
            var body = ResponseBody(response.Value, status.StartsWith("2", StringComparison.Ordinal) ? operationName + "Response" : operationName + Identifier.ToPascalCase("x" + status).Substring(1) + "Response", pointer + "/" + SchemaFacts.Escape(status));
            if (status.StartsWith("2", StringComparison.Ordinal))
            {
                successes.Add(body);
                if (body is { Kind: BodyKind.Json } && PickMedia(response.Value.Content!).Media.Schema is { } schema)
                {
                    successSchemas[body.Type] = SchemaFacts.Resolved(schema);
                }
            }
            else
            {
                errors.Add(new ErrorResponseModel(status.ToUpperInvariant(), body?.Kind == BodyKind.Json ? body : null, response.Value.Description));
            }
        }

        // Exact statuses before ranges before default, as a reader of the spec would match them.
        errors = errors.OrderBy(static e => e.Status == "DEFAULT" ? 2 : e.Status.EndsWith("XX", StringComparison.Ordinal) ? 1 : 0).ThenBy(static e => e.Status, StringComparer.Ordinal).ToList();

        var withBody = successes.OfType<ResponseBodyModel>().ToList();
        var mayBeEmpty = successes.Count > withBody.Count;
        if (withBody.Count == 0)
        {
            return (null, mayBeEmpty, errors);
        }

        var distinct = withBody.Select(static b => (b.Kind, b.Type)).Distinct().ToList();
        if (distinct.Count == 1)
        {
            return (withBody[0], mayBeEmpty, errors);
        }

        if (distinct.All(static d => d.Kind == BodyKind.Json))
        {
            // Several success statuses with different bodies: a union of them, chosen by the body's shape.
            var union = BuildResultUnion(operationName, pointer, distinct.Select(static d => d.Type).ToList(), successSchemas);
            return (new ResponseBodyModel(BodyKind.Json, union, JsonInfo(union)), mayBeEmpty, errors);
        }

        // JSON beside a stream or text: the client returns the JSON as it is and the caller decides.
        var json = new TypeRef(TypeKind.Json);
        return (new ResponseBodyModel(BodyKind.Json, json, JsonInfo(json)), mayBeEmpty, errors);
    }

    private TypeRef BuildResultUnion(string operationName, string pointer, List<TypeRef> types, Dictionary<TypeRef, IOpenApiSchema> schemas)
    {
        var name = ClaimTypeName(operationName + "Result", $"the success responses at {pointer}", pointer);
        var scope = new NameScope("Unmatched", "Match", "WriteTo", "ValidateInto");
        var cases = types.Select(type =>
        {
            var caseName = scope.Claim(CaseName(type), "a case");
            return type.Kind == TypeKind.Object && schemas.TryGetValue(type, out var schema)
                ? ObjectCase(caseName, type, schema, null, null)
                : new UnionCaseModel(caseName, type, EquatableArray<string>.Empty, EquatableArray<string>.Empty, EquatableArray<UnionConstraint>.Empty, ConstraintModel.None, ConstraintModel.None);
        });
        _types.Add(new UnionTypeModel(name, DocBuilder.ForText(null, "One of the bodies this operation's success statuses document."), pointer, cases.ToEquatableArray()));
        return new TypeRef(TypeKind.Union, false, Qualify(name));
    }

    private ResponseBodyModel? ResponseBody(IOpenApiResponse response, string context, string pointer)
    {
        if (response.Content is not { Count: > 0 } content)
        {
            return null;
        }

        var (mediaType, media) = PickMedia(content);
        var kind = KindOf(mediaType, media.Schema);
        switch (kind)
        {
            case BodyKind.Json:
                var type = media.Schema is { } schema ? Resolve(schema, context, pointer + "/content/" + SchemaFacts.Escape(mediaType) + "/schema").WithNullable(false) : new TypeRef(TypeKind.Json);
                return new ResponseBodyModel(BodyKind.Json, type, JsonInfo(type));
            case BodyKind.Text:
                return new ResponseBodyModel(BodyKind.Text, new TypeRef(TypeKind.String), null);
            default:
                return new ResponseBodyModel(BodyKind.Binary, new TypeRef(TypeKind.Binary), null);
        }
    }

    /// <summary>JSON first, as the most useful to type (a named JSON type before a wildcard); then whatever the spec lists first.</summary>
    private static (string MediaType, IOpenApiMediaType Media) PickMedia(IDictionary<string, IOpenApiMediaType> content)
    {
        foreach (var pair in content.Where(static p => IsJson(p.Key) && !IsWildcard(p.Key)).Concat(content.Where(static p => IsJson(p.Key) && IsWildcard(p.Key))))
        {
            if (KindOf(pair.Key, pair.Value.Schema) == BodyKind.Json)
            {
                return (pair.Key, pair.Value);
            }
        }

        var first = content.First();
        return (first.Key, first.Value);
    }

    private static bool IsJson(string mediaType)
    {
        var type = mediaType.Split(';')[0].Trim().ToLowerInvariant();
        return type == "application/json" || type.EndsWith("+json", StringComparison.Ordinal) || type == "*/*" || type == "application/*";
    }

    private static bool IsWildcard(string mediaType)
    {
        var type = mediaType.Split(';')[0].Trim();
        return type == "*/*" || type.Equals("application/*", StringComparison.OrdinalIgnoreCase);
    }

    private static BodyKind KindOf(string mediaType, IOpenApiSchema? schema)
    {
        var type = mediaType.Split(';')[0].Trim().ToLowerInvariant();
        if (IsJson(type))
        {
            // A wildcard says nothing of the body's form; a binary string schema says it is bytes (springdoc writes
            // every response as */*, file downloads included).
            return IsWildcard(type) && schema?.Format == "binary" ? BodyKind.Binary : BodyKind.Json;
        }

        if (type.StartsWith("multipart/", StringComparison.Ordinal) || type == "application/x-www-form-urlencoded")
        {
            return BodyKind.Content;
        }

        if (type.StartsWith("text/", StringComparison.Ordinal) && schema?.Format is not "binary")
        {
            return BodyKind.Text;
        }

        return BodyKind.Binary;
    }

    /// <summary>The JSON context member that reads and writes a type: a generated type's own name, or a root type's claimed one.</summary>
    private string JsonInfo(TypeRef type)
    {
        var plain = type.WithNullable(false);
        if (plain.Kind is TypeKind.Object or TypeKind.Enum or TypeKind.Union)
        {
            return plain.Name!.Name;
        }

        if (!_rootTypes.TryGetValue(plain, out var name))
        {
            name = _typeScope.Claim(CaseName(plain), "a type the client reads or writes");
            _rootTypes[plain] = name;
        }

        return name;
    }

    private IEnumerable<string> SecurityOf(OpenApiOperation operation)
    {
        // An operation's own 'security' replaces the document's; an empty list means no credentials.
        var requirements = operation.Security ?? _spec.Document.Security ?? new List<OpenApiSecurityRequirement>();
        return requirements.SelectMany(static r => r.Keys).Select(static k => k.Reference?.Id).OfType<string>().Distinct(StringComparer.Ordinal);
    }

    private List<SecuritySchemeModel> BuildSecuritySchemes()
    {
        var schemes = new List<SecuritySchemeModel>();
        var options = new NameScope("BaseAddress");
        var used = new HashSet<string>(_operations.SelectMany(static o => o.Security), StringComparer.Ordinal);
        foreach (var pair in _spec.Document.Components?.SecuritySchemes ?? new Dictionary<string, IOpenApiSecurityScheme>())
        {
            if (!used.Contains(pair.Key))
            {
                continue;
            }

            var scheme = pair.Value;
            var docs = DocBuilder.ForText(null, scheme.Description);
            switch (scheme.Type)
            {
                case SecuritySchemeType.Http when string.Equals(scheme.Scheme, "basic", StringComparison.OrdinalIgnoreCase):
                    schemes.Add(new SecuritySchemeModel(pair.Key, CredentialKind.Basic, null, null, options.Claim("Username", pair.Key), options.Claim("Password", pair.Key), docs));
                    break;
                case SecuritySchemeType.Http:
                case SecuritySchemeType.OAuth2:
                case SecuritySchemeType.OpenIdConnect:
                    schemes.Add(new SecuritySchemeModel(pair.Key, CredentialKind.Bearer, null, null, options.Claim(scheme.Type == SecuritySchemeType.Http ? "BearerToken" : "AccessToken", pair.Key), null, docs));
                    break;
                case SecuritySchemeType.ApiKey when scheme.Name is { Length: > 0 } keyName && scheme.In is { } location:
                    var option = options.IsTaken("ApiKey") ? Identifier.ToPascalCase(pair.Key) + "ApiKey" : "ApiKey";
                    schemes.Add(new SecuritySchemeModel(pair.Key, CredentialKind.ApiKey, LocationOf(location), keyName, options.Claim(option, pair.Key), null, docs));
                    break;
            }
        }

        // A key that travels in the JSON body (x-openapigen-credential) is a scheme of its own, sharing the API key option if there is one.
        if (_operations.Any(static o => o.Body is { CredentialProperties.Count: > 0 }))
        {
            var option = schemes.FirstOrDefault(static s => s.Kind == CredentialKind.ApiKey)?.OptionName ?? options.Claim("ApiKey", SchemaFacts.CredentialExtension);
            schemes.Add(new SecuritySchemeModel(SchemaFacts.CredentialExtension, CredentialKind.Body, null, null, option, null, DocModel.Empty));
        }

        return schemes;
    }

    private string? DefaultBaseAddress()
    {
        if (_spec.Document.Servers is not { Count: > 0 } servers || servers[0].Url is not { Length: > 0 } url)
        {
            return null;
        }

        // Server variables take their defaults.
        foreach (var variable in servers[0].Variables ?? new Dictionary<string, OpenApiServerVariable>())
        {
            url = url.Replace("{" + variable.Key + "}", variable.Value.Default ?? string.Empty);
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttps || absolute.Scheme == Uri.UriSchemeHttp)
            ? absolute.AbsoluteUri
            : null;
    }
}
