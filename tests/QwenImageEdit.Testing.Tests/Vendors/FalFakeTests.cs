using System.Net;
using System.Net.ServerSentEvents;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using QwenImageEdit.Testing.Tests.Infrastructure;

namespace QwenImageEdit.Testing.Tests.Vendors;

/// <summary>The fake fal.ai queue: Key auth, queue positions, logs, the status stream, results, cancel, errors and signed webhooks.</summary>
public sealed class FalFakeTests
{
    private const string Key = "test-key";
    private const string Edit = "fal-ai/qwen-image-edit";
    private const string Plus = "fal-ai/qwen-image-edit-plus";
    private const string EditInput = """{"prompt":"Make the sky green","image_url":"https://example.com/a.png"}""";
    private const string PlusInput = """{"prompt":"Make the sky green","image_urls":["https://example.com/a.png","https://example.com/b.png"],"num_images":2}""";

    [Theory]
    [MemberData(nameof(TransportExtensions.Both), MemberType = typeof(TransportExtensions))]
    public async Task Submit_status_and_result_walk_the_queue(Transport transport)
    {
        await using var fake = new FakeFal(new FakeVendorOptions { Lifecycle = FakeLifecycle.AfterPolls(1) });
        using var client = await fake.ConnectAsync(transport);

        using var submitted = await client.SendAsync(HttpMethod.Post, Plus, "Key", Key, PlusInput);
        var queued = await submitted.JsonAsync();
        var id = queued.Str("request_id");
        using var early = await client.SendAsync(HttpMethod.Get, $"{Plus}/requests/{id}", "Key", Key);
        var statuses = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            using var status = await client.SendAsync(HttpMethod.Get, $"{Plus}/requests/{id}/status", "Key", Key);
            statuses.Add((await status.JsonAsync()).Str("status"));
        }

        using var result = await client.SendAsync(HttpMethod.Get, $"{Plus}/requests/{id}", "Key", Key);
        var output = await result.JsonAsync();

        Assert.Equal(("IN_QUEUE", 0), (queued.Str("status"), queued.GetProperty("queue_position").GetInt32()));
        Assert.Equal(new Uri(fake.BaseAddress, $"{Plus}/requests/{id}/status").AbsoluteUri, queued.Str("status_url"));
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Equal(["IN_PROGRESS", "COMPLETED"], statuses);
        var images = output.GetProperty("images").EnumerateArray().ToList();
        Assert.Equal(2, images.Count);
        using var download = new HttpClient(transport == Transport.InMemory ? fake.CreateHandler() : new SocketsHttpHandler());
        Assert.Equal(ResultImage.Render(id, 1, 64), await download.GetByteArrayAsync(images[1].Str("url")));
        Assert.Equal("Make the sky green", output.Str("prompt"));
        Assert.Equal([false, false], output.GetProperty("has_nsfw_concepts").EnumerateArray().Select(static b => b.GetBoolean()));
        Assert.Empty(fake.Violations);
    }

    [Fact]
    public async Task Only_the_Key_scheme_is_accepted_and_the_key_never_reaches_the_records()
    {
        await using var fake = new FakeFal();
        using var client = fake.CreateHttpClient();

        using var bearer = await client.SendAsync(HttpMethod.Post, Edit, "Bearer", Key, EditInput);
        using var wrong = await client.SendAsync(HttpMethod.Post, Edit, "Key", "someone-elses-key", EditInput);

        Assert.Equal(HttpStatusCode.Unauthorized, bearer.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(["must use the Key scheme", "carries a key that is not the fake's API key"], fake.Violations.Select(static v => v.Message));
        Assert.Equal(["Bearer ***", "Key ***"], fake.Requests.Select(static r => r.Headers["Authorization"]));
        Assert.DoesNotContain(fake.Requests, static r => r.ToString().Contains("someone-elses-key", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Queue_positions_count_the_requests_ahead_and_logs_come_only_when_asked()
    {
        var time = new ManualTimeProvider();
        await using var fake = new FakeFal(new FakeVendorOptions { TimeProvider = time, Lifecycle = FakeLifecycle.Timed(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10)) });
        using var client = fake.CreateHttpClient();
        var first = (await (await client.SendAsync(HttpMethod.Post, Edit, "Key", Key, EditInput)).JsonAsync()).Str("request_id");
        var second = (await (await client.SendAsync(HttpMethod.Post, Edit, "Key", Key, EditInput)).JsonAsync()).Str("request_id");

        var queued = await (await client.SendAsync(HttpMethod.Get, $"{Edit}/requests/{second}/status", "Key", Key)).JsonAsync();
        time.Advance(TimeSpan.FromSeconds(12));
        var running = await (await client.SendAsync(HttpMethod.Get, $"{Edit}/requests/{first}/status?logs=1", "Key", Key)).JsonAsync();
        var quiet = await (await client.SendAsync(HttpMethod.Get, $"{Edit}/requests/{first}/status?logs=0", "Key", Key)).JsonAsync();

        Assert.Equal(("IN_QUEUE", 1), (queued.Str("status"), queued.GetProperty("queue_position").GetInt32()));
        Assert.Equal("IN_PROGRESS", running.Str("status"));
        Assert.StartsWith("Processing request " + first, running.GetProperty("logs")[0].Str("message"), StringComparison.Ordinal);
        Assert.Equal("INFO", running.GetProperty("logs")[0].Str("level"));
        Assert.False(quiet.TryGetProperty("logs", out _));
    }

    [Theory]
    [MemberData(nameof(TransportExtensions.Both), MemberType = typeof(TransportExtensions))]
    public async Task The_status_stream_sends_an_event_per_step_until_completed(Transport transport)
    {
        await using var fake = new FakeFal(new FakeVendorOptions { Lifecycle = FakeLifecycle.AfterPolls(2) });
        using var client = await fake.ConnectAsync(transport);
        var id = (await (await client.SendAsync(HttpMethod.Post, Edit, "Key", Key, EditInput)).JsonAsync()).Str("request_id");

        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Edit}/requests/{id}/status/stream?logs=1");
        request.Headers.TryAddWithoutValidation("Authorization", "Key " + Key);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var events = new List<JsonElement>();
        await foreach (var item in SseParser.Create(await response.Content.ReadAsStreamAsync()).EnumerateAsync())
        {
            events.Add(JsonDocument.Parse(item.Data).RootElement.Clone());
        }

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["IN_PROGRESS", "IN_PROGRESS", "COMPLETED"], events.Select(static e => e.Str("status")));
        Assert.True(events[^1].GetProperty("logs").GetArrayLength() > events[0].GetProperty("logs").GetArrayLength());
        Assert.Equal(FakeTaskState.Succeeded, fake.GetTask(id).State);
    }

    [Fact]
    public async Task The_status_stream_follows_a_timed_request_as_its_clock_moves()
    {
        var time = new ManualTimeProvider();
        await using var fake = new FakeFal(new FakeVendorOptions { TimeProvider = time, Lifecycle = FakeLifecycle.Timed(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)) });
        await fake.StartAsync();
        using var client = fake.CreateHttpClient();
        var id = (await (await client.SendAsync(HttpMethod.Post, Edit, "Key", Key, EditInput)).JsonAsync()).Str("request_id");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Edit}/requests/{id}/status/stream");
        request.Headers.TryAddWithoutValidation("Authorization", "Key " + Key);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await using var events = SseParser.Create(await response.Content.ReadAsStreamAsync()).EnumerateAsync().GetAsyncEnumerator();

        Assert.True(await events.MoveNextAsync());
        var first = Status(events.Current);
        time.Advance(TimeSpan.FromSeconds(6));
        Assert.True(await events.MoveNextAsync());
        var second = Status(events.Current);
        time.Advance(TimeSpan.FromSeconds(6));
        Assert.True(await events.MoveNextAsync());
        var third = Status(events.Current);

        Assert.Equal(["IN_QUEUE", "IN_PROGRESS", "COMPLETED"], new[] { first, second, third });
        Assert.False(await events.MoveNextAsync());

        static string Status(SseItem<string> item) => JsonDocument.Parse(item.Data).RootElement.Str("status");
    }

    [Fact]
    public async Task Cancel_ends_a_queued_request_once_and_says_already_completed_after()
    {
        var time = new ManualTimeProvider();
        await using var fake = new FakeFal(new FakeVendorOptions { TimeProvider = time, Lifecycle = FakeLifecycle.Timed(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1)) });
        using var client = fake.CreateHttpClient();
        var id = (await (await client.SendAsync(HttpMethod.Post, Edit, "Key", Key, EditInput)).JsonAsync()).Str("request_id");

        using var cancelled = await client.SendAsync(HttpMethod.Put, $"{Edit}/requests/{id}/cancel", "Key", Key);
        using var again = await client.SendAsync(HttpMethod.Put, $"{Edit}/requests/{id}/cancel", "Key", Key);
        using var unknown = await client.SendAsync(HttpMethod.Put, $"{Edit}/requests/00000000-fa1a-4000-8000-000000000000/cancel", "Key", Key);
        var status = await (await client.SendAsync(HttpMethod.Get, $"{Edit}/requests/{id}/status", "Key", Key)).JsonAsync();
        using var result = await client.SendAsync(HttpMethod.Get, $"{Edit}/requests/{id}", "Key", Key);

        Assert.Equal((HttpStatusCode.Accepted, "CANCELLATION_REQUESTED"), (cancelled.StatusCode, (await cancelled.JsonAsync()).Str("status")));
        Assert.Equal((HttpStatusCode.BadRequest, "ALREADY_COMPLETED"), (again.StatusCode, (await again.JsonAsync()).Str("status")));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(("COMPLETED", "client_cancelled"), (status.Str("status"), status.Str("error_type")));
        Assert.Equal((HttpStatusCode)499, result.StatusCode);
        Assert.Equal(FakeTaskState.Cancelled, fake.GetTask(id).State);
    }

    [Fact]
    public async Task Failures_are_typed_details_for_the_model_and_flat_request_errors_with_their_status()
    {
        await using var fake = new FakeFal(new FakeVendorOptions { Lifecycle = FakeLifecycle.Instant });
        using var client = fake.CreateHttpClient();
        fake.FailNextTask("content_policy_violation", "The image was flagged");
        var refused = (await (await client.SendAsync(HttpMethod.Post, Edit, "Key", Key, EditInput)).JsonAsync()).Str("request_id");
        fake.FailNextTask("request_timeout", "Request timed out");
        var timedOut = (await (await client.SendAsync(HttpMethod.Post, Edit, "Key", Key, EditInput)).JsonAsync()).Str("request_id");

        var refusedStatus = await (await client.SendAsync(HttpMethod.Get, $"{Edit}/requests/{refused}/status", "Key", Key)).JsonAsync();
        using var refusedResult = await client.SendAsync(HttpMethod.Get, $"{Edit}/requests/{refused}", "Key", Key);
        _ = await client.SendAsync(HttpMethod.Get, $"{Edit}/requests/{timedOut}/status", "Key", Key);
        using var timedOutResult = await client.SendAsync(HttpMethod.Get, $"{Edit}/requests/{timedOut}", "Key", Key);

        Assert.Equal(("COMPLETED", "The image was flagged", "content_policy_violation"), (refusedStatus.Str("status"), refusedStatus.Str("error"), refusedStatus.Str("error_type")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refusedResult.StatusCode);
        Assert.Equal("content_policy_violation", (await refusedResult.JsonAsync()).GetProperty("detail")[0].Str("type"));
        Assert.Equal(HttpStatusCode.GatewayTimeout, timedOutResult.StatusCode);
        Assert.Equal(("Request timed out", "request_timeout"), ((await timedOutResult.JsonAsync()).Str("detail"), (await timedOutResult.JsonAsync()).Str("error_type")));
        Assert.Equal("request_timeout", timedOutResult.Headers.GetValues("X-Fal-Error-Type").Single());
    }

    [Fact]
    public async Task A_body_the_model_does_not_take_is_a_422_naming_the_field_and_requests_belong_to_their_model()
    {
        await using var fake = new FakeFal();
        using var client = fake.CreateHttpClient();

        using var gif = await client.SendAsync(HttpMethod.Post, "fal-ai/qwen-image-edit-2511", "Key", Key, """{"prompt":"p","image_urls":["https://example.com/a.png"],"output_format":"gif"}""");
        var id = (await (await client.SendAsync(HttpMethod.Post, Edit, "Key", Key, EditInput)).JsonAsync()).Str("request_id");
        using var elsewhere = await client.SendAsync(HttpMethod.Get, $"{Plus}/requests/{id}/status", "Key", Key);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, gif.StatusCode);
        var detail = (await gif.JsonAsync()).GetProperty("detail")[0];
        Assert.Equal(["body", "output_format"], detail.GetProperty("loc").EnumerateArray().Select(static l => l.GetString()));
        Assert.Equal("$.output_format", Assert.Single(fake.Violations).Location);
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
    }

    [Fact]
    public async Task Sync_mode_answers_the_images_as_data_uris()
    {
        await using var fake = new FakeFal(new FakeVendorOptions { Lifecycle = FakeLifecycle.Instant });
        using var client = fake.CreateHttpClient();
        var id = (await (await client.SendAsync(HttpMethod.Post, Edit, "Key", Key, """{"prompt":"p","image_url":"https://example.com/a.png","sync_mode":true}""")).JsonAsync()).Str("request_id");
        _ = await client.SendAsync(HttpMethod.Get, $"{Edit}/requests/{id}/status", "Key", Key);

        var url = (await (await client.SendAsync(HttpMethod.Get, $"{Edit}/requests/{id}", "Key", Key)).JsonAsync()).GetProperty("images")[0].Str("url");

        Assert.Equal(ResultImage.Render(id, 0, 64), Convert.FromBase64String(url["data:image/png;base64,".Length..]));
    }

    [Fact]
    public async Task Webhooks_are_signed_with_Ed25519_over_id_user_time_and_the_body_hash_and_the_key_set_is_served()
    {
        var receiver = new CallbackRecorder();
        await using var fake = new FakeFal(new FakeVendorOptions { CallbackHandler = receiver, Lifecycle = FakeLifecycle.Instant });
        using var client = fake.CreateHttpClient();
        var hook = Uri.EscapeDataString("https://hooks.example.com/fal");
        var id = (await (await client.SendAsync(HttpMethod.Post, $"{Edit}?fal_webhook={hook}", "Key", Key, EditInput)).JsonAsync()).Str("request_id");
        _ = await client.SendAsync(HttpMethod.Get, $"{Edit}/requests/{id}/status", "Key", Key);
        await receiver.WaitForAsync(1);

        var delivery = Assert.Single(receiver.Received);
        var headers = delivery.Headers;
        var message = string.Join('\n', headers["X-Fal-Webhook-Request-Id"], headers["X-Fal-Webhook-User-Id"], headers["X-Fal-Webhook-Timestamp"], Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(delivery.Body))));
        var jwks = await (await client.GetAsync(".well-known/jwks.json")).JsonAsync();
        var key = jwks.GetProperty("keys")[0];
        var publicKey = Convert.FromBase64String(key.Str("x").Replace('-', '+').Replace('_', '/') + "=");

        Assert.Equal(new Uri("https://hooks.example.com/fal"), delivery.Url);
        Assert.Equal((id, FakeFal.UserId), (headers["X-Fal-Webhook-Request-Id"], headers["X-Fal-Webhook-User-Id"]));
        Assert.Equal(("OKP", "Ed25519"), (key.Str("kty"), key.Str("crv")));
        Assert.True(Verify(publicKey, message, headers["X-Fal-Webhook-Signature"]));
        Assert.False(Verify(publicKey, message + "x", headers["X-Fal-Webhook-Signature"]));
        var body = JsonDocument.Parse(delivery.Body).RootElement;
        Assert.Equal(("OK", id), (body.Str("status"), body.Str("request_id")));
        Assert.Equal(ResultImage.Render(id, 0, 64).Length, body.GetProperty("payload").GetProperty("images")[0].GetProperty("file_size").GetInt32());
    }

    private static bool Verify(byte[] publicKey, string message, string signatureHex)
    {
        var verifier = new Ed25519Signer();
        verifier.Init(forSigning: false, new Ed25519PublicKeyParameters(publicKey, 0));
        var bytes = Encoding.UTF8.GetBytes(message);
        verifier.BlockUpdate(bytes, 0, bytes.Length);
        return verifier.VerifySignature(Convert.FromHexString(signatureHex));
    }
}
