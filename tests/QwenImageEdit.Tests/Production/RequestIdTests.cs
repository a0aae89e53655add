using Microsoft.Extensions.DependencyInjection;
using QwenImageEdit.Testing;
using QwenImageEdit.Tests.Infrastructure;
using QwenImageEdit.Vendors;

namespace QwenImageEdit.Tests.Production;

/// <summary>
/// The vendor's request id, as a gateway in front of the vendor sends it (<see cref="RequestIdStamp"/> numbers every
/// answer), on every log event, exception, operation and span that is about that answer.
/// </summary>
public sealed class RequestIdTests
{
    [Theory]
    [MemberData(nameof(Cases.Vendors), MemberType = typeof(Cases))]
    public async Task The_operation_and_every_log_event_carry_the_id_of_the_answer_they_are_about(ImageEditVendor vendor)
    {
        var stamp = new RequestIdStamp { BodyMember = Cases.RequestIdMember(vendor) };
        await using var rig = await HostedRig.StartAsync(vendor, http => http.AddHttpMessageHandler(() => stamp));

        var operation = await rig.Client().StartEditAsync(Cases.Request());
        Assert.Equal(stamp.Sent[0], operation.RequestId);
        await operation.WaitForCompletionAsync();

        // The create's answer was the first (its status is the first change); each poll's answer after it (or the
        // status stream's, and the result's after it).
        Assert.Equal(stamp.Sent[^1], operation.RequestId);
        Assert.Equal(1 + rig.Count(vendor, FakeRoute.Poll), stamp.Sent.Count);
        var submitted = Assert.Single(rig.Logs.Events, static e => e.Id.Name == "Submitted");
        Assert.Equal(stamp.Sent[0], submitted.Values["RequestId"]);
        Assert.Contains($"vendor request id {stamp.Sent[0]}", submitted.Message);
        var changes = rig.Logs.Events.Where(static e => e.Id.Name == "StatusChanged").ToArray();
        Assert.NotEmpty(changes);
        Assert.All(changes, e => Assert.Contains((string)e.Values["RequestId"]!, stamp.Sent));
        Assert.Equal(stamp.Sent[^1], changes[^1].Values["RequestId"]);
    }

    [Fact]
    public async Task An_upload_logs_the_id_of_its_answer()
    {
        var stamp = new RequestIdStamp();
        await using var rig = await HostedRig.StartAsync(ImageEditVendor.EvoLink, http => http.AddHttpMessageHandler(() => stamp));

        await rig.Client().StartEditAsync(new ImageEditRequest { Prompt = "p", Images = [ImageInput.FromBytes(DoubleCreateTests.TestPng, "image/png")] });

        Assert.Equal("req-1", Assert.Single(rig.Logs.Events, static e => e.Id.Name == "Uploaded").Values["RequestId"]);
        Assert.Equal("req-2", Assert.Single(rig.Logs.Events, static e => e.Id.Name == "Submitted").Values["RequestId"]);
    }

    [Theory]
    [MemberData(nameof(Cases.Vendors), MemberType = typeof(Cases))]
    public async Task A_refused_create_names_the_id_in_the_exception_and_its_message(ImageEditVendor vendor)
    {
        var stamp = new RequestIdStamp { BodyMember = Cases.RequestIdMember(vendor) };
        await using var rig = await HostedRig.StartAsync(vendor, http => http.AddHttpMessageHandler(() => stamp), configure: static o => o.ApiKey = "wrong-key");

        var error = await Assert.ThrowsAsync<ImageEditAuthenticationException>(() => rig.Client().StartEditAsync(Cases.Request()));

        Assert.Equal(stamp.Sent[^1], error.RequestId);
        Assert.EndsWith($"(vendor request id {error.RequestId})", error.Message);
        Assert.True(error.ProvablyNotAccepted);
    }

    [Fact]
    public async Task A_create_retried_after_a_429_logs_the_id_of_the_refusal()
    {
        var stamp = new RequestIdStamp("X-Request-Id", "gw-");
        await using var rig = await HostedRig.StartAsync(ImageEditVendor.ModelsLab, http => http.AddHttpMessageHandler(() => stamp));
        rig.Fake.Faults.Enqueue(FakeRoute.Create, Fault.RateLimited(TimeSpan.Zero));

        var operation = await rig.Client().StartEditAsync(Cases.Request());

        Assert.Equal("gw-1", Assert.Single(rig.Logs.Events, static e => e.Id.Name == "CreateRetry").Values["RequestId"]);
        Assert.Equal("gw-2", operation.RequestId);
    }

    [Theory]
    [MemberData(nameof(Cases.PollingVendors), MemberType = typeof(Cases))]
    public async Task A_task_the_vendor_failed_throws_with_the_id_of_the_answer_that_said_so(ImageEditVendor vendor)
    {
        var stamp = new RequestIdStamp();
        await using var rig = await HostedRig.StartAsync(vendor, http => http.AddHttpMessageHandler(() => stamp));
        rig.Fake.FailNextTask(vendor == ImageEditVendor.Apikley ? "501" : "content_policy_violation", "Generation failed");

        var error = await Assert.ThrowsAsync<ImageEditFailedException>(() => rig.Client().EditAsync(Cases.Request()));

        Assert.Equal(stamp.Sent[^1], error.RequestId);
        Assert.Contains(error.RequestId!, error.Message);
    }

    [Fact]
    public async Task A_poll_that_failed_past_its_retries_throws_with_the_id_of_the_last_answer()
    {
        var stamp = new RequestIdStamp();
        await using var rig = await HostedRig.StartAsync(ImageEditVendor.EvoLink, http => http.AddHttpMessageHandler(() => stamp), configure: static o => o.Polling.TransientRetries = 1);
        rig.Fake.Faults.Enqueue(FakeRoute.Poll, Fault.ServerError(503), count: 2);
        var operation = await rig.Client().StartEditAsync(Cases.Request());

        var error = await Assert.ThrowsAnyAsync<ImageEditException>(() => operation.WaitForCompletionAsync());

        Assert.Equal(503, error.StatusCode);
        Assert.Equal("req-3", error.RequestId);
    }

    [Fact]
    public async Task DashScopes_own_request_id_wins_over_a_gateways_and_names_its_refusals()
    {
        var stamp = new RequestIdStamp();
        await using var rig = await HostedRig.StartAsync(ImageEditVendor.DashScope, http => http.AddHttpMessageHandler(() => stamp));

        var operation = await rig.Client().StartEditAsync(Cases.Request());

        // The fake answers with its request id, which is the id of the edit (there is no task beside the request).
        Assert.Equal("req-1", Assert.Single(stamp.Sent));
        Assert.Equal(operation.Id, operation.RequestId);
        Assert.Equal(rig.Fake.Tasks.Single().Id, operation.RequestId);

        // A refusal's body carries a request id of its own (the fake's, in DashScope's UUID form), not the gateway's.
        rig.Fake.FailNextTask("InternalError", "The model crashed.");
        var error = await Assert.ThrowsAnyAsync<ImageEditException>(() => rig.Client().StartEditAsync(Cases.Request()));
        Assert.Equal("req-2", stamp.Sent[^1]);
        Assert.Matches("^[0-9a-f]{8}-da5c-4000-8000-0{12}$", error.RequestId);
        Assert.EndsWith($"(vendor request id {error.RequestId})", error.Message);
    }

    [Theory]
    [MemberData(nameof(Cases.VendorsWithRemoteCancel), MemberType = typeof(Cases))]
    public async Task A_cancel_carries_the_id_of_its_last_answer(ImageEditVendor vendor)
    {
        var stamp = new RequestIdStamp();
        await using var rig = await HostedRig.StartAsync(vendor, http => http.AddHttpMessageHandler(() => stamp), fakeOptions: new FakeVendorOptions { Lifecycle = FakeLifecycle.AfterPolls(1_000) });
        var operation = await rig.Client().StartEditAsync(Cases.Request());

        Assert.Equal(ImageEditStatus.Cancelled, await operation.CancelAsync());

        Assert.Equal(stamp.Sent[^1], operation.RequestId);
        Assert.Equal(1 + rig.Count(vendor, FakeRoute.Cancel) + rig.Count(vendor, FakeRoute.Poll), stamp.Sent.Count);
    }

    [Fact]
    public void A_request_id_is_kept_printable_and_short()
    {
        Assert.Null(VendorExchange.Clean("   "));
        Assert.Equal("abc-123", VendorExchange.Clean("  abc-123 "));
        Assert.Equal("a?b?c", VendorExchange.Clean("a\u0007b\u202Ec"));
        Assert.Equal(VendorExchange.MaxRequestIdLength, VendorExchange.Clean(new string('x', 10_000))!.Length);
    }
}
