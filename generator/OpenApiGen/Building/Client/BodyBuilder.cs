using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;
using OpenApiGen.Model;
using OpenApiGen.Naming;

namespace OpenApiGen.Building;

/// <summary>
/// An operation's request body and responses: the media type to use of those the spec lists, the body's kind and
/// type, the success result (a union when success statuses differ), and the documented errors, most specific first.
/// </summary>
internal static class BodyBuilder
{
    /// <summary>The name a response's inline schema gets: <c>GetPetResponse</c> for a success, <c>GetPet404Response</c> otherwise.</summary>
    public static string ResponseName(string operationName, string status)
        => status.StartsWith("2", StringComparison.Ordinal)
            ? operationName + "Response"
            : operationName + Identifier.ToPascalCase("x" + status).Substring(1) + "Response";

    public static RequestBodyModel? Request(BuildContext context, IOpenApiRequestBody? requestBody, string operationName, string pointer)
    {
        if (requestBody?.Content is not { Count: > 0 } content)
        {
            return null;
        }

        var (mediaType, media) = MediaTypes.Pick(content);
        if (MediaTypes.IsForm(mediaType))
        {
            return FormBodyBuilder.Build(context, requestBody, mediaType, media, operationName, pointer);
        }

        var kind = MediaTypes.KindOf(mediaType, media.Schema);
        if (kind == BodyKind.Content && mediaType.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) && media.Schema is { } formSchema)
        {
            var formType = TypeResolver.Resolve(context, formSchema, operationName + "Request", pointer + "/content/" + SchemaFacts.Escape(mediaType) + "/schema").WithNullable(false);
            if (formType.Kind == TypeKind.Object && context.Types.TryGetObject(formType.Name!, out var form))
            {
                var parts = form.AllProperties.Select(p => new MultipartPartModel(
                    p.Name,
                    p.WireName,
                    p.Type,
                    p.Type.Kind is TypeKind.Object or TypeKind.Union or TypeKind.Map or TypeKind.Json ? context.JsonInfos.For(p.Type) : null));
                return new RequestBodyModel(BodyKind.Multipart, mediaType, formType, requestBody.Required, null, DocBuilder.ForText(null, requestBody.Description), EquatableArray<string>.Empty, parts.ToEquatableArray());
            }
        }

        var type = kind switch
        {
            BodyKind.Json => media.Schema is { } schema ? TypeResolver.Resolve(context, schema, operationName + "Request", pointer + "/content/" + SchemaFacts.Escape(mediaType) + "/schema").WithNullable(false) : new TypeRef(TypeKind.Json),
            BodyKind.Binary => new TypeRef(TypeKind.Binary),
            BodyKind.Text => new TypeRef(TypeKind.String),
            _ => new TypeRef(TypeKind.Json),
        };
        var credentials = type.Kind == TypeKind.Object && context.Types.TryGetObject(type.Name!, out var bodyType)
            ? bodyType.AllProperties.Where(static p => p.IsCredential).Select(static p => p.Name)
            : Enumerable.Empty<string>();
        return new RequestBodyModel(kind, mediaType, type, requestBody.Required, kind == BodyKind.Json ? context.JsonInfos.For(type) : null, DocBuilder.ForText(null, requestBody.Description), credentials.ToEquatableArray(), EquatableArray<MultipartPartModel>.Empty);
    }

    public static (ResponseBodyModel? Result, bool MayBeEmpty, List<ErrorResponseModel> Errors) Responses(BuildContext context, OpenApiResponses? responses, string operationName, string pointer)
    {
        var successes = new List<ResponseBodyModel?>();
        var successSchemas = new Dictionary<TypeRef, IOpenApiSchema>();
        var errors = new List<ErrorResponseModel>();
        foreach (var response in responses ?? new OpenApiResponses())
        {
            var status = response.Key;
            var body = Response(context, response.Value, ResponseName(operationName, status), pointer + "/" + SchemaFacts.Escape(status));
            if (status.StartsWith("2", StringComparison.Ordinal))
            {
                successes.Add(body);
                if (body is { Kind: BodyKind.Json } && MediaTypes.Pick(response.Value.Content!).Media.Schema is { } schema)
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
            var union = ResultUnion(context, operationName, pointer, distinct.Select(static d => d.Type).ToList(), successSchemas);
            return (new ResponseBodyModel(BodyKind.Json, union, context.JsonInfos.For(union)), mayBeEmpty, errors);
        }

        // JSON beside a stream or text: the client returns the JSON as it is and the caller decides.
        var json = new TypeRef(TypeKind.Json);
        return (new ResponseBodyModel(BodyKind.Json, json, context.JsonInfos.For(json)), mayBeEmpty, errors);
    }

    private static TypeRef ResultUnion(BuildContext context, string operationName, string pointer, List<TypeRef> types, Dictionary<TypeRef, IOpenApiSchema> schemas)
    {
        var name = context.Names.Claim(operationName + "Result", $"the success responses at {pointer}", pointer, Shape.Union);
        var scope = UnionBuilder.NewCaseScope(name);
        var cases = types.Select(type =>
        {
            var caseName = scope.Claim(UnionBuilder.CaseName(type), "a case");
            return type.Kind == TypeKind.Object && schemas.TryGetValue(type, out var schema)
                ? UnionBuilder.ObjectCase(context, caseName, type, schema, null, null)
                : UnionBuilder.PlainCase(caseName, type, ConstraintModel.None, ConstraintModel.None);
        });
        context.Types.Add(context.Qualify(name), new UnionTypeModel(name, DocBuilder.ForText(null, "One of the bodies this operation's success statuses document."), pointer, cases.ToEquatableArray()));
        return new TypeRef(TypeKind.Union, false, context.Qualify(name));
    }

    private static ResponseBodyModel? Response(BuildContext context, IOpenApiResponse response, string name, string pointer)
    {
        if (response.Content is not { Count: > 0 } content)
        {
            return null;
        }

        var (mediaType, media) = MediaTypes.Pick(content);
        var kind = MediaTypes.KindOf(mediaType, media.Schema);
        if (MediaTypes.IsEventStream(mediaType) && media.Schema is { } eventSchema)
        {
            // Server-sent events whose schema is the data of each: typed, unless that data is text (a string schema),
            // which the caller reads as the stream's text as before.
            var eventType = TypeResolver.Resolve(context, eventSchema, name + "Event", pointer + "/content/" + SchemaFacts.Escape(mediaType) + "/schema").WithNullable(false);
            if (eventType.Kind is not (TypeKind.String or TypeKind.Binary or TypeKind.Bytes))
            {
                return new ResponseBodyModel(BodyKind.Events, eventType, context.JsonInfos.For(eventType), mediaType);
            }
        }

        switch (kind)
        {
            case BodyKind.Json:
                var type = media.Schema is { } schema ? TypeResolver.Resolve(context, schema, name, pointer + "/content/" + SchemaFacts.Escape(mediaType) + "/schema").WithNullable(false) : new TypeRef(TypeKind.Json);
                return new ResponseBodyModel(BodyKind.Json, type, context.JsonInfos.For(type), mediaType);
            case BodyKind.Text:
                return new ResponseBodyModel(BodyKind.Text, new TypeRef(TypeKind.String), null, mediaType);
            default:
                return new ResponseBodyModel(BodyKind.Binary, new TypeRef(TypeKind.Binary), null, mediaType);
        }
    }
}
