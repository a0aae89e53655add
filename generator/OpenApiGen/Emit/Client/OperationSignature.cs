using System.Collections.Generic;
using System.Linq;
using OpenApiGen.Model;

namespace OpenApiGen.Emit;

/// <summary>An operation method's return type and parameter list, the same in the interface and the client.</summary>
internal static class OperationSignature
{
    /// <summary>What a success gives: <c>T</c>, nullable when a success may have no body; null when none has one.</summary>
    public static string? ValueType(OperationModel operation)
        => operation.Result is { } result ? TypeNames.Of(result.Type.WithNullable(operation.ResultMayBeEmpty && result.Kind != BodyKind.Events)) : null;

    /// <summary>Whether the method yields server-sent events rather than returning one answer.</summary>
    public static bool IsStream(OperationModel operation) => operation.Result is { Kind: BodyKind.Events };

    public static string ReturnType(OperationModel operation)
        => ValueType(operation) is { } value
            ? IsStream(operation) ? $"global::System.Collections.Generic.IAsyncEnumerable<{value}>" : $"{ClientCode.Tasks}.Task<{ClientCode.Runtime}.ApiResponse<{value}>>"
            : $"{ClientCode.Tasks}.Task<{ClientCode.Runtime}.ApiResponse>";

    /// <summary>The type of the method's <c>options</c>: the operation's options class, or the runtime's per-call options.</summary>
    public static string OptionsType(SpecModel spec, OperationModel operation)
        => operation.OptionsTypeName is { } name ? $"global::{spec.Namespace}.{name}" : $"{ClientCode.Runtime}.ApiRequestOptions";

    public static string Parameters(SpecModel spec, OperationModel operation)
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
                BodyKind.Json or BodyKind.Form => TypeNames.Of(body.Type.WithNullable(!body.IsRequired)),
                BodyKind.Binary => "global::System.IO.Stream",
                BodyKind.Text => "string",
                BodyKind.Multipart => TypeNames.Of(body.Type),
                _ => "global::System.Net.Http.HttpContent",
            };
            list.Add(body.Kind is BodyKind.Json or BodyKind.Form && !body.IsRequired ? $"{type} body = null" : $"{type} body");
        }

        foreach (var parameter in operation.Parameters.Where(static p => !p.IsRequired && p.OptionName is null))
        {
            list.Add($"{TypeNames.Of(parameter.Type)} {parameter.Name} = null");
        }

        list.Add($"{OptionsType(spec, operation)}? options = null");
        list.Add($"{ClientCode.Token} cancellationToken = default");
        return string.Join(", ", list);
    }
}
