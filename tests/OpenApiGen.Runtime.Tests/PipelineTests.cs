using System.Net;
using Microsoft.AspNetCore.Http;

namespace OpenApiGen.Runtime.Tests;

public sealed class PipelineTests
{
    private const string Key = "sk-live-0123456789";

    private static readonly ApiOperation<Pet> s_getPet = ApiOperation.Json(static () => TestJson.Default.Pet)
        .Secured("bearer")
        .Error(404, static () => TestJson.Default.Problem)
        .ErrorRange(5, static () => TestJson.Default.Problem);

    private static readonly ApiOperation s_deletePet = ApiOperation.NoContent().Secured("key");

    private static ApiPipeline Pipeline(HttpClient http, Uri? baseAddress, string? token = Key)
        => new(http, () => baseAddress, "https://api.example.invalid/v1/", ApiCredential.Bearer("bearer", () => token), ApiCredential.ApiKey("key", ApiKeyLocation.Header, "X-Api-Key", () => "k-2"));

    [Fact]
    public async Task A_success_carries_its_value_status_headers_and_request_id()
    {
        await using var server = await Loopback.StartAsync(context =>
        {
            context.Response.Headers["x-request-id"] = "req_42";
            return Loopback.Json(context, """{"id":7,"name":"Rex","status":"adopted"}""");
        });
        using var http = new HttpClient();
        var request = new ApiRequestBuilder("GET", "/pets/{petId}").PathParameter("petId", 7L).Query("expand", "owner");

        var response = await Pipeline(http, server.Address).SendAsync(request, s_getPet, null, CancellationToken.None);
        Pet pet = response;
        var raw = response.GetRawResponse();

        Assert.Equal(7, pet.Id);
        Assert.Equal(new PetStatus("adopted"), pet.Status);
        Assert.True(raw.IsSuccess);
        Assert.Equal(200, raw.Status);
        Assert.Equal("req_42", raw.RequestId);
        Assert.Equal("application/json", raw.Headers["Content-Type"].Single());
        var received = server.Last;
        Assert.Equal("/pets/7", received.Path);
        Assert.Equal("?expand=owner", received.Query);
        Assert.Equal("Bearer " + Key, received.Headers["Authorization"]);
        Assert.False(received.Headers.ContainsKey("X-Api-Key"));
    }

    [Theory]
    [InlineData(404, true)]
    [InlineData(503, true)]
    [InlineData(400, false)]
    public async Task An_error_is_typed_by_exact_status_then_range_else_plain(int status, bool typed)
    {
        await using var server = await Loopback.StartAsync(context => Loopback.Json(context, """{"code":"nope","message":"no pet"}""", status));
        using var http = new HttpClient();

        var error = await Assert.ThrowsAnyAsync<ApiException>(() => Pipeline(http, server.Address).SendAsync(new ApiRequestBuilder("GET", "/pets/1"), s_getPet, null, CancellationToken.None));

        Assert.Equal(status, (int)error.StatusCode);
        if (typed)
        {
            Assert.Equal("nope", Assert.IsType<ApiException<Problem>>(error).Error.Code);
        }
        else
        {
            Assert.IsType<ApiException>(error);
            Assert.Contains("no pet", error.BodyExcerpt);
        }
    }

    [Fact]
    public async Task An_error_returned_instead_of_thrown_has_the_raw_body_and_no_secret()
    {
        await using var server = await Loopback.StartAsync(context =>
        {
            context.Response.Headers["x-echo"] = "Bearer " + Key;
            return Loopback.Json(context, $$"""{"code":"auth","message":"bad key {{Key}}"}""", 404);
        });
        using var http = new HttpClient();

        var response = await Pipeline(http, server.Address).SendAsync(new ApiRequestBuilder("GET", "/pets/1"), s_getPet, new ApiRequestOptions { ThrowOnError = false }, CancellationToken.None);
        var raw = response.GetRawResponse();

        Assert.False(raw.IsSuccess);
        Assert.Equal(404, raw.Status);
        var body = System.Text.Encoding.UTF8.GetString(raw.Content.Span);
        Assert.Contains("bad key ***", body);
        Assert.DoesNotContain(Key, body);
        Assert.DoesNotContain(Key, raw.Headers["x-echo"].Single());
        Assert.Equal("auth", Assert.IsType<ApiException<Problem>>(raw.Error).Error.Code);
        Assert.Throws<ApiException<Problem>>(() => response.Value);
        Assert.Throws<ApiException<Problem>>(raw.EnsureSuccess);
    }

    [Fact]
    public async Task Per_call_headers_replace_the_clients_and_credentials_follow_the_operation()
    {
        await using var server = await Loopback.StartAsync(context => { context.Response.StatusCode = 204; return Task.CompletedTask; });
        using var http = new HttpClient();
        var options = new ApiRequestOptions().WithHeader("X-Api-Key", "per-call").WithHeader("X-Trace", "t1");

        var response = await Pipeline(http, server.Address).SendAsync(new ApiRequestBuilder("DELETE", "/pets/1").Header("X-Trace", "builder"), s_deletePet, options, CancellationToken.None);

        Assert.Equal(HttpStatusCode.NoContent, response.GetRawResponse().StatusCode);
        var received = server.Last;
        Assert.Equal("DELETE", received.Method);
        Assert.Equal("per-call", received.Headers["X-Api-Key"]);
        Assert.Equal("t1", received.Headers["X-Trace"]);
        Assert.False(received.Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task Basic_query_and_cookie_credentials_go_where_the_scheme_says()
    {
        await using var server = await Loopback.StartAsync(context => Loopback.Json(context, """{"id":1}"""));
        using var http = new HttpClient();
        var pipeline = new ApiPipeline(http, () => server.Address, null,
            ApiCredential.Basic("basic", () => "ann", () => "s3cret"),
            ApiCredential.ApiKey("query", ApiKeyLocation.Query, "api_key", () => "q k"),
            ApiCredential.ApiKey("cookie", ApiKeyLocation.Cookie, "session", () => "c;1"));
        var operation = ApiOperation.Json(static () => TestJson.Default.Pet).Secured("basic", "query", "cookie");

        await pipeline.SendAsync(new ApiRequestBuilder("GET", "/me").Query("page", 2).Cookie("theme", "dark"), operation, null, CancellationToken.None);

        var received = server.Last;
        Assert.Equal("Basic " + Convert.ToBase64String("ann:s3cret"u8.ToArray()), received.Headers["Authorization"]);
        Assert.Equal("?page=2&api_key=q%20k", received.Query);
        Assert.Equal("theme=dark; session=c%3B1", received.Headers["Cookie"]);
    }

    [Fact]
    public async Task A_per_call_timeout_covers_the_body_and_is_a_TimeoutException()
    {
        await using var server = await Loopback.StartAsync(async context =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"id\":");
            await context.Response.Body.FlushAsync();
            await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted).ContinueWith(static _ => { });
        });
        using var http = new HttpClient();
        var started = System.Diagnostics.Stopwatch.StartNew();

        await Assert.ThrowsAsync<TimeoutException>(() => Pipeline(http, server.Address).SendAsync(new ApiRequestBuilder("GET", "/pets/1"), s_getPet, new ApiRequestOptions { Timeout = TimeSpan.FromMilliseconds(300) }, CancellationToken.None));

        Assert.True(started.Elapsed < TimeSpan.FromSeconds(8), $"took {started.Elapsed}");
    }

    [Fact]
    public async Task The_callers_cancellation_stays_a_cancellation()
    {
        await using var server = await Loopback.StartAsync(async context => await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted).ContinueWith(static _ => { }));
        using var http = new HttpClient();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Pipeline(http, server.Address).SendAsync(new ApiRequestBuilder("GET", "/pets/1"), s_getPet, new ApiRequestOptions { Timeout = TimeSpan.FromSeconds(30) }, cancel.Token));
    }

    [Fact]
    public async Task The_base_address_is_the_callers_then_the_operations_then_the_HttpClients_then_the_specs()
    {
        await using var server = await Loopback.StartAsync(context => Loopback.Json(context, """{"id":1}"""));
        var recorded = new List<Uri>();
        using var http = new HttpClient(new Recorder(recorded, server.Address));
        var plain = ApiOperation.Json(static () => TestJson.Default.Pet);
        var own = ApiOperation.Json(static () => TestJson.Default.Pet).ServedFrom("https://uploads.example.invalid/v2");

        await new ApiPipeline(http, () => new Uri("https://caller.example.invalid/base/"), "https://spec.example.invalid/").SendAsync(new ApiRequestBuilder("GET", "/a"), own, null, default);
        await new ApiPipeline(http, () => null, "https://spec.example.invalid/").SendAsync(new ApiRequestBuilder("GET", "/a"), own, null, default);
        await new ApiPipeline(http, () => null, "https://spec.example.invalid/").SendAsync(new ApiRequestBuilder("GET", "/a"), plain, null, default);
        using var withBase = new HttpClient(new Recorder(recorded, server.Address)) { BaseAddress = new Uri("https://client.example.invalid/") };
        await new ApiPipeline(withBase, () => null, "https://spec.example.invalid/").SendAsync(new ApiRequestBuilder("GET", "/a"), plain, null, default);

        Assert.Equal(
            ["https://caller.example.invalid/base/a", "https://uploads.example.invalid/v2/a", "https://spec.example.invalid/a", "https://client.example.invalid/a"],
            recorded.Select(static u => u.AbsoluteUri));
    }

    [Fact]
    public async Task A_stream_result_owns_the_response_until_disposed()
    {
        await using var server = await Loopback.StartAsync(context => context.Response.WriteAsync("raw bytes"));
        using var http = new HttpClient();

        var response = await Pipeline(http, server.Address).SendAsync(new ApiRequestBuilder("GET", "/file"), ApiOperation.Stream(), null, default);
        await using var stream = response.Value;
        using var reader = new StreamReader(stream);

        Assert.Equal("raw bytes", await reader.ReadToEndAsync());
    }

    [Fact]
    public async Task An_empty_success_of_an_operation_that_allows_one_is_default()
    {
        await using var server = await Loopback.StartAsync(context => { context.Response.StatusCode = 204; return Task.CompletedTask; });
        using var http = new HttpClient();

        var response = await Pipeline(http, server.Address).SendAsync(new ApiRequestBuilder("GET", "/pets/1"), ApiOperation.JsonOrEmpty(static () => TestJson.Default.Pet), null, default);

        Assert.Null(response.Value);
        Assert.Equal(204, response.GetRawResponse().Status);
    }

    [Fact]
    public void Parameters_are_escaped_and_nulls_are_left_out()
    {
        var tags = new List<string> { "a b", "c,d" };
        var request = new ApiRequestBuilder("GET", "/search/{term}/{at}")
            .PathParameter("term", "x/y z")
            .PathParameter("at", new DateTimeOffset(2024, 1, 31, 12, 0, 0, TimeSpan.Zero))
            .Query("limit", (int?)null)
            .Query("ratio", 0.1)
            .Query("exact", true)
            .Query("tag", tags, static t => t)
            .Query("all", tags, static t => t, explode: false)
            .Query("status", ParameterText.Of<PetStatus>(PetStatus.Sold))
            .Query("none", ParameterText.Of<PetStatus>(null));

        using var message = request.ToMessage(new Uri("https://api.example.invalid/v1"));

        Assert.Equal("https://api.example.invalid/v1/search/x%2Fy%20z/2024-01-31T12%3A00%3A00.0000000%2B00%3A00?ratio=0.1&exact=true&tag=a%20b&tag=c%2Cd&all=a%20b,c%2Cd&status=sold", message.RequestUri!.AbsoluteUri);
    }

    [Fact]
    public void A_path_parameter_without_a_value_is_refused_before_any_request()
    {
        Assert.Throws<ArgumentException>(() => new ApiRequestBuilder("GET", "/pets/{id}").PathParameter("id", (string?)null));
    }

    private sealed class Recorder(List<Uri> recorded, Uri server) : DelegatingHandler(new HttpClientHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            recorded.Add(request.RequestUri!);
            request.RequestUri = new Uri(server, request.RequestUri!.PathAndQuery.TrimStart('/'));
            return base.SendAsync(request, cancellationToken);
        }
    }
}
