using System.Collections.Generic;
using System.Linq;
using OpenApiGen.Model;

namespace OpenApiGen.Emit;

/// <summary>
/// Writes the spec's client: an interface for mocking, an options class (base address, credentials) and the client,
/// which takes an <c>HttpClient</c> so <c>IHttpClientFactory</c> owns its life. Each operation is one async method that
/// builds the request, sends it with <c>ResponseHeadersRead</c>, reads success bodies from the stream with the
/// generated metadata and turns anything else into an <c>ApiException</c>. No retries, no polling: that policy belongs
/// to the caller, or to a <c>DelegatingHandler</c> in the HttpClient's pipeline.
/// </summary>
internal static class ClientEmitter
{
    private const string Runtime = "global::OpenApiGen.Runtime";
    private const string Tasks = "global::System.Threading.Tasks";
    private const string Token = "global::System.Threading.CancellationToken";

    public static string Emit(SpecModel spec)
    {
        var client = spec.Client;
        var writer = new SourceWriter();
        FileHeader.Write(writer);
        writer.OpenBlock("namespace " + spec.Namespace);

        XmlDocWriter.Summary(writer, $"The operations of {Title(spec)}, for mocking <see cref=\"{spec.ClientName}\"/>.");
        writer.Line(FileHeader.GeneratedCodeAttribute);
        writer.OpenBlock($"public partial interface {client.InterfaceName}");
        var first = true;
        foreach (var operation in client.Operations)
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            WriteMethodDocs(writer, operation);
            writer.Line($"{ReturnType(operation)} {operation.Name}Async({Parameters(operation)});");
        }

        writer.CloseBlock();
        writer.Line();

        WriteOptions(writer, spec);
        writer.Line();
        WriteClient(writer, spec);

        writer.CloseBlock();
        return writer.ToString();
    }

    private static void WriteOptions(SourceWriter writer, SpecModel spec)
    {
        var client = spec.Client;
        XmlDocWriter.Summary(writer, $"Where <see cref=\"{spec.ClientName}\"/> sends requests, and the credentials it sends.");
        writer.Line(FileHeader.GeneratedCodeAttribute);
        writer.OpenBlock($"public sealed partial class {client.OptionsName}");
        var fallback = client.DefaultBaseAddress is { } address ? $"the spec's server, <c>{Escape.Xml(address)}</c>" : "nothing: the spec names no absolute server, so one of the two must be set";
        XmlDocWriter.Summary(writer, $"Where requests go. When null: the HttpClient's <c>BaseAddress</c>, or else {fallback}.");
        writer.Line("public global::System.Uri? BaseAddress { get; set; }");
        foreach (var scheme in client.SecuritySchemes.GroupBy(static s => s.OptionName).Select(static g => g.First()))
        {
            writer.Line();
            var how = scheme.Kind switch
            {
                CredentialKind.Bearer => "sent as <c>Authorization: Bearer ...</c>",
                CredentialKind.Basic => "the user name for <c>Authorization: Basic ...</c>",
                CredentialKind.Body => "put into the request body's key member when the caller leaves it null",
                _ => $"sent in the {Word(scheme.In!.Value)} <c>{Escape.Xml(scheme.WireName!)}</c>",
            };
            XmlDocWriter.Summary(writer, $"The credential of the <c>{Escape.Xml(scheme.Name)}</c> scheme, {how}. Never logged, and removed from exception messages.");
            writer.Line($"public string? {scheme.OptionName} {{ get; set; }}");
            if (scheme.SecondOptionName is { } password)
            {
                writer.Line();
                XmlDocWriter.Summary(writer, $"The password for <c>Authorization: Basic ...</c> (the <c>{Escape.Xml(scheme.Name)}</c> scheme).");
                writer.Line($"public string? {password} {{ get; set; }}");
            }
        }

        writer.CloseBlock();
    }

    private static void WriteClient(SourceWriter writer, SpecModel spec)
    {
        var client = spec.Client;
        XmlDocWriter.Write(writer, spec.Docs, $"A client for {Title(spec)}.", new[]
        {
            "Each method sends one request and returns the documented success body; any other answer is an <see cref=\"global::OpenApiGen.Runtime.ApiException\"/>. Nothing is retried here: add that policy with a <c>DelegatingHandler</c> in the HttpClient's pipeline.",
        });
        writer.Line(FileHeader.GeneratedCodeAttribute);
        writer.OpenBlock($"public partial class {spec.ClientName} : {client.InterfaceName}");
        writer.Line("private readonly global::System.Net.Http.HttpClient _httpClient;");
        writer.Line($"private readonly {client.OptionsName} _options;");
        writer.Line();
        XmlDocWriter.Summary(writer, "Creates a client that sends through <paramref name=\"httpClient\"/>, whose life its owner (an <c>IHttpClientFactory</c>, say) manages.");
        writer.Line("/// <param name=\"httpClient\">The HttpClient to send with.</param>");
        writer.Line("/// <param name=\"options\">Where to send, and the credentials; read at each request.</param>");
        writer.OpenBlock($"public {spec.ClientName}(global::System.Net.Http.HttpClient httpClient, {client.OptionsName} options)");
        writer.Line("_httpClient = httpClient ?? throw new global::System.ArgumentNullException(nameof(httpClient));");
        writer.Line("_options = options ?? throw new global::System.ArgumentNullException(nameof(options));");
        writer.CloseBlock();

        foreach (var operation in client.Operations)
        {
            writer.Line();
            writer.Line("/// <inheritdoc/>");
            writer.OpenBlock($"public virtual async {ReturnType(operation)} {operation.Name}Async({Parameters(operation)})");
            WriteOperationBody(writer, spec, operation);
            writer.CloseBlock();
        }

        WriteCredentialMethods(writer, spec);
        writer.Line();
        XmlDocWriter.Summary(writer, "The secrets to remove from anything an exception carries.");
        var secrets = client.SecuritySchemes.SelectMany(static s => s.SecondOptionName is null ? new[] { s.OptionName } : new[] { s.OptionName, s.SecondOptionName })
            .Distinct()
            .Select(static name => "_options." + name);
        writer.Line($"private string?[] Secrets => new string?[] {{ {string.Join(", ", secrets)} }};");
        writer.Line();
        var defaultAddress = client.DefaultBaseAddress is { } address
            ? $"new global::System.Uri({Escape.Literal(address)})"
            : "throw new global::System.InvalidOperationException(\"Set the options' BaseAddress or the HttpClient's: the spec names no absolute server.\")";
        writer.Line($"private global::System.Uri BaseAddress => _options.BaseAddress ?? _httpClient.BaseAddress ?? {defaultAddress};");
        writer.CloseBlock();
    }

    private static void WriteOperationBody(SourceWriter writer, SpecModel spec, OperationModel operation)
    {
        var l = new OperationLocals(operation);
        foreach (var parameter in operation.Parameters.Where(static p => p.IsRequired && !p.Type.IsValueType && !p.Type.IsNullable))
        {
            writer.Line($"global::System.ArgumentNullException.ThrowIfNull({parameter.Name});");
        }

        if (operation.Body is { IsRequired: true } || operation.Body is { Kind: not BodyKind.Json })
        {
            writer.Line("global::System.ArgumentNullException.ThrowIfNull(body);");
        }

        // The path, from literal text and escaped parameters.
        var parts = operation.PathSegments.Select(s => s.Literal is { } text
            ? Escape.Literal(text)
            : operation.Parameters.FirstOrDefault(p => p.Name == s.Parameter) switch
            {
                { IsJsonText: true, JsonInfo: { } info } => $"{Runtime}.ApiRequest.Segment(global::System.Text.Json.JsonSerializer.Serialize({s.Parameter}, {Context(spec)}.{info}))",
                { JsonInfo: { } info } objectParameter => $"{Runtime}.ApiRequest.Segment({Runtime}.ObjectParameters.Text({s.Parameter}, {Context(spec)}.{info}, explode: {(objectParameter.Explode ? "true" : "false")}))",
                _ => $"{Runtime}.ApiRequest.Segment({Runtime}.ApiRequest.Text({s.Parameter}))",
            });
        writer.Line($"var {l.Path} = {(operation.PathSegments.Count == 0 ? "\"\"" : string.Join(" + ", parts))};");

        var query = operation.Parameters.Where(static p => p.Location == ParameterLocation.Query).ToList();
        var apiKeysInQuery = spec.Client.SecuritySchemes.Where(s => s.Kind == CredentialKind.ApiKey && s.In == ParameterLocation.Query && operation.Security.Contains(s.Name)).ToList();
        var hasQuery = query.Count > 0 || apiKeysInQuery.Count > 0;
        if (hasQuery)
        {
            writer.Line($"var {l.Query} = new {Runtime}.QueryBuilder();");
            foreach (var parameter in query)
            {
                WriteValue(writer, spec, l, parameter, value => $"{l.Query}.Add({Escape.Literal(parameter.WireName)}, {value});", listPerItem: parameter.Explode);
            }

            foreach (var scheme in apiKeysInQuery)
            {
                var credential = l.Names.New("credential_" + scheme.OptionName);
                writer.OpenBlock($"if (_options.{scheme.OptionName} is {{ Length: > 0 }} {credential})");
                writer.Line($"{l.Query}.Add({Escape.Literal(scheme.WireName!)}, {credential});");
                writer.CloseBlock();
            }
        }

        writer.Line($"using var {l.Request} = new global::System.Net.Http.HttpRequestMessage(new global::System.Net.Http.HttpMethod({Escape.Literal(operation.Method)}), {Runtime}.ApiRequest.Address(BaseAddress, {l.Path}, {(hasQuery ? l.Query : "null")}));");
        foreach (var parameter in operation.Parameters.Where(static p => p.Location == ParameterLocation.Header))
        {
            WriteValue(writer, spec, l, parameter, value => $"{l.Request}.Headers.TryAddWithoutValidation({Escape.Literal(parameter.WireName)}, {value});", listPerItem: false);
        }

        var cookies = operation.Parameters.Where(static p => p.Location == ParameterLocation.Cookie).ToList();
        var apiKeysInCookies = spec.Client.SecuritySchemes.Where(s => s.Kind == CredentialKind.ApiKey && s.In == ParameterLocation.Cookie && operation.Security.Contains(s.Name)).ToList();
        if (cookies.Count > 0 || apiKeysInCookies.Count > 0)
        {
            writer.Line($"var {l.Cookies} = new global::System.Collections.Generic.List<string>();");
            foreach (var parameter in cookies)
            {
                WriteValue(writer, spec, l, parameter, value => $"{l.Cookies}.Add({Escape.Literal(parameter.WireName + "=")} + global::System.Uri.EscapeDataString({value}));", listPerItem: false);
            }

            foreach (var scheme in apiKeysInCookies)
            {
                var credential = l.Names.New("credential_" + scheme.OptionName);
                writer.OpenBlock($"if (_options.{scheme.OptionName} is {{ Length: > 0 }} {credential})");
                writer.Line($"{l.Cookies}.Add({Escape.Literal(scheme.WireName + "=")} + global::System.Uri.EscapeDataString({credential}));");
                writer.CloseBlock();
            }

            writer.OpenBlock($"if ({l.Cookies}.Count > 0)");
            writer.Line($"{l.Request}.Headers.TryAddWithoutValidation(\"Cookie\", string.Join(\"; \", {l.Cookies}));");
            writer.CloseBlock();
        }

        WriteCredentials(writer, spec, operation, l);
        WriteRequestBody(writer, spec, operation, l);

        var ownsResponse = operation.Result is not { Kind: BodyKind.Binary };
        writer.Line($"{(ownsResponse ? "using " : string.Empty)}var {l.Response} = await _httpClient.SendAsync({l.Request}, global::System.Net.Http.HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);");
        writer.Line($"var {l.Status} = (int){l.Response}.StatusCode;");
        writer.OpenBlock($"if ({l.Status} >= 200 && {l.Status} < 300)");
        WriteSuccess(writer, spec, operation, l);
        writer.CloseBlock();
        writer.Line();
        if (!ownsResponse)
        {
            // The success path hands the response to the returned stream; an error disposes it here.
            writer.Line($"using var {l.Failed} = {l.Response};");
        }

        WriteErrors(writer, spec, operation, l);
    }

    private static void WriteValue(SourceWriter writer, SpecModel spec, OperationLocals l, ParameterModel parameter, System.Func<string, string> statement, bool listPerItem)
    {
        var local = l.Names.New("v_" + parameter.Name.TrimStart('@'));
        var value = parameter.Type.IsNullable ? local : parameter.Name;
        if (parameter.Type.IsNullable)
        {
            writer.OpenBlock($"if ({parameter.Name} is {{ }} {local})");
        }

        if (parameter is { IsJsonText: true, JsonInfo: { } jsonInfo })
        {
            writer.Line(statement($"global::System.Text.Json.JsonSerializer.Serialize({value}, {Context(spec)}.{jsonInfo})"));
        }
        else if (parameter.JsonInfo is { } info)
        {
            var metadata = $"{Context(spec)}.{info}";
            writer.Line(parameter.Location == ParameterLocation.Query
                ? $"{Runtime}.ObjectParameters.AddToQuery({l.Query}, {Escape.Literal(parameter.WireName)}, {value}, {metadata}, deepObject: {(parameter.Style == ParameterStyle.DeepObject ? "true" : "false")}, explode: {(parameter.Explode ? "true" : "false")});"
                : statement($"{Runtime}.ObjectParameters.Text({value}, {metadata}, explode: {(parameter.Explode ? "true" : "false")})"));
        }
        else if (parameter.Type.Kind == TypeKind.List)
        {
            var element = parameter.Type.Element!.WithNullable(false);
            if (listPerItem)
            {
                writer.OpenBlock($"foreach (var {l.Item} in {value})");
                writer.Line(statement(Text(element, l.Item)));
                writer.CloseBlock();
            }
            else
            {
                writer.Line(statement($"{Runtime}.ApiRequest.Join({value}, static {l.Item} => {Text(element, l.Item)})"));
            }
        }
        else
        {
            writer.Line(statement(Text(parameter.Type.WithNullable(false), value)));
        }

        if (parameter.Type.IsNullable)
        {
            writer.CloseBlock();
        }
    }

    /// <summary>A parameter value as request text; an extensible enum is its wire text.</summary>
    private static string Text(TypeRef type, string value) => type.Kind switch
    {
        TypeKind.Enum => $"{value}.ToString()",
        TypeKind.Object or TypeKind.Union or TypeKind.Map or TypeKind.List or TypeKind.Json or TypeKind.Binary => $"{Runtime}.ApiRequest.Text((object){value})",
        _ => $"{Runtime}.ApiRequest.Text({value})",
    };

    /// <summary>Each header credential the operation uses is one call to the client's method for that scheme.</summary>
    private static void WriteCredentials(SourceWriter writer, SpecModel spec, OperationModel operation, OperationLocals l)
    {
        foreach (var scheme in HeaderSchemes(spec).Where(s => operation.Security.Contains(s.Name)))
        {
            writer.Line($"Apply{scheme.OptionName}({l.Request});");
        }
    }

    /// <summary>The schemes that put their credential in a header: written once per client, called per operation.</summary>
    private static IEnumerable<SecuritySchemeModel> HeaderSchemes(SpecModel spec)
        => spec.Client.SecuritySchemes.Where(static s => s.Kind is CredentialKind.Bearer or CredentialKind.Basic || (s.Kind == CredentialKind.ApiKey && s.In == ParameterLocation.Header));

    private static void WriteCredentialMethods(SourceWriter writer, SpecModel spec)
    {
        foreach (var scheme in HeaderSchemes(spec))
        {
            writer.Line();
            XmlDocWriter.Summary(writer, $"Adds the <c>{Escape.Xml(scheme.Name)}</c> credential to a request, when the options hold one.");
            var names = new LocalNames("request");
            var credential = names.New("credential");
            writer.OpenBlock($"private void Apply{scheme.OptionName}(global::System.Net.Http.HttpRequestMessage request)");
            writer.OpenBlock($"if (_options.{scheme.OptionName} is {{ Length: > 0 }} {credential})");
            switch (scheme.Kind)
            {
                case CredentialKind.Bearer:
                    writer.Line($"request.Headers.Authorization = new global::System.Net.Http.Headers.AuthenticationHeaderValue(\"Bearer\", {credential});");
                    break;
                case CredentialKind.Basic:
                    var basic = names.New("basic");
                    writer.Line($"var {basic} = global::System.Convert.ToBase64String(global::System.Text.Encoding.UTF8.GetBytes({credential} + \":\" + _options.{scheme.SecondOptionName}));");
                    writer.Line($"request.Headers.Authorization = new global::System.Net.Http.Headers.AuthenticationHeaderValue(\"Basic\", {basic});");
                    break;
                default:
                    writer.Line($"request.Headers.TryAddWithoutValidation({Escape.Literal(scheme.WireName!)}, {credential});");
                    break;
            }

            writer.CloseBlock();
            writer.CloseBlock();
        }
    }

    private static void WriteRequestBody(SourceWriter writer, SpecModel spec, OperationModel operation, OperationLocals l)
    {
        if (operation.Body is not { } body)
        {
            return;
        }

        var mediaType = Escape.Literal(body.MediaType);
        if (body.Kind == BodyKind.Json && body.CredentialProperties.Count > 0 && spec.Client.SecuritySchemes.FirstOrDefault(static s => s.Kind == CredentialKind.Body) is { } credential)
        {
            WriteCredentialBody(writer, spec, l, body, credential.OptionName);
            return;
        }

        switch (body.Kind)
        {
            case BodyKind.Json:
                // An optional body of a value type is a Nullable<T>, and the content is made from its value.
                var value = !body.IsRequired && body.Type.IsValueType ? "body.Value" : "body";
                var create = $"global::System.Net.Http.Json.JsonContent.Create({value}, {Context(spec)}.{body.JsonInfo}, new global::System.Net.Http.Headers.MediaTypeHeaderValue({Escape.Literal(body.MediaType.Split(';')[0].Trim())}))";
                if (body.IsRequired)
                {
                    writer.Line($"{l.Request}.Content = {create};");
                }
                else
                {
                    writer.OpenBlock("if (body is not null)");
                    writer.Line($"{l.Request}.Content = {create};");
                    writer.CloseBlock();
                }

                break;
            case BodyKind.Binary:
                writer.Line($"{l.Request}.Content = new global::System.Net.Http.StreamContent(body);");
                writer.Line($"{l.Request}.Content.Headers.ContentType = global::System.Net.Http.Headers.MediaTypeHeaderValue.Parse({mediaType});");
                break;
            case BodyKind.Text:
                writer.Line($"{l.Request}.Content = new global::System.Net.Http.StringContent(body, global::System.Text.Encoding.UTF8, {Escape.Literal(body.MediaType.Split(';')[0].Trim())});");
                break;
            case BodyKind.Multipart:
                WriteMultipart(writer, spec, l, body);
                break;
            default:
                writer.Line($"{l.Request}.Content = body;");
                break;
        }
    }

    /// <summary>
    /// The key goes into the body only for as long as it takes to serialize it: the caller's object does not keep the
    /// secret afterwards, where it could be logged.
    /// </summary>
    private static void WriteCredentialBody(SourceWriter writer, SpecModel spec, OperationLocals l, RequestBodyModel body, string option)
    {
        var filled = body.CredentialProperties.Select(property => l.Names.New("filled_" + property)).ToList();
        for (var i = 0; i < body.CredentialProperties.Count; i++)
        {
            var property = body.CredentialProperties[i];
            writer.Line($"var {filled[i]} = string.IsNullOrEmpty(body.{property});");
            writer.OpenBlock($"if ({filled[i]})");
            writer.Line($"body.{property} = _options.{option};");
            writer.CloseBlock();
        }

        writer.Line($"byte[] {l.Payload};");
        writer.OpenBlock("try");
        writer.Line($"{l.Payload} = global::System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(body, {Context(spec)}.{body.JsonInfo});");
        writer.CloseBlock();
        writer.OpenBlock("finally");
        for (var i = 0; i < body.CredentialProperties.Count; i++)
        {
            var property = body.CredentialProperties[i];
            writer.OpenBlock($"if ({filled[i]})");
            writer.Line($"body.{property} = null;");
            writer.CloseBlock();
        }

        writer.CloseBlock();
        writer.Line();
        writer.Line($"{l.Request}.Content = new global::System.Net.Http.ByteArrayContent({l.Payload});");
        writer.Line($"{l.Request}.Content.Headers.ContentType = new global::System.Net.Http.Headers.MediaTypeHeaderValue({Escape.Literal(body.MediaType.Split(';')[0].Trim())}) {{ CharSet = \"utf-8\" }};");
    }

    /// <summary>A part per member that has a value: a stream as a file (named after its file when it has one), text as itself, structures as JSON.</summary>
    private static void WriteMultipart(SourceWriter writer, SpecModel spec, OperationLocals l, RequestBodyModel body)
    {
        writer.Line($"var {l.Form} = new global::System.Net.Http.MultipartFormDataContent();");
        foreach (var part in body.Parts)
        {
            var value = l.Names.New("part_" + part.PropertyName);
            var name = Escape.Literal(part.WireName);
            var nullable = part.Type.IsNullable || !part.Type.IsValueType;
            if (nullable)
            {
                writer.OpenBlock($"if (body.{part.PropertyName} is {{ }} {value})");
            }
            else
            {
                writer.OpenBlock();
                writer.Line($"var {value} = body.{part.PropertyName};");
            }

            var type = part.Type.WithNullable(false);
            switch (type.Kind)
            {
                case TypeKind.Binary:
                    writer.Line($"var {l.File} = new global::System.Net.Http.StreamContent({value});");
                    writer.Line($"{l.File}.Headers.ContentType = new global::System.Net.Http.Headers.MediaTypeHeaderValue(\"application/octet-stream\");");
                    writer.Line($"{l.Form}.Add({l.File}, {name}, {Runtime}.ApiRequest.FileName({value}, {name}));");
                    break;
                case TypeKind.Bytes:
                    writer.Line($"{l.Form}.Add(new global::System.Net.Http.ByteArrayContent({value}), {name}, {name});");
                    break;
                case TypeKind.List when part.JsonInfo is null:
                    writer.OpenBlock($"foreach (var {l.Item} in {value})");
                    writer.Line($"{l.Form}.Add(new global::System.Net.Http.StringContent({Text(type.Element!.WithNullable(false), l.Item)}), {name});");
                    writer.CloseBlock();
                    break;
                case var _ when part.JsonInfo is { } info:
                    // An object or a list of them is a JSON part: OpenAPI's default contentType for them (Encoding Object).
                    writer.Line($"{l.Form}.Add(new global::System.Net.Http.StringContent(global::System.Text.Json.JsonSerializer.Serialize({value}, {Context(spec)}.{info}), global::System.Text.Encoding.UTF8, \"application/json\"), {name});");
                    break;
                default:
                    writer.Line($"{l.Form}.Add(new global::System.Net.Http.StringContent({Text(type, value)}), {name});");
                    break;
            }

            writer.CloseBlock();
        }

        writer.Line($"{l.Request}.Content = {l.Form};");
    }

    private static void WriteSuccess(SourceWriter writer, SpecModel spec, OperationModel operation, OperationLocals l)
    {
        if (operation.Result is not { } result)
        {
            writer.Line("return;");
            return;
        }

        if (operation.ResultMayBeEmpty)
        {
            writer.OpenBlock($"if ({l.Status} == 204 || {l.Response}.Content.Headers.ContentLength == 0)");
            writer.Line("return null;");
            writer.CloseBlock();
            writer.Line();
        }

        switch (result.Kind)
        {
            case BodyKind.Json:
                writer.Line($"return await {Runtime}.ApiResponseReader.ReadJsonAsync({l.Response}, {Context(spec)}.{result.JsonInfo}, Secrets, cancellationToken).ConfigureAwait(false);");
                break;
            case BodyKind.Text:
                writer.Line($"return await {Runtime}.ApiResponseReader.ReadTextAsync({l.Response}, cancellationToken).ConfigureAwait(false);");
                break;
            default:
                writer.Line($"return await {Runtime}.ApiResponseReader.ReadStreamAsync({l.Response}, cancellationToken).ConfigureAwait(false);");
                break;
        }
    }

    private static void WriteErrors(SourceWriter writer, SpecModel spec, OperationModel operation, OperationLocals l)
    {
        writer.Line($"throw {l.Status} switch");
        writer.Line("{");
        writer.Indent();

        // Exact statuses first (those read the same way share an arm), then ranges, then default.
        var exact = operation.Errors.Where(static e => e.Status != "DEFAULT" && !e.Status.EndsWith("XX", System.StringComparison.Ordinal));
        foreach (var group in exact.GroupBy(e => ErrorCall(spec, l, e.Body)))
        {
            writer.Line($"{string.Join(" or ", group.Select(static e => e.Status))} => {group.Key},");
        }

        foreach (var range in operation.Errors.Where(static e => e.Status.EndsWith("XX", System.StringComparison.Ordinal)))
        {
            writer.Line($">= {range.Status[0]}00 and < {(char)(range.Status[0] + 1)}00 => {ErrorCall(spec, l, range.Body)},");
        }

        var fallback = operation.Errors.FirstOrDefault(static e => e.Status == "DEFAULT");
        writer.Line($"_ => {ErrorCall(spec, l, fallback?.Body)},");
        writer.Unindent();
        writer.Line("};");
    }

    private static string ErrorCall(SpecModel spec, OperationLocals l, ResponseBodyModel? body)
        => body?.JsonInfo is { } info
            ? $"await {Runtime}.ApiResponseReader.ErrorAsync({l.Response}, {Context(spec)}.{info}, Secrets, cancellationToken).ConfigureAwait(false)"
            : $"await {Runtime}.ApiResponseReader.ErrorAsync<global::System.Text.Json.JsonElement>({l.Response}, null, Secrets, cancellationToken).ConfigureAwait(false)";

    private static void WriteMethodDocs(SourceWriter writer, OperationModel operation)
    {
        XmlDocWriter.Write(writer, operation.Docs, $"<c>{operation.Method} {Escape.Xml(operation.Path)}</c>.", new[] { $"<c>{operation.Method} {Escape.Xml(operation.Path)}</c>" });
        foreach (var parameter in operation.Parameters)
        {
            var text = parameter.Docs.Description is { } description ? XmlDocWriter.Inline(description) : $"The <c>{Escape.Xml(parameter.WireName)}</c> {Word(parameter.Location)} parameter.";
            writer.Line($"/// <param name=\"{parameter.Name.TrimStart('@')}\">{text}</param>");
        }

        if (operation.Body is { } body)
        {
            var text = body.Kind == BodyKind.Content
                ? $"The <c>{Escape.Xml(body.MediaType)}</c> body, built by the caller (for example a <c>MultipartFormDataContent</c>)."
                : body.Docs.Description is { } description ? XmlDocWriter.Inline(description) : $"The <c>{Escape.Xml(body.MediaType)}</c> body.";
            writer.Line($"/// <param name=\"body\">{text}</param>");
        }

        writer.Line("/// <param name=\"cancellationToken\">Cancels the request.</param>");
        if (operation.Result is { } result)
        {
            var returns = result.Kind == BodyKind.Binary ? "The body as a stream; dispose it to release the connection." : "The success body.";
            writer.Line($"/// <returns>{returns}{(operation.ResultMayBeEmpty ? " Null when the success response has no body." : string.Empty)}</returns>");
        }

        writer.Line("/// <exception cref=\"global::OpenApiGen.Runtime.ApiException\">The API answered with a status it does not document as success, or with a body that is not the documented one.</exception>");
    }

    private static string ReturnType(OperationModel operation)
        => operation.Result is { } result
            ? $"{Tasks}.Task<{TypeNames.Of(result.Type.WithNullable(operation.ResultMayBeEmpty))}>"
            : $"{Tasks}.Task";

    private static string Parameters(OperationModel operation)
    {
        var list = new List<string>();
        foreach (var parameter in operation.Parameters.Where(static p => p.IsRequired))
        {
            list.Add($"{TypeNames.Of(parameter.Type)} {parameter.Name}");
        }

        if (operation.Body is { } body)
        {
            var type = body.Kind switch
            {
                BodyKind.Json => TypeNames.Of(body.Type.WithNullable(!body.IsRequired)),
                BodyKind.Binary => "global::System.IO.Stream",
                BodyKind.Text => "string",
                BodyKind.Multipart => TypeNames.Of(body.Type),
                _ => "global::System.Net.Http.HttpContent",
            };
            list.Add(body.Kind == BodyKind.Json && !body.IsRequired ? $"{type} body = null" : $"{type} body");
        }

        foreach (var parameter in operation.Parameters.Where(static p => !p.IsRequired))
        {
            list.Add($"{TypeNames.Of(parameter.Type)} {parameter.Name} = null");
        }

        list.Add($"{Token} cancellationToken = default");
        return string.Join(", ", list);
    }

    /// <summary>A location as the docs say it: <c>query</c>, <c>header</c>.</summary>
    private static string Word(ParameterLocation location) => location.ToString().ToLowerInvariant();

    private static string Context(SpecModel spec) => $"global::{spec.Namespace}.{spec.JsonContextName}.Default";


    /// <summary>
    /// The locals of one operation's method. Those any method may need are claimed first, in a fixed order, after the
    /// method's parameters; the rest (one per parameter, part or credential) are claimed from <see cref="Names"/> as
    /// they are written.
    /// </summary>
    private sealed class OperationLocals
    {
        public OperationLocals(OperationModel operation)
        {
            Names = new LocalNames(operation.Parameters.Select(static p => p.Name).Concat(new[] { "body", "cancellationToken" }));
            Path = Names.New("path");
            Query = Names.New("query");
            Request = Names.New("request");
            Cookies = Names.New("cookies");
            Response = Names.New("response");
            Status = Names.New("status");
            Failed = Names.New("failed");
            Item = Names.New("item");
            Form = Names.New("form");
            File = Names.New("file");
            Payload = Names.New("payload");
        }

        public LocalNames Names { get; }

        public string Path { get; }

        public string Query { get; }

        public string Request { get; }

        public string Cookies { get; }

        public string Response { get; }

        public string Status { get; }

        public string Failed { get; }

        public string Item { get; }

        public string Form { get; }

        public string File { get; }

        public string Payload { get; }
    }

    private static string Title(SpecModel spec) => spec.Docs.Summary is { } title ? "<i>" + XmlDocWriter.Text(title) + "</i>" : "this API";
}
