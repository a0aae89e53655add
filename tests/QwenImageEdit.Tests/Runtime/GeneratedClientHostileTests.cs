using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using OpenApiGen.Runtime;
using QwenImageEdit.Tests.Infrastructure;
using QwenImageEdit.Vendors.EvoLink;
using QwenImageEdit.Vendors.ModelsLab;
using Xunit.Abstractions;

namespace QwenImageEdit.Tests.Runtime;

/// <summary>
/// The generated clients alone (no facade) against a hostile server: every answer ends in an <see cref="ApiException"/>
/// or a timeout, in bounded memory, with no form of the key in any string.
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class GeneratedClientHostileTests(ITestOutputHelper output)
{
    private const string Key = "sk-hostile+key/0123456789";

    private static EvoLinkClient Tasks(HostileServer server, ApiResponseLimits? limits = null)
        => new(new HttpClient(new LimitsHandler(limits)), new EvoLinkClientOptions { BaseAddress = server.Address, BearerToken = Key });

    public static TheoryData<string> EchoForms() => ["raw", "json", "url", "base64"];

    private static string Echo(string form, string key) => form switch
    {
        "raw" => key,
        "json" => JsonEncodedText.Encode(key).Value,
        "url" => Uri.EscapeDataString(key),
        _ => Convert.ToBase64String(Encoding.UTF8.GetBytes(key)),
    };

    [Theory]
    [MemberData(nameof(EchoForms))]
    public async Task A_401_that_echoes_the_key_in_its_body_and_headers_keeps_no_form_of_it(string form)
    {
        await using var server = await HostileServer.StartAsync((context, request) =>
        {
            var echo = Echo(form, request.Credential!);
            context.Response.Headers["WWW-Authenticate"] = $"Bearer error=\"invalid_token\", token=\"{echo}\"";
            context.Response.Headers["X-Echo-Authorization"] = request.Headers["Authorization"];
            return HostileServer.Json(context, $$$"""{"error":{"code":"unauthorized","message":"Invalid key {{{echo}}} (was {{{JsonEncodedText.Encode(request.Headers["Authorization"]).Value}}})"}}""", 401);
        });

        var error = await Assert.ThrowsAsync<ApiException<QwenImageEdit.Vendors.EvoLink.ErrorResponse>>(() => Tasks(server).GetTaskDetailAsync("task-1"));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Contains("***", error.Error.Error!.Message);
        NoSecret.In(Key, error.Message, error.ToString(), error.BodyExcerpt, error.Error.Error.Message, JsonSerializer.Serialize(error.Error, EvoLinkJsonContext.Default.ErrorResponse));
        NoSecret.In(Key, error.Headers.SelectMany(static h => h.Value).ToArray());
    }

    [Fact]
    public async Task A_key_escaped_letter_by_letter_in_the_error_json_is_still_removed_from_the_typed_body()
    {
        await using var server = await HostileServer.StartAsync((context, request) =>
            HostileServer.Json(context, "{\"error\":{\"code\":\"unauthorized\",\"message\":\"" + string.Concat(request.Credential!.Select(static c => $"\\u{(int)c:X4}")) + "\"}}", 401));

        var error = await Assert.ThrowsAsync<ApiException<QwenImageEdit.Vendors.EvoLink.ErrorResponse>>(() => Tasks(server).GetTaskDetailAsync("task-1"));

        Assert.Equal("***", error.Error.Error!.Message);
        NoSecret.In(Key, error.Message, error.BodyExcerpt, error.ToString());
    }

    [Fact]
    public async Task ModelsLab_keeps_the_key_in_the_body_and_a_200_echo_of_it_is_scrubbed_from_the_exception()
    {
        await using var server = await HostileServer.StartAsync((context, request) => HostileServer.Json(context, $$"""{"status":"error","message":"bad key {{request.Credential}}", "id": [""" ));
        var client = new ModelsLabClient(new HttpClient(), new ModelsLabClientOptions { BaseAddress = server.Address, ApiKey = Key });

        var error = await Assert.ThrowsAsync<ApiException>(() => client.FetchQwenEditResultAsync("1", new FetchRequest()));

        NoSecret.In(Key, error.Message, error.BodyExcerpt, error.ToString());
    }

    [Fact]
    public async Task An_endless_success_body_stops_at_the_limit_in_bounded_memory()
    {
        const long Limit = 1024 * 1024;
        await using var server = await HostileServer.StartAsync((context, _) => HostileServer.EndlessJson(context));

        var (error, allocated, elapsed) = await Bounds.ThrowsAsync<ApiLimitExceededException>(() => Tasks(server, new ApiResponseLimits { MaxJsonBytes = Limit }).GetTaskDetailAsync("task-1"));
        output.WriteLine($"{error.GetType().Name} after {elapsed.TotalMilliseconds:0} ms, {allocated / 1024 / 1024.0:0.0} MiB allocated");

        Assert.Equal(nameof(ApiResponseLimits.MaxJsonBytes), error.LimitName);
        Assert.Equal(Limit, error.Limit);
        Assert.Contains("MaxJsonBytes", error.Message);
        Assert.InRange(allocated, 0, 16 * Limit);
    }

    [Fact]
    public async Task A_body_announced_longer_than_the_limit_is_refused_before_it_is_read()
    {
        await using var server = await HostileServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = 300L * 1024 * 1024;
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes("""{"id":"task-1","results":["""), context.RequestAborted);
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });

        var (error, allocated, elapsed) = await Bounds.ThrowsAsync<ApiLimitExceededException>(() => Tasks(server).GetTaskDetailAsync("task-1"));
        output.WriteLine($"{error.GetType().Name} after {elapsed.TotalMilliseconds:0} ms, {allocated / 1024 / 1024.0:0.0} MiB allocated");

        Assert.Equal(ApiResponseLimits.Default.MaxJsonBytes, error.Limit);
        Assert.InRange(allocated, 0, 8 * 1024 * 1024);
    }

    [Fact]
    public async Task A_body_that_trickles_past_the_body_timeout_is_a_timeout()
    {
        await using var server = await HostileServer.StartAsync((context, _) => HostileServer.Trickle(context, """{"id":"task-1","status":"completed"}""", TimeSpan.FromMilliseconds(200)));

        var (error, _, elapsed) = await Bounds.ThrowsAsync<TaskCanceledException>(() => Tasks(server, new ApiResponseLimits { BodyTimeout = TimeSpan.FromMilliseconds(500) }).GetTaskDetailAsync("task-1"));
        output.WriteLine($"{error.GetType().Name} after {elapsed.TotalMilliseconds:0} ms");

        Assert.IsType<TimeoutException>(error.InnerException);
    }

    [Fact]
    public async Task A_connection_lost_mid_body_is_an_api_exception_with_what_arrived()
    {
        await using var server = RawHttpServer.EndingMidBody("""{"id":"task-1","status":"completed","results":["https://cdn.example.com/a.png"]}""");
        var client = new EvoLinkClient(new HttpClient(), new EvoLinkClientOptions { BaseAddress = server.Address, BearerToken = Key });

        var error = await Assert.ThrowsAsync<ApiException>(() => client.GetTaskDetailAsync("task-1"));

        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.IsAssignableFrom<IOException>(error.InnerException);
        Assert.StartsWith("""{"id":"task-1""", error.BodyExcerpt);
    }

    [Fact]
    public async Task An_endless_error_body_is_cut_at_its_limit_and_keeps_its_status()
    {
        await using var server = await HostileServer.StartAsync(async (context, _) =>
        {
            context.Response.StatusCode = 429;
            context.Response.Headers.RetryAfter = "315360000"; // ten years
            var chunk = new byte[64 * 1024];
            Array.Fill(chunk, (byte)'x');
            while (!context.RequestAborted.IsCancellationRequested)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
            }
        });

        var (error, allocated, elapsed) = await Bounds.ThrowsAsync<ApiException>(() => Tasks(server).GetTaskDetailAsync("task-1"));
        output.WriteLine($"{error.GetType().Name} after {elapsed.TotalMilliseconds:0} ms, {allocated / 1024 / 1024.0:0.0} MiB allocated");

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Contains("MaxErrorBytes", error.Message);
        Assert.Equal(ApiException.MaxRetryAfter, error.RetryAfter);
        Assert.Equal(ApiResponseReader.ExcerptLength, error.BodyExcerpt!.Length);
        Assert.InRange(allocated, 0, 8 * 1024 * 1024);
    }

    [Theory]
    [InlineData("Fri, 31 Dec 9999 23:59:59 GMT")]
    [InlineData("99999999999999999999999")]
    [InlineData("86401")]
    public async Task An_absurd_Retry_After_is_capped(string retryAfter)
    {
        await using var server = await HostileServer.StartAsync((context, _) =>
        {
            context.Response.Headers.RetryAfter = retryAfter;
            return HostileServer.Json(context, """{"error":{"code":"rate_limit_exceeded","message":"slow down"}}""", 429);
        });

        var error = await Assert.ThrowsAsync<ApiException<QwenImageEdit.Vendors.EvoLink.ErrorResponse>>(() => Tasks(server).GetTaskDetailAsync("task-1"));

        Assert.Equal(ApiException.MaxRetryAfter, error.RetryAfter);
        await Task.Delay(TimeSpan.Zero).WaitAsync(error.RetryAfter!.Value); // a valid delay, whatever the server said
    }

    /// <summary>Sets the response limits on every request, as a user's handler would.</summary>
    private sealed class LimitsHandler(ApiResponseLimits? limits) : DelegatingHandler(new SocketsHttpHandler { UseProxy = false })
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            limits?.ApplyTo(request);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
