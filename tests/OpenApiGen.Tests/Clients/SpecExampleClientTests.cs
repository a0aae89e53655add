using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using OpenApiGen.Naming;
using OpenApiGen.Tests.Infrastructure;

namespace OpenApiGen.Tests.Clients;

/// <summary>
/// Every vendor operation whose only argument is its body, over real HTTP: the body built from the spec's request
/// example, the answer the spec's response example. What the client sends must carry every member of the request
/// example, and what it returns every member of the response.
/// </summary>
public sealed class SpecExampleClientTests
{
    private const string Secret = "sk-example-secret";
    private static readonly Assembly s_vendors = typeof(QwenImageEdit.Vendors.EvoLink.TaskDetail).Assembly;

    public static IEnumerable<object[]> Operations => VendorSpecs.All
        .SelectMany(static s => SpecOperations.Of(s.Spec))
        .Where(static o => o.RequestExample is not null && !o.Path.Contains('{', StringComparison.Ordinal))
        .Select(static o => new object[] { o.Spec, o.OperationId });

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task The_client_sends_the_spec_request_example_and_reads_the_spec_response_example(string spec, string operationId)
    {
        var operation = SpecOperations.Of(spec).Single(o => o.OperationId == operationId);
        var (_, ns, clientName) = VendorSpecs.All.Single(s => s.Spec == spec);
        await using var server = await LoopbackServer.StartAsync((context, _) => LoopbackServer.Json(context, operation.ResponseExample.ToJsonString()));

        var client = CreateClient(ns, clientName, server.Address);
        var method = client.GetType().GetMethod(Identifier.ToPascalCase(operationId) + "Async")!;
        var bodyType = method.GetParameters()[0].ParameterType;
        var context = Context(ns, clientName);
        var body = JsonSerializer.Deserialize(operation.RequestExample!.ToJsonString(), context.GetTypeInfo(bodyType)!);
        // The body first, optional parameters (fal's webhook query, headers) left at their defaults, the token last.
        var arguments = method.GetParameters().Select(p => p.Position == 0 ? body : p.ParameterType == typeof(CancellationToken) ? CancellationToken.None : Type.Missing).ToArray();
        var call = (Task)method.Invoke(client, arguments)!;
        await call;
        var response = call.GetType().GetProperty("Result")!.GetValue(call)!;
        var result = response.GetType().GetProperty("Value")!.GetValue(response)!;

        var request = Assert.Single(server.Requests);
        Assert.Equal((operation.Method, operation.Path), (request.Method, request.Path));
        JsonAssert.Carries(operation.RequestExample, JsonNode.Parse(request.Body), "request");
        JsonAssert.Carries(operation.ResponseExample, JsonNode.Parse(JsonSerializer.Serialize(result, context.GetTypeInfo(result.GetType())!)), "result");
        if (request.Headers.TryGetValue("Authorization", out var authorization))
        {
            // An http bearer scheme, or an apiKey in the Authorization header (fal's), whose value is the option's text.
            Assert.Contains(authorization, new[] { "Bearer " + Secret, Secret });
        }
    }

    private static object CreateClient(string ns, string clientName, Uri address)
    {
        var options = Activator.CreateInstance(s_vendors.GetType($"{ns}.{clientName}Options", throwOnError: true)!)!;
        options.GetType().GetProperty("BaseAddress")!.SetValue(options, address);
        foreach (var credential in new[] { "BearerToken", "ApiKey" })
        {
            options.GetType().GetProperty(credential)?.SetValue(options, Secret);
        }

        return Activator.CreateInstance(s_vendors.GetType($"{ns}.{clientName}", throwOnError: true)!, new HttpClient(), options)!;
    }

    private static JsonSerializerContext Context(string ns, string clientName)
        => (JsonSerializerContext)s_vendors.GetType($"{ns}.{clientName[..^"Client".Length]}JsonContext", throwOnError: true)!.GetProperty("Default")!.GetValue(null)!;
}
