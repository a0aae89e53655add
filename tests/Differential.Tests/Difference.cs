namespace Differential.Tests;

/// <summary>One way the two clients disagree about one operation.</summary>
/// <param name="Document">The spec's key (VendorClients.Key): its namespace (<c>QwenImageEdit.Vendors.DashScope.ImageEdit</c>), and its file in a client of several (<c>QwenImageEdit.Vendors.EvoLink/tasks.yaml</c>).</param>
/// <param name="Operation">The operationId.</param>
/// <param name="Where">What was compared: <c>request full</c>, <c>answer 200 minimal, NSwag</c>, <c>error 400, ours</c>.</param>
/// <param name="What">The difference: where in it, ours first, NSwag's second.</param>
internal sealed record Difference(string Document, string Operation, string Where, string What)
{
    public override string ToString() => $"{Operation} {Where}: {What}";
}
