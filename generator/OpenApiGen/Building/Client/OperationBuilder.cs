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
/// An operation of the API's paths as a client method: its name, its parameters (named together, required first),
/// its path as literal text and parameters, its body, result and errors, and the credentials it sends.
/// </summary>
internal static class OperationBuilder
{
    // The method's other parameters. Its locals are the emitter's, named after the parameters (LocalNames), so they
    // never take a name from the spec.
    private static readonly string[] s_reservedParameterNames = { "cancellationToken", "body", "options" };

    // What an options class inherits from ApiRequestOptions and object: no parameter's property may take it.
    private static readonly string[] s_reservedOptionNames = { "Headers", "Timeout", "ThrowOnError", "Limits", "WithHeader", "Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "Finalize" };

    public static OperationModel Build(BuildContext context, string path, string method, OpenApiOperation operation, IList<IOpenApiParameter>? shared, string operationName, string pointer, string pathPointer, IList<OpenApiServer>? pathServers = null)
    {
        var name = ClaimMethodName(context, operationName, pointer);
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
            var isJsonContent = content is { } json && MediaTypes.IsJson(json.Key) && json.Value.Schema is not null;
            var type = parameter.Schema is { } schema
                ? TypeResolver.Resolve(context, schema, operationName + Identifier.ToPascalCase(wire), parameterPointer + "/schema")
                : isJsonContent
                    ? TypeResolver.Resolve(context, content!.Value.Value.Schema!, operationName + Identifier.ToPascalCase(wire), parameterPointer + "/content/" + SchemaFacts.Escape(content.Value.Key) + "/schema")
                    : new TypeRef(TypeKind.String);
            var isRequired = parameter.Required || location == SpecLocation.Path;

            // An object, or a union whichever case it holds, is written member by member through its JSON metadata;
            // its .NET text would be its type's name.
            var isObject = !isJsonContent && type.Kind is TypeKind.Object or TypeKind.Map or TypeKind.Union;
            var (style, explode) = isJsonContent ? (StyleOf(parameter.Style, location), parameter.Explode) : ParameterStyles.Of(context, parameter, type, parameterPointer);
            parameters.Add(new ParameterModel(
                names[index],
                wire,
                LocationOf(location),
                type.WithNullable(!isRequired || type.IsNullable),
                isRequired,
                explode,
                DocBuilder.ForText(null, parameter.Description),
                style,
                isObject || isJsonContent ? context.JsonInfos.For(type) : null,
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

        // Past a few optional parameters, they move into an options class (OpenAI's and Azure's *Options): a call names
        // only those it sets, and a vendor adding one more is not a binary break.
        string? optionsType = null;
        if (parameters.Count(static p => !p.IsRequired) > OperationModel.OptionsThreshold)
        {
            optionsType = context.Names.ClaimQuietly(name + "Options", $"the options of the operation at {pointer}");
            var members = new NameScope(s_reservedOptionNames.Concat(new[] { optionsType }).ToArray());
            parameters = parameters.Select(p => p.IsRequired ? p : p with { OptionName = members.Claim(Identifier.ToPascalCase(p.Name.TrimStart('@')), p.WireName) }).ToList();
        }

        var body = BodyBuilder.Request(context, operation.RequestBody, operationName, pointer + "/requestBody");
        var (result, mayBeEmpty, errors) = BodyBuilder.Responses(context, operation.Responses, operationName, pointer + "/responses");
        return new OperationModel(
            name,
            method.ToUpperInvariant(),
            path,
            DocBuilder.ForOperation(operation),
            PathSegments(path, parameters).ToEquatableArray(),
            parameters.ToEquatableArray(),
            body,
            result,
            mayBeEmpty,
            errors.ToEquatableArray(),
            SecurityBuilder.SchemesOf(context, operation).ToEquatableArray(),
            name + "Async",
            string.Empty,
            optionsType,
            OwnServer(context, operation.Servers is { Count: > 0 } ? operation.Servers : pathServers));
    }

    /// <summary>
    /// The operation's or path's own server; null when it names none, or the document's own (Twilio repeats its one
    /// server on every path): that adds nothing, and would win over the HttpClient's <c>BaseAddress</c>.
    /// In a client of several documents, an operation of a document whose server is not the client's carries its document's.
    /// </summary>
    private static string? OwnServer(BuildContext context, IList<OpenApiServer>? servers)
    {
        var document = ClientBuilder.ServerAddress(context.Spec.Document.Servers);
        var client = ClientBuilder.ClientServer(context);
        return (ClientBuilder.ServerAddress(servers) ?? document) is { } server && server != client ? server : null;
    }

    internal static ParameterLocation LocationOf(SpecLocation location) => location switch
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

    private static string ClaimMethodName(BuildContext context, string operationName, string pointer)
    {
        if (context.Input.Group is { } group && group.OwnerOf(operationName, method: true) is { } document)
        {
            // Another document of the client has an operation of this name, and keeps it (OAG041).
            var renamed = ClaimMethodName(context, group.Stem + operationName, pointer);
            context.Report(Descriptors.GroupOperationRenamed, pointer, operationName, document, group.Client, renamed);
            return renamed;
        }

        var previous = context.MethodNames.OwnerOf(operationName);
        var name = context.MethodNames.Claim(operationName, $"the operation at {pointer}");
        if (previous is not null)
        {
            context.Report(Descriptors.NameCollision, pointer, operationName, previous, $"the operation at {pointer}", name);
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
}
