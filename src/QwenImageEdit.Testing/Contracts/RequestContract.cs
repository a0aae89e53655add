using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace QwenImageEdit.Testing;

/// <summary>
/// What a request must be before a fake acts on it: the body its operation takes (media type, parseable), and then
/// the operation's spec (required query parameters, the request schema) and the rules the vendor states beside it.
/// </summary>
internal static class RequestContract
{
    /// <summary>
    /// Parses the body into <see cref="OperationContext.Json"/> (and <see cref="OperationContext.Form"/>); when it is not
    /// what the operation takes, the violation to record and the message the vendor answers with.
    /// </summary>
    public static async Task<(SchemaProblem Violation, string Answer)?> ReadBodyAsync(OperationContext context, CancellationToken cancellationToken)
    {
        var operation = context.Operation;
        var request = context.Request;
        if (operation.Body == BodyKind.None)
        {
            return null;
        }

        var expected = operation.Body == BodyKind.Json ? "application/json" : "multipart/form-data";
        var mediaType = request.Header("Content-Type")?.Split(';')[0].Trim();
        if (!string.Equals(mediaType, expected, StringComparison.OrdinalIgnoreCase))
        {
            return (new SchemaProblem("header Content-Type", $"must be {expected}, but is {(string.IsNullOrEmpty(mediaType) ? "missing" : mediaType)}"), $"Content-Type must be {expected}");
        }

        if (operation.Body == BodyKind.Json)
        {
            context.Json = JsonText.TryParse(Encoding.UTF8.GetString(request.Body));
            return context.Json is null ? (new SchemaProblem("$", "the body is not JSON"), "The request body is not valid JSON") : null;
        }

        context.Form = await MultipartForm.ParseAsync(request.Header("Content-Type"), request.Body, cancellationToken).ConfigureAwait(false);
        if (context.Form is null)
        {
            return (new SchemaProblem("$", "the body is not multipart/form-data with a boundary"), "The request body is not a valid multipart form");
        }

        context.Json = context.Form.ToJson();
        return null;
    }

    /// <summary>Every problem of the request against its spec operation and the vendor's rules, and the name to report them under.</summary>
    public static async Task<(string Name, List<SchemaProblem> Problems)> CheckAsync(OperationContext context)
    {
        // The spec's checks need NSwag and NJsonSchema, which a trimmed app leaves out (ContractValidation); the
        // vendor's own rules below are plain code and always run. No await inside the guard: an await's resume point
        // would keep the guarded call reachable after the trimmer removes the branch.
        Task<(string Name, List<SchemaProblem> Problems)>? specCheck = null;
        if (ContractValidation.IsSupported)
        {
            specCheck = CheckAgainstSpecAsync(context);
        }

        var (name, problems) = specCheck is null ? (context.Operation.Name, []) : await specCheck.ConfigureAwait(false);
        if (context.Operation.Rules is not null)
        {
            problems.AddRange(context.Operation.Rules(context));
        }

        return (name, problems);
    }

    [RequiresUnreferencedCode(ContractValidation.Reason)]
    [RequiresDynamicCode(ContractValidation.Reason)]
    private static async Task<(string Name, List<SchemaProblem> Problems)> CheckAgainstSpecAsync(OperationContext context)
    {
        var problems = new List<SchemaProblem>();
        var spec = context.Spec = context.Operation.Spec(context.Json);
        if (spec is null)
        {
            return (context.Operation.Name, problems);
        }

        foreach (var name in await spec.RequiredQueryParametersAsync().ConfigureAwait(false))
        {
            if (string.IsNullOrEmpty(context.Request.QueryValue(name)))
            {
                problems.Add(new SchemaProblem("query " + name, "is required"));
            }
        }

        var mediaType = context.Operation.Body == BodyKind.Multipart ? "multipart/form-data" : "application/json";
        if (context.Json is not null && await spec.RequestSchemaAsync(mediaType).ConfigureAwait(false) is { } schema)
        {
            problems.AddRange(SchemaValidator.Validate(schema, JsonText.Write(context.Json)));
        }

        return (await spec.OperationIdAsync().ConfigureAwait(false), problems);
    }
}
