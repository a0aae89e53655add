using System.Collections.Generic;
using System.Linq;
using OpenApiGen.Model;

namespace OpenApiGen.Emit;

/// <summary>
/// A request body as calls on the runtime's <c>ApiRequestBuilder</c>: JSON from the generated metadata, a form written
/// member by member from it, a stream, text, a multipart form a part per member, or content the caller built.
/// </summary>
internal static class RequestBodyCode
{
    /// <summary>Whether the body is written by statements around the builder (a key put into it only while it is serialized).</summary>
    public static bool NeedsStatements(SpecModel spec, OperationModel operation)
        => operation.Body is { Kind: BodyKind.Json, CredentialProperties.Count: > 0 } && BodyCredential(spec) is not null;

    /// <summary>The builder calls that set the body; none when the operation has none.</summary>
    public static IEnumerable<string> Calls(SpecModel spec, OperationModel operation, LocalNames names)
    {
        if (operation.Body is not { } body)
        {
            yield break;
        }

        var context = ClientCode.Context(spec);
        var mediaType = ClientCode.BaseMediaType(body.MediaType);
        switch (body.Kind)
        {
            case BodyKind.Json:
                var json = !body.IsRequired && body.Type.IsValueType ? "JsonValue" : "Json";
                yield return $".{json}(body, {context}.{body.JsonInfo}{MediaTypeArgument(mediaType, "application/json")})";
                break;
            case BodyKind.Form:
                var form = !body.IsRequired && body.Type.IsValueType ? "FormValue" : "Form";
                var styles = string.Concat(body.FormStyles.Select(static s => $", ({Escape.Literal(s.WireName)}, {ClientCode.Runtime}.FormStyle.{s.Style})"));
                yield return $".{form}(body, {context}.{body.JsonInfo}{styles})";
                break;
            case BodyKind.Binary:
                yield return $".Stream(body{MediaTypeArgument(body.MediaType, "application/octet-stream")})";
                break;
            case BodyKind.Text:
                yield return $".Text(body{MediaTypeArgument(mediaType, "text/plain")})";
                break;
            case BodyKind.Multipart:
                yield return ".Multipart()";
                foreach (var part in body.Parts)
                {
                    yield return Part(context, part, names);
                }

                break;
            default:
                yield return ".Body(body)";
                break;
        }
    }

    /// <summary>
    /// Writes the key into the body's credential members the caller left empty, the JSON body, and takes the key out
    /// again: the caller's object never keeps the secret, where it could be logged.
    /// </summary>
    public static void WriteWithCredential(SourceWriter writer, SpecModel spec, OperationModel operation, string request, LocalNames names)
    {
        var body = operation.Body!;
        var option = BodyCredential(spec)!.OptionName;
        var filled = body.CredentialProperties.Select(property => names.New("filled" + property)).ToList();
        for (var i = 0; i < body.CredentialProperties.Count; i++)
        {
            var property = body.CredentialProperties[i];
            writer.Line($"var {filled[i]} = string.IsNullOrEmpty(body.{property});");
            writer.OpenBlock($"if ({filled[i]})");
            writer.Line($"body.{property} = _options.{option};");
            writer.CloseBlock();
        }

        writer.OpenBlock("try");
        writer.Line($"{request}{string.Concat(Calls(spec, operation, names))};");
        writer.CloseBlock();
        writer.OpenBlock("finally");
        for (var i = 0; i < body.CredentialProperties.Count; i++)
        {
            writer.OpenBlock($"if ({filled[i]})");
            writer.Line($"body.{body.CredentialProperties[i]} = null;");
            writer.CloseBlock();
        }

        writer.CloseBlock();
    }

    /// <summary>The scheme of a key that travels in the body, if the spec has one.</summary>
    public static SecuritySchemeModel? BodyCredential(SpecModel spec)
        => spec.Client.SecuritySchemes.FirstOrDefault(static s => s.Kind == CredentialKind.Body);

    /// <summary>A part per member that has a value: a stream as a file (named after its file when it has one), text as itself, structures as JSON.</summary>
    private static string Part(string context, MultipartPartModel part, LocalNames names)
    {
        var name = Escape.Literal(part.WireName);
        var value = "body." + part.PropertyName;
        var type = part.Type.WithNullable(false);
        switch (type.Kind)
        {
            case TypeKind.Binary:
            case TypeKind.Bytes:
                return $".FilePart({name}, {value})";
            case TypeKind.List when part.JsonInfo is null:
                var item = names.Scope().New("item");
                return $".Parts({name}, {value}, static {item} => {RequestCode.Text(type.Element!.WithNullable(false), item, nullable: false)})";
            case var _ when part.JsonInfo is { } info:
                // An object or a list of them is a JSON part: OpenAPI's default contentType for them (Encoding Object).
                return $".{(type.IsValueType && part.Type.IsNullable ? "JsonValuePart" : "JsonPart")}({name}, {value}, {context}.{info})";
            default:
                return $".Part({name}, {RequestCode.Text(type, value, part.Type.IsNullable)})";
        }
    }

    private static string MediaTypeArgument(string mediaType, string fallback)
        => mediaType == fallback ? string.Empty : ", " + Escape.Literal(mediaType);
}
