using System.Text.Json.Nodes;
using QwenImageEdit.Testing;
using QwenImageEdit.Tests.Infrastructure;

namespace QwenImageEdit.Tests.Hostile;

/// <summary>
/// Answers that contradict the request, that break off, or that ask for absurd waits: each is a typed error (or a
/// sane wait), never a result and never an exception from the BCL.
/// </summary>
public sealed class AnswerTests
{
    /// <summary>The members that carry a task's id in each vendor's answers.</summary>
    private static readonly string[] IdMembers = ["id", "taskId", "request_id"];

    /// <summary>The members that carry result URLs (Apikley's resultJson is JSON text holding resultUrls; fal.ai's images are in its result).</summary>
    private static readonly string[] ResultMembers = ["results", "output", "proxy_links", "resultJson", "images"];

    private static Task<HostileRig> Rig(ImageEditVendor vendor) => HostileRig.StartAsync(vendor, FakeLifecycle.AfterPolls(1), o => o.Polling.TransientRetries = 0);

    [Theory]
    [MemberData(nameof(Cases.PollingVendors), MemberType = typeof(Cases))]
    public async Task A_poll_answer_about_another_task_is_a_vendor_error(ImageEditVendor vendor)
    {
        await using var rig = await Rig(vendor);
        var operation = await rig.Client.StartEditAsync(Cases.Request());
        rig.Proxy.OnAnswer = exchange =>
        {
            if (exchange.Route == FakeRoute.Poll)
            {
                var json = JsonNode.Parse(exchange.Body)!;
                Replace(json, operation.Id);
                exchange.Text = json.ToJsonString();
            }

            return Task.CompletedTask;
        };

        var (error, _, _) = await Bounds.ThrowsAsync<ImageEditVendorException>(() => operation.UpdateAsync());

        Assert.Contains("not the task asked about", error.Message);
        Assert.False(operation.HasCompleted);
        Assert.Empty(operation.Images);
        rig.AssertNoSecret(error, operation);
    }

    [Theory]
    [MemberData(nameof(Cases.PollingVendors), MemberType = typeof(Cases))]
    public async Task A_task_reported_done_without_results_is_a_vendor_error(ImageEditVendor vendor)
    {
        await using var rig = await Rig(vendor);
        var operation = await rig.Client.StartEditAsync(Cases.Request());
        rig.Proxy.OnAnswer = exchange =>
        {
            if (exchange.Route == FakeRoute.Poll)
            {
                var json = JsonNode.Parse(exchange.Body)!;
                Strip(json);
                exchange.Text = json.ToJsonString();
            }

            return Task.CompletedTask;
        };

        var (error, _, _) = await Bounds.ThrowsAsync<ImageEditVendorException>(() => operation.WaitForCompletionAsync());

        Assert.Contains("succeeded but gives no result image", error.Message);
        Assert.False(operation.HasCompleted);
    }

    public static TheoryData<ImageEditVendor, string> BadUrls()
    {
        var data = new TheoryData<ImageEditVendor, string>();
        foreach (var vendor in Enum.GetValues<ImageEditVendor>().Where(static v => !ImageEditCapabilities.For(v).Synchronous))
        {
            data.Add(vendor, "/results/a.png");
            data.Add(vendor, "file:///etc/passwd");
            data.Add(vendor, "javascript:alert(1)");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BadUrls))]
    public async Task A_result_url_that_is_not_an_absolute_http_url_is_a_vendor_error(ImageEditVendor vendor, string url)
    {
        await using var rig = await Rig(vendor);
        var operation = await rig.Client.StartEditAsync(Cases.Request());
        rig.Proxy.OnAnswer = exchange =>
        {
            if (exchange.Route == FakeRoute.Poll)
            {
                exchange.Text = exchange.Text.Replace(rig.Proxy.Address.AbsoluteUri.TrimEnd('/'), "@@", StringComparison.Ordinal)
                    .Replace("\"@@/", "\"" + url + "#", StringComparison.Ordinal)
                    .Replace("\\u0022@@/", "\\u0022" + url + "#", StringComparison.Ordinal)
                    .Replace("\\\"@@/", "\\\"" + url + "#", StringComparison.Ordinal);
            }

            return Task.CompletedTask;
        };

        var (error, _, _) = await Bounds.ThrowsAsync<ImageEditVendorException>(() => operation.WaitForCompletionAsync());

        Assert.Contains("not an absolute http(s) URL", error.Message);
        Assert.Empty(operation.Images);
    }

    [Theory]
    [MemberData(nameof(Cases.Vendors), MemberType = typeof(Cases))]
    public async Task Progress_and_estimates_beyond_reason_are_clamped_not_thrown(ImageEditVendor vendor)
    {
        await using var rig = await HostileRig.StartAsync(vendor, FakeLifecycle.AfterPolls(2));
        rig.Proxy.OnAnswer = exchange =>
        {
            if (exchange.Route is FakeRoute.Create or FakeRoute.Poll)
            {
                var json = JsonNode.Parse(exchange.Body)!;
                Set(json, "progress", 1_000_000);
                Set(json, "eta", long.MaxValue);
                Set(json, "estimated_time", long.MaxValue);
                exchange.Text = json.ToJsonString();
            }

            return Task.CompletedTask;
        };

        var operation = await rig.Client.StartEditAsync(Cases.Request());
        var images = await operation.WaitForCompletionAsync().WaitAsync(Bounds.Hang);

        Assert.NotEmpty(images);
        Assert.InRange(operation.PercentComplete!.Value, 0, 100);
    }

    public static TheoryData<ImageEditVendor, FakeRoute> CutAnswers()
    {
        var data = new TheoryData<ImageEditVendor, FakeRoute>();
        foreach (var c in Enum.GetValues<ImageEditVendor>().Select(static v => ImageEditCapabilities.For(v)))
        {
            data.Add(c.Vendor, FakeRoute.Create);
            if (!c.Synchronous)
            {
                data.Add(c.Vendor, FakeRoute.Poll);
            }

            if (!c.LocalImagesInline)
            {
                data.Add(c.Vendor, FakeRoute.Upload);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CutAnswers))]
    public async Task An_answer_cut_mid_body_is_a_vendor_error_and_a_create_is_not_sent_again(ImageEditVendor vendor, FakeRoute route)
    {
        await using var rig = await Rig(vendor);
        rig.Proxy.OnAnswer = async exchange =>
        {
            if (exchange.Route == route)
            {
                // Headers promise the whole body; half comes, then the connection closes.
                exchange.Answered = true;
                exchange.Context.Response.StatusCode = exchange.Status;
                exchange.Context.Response.ContentType = "application/json";
                exchange.Context.Response.ContentLength = exchange.Body.Length;
                await exchange.Context.Response.Body.WriteAsync(exchange.Body.AsMemory(0, exchange.Body.Length / 2));
                await exchange.Context.Response.Body.FlushAsync();
                await Task.Delay(100);
                exchange.Context.Abort();
            }
        };
        var png = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "TestData", "input.png"));
        var request = route == FakeRoute.Upload ? new ImageEditRequest { Prompt = "add a hat", Images = [ImageInput.FromBytes(png, "image/png", "input.png")] } : Cases.Request();

        var (error, _, _) = await Bounds.ThrowsAsync<ImageEditVendorException>(async () =>
        {
            var operation = await rig.Client.StartEditAsync(request);
            await operation.UpdateAsync();
        });

        Assert.Equal(ImageEditErrorKind.VendorError, error.Kind);
        Assert.Equal(route == FakeRoute.Upload ? 0 : 1, rig.Proxy.Count(FakeRoute.Create));
        Assert.IsNotType<QwenImageEdit.Vendors.ImageEditConnectionRefusedException>(error);
        rig.AssertNoSecret(error);
    }

    public static TheoryData<string> AbsurdWaits() => ["315360000", "Fri, 31 Dec 9999 23:59:59 GMT", "99999999999999999999999999"];

    [Theory]
    [MemberData(nameof(AbsurdWaits))]
    public async Task A_poll_asked_to_wait_for_years_waits_MaxRetryAfter_and_goes_on(string retryAfter)
    {
        await using var rig = await HostileRig.StartAsync(ImageEditVendor.EvoLink, FakeLifecycle.AfterPolls(1));
        var refused = 0;
        rig.Proxy.OnAnswer = exchange =>
        {
            if (exchange.Route == FakeRoute.Poll && Interlocked.Increment(ref refused) == 1)
            {
                exchange.Status = 429;
                exchange.Headers["Retry-After"] = retryAfter;
                exchange.Text = """{"error":{"code":"rate_limit_exceeded","message":"Slow down"}}""";
            }

            return Task.CompletedTask;
        };

        var images = await rig.Client.EditAsync(Cases.Request()).WaitAsync(Bounds.Hang);

        Assert.NotEmpty(images);
        Assert.InRange(rig.Proxy.Count(FakeRoute.Poll), 2, 3);
    }

    [Theory]
    [MemberData(nameof(AbsurdWaits))]
    public async Task A_create_asked_to_wait_for_years_goes_to_the_caller_at_once_with_a_usable_wait(string retryAfter)
    {
        await using var rig = await HostileRig.StartAsync(ImageEditVendor.EvoLink);
        rig.Proxy.OnAnswer = exchange =>
        {
            exchange.Status = 429;
            exchange.Headers["Retry-After"] = retryAfter;
            exchange.Text = """{"error":{"code":"rate_limit_exceeded","message":"Slow down"}}""";
            return Task.CompletedTask;
        };

        var (error, _, _) = await Bounds.ThrowsAsync<ImageEditRateLimitedException>(() => rig.Client.StartEditAsync(Cases.Request()));

        Assert.Equal(OpenApiGen.Runtime.ApiException.MaxRetryAfter, error.RetryAfter);
        Assert.Equal(1, rig.Proxy.Count(FakeRoute.Create));
    }

    private static void Replace(JsonNode node, string id)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToArray())
                {
                    if (IdMembers.Contains(name) && value is JsonValue)
                    {
                        obj[name] = value.GetValueKind() == System.Text.Json.JsonValueKind.Number ? JsonValue.Create(987654321) : "task-unified-someone-else";
                    }
                    else if (value is not null)
                    {
                        Replace(value, id);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is not null)
                    {
                        Replace(item, id);
                    }
                }

                break;
        }
    }

    private static void Strip(JsonNode node)
    {
        if (node is JsonObject obj)
        {
            foreach (var (name, value) in obj.ToArray())
            {
                if (ResultMembers.Contains(name))
                {
                    obj[name] = name == "resultJson" ? """{"resultUrls":[]}""" : new JsonArray();
                }
                else if (value is not null)
                {
                    Strip(value);
                }
            }
        }
    }

    private static void Set(JsonNode node, string member, long value)
    {
        if (node is JsonObject obj)
        {
            foreach (var (name, child) in obj.ToArray())
            {
                if (name == member)
                {
                    obj[name] = value;
                }
                else if (child is not null)
                {
                    Set(child, member, value);
                }
            }
        }
    }
}
