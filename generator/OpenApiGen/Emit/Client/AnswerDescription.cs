using System.Collections.Generic;
using System.Linq;
using OpenApiGen.Model;

namespace OpenApiGen.Emit;

/// <summary>
/// An operation's static description for the runtime's <c>ApiPipeline</c>: how a success is read, the credentials it
/// sends, and the error body documented by exact status, range and <c>default</c> (Kiota's error map). A status
/// documented without a JSON body is listed only where a range or <c>default</c> would otherwise type it.
/// </summary>
internal static class AnswerDescription
{
    public static string FieldType(OperationModel operation)
        => OperationSignature.ValueType(operation) is { } value ? $"{ClientCode.Runtime}.ApiOperation<{value}>" : $"{ClientCode.Runtime}.ApiOperation";

    public static string Expression(SpecModel spec, OperationModel operation)
    {
        var context = ClientCode.Context(spec);
        var text = new System.Text.StringBuilder($"{ClientCode.Runtime}.ApiOperation.{Success(context, operation)}");
        if (Accepted(operation.Result) is { } accept)
        {
            text.Append($".Accepts({Escape.Literal(accept)})");
        }

        if (operation.Server is { } server)
        {
            text.Append($".ServedFrom({Escape.Literal(server)})");
        }

        var security = operation.Security.Where(s => spec.Client.SecuritySchemes.Any(c => c.Name == s)).ToList();
        if (security.Count > 0)
        {
            text.Append($".Secured({string.Join(", ", security.Select(Escape.Literal))})");
        }

        var exact = operation.Errors.Where(static e => e.Status != "DEFAULT" && !IsRange(e.Status)).ToList();
        var ranges = operation.Errors.Where(static e => IsRange(e.Status)).ToList();
        var fallback = operation.Errors.FirstOrDefault(static e => e.Status == "DEFAULT")?.Body?.JsonInfo;
        foreach (var group in exact.Where(static e => e.Body?.JsonInfo is not null).GroupBy(static e => e.Body!.JsonInfo!))
        {
            text.Append($".Error(static () => {context}.{group.Key}, {string.Join(", ", group.Select(static e => e.Status))})");
        }

        // Plain where the spec documents the status without a body, should a range or default document one.
        var plain = exact.Where(e => e.Body?.JsonInfo is null && (fallback is not null || ranges.Any(r => r.Status[0] == e.Status[0] && r.Body?.JsonInfo is not null))).ToList();
        if (plain.Count > 0)
        {
            text.Append($".Error({string.Join(", ", plain.Select(static e => e.Status))})");
        }

        foreach (var range in ranges)
        {
            if (range.Body?.JsonInfo is { } info)
            {
                text.Append($".ErrorRange({range.Status[0]}, static () => {context}.{info})");
            }
            else if (fallback is not null)
            {
                text.Append($".ErrorRange({range.Status[0]})");
            }
        }

        if (fallback is not null)
        {
            text.Append($".ErrorDefault(static () => {context}.{fallback})");
        }

        return text.ToString();
    }

    private static string Success(string context, OperationModel operation)
    {
        var empty = operation.ResultMayBeEmpty;
        return operation.Result switch
        {
            null => "NoContent()",
            { Kind: BodyKind.Json } json => $"{(!empty ? "Json" : json.Type.IsValueType ? "JsonOrEmptyValue" : "JsonOrEmpty")}(static () => {context}.{json.JsonInfo})",
            { Kind: BodyKind.Text } => empty ? "TextOrEmpty()" : "Text()",
            { Kind: BodyKind.Events } events => $"Events(static () => {context}.{events.JsonInfo})",
            _ => empty ? "StreamOrEmpty()" : "Stream()",
        };
    }

    /// <summary>
    /// The success media type to ask for, where it is not the runtime's default for the kind (<c>application/json</c>,
    /// <c>text/plain</c>, <c>text/event-stream</c>; none for bytes). A wildcard or a JSON type other than a
    /// vendor's own (<c>*/*</c>, <c>application/json; charset=utf-8</c>) asks for the default.
    /// </summary>
    private static string? Accepted(ResponseBodyModel? result)
    {
        if (result?.MediaType is not { } mediaType || mediaType.IndexOf('*') >= 0)
        {
            return null;
        }

        var essence = ClientCode.BaseMediaType(mediaType);
        var fallback = result.Kind switch
        {
            BodyKind.Json => "application/json",
            BodyKind.Text => "text/plain",
            BodyKind.Events => "text/event-stream",
            _ => null,
        };
        return string.Equals(essence, fallback, System.StringComparison.OrdinalIgnoreCase) ? null : essence;
    }

    private static bool IsRange(string status) => status.EndsWith("XX", System.StringComparison.Ordinal);
}
