using System.Net;
using System.Text;
using System.Text.Json;
using QwenImageEdit.Testing;
using QwenImageEdit.Tests.Infrastructure;

namespace QwenImageEdit.Tests.Hostile;

/// <summary>
/// A server that echoes the key, in every form, in every place a string comes from: no string the facade produces
/// (message, ToString, excerpt, headers kept, typed error body, failure, raw representation, log) may hold it.
/// </summary>
public sealed class SecretEchoTests
{
    public static TheoryData<ImageEditVendor, string> VendorsAndForms()
    {
        var data = new TheoryData<ImageEditVendor, string>();
        foreach (var vendor in Enum.GetValues<ImageEditVendor>())
        {
            foreach (var form in new[] { "raw", "json", "url", "base64" })
            {
                data.Add(vendor, form);
            }
        }

        return data;
    }

    /// <summary>The key as a server might echo it; JSON escaping is left to the JSON writer, so "json" gets a \u form.</summary>
    private static string Echo(string form) => form switch
    {
        "raw" => HostileRig.Key,
        "json" => string.Concat(HostileRig.Key.Select(static c => c is '+' or '/' or '<' or '>' ? $"\\u{(int)c:x4}" : c.ToString())),
        "url" => Uri.EscapeDataString(HostileRig.Key),
        _ => Convert.ToBase64String(Encoding.UTF8.GetBytes(HostileRig.Key)),
    };

    [Theory]
    [MemberData(nameof(VendorsAndForms))]
    public async Task A_refused_key_echoed_in_the_body_and_headers_is_in_no_string(ImageEditVendor vendor, string form)
    {
        await using var rig = await HostileRig.StartAsync(vendor);
        // The fake gets a wrong key, so it answers with its own refusal (401, ModelsLab's 200 error, Apikley's code 401);
        // the proxy then repeats the real key in every string of it and in headers.
        rig.Proxy.OnRequest = request => request with
        {
            Headers = request.Headers.ToDictionary(static h => h.Key, static h => h.Value.Replace(HostileRig.Key, "not-the-key", StringComparison.Ordinal), StringComparer.OrdinalIgnoreCase),
            Body = Encoding.UTF8.GetBytes(request.BodyText.Replace(JsonEncodedText.Encode(HostileRig.Key).Value, "not-the-key", StringComparison.Ordinal)),
        };
        rig.Proxy.OnAnswer = exchange =>
        {
            exchange.Headers["WWW-Authenticate"] = $"Bearer error=\"invalid_token\", token=\"{Echo(form == "json" ? "raw" : form)}\"";
            exchange.Headers["X-Echo"] = exchange.Request.Headers.GetValueOrDefault("Authorization", HostileRig.Key);
            exchange.Text = EchoInMessages(exchange.Text, Echo(form));
            return Task.CompletedTask;
        };

        var error = await Assert.ThrowsAsync<ImageEditAuthenticationException>(() => rig.Client.StartEditAsync(Cases.Request()).WaitAsync(Bounds.Hang));

        Assert.Contains("***", error.Message + error.ResponseExcerpt);
        rig.AssertNoSecret(error);
        Assert.Empty(rig.Fake.Tasks);
    }

    [Theory]
    [MemberData(nameof(Cases.PollingVendors), MemberType = typeof(Cases))]
    public async Task A_failed_task_whose_message_echoes_the_key_keeps_it_out_of_the_failure_and_the_logs(ImageEditVendor vendor)
    {
        await using var rig = await HostileRig.StartAsync(vendor);
        rig.Fake.FailNextTask(vendor == ImageEditVendor.Apikley ? "501" : "content_policy_violation", "Generation failed");
        rig.Proxy.OnAnswer = exchange =>
        {
            if (exchange.Route == FakeRoute.Poll)
            {
                exchange.MapStrings((name, text) => MessageMembers.Contains(name) ? text + " for key " + HostileRig.Key : text);
            }

            return Task.CompletedTask;
        };

        var operation = await rig.Client.StartEditAsync(Cases.Request());
        var error = await Assert.ThrowsAsync<ImageEditFailedException>(() => operation.WaitForCompletionAsync().WaitAsync(Bounds.Hang));

        Assert.Contains("for key ***", error.Failure.Message);
        rig.AssertNoSecret(error, operation);
    }

    [Theory]
    [MemberData(nameof(Cases.PollingVendors), MemberType = typeof(Cases))]
    public async Task An_error_page_that_echoes_the_key_as_html_keeps_it_out_of_the_excerpt(ImageEditVendor vendor)
    {
        await using var rig = await HostileRig.StartAsync(vendor, configure: o => o.Polling.TransientRetries = 0);
        rig.Proxy.OnAnswer = exchange =>
        {
            if (exchange.Route == FakeRoute.Poll)
            {
                exchange.Status = 502;
                exchange.Headers["Content-Type"] = "text/html";
                exchange.Text = $"<html><body>Bad gateway for {exchange.Request.Headers.GetValueOrDefault("Authorization")} {exchange.Request.BodyText} {Echo("url")} {Echo("base64")}</body></html>";
            }

            return Task.CompletedTask;
        };

        var operation = await rig.Client.StartEditAsync(Cases.Request());
        var error = await Assert.ThrowsAsync<ImageEditVendorException>(() => operation.UpdateAsync().WaitAsync(Bounds.Hang));

        Assert.Equal(502, error.StatusCode);
        Assert.Contains("Bad gateway", error.ResponseExcerpt);
        rig.AssertNoSecret(error, operation);
    }

    [Theory]
    [MemberData(nameof(Cases.PollingVendors), MemberType = typeof(Cases))]
    public async Task A_status_that_carries_the_key_is_scrubbed_from_the_operation_and_the_logs(ImageEditVendor vendor)
    {
        await using var rig = await HostileRig.StartAsync(vendor, FakeLifecycle.AfterPolls(100), o => o.Polling.TransientRetries = 0);
        rig.Proxy.OnAnswer = exchange =>
        {
            if (exchange.Route == FakeRoute.Poll)
            {
                exchange.MapStrings((name, text) => name is "status" or "state" ? text + HostileRig.Key : text);
            }

            return Task.CompletedTask;
        };

        var operation = await rig.Client.StartEditAsync(Cases.Request());
        await operation.UpdateAsync().WaitAsync(Bounds.Hang);

        Assert.EndsWith("***", operation.RawStatus);
        rig.AssertNoSecret(null, operation);
    }

    [Fact]
    public async Task A_callback_that_echoes_an_api_key_is_scrubbed_by_a_parser_that_knows_the_keys()
    {
        var parser = new ImageEditCallbackParser(secrets: [HostileRig.Key]);
        var body = Encoding.UTF8.GetBytes($$"""{"status":"failed","id":12346,"message":"key \u0073{{HostileRig.Key[1..]}} has no credit"}""");

        var callback = parser.Parse(ImageEditVendor.ModelsLab, body);

        Assert.Equal("key *** has no credit", callback.Failure!.Message);
        NoSecret.In(HostileRig.Key, Strings.Of(callback.RawRepresentation).ToArray());
    }

    // fal.ai says why in `detail` (or a status's `error`), Replicate in `detail` (or a prediction's `error`).
    private static readonly string[] MessageMembers = ["message", "msg", "messege", "failMsg", "detail", "error"];

    /// <summary>Appends <paramref name="echo"/> to every message of a JSON body, written by hand so a \u form stays as it is.</summary>
    private static string EchoInMessages(string json, string echo)
    {
        System.Text.Json.Nodes.JsonNode? node;
        try
        {
            node = System.Text.Json.Nodes.JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return json + " " + echo;
        }

        return node is null ? json : Rewrite(node, null, echo);
    }

    private static string Rewrite(System.Text.Json.Nodes.JsonNode node, string? member, string echo) => node switch
    {
        System.Text.Json.Nodes.JsonObject obj => "{" + string.Join(",", obj.Select(p => JsonSerializer.Serialize(p.Key) + ":" + (p.Value is null ? "null" : Rewrite(p.Value, p.Key, echo)))) + "}",
        System.Text.Json.Nodes.JsonArray array => "[" + string.Join(",", array.Select(i => i is null ? "null" : Rewrite(i, member, echo))) + "]",
        System.Text.Json.Nodes.JsonValue value when value.TryGetValue<string>(out var text) && MessageMembers.Contains(member) => JsonSerializer.Serialize(text)[..^1] + " " + echo + "\"",
        _ => node.ToJsonString(),
    };
}
