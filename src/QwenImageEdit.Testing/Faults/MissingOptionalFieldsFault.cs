using System.Text;
using System.Text.Json.Nodes;

namespace QwenImageEdit.Testing;

/// <summary>Keeps only what the spec's response schema requires: what a client must cope with, by the contract.</summary>
internal sealed class MissingOptionalFieldsFault : Fault
{
    internal override async ValueTask<FakeResponse> AfterProcessingAsync(FakeResponse response, OperationContext context)
    {
        // Without contract validation (a trimmed app) there is no schema to strip by, and the answer stays whole.
        if (!ContractValidation.IsSupported || context.Spec is null || !response.IsJson || JsonText.TryParse(response.BodyText) is not { } body)
        {
            return response;
        }

        var schema = await context.Spec.ResponseSchemaAsync(response.Status).ConfigureAwait(false);
        if (schema is null)
        {
            return response;
        }

        var stripped = OptionalMembers.Strip(body, schema) ?? body;
        return response.WithBody(Encoding.UTF8.GetBytes(JsonText.Write(stripped)));
    }

    public override string ToString() => "MissingOptionalFields";
}
