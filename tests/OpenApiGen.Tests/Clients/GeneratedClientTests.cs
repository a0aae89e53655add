using System.Net;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using OpenApiGen.Runtime;
using OpenApiGen.Tests.Infrastructure;

namespace OpenApiGen.Tests.Clients;

/// <summary>
/// A client generated from a purpose-written spec, compiled, loaded and run against Kestrel: what the vendor specs do
/// not exercise (several success statuses, a status range, exploded query lists, header parameters, a key in a header).
/// </summary>
public sealed class GeneratedClientTests
{
    private static readonly Lazy<(GeneratorRun Run, Assembly Assembly)> s_generated = new(static () =>
    {
        var run = GeneratorHarness.Run(new[] { SpecSource.FromFile(Path.Combine(RepoPaths.TestData, "shop.yaml"), "Shop", "ShopClient") });
        return (run, run.Load());
    });

    [Fact]
    public void Generated_client_matches_its_snapshot_and_compiles_cleanly()
    {
        var run = s_generated.Value.Run;
        Assert.Empty(run.CompilationProblems);
        Snapshot.Verify(Path.Combine(RepoPaths.Snapshots, "Constructs", "shop"), "ShopClient", run.Source("ShopClient.ShopClient.g.cs"));
        Snapshot.Verify(Path.Combine(RepoPaths.Snapshots, "Constructs", "shop"), "PutOrderResult", run.Source("ShopClient.PutOrderResult.g.cs"));
    }

    [Theory]
    [InlineData(200, """{"item":"tea","quantity":2}""", "IsOrder")]
    [InlineData(202, """{"ticket":"T-1"}""", "IsTicket")]
    public async Task Each_success_status_body_is_a_case_of_the_result(int status, string body, string expectedCase)
    {
        await using var server = await LoopbackServer.StartAsync((context, _) => LoopbackServer.Json(context, body, status));

        var result = await PutOrderAsync(server, tags: new List<string> { "a b", "c" }, trace: "trace-1");

        Assert.True((bool)result.GetType().GetProperty(expectedCase)!.GetValue(result)!);
        var request = Assert.Single(server.Requests);
        Assert.Equal(("PUT", "/api/orders/7", "?tags=a%20b&tags=c"), (request.Method, request.Path, request.Query));
        Assert.Equal("key-1", request.Headers["X-Api-Key"]);
        Assert.Equal("trace-1", request.Headers["X-Trace"]);
        Assert.Equal("""{"item":"tea"}""", request.BodyText);
    }

    [Fact]
    public async Task Optional_parameters_left_out_are_not_sent()
    {
        await using var server = await LoopbackServer.StartAsync(static (context, _) => LoopbackServer.Json(context, """{"item":"tea"}"""));

        await PutOrderAsync(server, tags: null, trace: null);

        var request = Assert.Single(server.Requests);
        Assert.Equal(string.Empty, request.Query);
        Assert.False(request.Headers.ContainsKey("X-Trace"));
    }

    [Fact]
    public async Task A_status_in_a_documented_range_is_read_as_its_error_type()
    {
        await using var server = await LoopbackServer.StartAsync(static (context, _) => LoopbackServer.Json(context, """{"title":"No such order"}""", 404));

        var error = await Assert.ThrowsAnyAsync<ApiException>(() => PutOrderAsync(server, tags: null, trace: null));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("ApiException`1", error.GetType().Name);
        Assert.Equal(Type("Problem"), error.GetType().GetGenericArguments()[0]);
    }

    [Fact]
    public async Task An_error_the_call_asks_for_is_returned_with_its_typed_error_raw_body_and_headers()
    {
        await using var server = await LoopbackServer.StartAsync(static (context, _) =>
        {
            context.Response.Headers["x-request-id"] = "req-7";
            return LoopbackServer.Json(context, """{"title":"No such order"}""", 404);
        });
        var options = new ApiRequestOptions { ThrowOnError = false }.WithHeader("X-Extra", "1");

        var response = (ApiResponse)await PutOrderResponseAsync(server, tags: null, trace: null, options);

        var raw = response.GetRawResponse();
        Assert.False(raw.IsSuccess);
        Assert.Equal((404, "req-7"), (raw.Status, raw.RequestId));
        Assert.Equal(Type("Problem"), raw.Error!.GetType().GetGenericArguments()[0]);
        Assert.Contains("No such order", System.Text.Encoding.UTF8.GetString(raw.Content.Span), StringComparison.Ordinal);
        // Reading the value of an error answer throws the error it holds.
        var thrown = Assert.Throws<TargetInvocationException>(() => response.GetType().GetProperty("Value")!.GetValue(response));
        Assert.Same(raw.Error, thrown.InnerException);
        var request = Assert.Single(server.Requests);
        Assert.Equal(("1", "key-1"), (request.Headers["X-Extra"], request.Headers["X-Api-Key"]));
    }

    [Fact]
    public async Task A_success_comes_with_its_status_and_request_id()
    {
        await using var server = await LoopbackServer.StartAsync(static (context, _) =>
        {
            context.Response.Headers["x-request-id"] = "req-8";
            return LoopbackServer.Json(context, """{"item":"tea"}""");
        });

        var response = (ApiResponse)await PutOrderResponseAsync(server, tags: null, trace: null, requestOptions: null);

        Assert.Equal((200, "req-8", true), (response.GetRawResponse().Status, response.GetRawResponse().RequestId, response.GetRawResponse().IsSuccess));
    }

    private static async Task<object> PutOrderAsync(LoopbackServer server, List<string>? tags, string? trace)
    {
        var response = await PutOrderResponseAsync(server, tags, trace, requestOptions: null);
        return response.GetType().GetProperty("Value")!.GetValue(response)!;
    }

    private static async Task<object> PutOrderResponseAsync(LoopbackServer server, List<string>? tags, string? trace, ApiRequestOptions? requestOptions)
    {
        var options = Activator.CreateInstance(Type("ShopClientOptions"))!;
        Type("ShopClientOptions").GetProperty("BaseAddress")!.SetValue(options, new Uri(server.Address, "api/"));
        Type("ShopClientOptions").GetProperty("ApiKey")!.SetValue(options, "key-1");
        var client = Activator.CreateInstance(Type("ShopClient"), new HttpClient(), options)!;
        var context = (JsonSerializerContext)Type("ShopJsonContext").GetProperty("Default")!.GetValue(null)!;
        var order = JsonSerializer.Deserialize("""{"item":"tea"}""", context.GetTypeInfo(Type("Order"))!);

        var call = (Task)Type("ShopClient").GetMethod("PutOrderAsync")!.Invoke(client, new object?[] { 7L, order, tags, trace, requestOptions, CancellationToken.None })!;
        await call;
        return call.GetType().GetProperty("Result")!.GetValue(call)!;
    }

    private static Type Type(string name) => s_generated.Value.Assembly.GetType("Shop." + name, throwOnError: true)!;
}
