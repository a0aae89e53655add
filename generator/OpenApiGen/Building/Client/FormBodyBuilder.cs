using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;
using OpenApiGen.Diagnostics;
using OpenApiGen.Model;
using ParameterStyle = Microsoft.OpenApi.ParameterStyle;

namespace OpenApiGen.Building;

/// <summary>
/// An <c>application/x-www-form-urlencoded</c> body: its schema's type (a generated class, or the schema's model),
/// which the runtime writes member by member from its JSON metadata, and the members the spec's <c>encoding</c>
/// writes in a style of their own. A schema a form cannot write (a string, a list, none) is reported, and the method
/// takes the closest thing it can send: the encoded text for a string, else content the caller builds.
/// </summary>
internal static class FormBodyBuilder
{
    public static RequestBodyModel Build(BuildContext context, IOpenApiRequestBody requestBody, string mediaType, IOpenApiMediaType media, string operationName, string pointer)
    {
        var mediaPointer = pointer + "/content/" + SchemaFacts.Escape(mediaType);
        var docs = DocBuilder.ForText(null, requestBody.Description);
        if (media.Schema is not { } schema)
        {
            context.Report(Descriptors.FormBodyNotObject, mediaPointer, "missing", "the method takes content the caller builds");
            return Content(mediaType, requestBody.Required, docs);
        }

        var schemaPointer = mediaPointer + "/schema";
        var type = TypeResolver.Resolve(context, schema, operationName + "Request", schemaPointer).WithNullable(false);
        switch (type.Kind)
        {
            case TypeKind.Object or TypeKind.Map or TypeKind.Union or TypeKind.Json:
                if (type.Kind == TypeKind.Union && context.Types.TryGetUnion(type.Name!, out var union)
                    && union.Cases.FirstOrDefault(static c => c.Type.Kind is not (TypeKind.Object or TypeKind.Map or TypeKind.Json)) is { } scalar)
                {
                    context.Report(Descriptors.FormBodyNotObject, schemaPointer, $"a union with the case {scalar.Name}", "a value of that case is refused before anything is sent (ArgumentException)");
                }

                var styles = Styles(context, media, type, mediaPointer);
                return new RequestBodyModel(BodyKind.Form, mediaType, type, requestBody.Required, context.JsonInfos.For(type), docs, EquatableArray<string>.Empty, EquatableArray<MultipartPartModel>.Empty, styles.ToEquatableArray());
            case TypeKind.String:
                context.Report(Descriptors.FormBodyNotObject, schemaPointer, "a string", "the method takes the encoded form text and sends it as it is");
                return new RequestBodyModel(BodyKind.Text, mediaType, new TypeRef(TypeKind.String), requestBody.Required, null, docs, EquatableArray<string>.Empty, EquatableArray<MultipartPartModel>.Empty);
            default:
                context.Report(Descriptors.FormBodyNotObject, schemaPointer, "a " + type.Kind.ToString().ToLowerInvariant(), "the method takes content the caller builds");
                return Content(mediaType, requestBody.Required, docs);
        }
    }

    private static RequestBodyModel Content(string mediaType, bool required, DocModel docs)
        => new(BodyKind.Content, mediaType, new TypeRef(TypeKind.Json), required, null, docs, EquatableArray<string>.Empty, EquatableArray<MultipartPartModel>.Empty);

    /// <summary>The style of each member the encoding names, left out where it is what the runtime does for that member's type anyway.</summary>
    private static List<FormStyleModel> Styles(BuildContext context, IOpenApiMediaType media, TypeRef type, string mediaPointer)
    {
        var styles = new List<FormStyleModel>();
        var members = type.Kind == TypeKind.Object && context.Types.TryGetObject(type.Name!, out var form) ? form.AllProperties.ToList() : null;
        foreach (var pair in media.Encoding ?? new Dictionary<string, OpenApiEncoding>())
        {
            var pointer = mediaPointer + "/encoding/" + SchemaFacts.Escape(pair.Key);
            var member = members?.FirstOrDefault(p => p.WireName == pair.Key);
            if (members is not null && member is null)
            {
                context.Report(Descriptors.EncodingNamesNoMember, pointer, pair.Key);
                continue;
            }

            if (pair.Value.AllowReserved == true)
            {
                context.Report(Descriptors.ReservedEscaped, pointer, pair.Key);
            }

            if (StyleOf(context, pair.Key, pair.Value, pointer) is { } style && !IsDefault(style, member?.Type))
            {
                styles.Add(new FormStyleModel(pair.Key, style));
            }
        }

        return styles.OrderBy(static s => s.WireName, StringComparer.Ordinal).ToList();
    }

    /// <summary>The runtime's <c>FormStyle</c> for an encoding, or null for the default.</summary>
    private static string? StyleOf(BuildContext context, string name, OpenApiEncoding encoding, string pointer)
    {
        if (encoding.Style is { } style)
        {
            var explode = encoding.Explode ?? style == ParameterStyle.Form;
            switch (style)
            {
                case ParameterStyle.Form:
                    return explode ? "Form" : "FormNotExploded";
                case ParameterStyle.DeepObject:
                    return "DeepObject";
                case ParameterStyle.SpaceDelimited:
                    return explode ? "Form" : "SpaceDelimited";
                case ParameterStyle.PipeDelimited:
                    return explode ? "Form" : "PipeDelimited";
                default:
                    context.Report(Descriptors.EncodingNotHonoured, pointer + "/style", name, "style '" + Camel(style.ToString()) + "', a style for paths and headers", "it is written as a form member without one");
                    return null;
            }
        }

        if (encoding.ContentType is { Length: > 0 } contentType)
        {
            var first = contentType.Split(',')[0].Trim();
            if (MediaTypes.IsJson(first) && !MediaTypes.IsWildcard(first))
            {
                return "Json";
            }

            if (!first.StartsWith("text/", StringComparison.OrdinalIgnoreCase))
            {
                context.Report(Descriptors.EncodingNotHonoured, pointer + "/contentType", name, "contentType '" + contentType + "'", "a form value is text, and it is written as its text");
            }

            return null;
        }

        return encoding.Explode is false ? "FormNotExploded" : null;
    }

    // What the runtime does for a member its encoding does not name: a value or a list of values as `form`, exploded;
    // a structure, or a list of them, as deepObject. A scalar reads the same in every style but JSON.
    private static bool IsDefault(string style, TypeRef? type)
    {
        if (type is null)
        {
            return false;
        }

        var structured = IsStructure(type) || (type.Kind == TypeKind.List && type.Element is { } element && IsStructure(element));
        return type.Kind != TypeKind.List && !structured
            ? style != "Json"
            : style == (structured ? "DeepObject" : "Form");
    }

    private static bool IsStructure(TypeRef type) => type.Kind is TypeKind.Object or TypeKind.Map or TypeKind.Union or TypeKind.Json;

    private static string Camel(string text) => char.ToLowerInvariant(text[0]) + text.Substring(1);
}
