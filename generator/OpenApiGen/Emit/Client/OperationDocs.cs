using System.Linq;
using OpenApiGen.Model;

namespace OpenApiGen.Emit;

/// <summary>An operation method's doc comment: the spec's summary and description, each parameter, what it returns and throws.</summary>
internal static class OperationDocs
{
    public static void Write(SourceWriter writer, OperationModel operation)
    {
        // The endpoint is the summary when the spec gives none, and otherwise the last remark: said once either way.
        var endpoint = $"<c>{operation.Method} {Escape.Xml(operation.Path)}</c>";
        var documented = operation.Docs.Summary is not null || operation.Docs.Description is not null;
        XmlDocWriter.Write(writer, operation.Docs, endpoint + ".", documented ? new[] { endpoint + "." } : null, obsolete: true);
        foreach (var parameter in operation.Parameters.Where(static p => p.OptionName is null))
        {
            writer.Line($"/// <param name=\"{parameter.Name.TrimStart('@')}\">{Text(parameter)}</param>");
        }

        if (operation.Body is { } body)
        {
            var text = body.Kind == BodyKind.Content
                ? $"The <c>{Escape.Xml(body.MediaType)}</c> body, built by the caller (for example a <c>{ContentExample(body.MediaType)}</c>)."
                : body.Docs.Description is { } description ? XmlDocWriter.Inline(description) : $"The <c>{Escape.Xml(body.MediaType)}</c> body.";
            writer.Line($"/// <param name=\"body\">{text}</param>");
        }

        var options = operation.OptionsTypeName is { } bag
            ? $"The optional parameters, and what this call changes (headers, a timeout, errors returned rather than thrown); see <see cref=\"{bag}\"/>."
            : "What this call changes: headers, a timeout, errors returned rather than thrown.";
        writer.Line($"/// <param name=\"options\">{options}</param>");
        writer.Line("/// <param name=\"cancellationToken\">Cancels the request.</param>");
        var returns = operation.Result switch
        {
            null => "The answer's status and headers, through <c>GetRawResponse()</c>.",
            { Kind: BodyKind.Binary } => "The body as a stream (dispose it to release the connection); the status and headers through <c>GetRawResponse()</c>.",
            { Kind: BodyKind.Events } => "Each server-sent event's data as it arrives. The request is sent when enumeration starts; an error answer throws from the first <c>MoveNextAsync</c>, and the call's timeout covers the whole stream.",
            _ => "The success body (<c>Value</c>, or the response converted to it); the status and headers through <c>GetRawResponse()</c>.",
        };
        writer.Line($"/// <returns>{returns}{(operation.Result is { Kind: not BodyKind.Events } && operation.ResultMayBeEmpty ? " The value is null when the success response has no body." : string.Empty)}</returns>");
        writer.Line("/// <exception cref=\"global::OpenApiGen.Runtime.ApiException\">The API answered with a status it does not document as success, or with a body that is not the documented one.</exception>");
    }

    /// <summary>A parameter's description, or what and where it is.</summary>
    public static string Text(ParameterModel parameter)
        => parameter.Docs.Description is { } description ? XmlDocWriter.Inline(description) : $"The <c>{Escape.Xml(parameter.WireName)}</c> {ClientCode.Word(parameter.Location)} parameter.";

    // The HttpContent a caller would build for the media type: a form is no multipart body.
    private static string ContentExample(string mediaType) => mediaType.ToLowerInvariant() switch
    {
        "application/x-www-form-urlencoded" => "FormUrlEncodedContent",
        var m when m.StartsWith("multipart/", System.StringComparison.Ordinal) => "MultipartFormDataContent",
        var m when m.StartsWith("text/", System.StringComparison.Ordinal) => "StringContent",
        _ => "StreamContent",
    };
}
