using QwenImageEdit.Testing;
using QwenImageEdit.Tests.Infrastructure;

namespace QwenImageEdit.Tests.Vendors;

/// <summary>
/// Apikley's errors inside HTTP 200 answers (conflicts 4 and 15 in specs/README.md), end to end over loopback HTTP: the
/// body's <c>code</c> decides the exception, and the retry rules follow what the code proves, as for an HTTP status.
/// </summary>
public sealed class ApikleyErrorCodeTests
{
    [Fact]
    public async Task A_create_answered_200_with_code_429_is_sent_again_and_succeeds()
    {
        await using var rig = await VendorRig.StartAsync(ImageEditVendor.Apikley);
        rig.Fake.Faults.Enqueue(FakeRoute.Create, Fault.ErrorInBody(429));

        var images = await rig.Client.EditAsync(Cases.Request());

        // A 429 proves the task was not taken, so sending the create again cannot bill twice.
        Assert.Single(images);
        Assert.Equal(2, rig.Count(FakeRoute.Create));
        Assert.Single(rig.Fake.Tasks);
        Assert.Equal(0, rig.Fake.Faults.Pending);
    }

    [Fact]
    public async Task A_create_answered_200_with_code_429_on_every_attempt_is_a_rate_limit_error()
    {
        await using var rig = await VendorRig.StartAsync(ImageEditVendor.Apikley, configure: o => o.MaxCreateAttempts = 3);
        rig.Fake.Faults.Enqueue(FakeRoute.Create, Fault.ErrorInBody(429, "Too many requests for this key"), count: 10);

        var error = await Assert.ThrowsAsync<ImageEditRateLimitedException>(() => rig.Client.StartEditAsync(Cases.Request()));

        Assert.Equal(3, rig.Count(FakeRoute.Create));
        Assert.Empty(rig.Fake.Tasks);
        Assert.Equal((ImageEditErrorKind.RateLimited, 200, "429"), (error.Kind, error.StatusCode, error.VendorCode));
        Assert.Null(error.RetryAfter);
        Assert.Contains("Too many requests for this key", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(401, typeof(ImageEditAuthenticationException), ImageEditErrorKind.Authentication)]
    [InlineData(402, typeof(ImageEditQuotaException), ImageEditErrorKind.InsufficientQuota)]
    public async Task A_create_answered_200_with_an_account_code_is_its_typed_error_and_is_not_sent_again(int code, Type expected, ImageEditErrorKind kind)
    {
        await using var rig = await VendorRig.StartAsync(ImageEditVendor.Apikley);
        rig.Fake.Faults.Enqueue(FakeRoute.Create, Fault.ErrorInBody(code, "Refused by the account check"), count: 10);

        var error = await Assert.ThrowsAnyAsync<ImageEditException>(() => rig.Client.StartEditAsync(Cases.Request()));

        Assert.IsType(expected, error);
        Assert.Equal((kind, 200, code.ToString(System.Globalization.CultureInfo.InvariantCulture)), (error.Kind, error.StatusCode, error.VendorCode));
        Assert.Contains("Refused by the account check", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, rig.Count(FakeRoute.Create));
        Assert.Empty(rig.Fake.Tasks);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(455)]
    [InlineData(429)]
    public async Task A_poll_answered_200_with_a_transient_code_is_retried(int code)
    {
        await using var rig = await VendorRig.StartAsync(ImageEditVendor.Apikley);
        rig.Fake.Faults.Enqueue(FakeRoute.Poll, Fault.ErrorInBody(code), count: 2);

        var images = await rig.Client.EditAsync(Cases.Request());

        // The default lifecycle ends at the third status read; the two refused polls come on top and were not read.
        Assert.Single(images);
        Assert.Equal(0, rig.Fake.Faults.Pending);
        Assert.Equal(5, rig.Count(FakeRoute.Poll));
        Assert.Equal(3, rig.Fake.Tasks.Single().Polls);
    }

    [Fact]
    public async Task A_poll_answered_200_with_code_500_past_its_retries_is_a_vendor_error_with_the_code()
    {
        await using var rig = await VendorRig.StartAsync(ImageEditVendor.Apikley, configure: o => o.Polling.TransientRetries = 1);
        rig.Fake.Faults.Enqueue(FakeRoute.Poll, Fault.ErrorInBody(500, "Internal failure"), count: 5);

        var operation = await rig.Client.StartEditAsync(Cases.Request());
        var error = await Assert.ThrowsAsync<ImageEditVendorException>(() => operation.WaitForCompletionAsync());

        Assert.Equal((200, "500"), (error.StatusCode, error.VendorCode));
        Assert.Contains("Internal failure", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, rig.Count(FakeRoute.Poll));
        Assert.False(operation.HasCompleted);
    }

    [Fact]
    public async Task A_poll_answered_200_with_code_401_is_not_retried()
    {
        await using var rig = await VendorRig.StartAsync(ImageEditVendor.Apikley);
        rig.Fake.Faults.Enqueue(FakeRoute.Poll, Fault.ErrorInBody(401), count: 5);

        var operation = await rig.Client.StartEditAsync(Cases.Request());
        var error = await Assert.ThrowsAsync<ImageEditAuthenticationException>(() => operation.UpdateAsync());

        Assert.Equal((200, "401"), (error.StatusCode, error.VendorCode));
        Assert.Equal(1, rig.Count(FakeRoute.Poll));
    }

    [Fact]
    public async Task A_poll_answered_200_with_code_501_is_the_tasks_failure_and_is_not_asked_again()
    {
        await using var rig = await VendorRig.StartAsync(ImageEditVendor.Apikley);
        rig.Fake.Faults.Enqueue(FakeRoute.Poll, Fault.ErrorInBody(501, "Generation failed: content flagged"), count: 5);

        var operation = await rig.Client.StartEditAsync(Cases.Request());
        var error = await Assert.ThrowsAsync<ImageEditFailedException>(() => operation.WaitForCompletionAsync());

        Assert.Equal(ImageEditStatus.Failed, operation.Status);
        Assert.Equal("501", operation.Failure!.VendorCode);
        Assert.Contains("Generation failed: content flagged", operation.Failure.Message, StringComparison.Ordinal);
        Assert.Equal(operation.Id, error.OperationId);
        Assert.Equal(1, rig.Count(FakeRoute.Poll));
    }
}
