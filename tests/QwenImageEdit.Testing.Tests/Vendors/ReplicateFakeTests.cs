using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using QwenImageEdit.Testing.Tests.Infrastructure;

namespace QwenImageEdit.Testing.Tests.Vendors;

/// <summary>The fake Replicate: predictions, Prefer: wait, Cancel-After, cancel, retention, problem details and signed webhooks.</summary>
public sealed class ReplicateFakeTests
{
    private const string Key = "test-key";
    private const string Plus = "v1/models/qwen/qwen-image-edit-plus/predictions";
    private const string Edit = "v1/models/qwen/qwen-image-edit/predictions";
    private const string PlusInput = """{"input":{"prompt":"Make it blue","image":["https://example.com/a.png"]}}""";
    private const string EditInput = """{"input":{"prompt":"Make it blue","image":"https://example.com/a.png","output_format":"png"}}""";

    [Theory]
    [MemberData(nameof(TransportExtensions.Both), MemberType = typeof(TransportExtensions))]
    public async Task A_prediction_starts_processes_and_succeeds_with_its_image_urls(Transport transport)
    {
        await using var fake = new FakeReplicate(new FakeVendorOptions { Lifecycle = FakeLifecycle.AfterPolls(1) });
        using var client = await fake.ConnectAsync(transport);

        using var created = await client.PostJsonAsync(Plus, PlusInput, Key);
        var prediction = await created.JsonAsync();
        var id = prediction.Str("id");
        var statuses = new List<string>();
        JsonElement last = default;
        for (var i = 0; i < 2; i++)
        {
            using var poll = await client.GetAsync("v1/predictions/" + id, Key);
            last = await poll.JsonAsync();
            statuses.Add(last.Str("status"));
        }

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(("starting", "qwen/qwen-image-edit-plus", "hidden"), (prediction.Str("status"), prediction.Str("model"), prediction.Str("version")));
        Assert.Equal(JsonValueKind.Null, prediction.GetProperty("output").ValueKind);
        Assert.Equal(26, id.Length);
        Assert.Equal(["processing", "succeeded"], statuses);
        Assert.Equal(new Uri(fake.ApiAddress, "predictions/" + id).AbsoluteUri, last.GetProperty("urls").Str("get"));
        Assert.Equal(fake.GetTask(id).ResultUrls.Select(static u => u.AbsoluteUri), last.GetProperty("output").EnumerateArray().Select(static u => u.GetString()));
        Assert.Equal("Make it blue", last.GetProperty("input").Str("prompt"));
        Assert.Empty(fake.Violations);
    }

    [Fact]
    public async Task Prefer_wait_answers_the_finished_prediction_when_it_ends_within_the_wait_and_the_running_one_otherwise()
    {
        await using var fake = new FakeReplicate(new FakeVendorOptions { Lifecycle = FakeLifecycle.AfterPolls(3) });
        using var client = fake.CreateHttpClient();

        using var quick = await client.SendAsync(HttpMethod.Post, Plus, "Bearer", Key, PlusInput, ("Prefer", "wait=5"));
        using var slow = await client.SendAsync(HttpMethod.Post, Plus, "Bearer", Key, PlusInput, ("Prefer", "wait=2"));

        var done = await quick.JsonAsync();
        Assert.Equal("succeeded", done.Str("status"));
        Assert.Single(done.GetProperty("output").EnumerateArray());
        Assert.Equal("processing", (await slow.JsonAsync()).Str("status"));
        Assert.Empty(fake.Violations);
    }

    [Theory]
    [InlineData("Prefer", "wait=61", "header Prefer")]
    [InlineData("Prefer", "soon", "header Prefer")]
    [InlineData("Cancel-After", "3s", "header Cancel-After")]
    [InlineData("Cancel-After", "five minutes", "header Cancel-After")]
    public async Task Headers_outside_their_documented_range_are_refused(string header, string value, string location)
    {
        await using var fake = new FakeReplicate();
        using var client = fake.CreateHttpClient();

        using var refused = await client.SendAsync(HttpMethod.Post, Plus, "Bearer", Key, PlusInput, (header, value));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(location, Assert.Single(fake.Violations).Location);
        Assert.Empty(fake.Tasks);
    }

    [Fact]
    public async Task Cancel_After_aborts_a_prediction_that_never_started_and_cancels_one_that_did()
    {
        var time = new ManualTimeProvider();
        await using var fake = new FakeReplicate(new FakeVendorOptions { TimeProvider = time, Lifecycle = FakeLifecycle.Timed(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5)) });
        using var client = fake.CreateHttpClient();
        var neverStarted = (await (await client.SendAsync(HttpMethod.Post, Plus, "Bearer", Key, PlusInput, ("Cancel-After", "10s"))).JsonAsync()).Str("id");
        var started = (await (await client.SendAsync(HttpMethod.Post, Plus, "Bearer", Key, PlusInput, ("Cancel-After", "1m"))).JsonAsync()).Str("id");

        time.Advance(TimeSpan.FromSeconds(11));
        var aborted = await (await client.GetAsync("v1/predictions/" + neverStarted, Key)).JsonAsync();
        time.Advance(TimeSpan.FromSeconds(50));
        var canceled = await (await client.GetAsync("v1/predictions/" + started, Key)).JsonAsync();

        Assert.Equal("aborted", aborted.Str("status"));
        Assert.False(aborted.TryGetProperty("started_at", out _));
        Assert.Equal("canceled", canceled.Str("status"));
        Assert.True(canceled.TryGetProperty("deadline", out _));
    }

    [Fact]
    public async Task Cancel_cancels_a_running_prediction_and_leaves_an_ended_one_as_it_was()
    {
        await using var fake = new FakeReplicate(new FakeVendorOptions { Lifecycle = FakeLifecycle.AfterPolls(5) });
        using var client = fake.CreateHttpClient();
        var running = (await (await client.PostJsonAsync(Plus, PlusInput, Key)).JsonAsync()).Str("id");
        _ = await client.GetAsync("v1/predictions/" + running, Key);
        var done = (await (await client.SendAsync(HttpMethod.Post, Plus, "Bearer", Key, PlusInput, ("Prefer", "wait"))).JsonAsync()).Str("id");

        var canceled = await (await client.PostJsonAsync($"v1/predictions/{running}/cancel", "{}", Key)).JsonAsync();
        var unchanged = await (await client.PostJsonAsync($"v1/predictions/{done}/cancel", "{}", Key)).JsonAsync();
        using var missing = await client.PostJsonAsync("v1/predictions/nope/cancel", "{}", Key);

        Assert.Equal("canceled", canceled.Str("status"));
        Assert.Equal("succeeded", unchanged.Str("status"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(404, (await missing.JsonAsync()).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task An_hour_after_it_ended_the_prediction_keeps_its_status_but_not_its_data()
    {
        var time = new ManualTimeProvider();
        await using var fake = new FakeReplicate(new FakeVendorOptions { TimeProvider = time, Lifecycle = FakeLifecycle.Instant });
        using var client = fake.CreateHttpClient();
        var id = (await (await client.PostJsonAsync(Edit, EditInput, Key)).JsonAsync()).Str("id");
        var fresh = await (await client.GetAsync("v1/predictions/" + id, Key)).JsonAsync();

        time.Advance(FakeReplicate.Retention);
        var old = await (await client.GetAsync("v1/predictions/" + id, Key)).JsonAsync();

        Assert.Equal(("succeeded", false), (fresh.Str("status"), fresh.GetProperty("data_removed").GetBoolean()));
        Assert.Equal(("succeeded", true), (old.Str("status"), old.GetProperty("data_removed").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, old.GetProperty("output").ValueKind);
        Assert.Empty(old.GetProperty("input").EnumerateObject());
    }

    [Fact]
    public async Task Errors_are_problem_details_and_a_refused_input_names_its_field()
    {
        await using var fake = new FakeReplicate();
        using var client = fake.CreateHttpClient();

        using var unauthenticated = await client.PostJsonAsync(Plus, PlusInput, "wrong");
        using var invalid = await client.PostJsonAsync(Edit, """{"input":{"prompt":"p","image":["https://example.com/a.png"]}}""", Key);

        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        Assert.Equal("Unauthenticated", (await unauthenticated.JsonAsync()).Str("title"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        var problem = await invalid.JsonAsync();
        Assert.Equal(("Input validation failed", 422), (problem.Str("title"), problem.GetProperty("status").GetInt32()));
        Assert.Equal("input.image", problem.GetProperty("invalid_fields")[0].Str("field"));
    }

    [Fact]
    public async Task Webhooks_follow_the_events_filter_and_are_signed_with_the_standard_webhooks_hmac()
    {
        var receiver = new CallbackRecorder();
        await using var fake = new FakeReplicate(new FakeVendorOptions { CallbackHandler = receiver, Lifecycle = FakeLifecycle.AfterPolls(1) });
        using var client = fake.CreateHttpClient();
        var body = """{"input":{"prompt":"p","image":["https://example.com/a.png"]},"webhook":"https://hooks.example.com/r","webhook_events_filter":["start","completed"]}""";
        var id = (await (await client.PostJsonAsync(Plus, body, Key)).JsonAsync()).Str("id");
        _ = await client.GetAsync("v1/predictions/" + id, Key);
        _ = await client.GetAsync("v1/predictions/" + id, Key);
        await receiver.WaitForAsync(2);
        await fake.WhenCallbacksIdleAsync();
        var secret = (await (await client.GetAsync("v1/webhooks/default/secret", Key)).JsonAsync()).Str("key");

        Assert.Equal(fake.WebhookSecret, secret);
        Assert.Equal(["processing", "succeeded"], receiver.Received.Select(static r => JsonDocument.Parse(r.Body).RootElement.Str("status")).Order(StringComparer.Ordinal));
        foreach (var delivery in receiver.Received)
        {
            var signed = $"{delivery.Headers["webhook-id"]}.{delivery.Headers["webhook-timestamp"]}.{delivery.Body}";
            var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(secret["whsec_".Length..]), Encoding.UTF8.GetBytes(signed)));
            Assert.Equal(expected, delivery.Headers["webhook-signature"]);
        }

        Assert.NotEqual(receiver.Received[0].Headers["webhook-id"], receiver.Received[1].Headers["webhook-id"]);
    }

    [Fact]
    public async Task Without_a_filter_only_the_completed_webhook_is_sent()
    {
        var receiver = new CallbackRecorder();
        await using var fake = new FakeReplicate(new FakeVendorOptions { CallbackHandler = receiver, Lifecycle = FakeLifecycle.AfterPolls(1) });
        using var client = fake.CreateHttpClient();
        var id = (await (await client.PostJsonAsync(Plus, """{"input":{"prompt":"p","image":["https://example.com/a.png"]},"webhook":"https://hooks.example.com/r"}""", Key)).JsonAsync()).Str("id");
        _ = await client.GetAsync("v1/predictions/" + id, Key);
        _ = await client.GetAsync("v1/predictions/" + id, Key);
        await fake.WhenCallbacksIdleAsync();

        Assert.Equal("succeeded", JsonDocument.Parse(Assert.Single(receiver.Received).Body).RootElement.Str("status"));
    }
}
