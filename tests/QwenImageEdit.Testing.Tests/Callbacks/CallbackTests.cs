using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using QwenImageEdit.Testing.Tests.Infrastructure;

namespace QwenImageEdit.Testing.Tests.Callbacks;

/// <summary>Callbacks as each vendor sends them: EvoLink's retries, ModelsLab's duplicates and failure shape, Apikley's HMAC.</summary>
public sealed class CallbackTests
{
    private const string Key = "test-key";
    private static readonly Uri Target = new("http://receiver.test/hooks");

    [Fact]
    public async Task EvoLink_retries_after_1_2_and_4_seconds_then_gives_up()
    {
        var time = new ManualTimeProvider();
        var receiver = new CallbackRecorder(HttpStatusCode.InternalServerError, HttpStatusCode.BadGateway, HttpStatusCode.InternalServerError, HttpStatusCode.NotFound);
        await using var fake = new FakeEvoLink(new FakeVendorOptions { TimeProvider = time, CallbackHandler = receiver, CallbackTarget = Target, Lifecycle = FakeLifecycle.Instant });
        using var client = fake.CreateHttpClient();
        var start = time.GetUtcNow();
        var id = await CreateAndPollEvoLinkAsync(client, ""","callback_url":"https://hooks.example.com/evolink" """);

        foreach (var (count, wait) in new[] { (1, 1), (2, 2), (3, 4) })
        {
            await receiver.WaitForAsync(count);
            await time.WaitForTimersAsync(1);
            time.Advance(TimeSpan.FromSeconds(wait));
        }

        await receiver.WaitForAsync(4);
        await fake.WhenCallbacksIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));

        var deliveries = fake.CallbackDeliveries;
        Assert.Equal([1, 2, 3, 4], deliveries.Select(static d => d.Attempt));
        Assert.Equal([0, 1, 3, 7], deliveries.Select(d => (d.SentAt - start).TotalSeconds));
        Assert.Equal([HttpStatusCode.InternalServerError, HttpStatusCode.BadGateway, HttpStatusCode.InternalServerError, HttpStatusCode.NotFound], deliveries.Select(static d => d.StatusCode!.Value));
        Assert.All(deliveries, d => Assert.Equal((id, Target, false), (d.TaskId, d.Url, d.Delivered)));
        Assert.Equal(0, time.ActiveTimers);
    }

    [Fact]
    public async Task EvoLink_stops_retrying_at_the_first_2xx_and_posts_the_get_task_body()
    {
        var time = new ManualTimeProvider();
        var receiver = new CallbackRecorder(HttpStatusCode.ServiceUnavailable, HttpStatusCode.Accepted);
        await using var fake = new FakeEvoLink(new FakeVendorOptions { TimeProvider = time, CallbackHandler = receiver, CallbackTarget = Target, Lifecycle = FakeLifecycle.Instant });
        using var client = fake.CreateHttpClient();
        var id = await CreateAndPollEvoLinkAsync(client, ""","callback_url":"https://hooks.example.com/evolink" """);

        await receiver.WaitForAsync(1);
        await time.WaitForTimersAsync(1);
        time.Advance(TimeSpan.FromSeconds(1));
        await fake.WhenCallbacksIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, fake.CallbackDeliveries.Count);
        Assert.True(fake.CallbackDeliveries[1].Delivered);
        var body = JsonDocument.Parse(receiver.Received[1].Body).RootElement;
        Assert.Equal((id, "completed"), (body.Str("id"), body.Str("status")));
        Assert.Equal(fake.GetTask(id).ResultUrls[0].AbsoluteUri, body.GetProperty("results")[0].GetString());
        Assert.Equal("application/json", receiver.Received[1].MediaType);
        Assert.Empty(await SpecContract.ComponentProblemsAsync(VendorSpecs.EvoLinkTasks, "TaskDetail", receiver.Received[1].Body));
    }

    [Fact]
    public async Task A_receiver_that_throws_counts_as_a_failed_attempt()
    {
        var time = new ManualTimeProvider();
        await using var fake = new FakeEvoLink(new FakeVendorOptions { TimeProvider = time, CallbackHandler = new ThrowingHandler(), CallbackTarget = Target, Lifecycle = FakeLifecycle.Instant, CallbackRetryDelays = [] });
        using var client = fake.CreateHttpClient();
        await CreateAndPollEvoLinkAsync(client, ""","callback_url":"https://hooks.example.com/evolink" """);

        await fake.WhenCallbacksIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));

        var delivery = Assert.Single(fake.CallbackDeliveries);
        Assert.Null(delivery.StatusCode);
        Assert.IsType<HttpRequestException>(delivery.Exception);
    }

    [Fact]
    public async Task No_callback_is_sent_for_a_task_created_without_a_callback_url()
    {
        var receiver = new CallbackRecorder();
        await using var fake = new FakeEvoLink(new FakeVendorOptions { CallbackHandler = receiver, CallbackTarget = Target, Lifecycle = FakeLifecycle.Instant });
        using var client = fake.CreateHttpClient();
        await CreateAndPollEvoLinkAsync(client, string.Empty);

        await fake.WhenCallbacksIdleAsync();

        Assert.Empty(fake.CallbackDeliveries);
        Assert.Empty(receiver.Received);
    }

    [Fact]
    public async Task ModelsLab_delivers_duplicates_when_asked_with_string_ids_and_the_track_id()
    {
        var receiver = new CallbackRecorder();
        await using var fake = new FakeModelsLab(new FakeVendorOptions { CallbackHandler = receiver, DuplicateWebhooks = true, Lifecycle = FakeLifecycle.Instant });
        using var client = fake.CreateHttpClient();

        using var created = await client.PostJsonAsync("api/v6/image_editing/qwen_edit", """{"key":"test-key","prompt":"p","init_image":"https://example.com/a.png","webhook":"http://receiver.test/modelslab","track_id":42}""");
        await fake.WhenCallbacksIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal([false, true], fake.CallbackDeliveries.Select(static d => d.IsDuplicate).Order());
        Assert.Equal(2, receiver.Received.Count);
        Assert.Equal(receiver.Received[0].Body, receiver.Received[1].Body);
        var body = JsonDocument.Parse(receiver.Received[0].Body).RootElement;
        Assert.Equal(("success", "42"), (body.Str("status"), body.Str("track_id")));
        Assert.Equal(JsonValueKind.String, body.GetProperty("id").ValueKind);
        Assert.Equal(new Uri("http://receiver.test/modelslab"), receiver.Received[0].Url);
        Assert.Empty(await SpecContract.ComponentProblemsAsync(VendorSpecs.ModelsLabFetch, "WebhookSuccessPayload", receiver.Received[0].Body));
    }

    [Fact]
    public async Task ModelsLab_reports_a_failure_as_failed_not_error()
    {
        var receiver = new CallbackRecorder();
        await using var fake = new FakeModelsLab(new FakeVendorOptions { CallbackHandler = receiver, Lifecycle = FakeLifecycle.Instant });
        fake.FailNextTask("nsfw", "Image generation failed");
        using var client = fake.CreateHttpClient();

        using var created = await client.PostJsonAsync("api/v6/image_editing/qwen_edit", """{"key":"test-key","prompt":"p","init_image":"https://example.com/a.png","webhook":"http://receiver.test/modelslab"}""");
        await fake.WhenCallbacksIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("error", (await created.JsonAsync()).Str("status"));
        var body = Assert.Single(receiver.Received).Body;
        Assert.Equal(("failed", "Image generation failed"), (JsonDocument.Parse(body).RootElement.Str("status"), JsonDocument.Parse(body).RootElement.Str("message")));
        Assert.Empty(await SpecContract.ComponentProblemsAsync(VendorSpecs.ModelsLabFetch, "WebhookFailurePayload", body));
    }

    [Fact]
    public async Task ModelsLab_with_the_messege_quirk_reports_a_failure_in_messege()
    {
        var receiver = new CallbackRecorder();
        await using var fake = new FakeModelsLab(new FakeVendorOptions { CallbackHandler = receiver, Lifecycle = FakeLifecycle.Instant, UseMessegeSpelling = true });
        fake.FailNextTask("nsfw", "Image generation failed");
        using var client = fake.CreateHttpClient();

        using var created = await client.PostJsonAsync("api/v6/image_editing/qwen_edit", """{"key":"test-key","prompt":"p","init_image":"https://example.com/a.png","webhook":"http://receiver.test/modelslab"}""");
        await fake.WhenCallbacksIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));

        var body = Assert.Single(receiver.Received).Body;
        var payload = JsonDocument.Parse(body).RootElement;
        Assert.Equal(("failed", "Image generation failed"), (payload.Str("status"), payload.Str("messege")));
        Assert.False(payload.TryGetProperty("message", out _));
        Assert.Empty(await SpecContract.ComponentProblemsAsync(VendorSpecs.ModelsLabFetch, "WebhookFailurePayload", body));
    }

    [Fact]
    public async Task Apikley_signs_its_callback_with_a_valid_hmac()
    {
        var time = new ManualTimeProvider();
        var receiver = new CallbackRecorder();
        await using var fake = new FakeApikley(new FakeVendorOptions { TimeProvider = time, CallbackHandler = receiver, WebhookSigningKey = "hmac-secret", Lifecycle = FakeLifecycle.Instant });
        using var client = fake.CreateHttpClient();
        using var created = await client.PostJsonAsync("api/v1/jobs/createTask", """{"model":"qwen/image-edit","callBackUrl":"http://receiver.test/apikley","input":{"prompt":"p","image_url":"https://example.com/a.png"}}""", Key);
        var id = (await created.JsonAsync()).GetProperty("data").Str("taskId");

        using var poll = await client.GetAsync("api/v1/jobs/recordInfo?taskId=" + id, Key);
        await fake.WhenCallbacksIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));

        var received = Assert.Single(receiver.Received);
        var timestamp = received.Headers["X-Webhook-Timestamp"];
        Assert.Equal(time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), timestamp);
        var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes("hmac-secret"), Encoding.UTF8.GetBytes(id + "." + timestamp)));
        Assert.Equal(expected, received.Headers["X-Webhook-Signature"]);
        var body = JsonDocument.Parse(received.Body).RootElement;
        Assert.Equal((200, id, "success"), (body.GetProperty("code").GetInt32(), body.GetProperty("data").Str("taskId"), body.GetProperty("data").Str("state")));
        Assert.Empty(await SpecContract.ComponentProblemsAsync(VendorSpecs.ApikleyTasks, "TaskCallback", received.Body));
    }

    [Fact]
    public async Task Callbacks_reach_a_real_receiver_over_loopback_http()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        await using var fake = new FakeEvoLink(new FakeVendorOptions { CallbackTarget = new Uri(receiver.Address, "evolink"), Lifecycle = FakeLifecycle.Instant });
        await fake.StartAsync();
        using var client = fake.CreateHttpClient();

        var id = await CreateAndPollEvoLinkAsync(client, ""","callback_url":"https://hooks.example.com/evolink" """);
        var received = await receiver.FirstAsync;
        await fake.WhenCallbacksIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("/evolink", received.Url.AbsolutePath);
        Assert.Equal(id, JsonDocument.Parse(received.Body).RootElement.Str("id"));
        Assert.True(Assert.Single(fake.CallbackDeliveries).Delivered);
    }

    private static async Task<string> CreateAndPollEvoLinkAsync(HttpClient client, string extra)
    {
        using var created = await client.PostJsonAsync("v1/images/generations", $$"""{"model":"qwen-image-edit","prompt":"p","image_urls":["https://example.com/a.png"]{{extra}}}""", Key);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var id = (await created.JsonAsync()).Str("id");
        using var poll = await client.GetAsync("v1/tasks/" + id, Key);
        return id;
    }

    private sealed class ThrowingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => throw new HttpRequestException("Connection refused");
    }
}
