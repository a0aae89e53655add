using System.Text;
using System.Text.Json.Nodes;

namespace QwenImageEdit.Testing;

/// <summary>Writes a status the spec does not list, where the answer has a status field (the route says where).</summary>
internal sealed class UnknownStatusFault(string value) : Fault
{
    internal override bool CanApplyTo(FakeOperation operation) => operation.StatusMember is not null;

    internal override ValueTask<FakeResponse> AfterProcessingAsync(FakeResponse response, OperationContext context)
    {
        if (context.Operation.StatusMember is not { } member || !response.IsJson || JsonText.TryParse(response.BodyText) is not JsonObject body)
        {
            return ValueTask.FromResult(response);
        }

        var holder = body;
        var names = member.Split('.');
        foreach (var name in names[..^1])
        {
            if (holder[name] is not JsonObject inner)
            {
                return ValueTask.FromResult(response);
            }

            holder = inner;
        }

        if (!holder.ContainsKey(names[^1]))
        {
            return ValueTask.FromResult(response);
        }

        holder[names[^1]] = value;
        return ValueTask.FromResult(response.WithBody(Encoding.UTF8.GetBytes(JsonText.Write(body))));
    }

    public override string ToString() => $"UnknownStatus({value})";
}
