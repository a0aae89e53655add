using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using QwenImageEdit.Testing;
using QwenImageEdit.Tests.Infrastructure;

namespace QwenImageEdit.Tests.Hostile;

/// <summary>
/// What fal.ai, Replicate and DashScope bring a hostile vendor (or a forger) beyond what the suite's theories over every
/// vendor cover: fal's status stream (endless, malformed, cut), DashScope's synchronous answer, result URLs at inside
/// addresses in every vendor's answers, and the signed webhooks (fal's Ed25519, Replicate's Standard Webhooks) captured
/// and replayed, altered, malformed or echoing secrets. Every dial is recorded and only loopback connects.
/// </summary>
public sealed class NewVendorHostileTests
{
    private static readonly string ReplicateSecret = FakeReplicate.TestWebhookSecret;

    [Fact]
    public async Task A_status_stream_without_end_stops_at_its_limit_and_polling_ends_the_edit()
    {
        await using var rig = await HostileRig.StartAsync(ImageEditVendor.Fal, FakeLifecycle.AfterPolls(2), o => o.Limits.MaxStatusStreamBytes = 256 * 1024);
        var operation = await rig.Client.StartEditAsync(Cases.Request());
        rig.Proxy.OnAnswer = exchange => IsStream(exchange) ? EndlessEvents(exchange, operation.Id) : Task.CompletedTask;

        var images = await operation.WaitForCompletionAsync().WaitAsync(Bounds.Hang);

        // One opening, its statuses taken as they came until the stream's limit closed it; a stream over its limit is not
        // opened again, and polls take over.
        Assert.Single(images);
        Assert.Single(rig.Fake.Requests, static r => r.Path.EndsWith("/status/stream", StringComparison.Ordinal));
        Assert.True(PollsAfterTheStream(rig) >= 1);
        Assert.Contains(rig.Logs.Messages, static m => m.Contains("status stream", StringComparison.Ordinal) && m.Contains("polling instead", StringComparison.Ordinal));
        rig.AssertNoSecret(operation: operation);
    }

    public static TheoryData<string> BrokenStreams() => new()
    {
        "data: {not json\n\n",
        "data: null\n\n",
        "data: {\"status\":\"IN_PROGRESS\",\"request_id\":\"", // cut mid-event: never dispatched
        "event: ping\ndata: 42\n\n",
    };

    [Theory]
    [MemberData(nameof(BrokenStreams))]
    public async Task A_status_stream_that_is_not_statuses_leaves_the_edit_to_polling(string body)
    {
        await using var rig = await HostileRig.StartAsync(ImageEditVendor.Fal, FakeLifecycle.AfterPolls(2));
        rig.Proxy.OnAnswer = exchange =>
        {
            if (IsStream(exchange))
            {
                exchange.Text = body;
            }

            return Task.CompletedTask;
        };
        var operation = await rig.Client.StartEditAsync(Cases.Request());

        var images = await operation.WaitForCompletionAsync().WaitAsync(Bounds.Hang);

        Assert.Single(images);
        Assert.True(PollsAfterTheStream(rig) >= 1);
        rig.AssertNoSecret(operation: operation);
    }

    [Fact]
    public async Task A_status_event_about_another_request_is_a_vendor_error()
    {
        await using var rig = await HostileRig.StartAsync(ImageEditVendor.Fal, FakeLifecycle.AfterPolls(2));
        var operation = await rig.Client.StartEditAsync(Cases.Request());
        rig.Proxy.OnAnswer = exchange =>
        {
            if (IsStream(exchange))
            {
                exchange.Text = exchange.Text.Replace(operation.Id, "00000000-0000-4000-8000-000000000000", StringComparison.Ordinal);
            }

            return Task.CompletedTask;
        };

        var error = await Assert.ThrowsAsync<ImageEditVendorException>(() => operation.WaitForCompletionAsync().WaitAsync(Bounds.Hang));

        Assert.Contains("not the task asked about", error.Message);
        Assert.False(operation.HasCompleted);
        rig.AssertNoSecret(error, operation);
    }

    public static TheoryData<string> NotHttp() => ["file:///etc/passwd", "javascript:alert(1)", "/results/a.png"];

    [Theory]
    [MemberData(nameof(NotHttp))]
    public async Task A_synchronous_answer_with_a_result_that_is_not_an_http_url_is_a_vendor_error_and_may_be_billed(string url)
    {
        await using var rig = await HostileRig.StartAsync(ImageEditVendor.DashScope, FakeLifecycle.Instant);
        rig.Proxy.OnAnswer = exchange =>
        {
            if (exchange.Route == FakeRoute.Create)
            {
                exchange.Text = exchange.Text.Replace(rig.Proxy.Address.AbsoluteUri, url + "#", StringComparison.Ordinal);
            }

            return Task.CompletedTask;
        };

        var error = await Assert.ThrowsAsync<ImageEditVendorException>(() => rig.Client.StartEditAsync(Cases.Request()).WaitAsync(Bounds.Hang));

        Assert.Contains("not an absolute http(s) URL", error.Message);
        Assert.False(error.ProvablyNotAccepted); // DashScope made (and billed) the images it answered with
        Assert.Equal(1, rig.Proxy.Count(FakeRoute.Create));
        rig.AssertNoSecret(error);
    }

    [Theory]
    [MemberData(nameof(Cases.Vendors), MemberType = typeof(Cases))]
    public async Task A_result_at_the_cloud_metadata_address_is_refused_without_a_connection(ImageEditVendor vendor)
    {
        await using var rig = await HostileRig.StartAsync(vendor, FakeLifecycle.Instant, o => o.Results.AllowedNetworks = []);
        rig.Proxy.OnAnswer = exchange =>
        {
            if (exchange.Route is FakeRoute.Create or FakeRoute.Poll)
            {
                exchange.Text = exchange.Text.Replace(rig.Proxy.Address.AbsoluteUri, "https://169.254.169.254/", StringComparison.Ordinal);
            }

            return Task.CompletedTask;
        };
        var images = await rig.Client.EditAsync(Cases.Request()).WaitAsync(Bounds.Hang);

        var (error, _, _) = await Bounds.ThrowsAsync<ImageEditResultRefusedException>(() => images[0].ReadAsync());

        Assert.Equal("169.254.169.254", error.Url.Host);
        Assert.Contains("not a public address", error.Message);
        Assert.Empty(rig.Dialled);
        rig.AssertNoSecret(error);
    }

    [Fact]
    public async Task A_genuine_Replicate_delivery_replayed_with_another_body_is_refused()
    {
        var parser = ReplicateParser(out var now);
        var genuine = Prediction("p-1", "failed", output: null, error: "the model crashed");
        var headers = StandardHeaders("msg_1", now, genuine);

        var altered = Prediction("p-1", "succeeded", output: "https://attacker.example/cat.png", error: null);
        var error = Assert.Throws<ImageEditCallbackException>(() => parser.Parse(ImageEditVendor.Replicate, altered, headers));

        Assert.Contains("signature does not match", error.Message);
        Assert.True(parser.Parse(ImageEditVendor.Replicate, genuine, headers).IsBodyVerified);
    }

    [Fact]
    public void A_genuine_Replicate_delivery_sent_again_later_is_a_replay_and_the_same_one_at_once_a_duplicate()
    {
        var time = new ManualTime(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
        var parser = new ImageEditCallbackParser(new Dictionary<ImageEditVendor, string> { [ImageEditVendor.Replicate] = ReplicateSecret }, time);
        var body = Prediction("p-1", "succeeded", output: "https://replicate.delivery/a.png", error: null);
        var headers = StandardHeaders("msg_1", time.GetUtcNow(), body);

        Assert.False(parser.Parse(ImageEditVendor.Replicate, body, headers).IsDuplicate);
        Assert.True(parser.Parse(ImageEditVendor.Replicate, body, headers).IsDuplicate);

        time.Advance(TimeSpan.FromMinutes(6));
        var replay = Assert.Throws<ImageEditCallbackException>(() => parser.Parse(ImageEditVendor.Replicate, body, headers));
        Assert.Contains("too old", replay.Message);
    }

    public static TheoryData<string, string> MalformedStandardSignatures() => new()
    {
        { "signature", "v1,not base64!" },
        { "signature", "v2,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=" },
        { "signature", "v1," },
        { "signature", "" },
        { "signature", string.Join(' ', Enumerable.Repeat("v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", 4_000)) },
        { "timestamp", "yesterday" },
        { "timestamp", "99999999999999999999" },
        { "timestamp", "-1" },
        { "id", "" },
    };

    [Theory]
    [MemberData(nameof(MalformedStandardSignatures))]
    public void A_malformed_Standard_Webhooks_header_is_a_callback_error_naming_no_secret(string header, string value)
    {
        var parser = ReplicateParser(out var now);
        var body = Prediction("p-1", "succeeded", output: "https://replicate.delivery/a.png", error: null);
        var headers = StandardHeaders("msg_1", now, body);
        headers["webhook-" + header] = value;

        var error = Assert.Throws<ImageEditCallbackException>(() => parser.Parse(ImageEditVendor.Replicate, body, headers));

        Assert.Equal(ImageEditVendor.Replicate, error.Vendor);
        NoSecret.In(ReplicateSecret, error.Message, error.ToString());
        NoSecret.In(ReplicateSecret["whsec_".Length..], error.Message, error.ToString());
    }

    [Fact]
    public void A_genuine_Replicate_delivery_that_echoes_the_secrets_gives_them_nowhere()
    {
        var parser = new ImageEditCallbackParser(new Dictionary<ImageEditVendor, string> { [ImageEditVendor.Replicate] = ReplicateSecret }, secrets: [HostileRig.Key]);
        var echo = $"refused: key {HostileRig.Key}, webhook secret {ReplicateSecret}";
        var body = Prediction("p-1", "failed", output: null, error: echo);

        var callback = parser.Parse(ImageEditVendor.Replicate, body, StandardHeaders("msg_1", DateTimeOffset.UtcNow, body));

        Assert.True(callback.IsBodyVerified);
        Assert.Equal(ImageEditStatus.Failed, callback.Status);
        NoSecret.In(HostileRig.Key, callback.Failure!.Message, callback.Failure.ToString(), callback.RawStatus);
        NoSecret.In(ReplicateSecret, callback.Failure.Message, callback.Failure.ToString());
        NoSecret.In(HostileRig.Key, Strings.Of(callback.RawRepresentation).ToArray());
    }

    [Fact]
    public async Task A_genuine_signed_callback_with_a_result_at_an_inside_address_is_taken_but_never_fetched()
    {
        await using var rig = await HostileRig.StartAsync(ImageEditVendor.Replicate, FakeLifecycle.AfterPolls(100), o =>
        {
            o.Results.AllowedNetworks = [];
            o.SynchronousWait = null;
        });
        var operation = await rig.Client.StartEditAsync(Cases.Request());
        var parser = ReplicateParser(out var now);
        var body = Prediction(operation.Id, "succeeded", output: "https://169.254.169.254/latest/meta-data/iam", error: null);

        // Signed with the secret: proof of what Replicate said. What it said is still not a place to connect to.
        Assert.True(operation.Apply(parser.Parse(ImageEditVendor.Replicate, body, StandardHeaders("msg_1", now, body))));
        var (error, _, _) = await Bounds.ThrowsAsync<ImageEditResultRefusedException>(() => operation.Images[0].ReadAsync());

        Assert.Contains("not a public address", error.Message);
        Assert.Empty(rig.Dialled);
    }

    [Fact]
    public void A_genuine_fal_delivery_replayed_with_another_body_is_refused()
    {
        var parser = new ImageEditCallbackParser(falWebhookKeys: FalWebhookKeys.FromJson(FalSigningKey.Test.JwksJson));
        var genuine = """{"request_id":"r-1","gateway_request_id":"r-1","status":"ERROR","error":"the model crashed","payload":null}"""u8.ToArray();
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string>
        {
            [ImageEditCallbackParser.FalRequestIdHeader] = "r-1",
            [ImageEditCallbackParser.FalUserIdHeader] = FakeFal.UserId,
            [ImageEditCallbackParser.FalTimestampHeader] = timestamp,
            [ImageEditCallbackParser.FalSignatureHeader] = FalSigningKey.Test.Sign("r-1", FakeFal.UserId, timestamp, genuine),
        };
        var altered = """{"request_id":"r-1","gateway_request_id":"r-1","status":"OK","payload":{"prompt":"p","images":[{"url":"https://attacker.example/cat.png"}],"timings":{},"has_nsfw_concepts":[false],"seed":1}}"""u8.ToArray();

        var error = Assert.Throws<ImageEditCallbackException>(() => parser.Parse(ImageEditVendor.Fal, altered, headers));

        Assert.Contains("does not match any of fal.ai's keys", error.Message);
        Assert.True(parser.Parse(ImageEditVendor.Fal, genuine, headers).IsBodyVerified);

        // Another user id, or a signature that is not hex, is no signature of fal's either.
        headers[ImageEditCallbackParser.FalUserIdHeader] = "someone-else";
        Assert.Throws<ImageEditCallbackException>(() => parser.Parse(ImageEditVendor.Fal, genuine, headers));
        headers[ImageEditCallbackParser.FalUserIdHeader] = FakeFal.UserId;
        headers[ImageEditCallbackParser.FalSignatureHeader] = new string('z', 128);
        Assert.Throws<ImageEditCallbackException>(() => parser.Parse(ImageEditVendor.Fal, genuine, headers));
    }

    /// <summary>fal's status stream (its requests path ends in /status/stream).</summary>
    private static bool IsStream(Exchange exchange) => exchange.Request.Path.Contains("/status/stream", StringComparison.Ordinal);

    /// <summary>Task reads that were not the stream: status polls and result reads.</summary>
    private static int PollsAfterTheStream(HostileRig rig) => rig.Fake.Requests.Count(static r => r.Route == FakeRoute.Poll && !r.Path.EndsWith("/status/stream", StringComparison.Ordinal));

    /// <summary>Statuses without end, each a valid event about the request, as a stream gone wrong sends them.</summary>
    private static async Task EndlessEvents(Exchange exchange, string id)
    {
        exchange.Answered = true;
        exchange.Context.Response.ContentType = "text/event-stream";
        var chunk = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("data: {\"status\":\"IN_QUEUE\",\"request_id\":\"" + id + "\",\"queue_position\":1}\n\n", 1_000)));
        try
        {
            while (!exchange.Context.RequestAborted.IsCancellationRequested)
            {
                await exchange.Context.Response.Body.WriteAsync(chunk, exchange.Context.RequestAborted);
            }
        }
        catch (Exception) when (exchange.Context.RequestAborted.IsCancellationRequested)
        {
            // The facade hung up at its limit.
        }
    }

    private static ImageEditCallbackParser ReplicateParser(out DateTimeOffset now)
    {
        now = DateTimeOffset.UtcNow;
        return new ImageEditCallbackParser(new Dictionary<ImageEditVendor, string> { [ImageEditVendor.Replicate] = ReplicateSecret });
    }

    /// <summary>A prediction as Replicate's webhook body carries it.</summary>
    private static byte[] Prediction(string id, string status, string? output, string? error)
    {
        var json = new System.Text.Json.Nodes.JsonObject
        {
            ["id"] = id,
            ["model"] = "qwen/qwen-image-edit",
            ["version"] = "hidden",
            ["input"] = new System.Text.Json.Nodes.JsonObject(),
            ["output"] = output is null ? null : new System.Text.Json.Nodes.JsonArray(output),
            ["data_removed"] = false,
            ["error"] = error,
            ["status"] = status,
            ["source"] = "api",
            ["created_at"] = "2026-12-01T00:00:00Z",
            ["urls"] = new System.Text.Json.Nodes.JsonObject
            {
                ["web"] = "https://replicate.com/p/" + id,
                ["get"] = "https://api.replicate.com/v1/predictions/" + id,
                ["cancel"] = "https://api.replicate.com/v1/predictions/" + id + "/cancel",
            },
        };
        return Encoding.UTF8.GetBytes(json.ToJsonString());
    }

    /// <summary>The Standard Webhooks headers Replicate sends, signed with <see cref="ReplicateSecret"/> (its spec: HMAC-SHA256 of id.timestamp.body).</summary>
    private static Dictionary<string, string> StandardHeaders(string id, DateTimeOffset at, byte[] body)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signed = Encoding.UTF8.GetBytes(id + "." + timestamp + ".").Concat(body).ToArray();
        var signature = Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(ReplicateSecret["whsec_".Length..]), signed));
        return new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["webhook-id"] = id,
            ["webhook-timestamp"] = timestamp,
            ["webhook-signature"] = "v1," + signature,
        };
    }
}
