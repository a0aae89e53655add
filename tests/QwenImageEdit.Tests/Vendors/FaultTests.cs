using QwenImageEdit.Testing;
using QwenImageEdit.Tests.Infrastructure;

namespace QwenImageEdit.Tests.Vendors;

/// <summary>
/// What the facade does with each fault the fakes inject. The rule that matters most: a create is sent again only
/// when the vendor provably did not take it, because a second create of an accepted task bills twice.
/// </summary>
public sealed class FaultTests
{
    [Theory]
    [MemberData(nameof(Cases.Vendors), MemberType = typeof(Cases))]
    public async Task A_create_refused_with_429_is_sent_again_and_succeeds(ImageEditVendor vendor)
    {
        await using var rig = await VendorRig.StartAsync(vendor);
        rig.Fake.Faults.Enqueue(FakeRoute.Create, Fault.RateLimited(TimeSpan.Zero));

        var images = await rig.Client.EditAsync(Cases.Request());

        Assert.Single(images);
        Assert.Equal(2, rig.Count(FakeRoute.Create));
        Assert.Single(rig.Fake.Tasks);
    }

    [Theory]
    [MemberData(nameof(Cases.Vendors), MemberType = typeof(Cases))]
    public async Task A_create_refused_on_every_attempt_is_a_rate_limit_error(ImageEditVendor vendor)
    {
        await using var rig = await VendorRig.StartAsync(vendor, configure: o => o.MaxCreateAttempts = 3);
        rig.Fake.Faults.Enqueue(FakeRoute.Create, Fault.RateLimited(TimeSpan.Zero), count: 10);

        var error = await Assert.ThrowsAsync<ImageEditRateLimitedException>(() => rig.Client.StartEditAsync(Cases.Request()));

        Assert.Equal(3, rig.Count(FakeRoute.Create));
        Assert.Equal(ImageEditErrorKind.RateLimited, error.Kind);
        Assert.Empty(rig.Fake.Tasks);
    }

    [Fact]
    public async Task A_Retry_After_longer_than_the_facade_waits_goes_to_the_caller_at_once()
    {
        await using var rig = await VendorRig.StartAsync(ImageEditVendor.EvoLink, configure: o => o.MaxRetryAfter = TimeSpan.FromSeconds(5));
        rig.Fake.Faults.Enqueue(FakeRoute.Create, Fault.RateLimited(TimeSpan.FromSeconds(60)));

        var error = await Assert.ThrowsAsync<ImageEditRateLimitedException>(() => rig.Client.StartEditAsync(Cases.Request()));

        Assert.Equal(TimeSpan.FromSeconds(60), error.RetryAfter);
        Assert.Equal(429, error.StatusCode);
        Assert.Equal(1, rig.Count(FakeRoute.Create));
    }

    [Theory]
    [MemberData(nameof(Cases.Vendors), MemberType = typeof(Cases))]
    public async Task A_create_whose_answer_was_lost_is_never_sent_twice(ImageEditVendor vendor)
    {
        await using var rig = await VendorRig.StartAsync(vendor);
        rig.Fake.Faults.Enqueue(FakeRoute.Create, Fault.ResetAfterProcessing());

        var error = await Assert.ThrowsAnyAsync<ImageEditException>(() => rig.Client.StartEditAsync(Cases.Request()));

        // The vendor took the task (and would bill it); the facade must not create a second one.
        Assert.Single(rig.Fake.Tasks);
        Assert.Equal(1, rig.Count(FakeRoute.Create));
        Assert.Equal(ImageEditErrorKind.VendorError, error.Kind);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    public async Task A_create_answered_with_5xx_is_not_sent_again(int status)
    {
        await using var rig = await VendorRig.StartAsync(ImageEditVendor.EvoLink);
        rig.Fake.Faults.Enqueue(FakeRoute.Create, Fault.ServerError(status));

        var error = await Assert.ThrowsAsync<ImageEditVendorException>(() => rig.Client.StartEditAsync(Cases.Request()));

        Assert.Equal(status, error.StatusCode);
        Assert.Equal(1, rig.Count(FakeRoute.Create));
    }

    [Fact]
    public async Task A_refused_connection_is_retried_then_reported()
    {
        // A port that was just free: nothing listens, so the connection is refused and the create provably never arrived.
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var http = new HttpClient();
        var client = new QwenImageEditClient(ImageEditVendor.EvoLink, http, new QwenImageEditVendorOptions
        {
            ApiKey = "k",
            BaseAddress = new Uri($"http://127.0.0.1:{port}/"),
            Polling = new ImageEditPollingOptions { FirstDelay = TimeSpan.Zero },
        });

        var error = await Assert.ThrowsAnyAsync<ImageEditException>(() => client.StartEditAsync(Cases.Request()));

        Assert.Contains("refused", error.Message);
        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    public static TheoryData<ImageEditVendor, string> PollFaults()
    {
        var data = new TheoryData<ImageEditVendor, string>();
        foreach (var vendor in Enum.GetValues<ImageEditVendor>().Where(static v => !ImageEditCapabilities.For(v).Synchronous))
        {
            foreach (var fault in new[] { "500", "503", "html", "malformed", "truncated", "reset", "429" })
            {
                data.Add(vendor, fault);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PollFaults))]
    public async Task A_transient_failure_of_a_poll_is_retried(ImageEditVendor vendor, string fault)
    {
        await using var rig = await VendorRig.StartAsync(vendor);
        rig.Fake.Faults.Enqueue(FakeRoute.Poll, fault switch
        {
            "500" => Fault.ServerError(500),
            "503" => Fault.ServerError(503),
            "html" => Fault.HtmlErrorPage(502),
            "malformed" => Fault.MalformedJson(),
            "truncated" => Fault.TruncatedJson(),
            "reset" => Fault.ResetBeforeProcessing(),
            "429" => Fault.RateLimited(TimeSpan.Zero),
            _ => throw new ArgumentOutOfRangeException(nameof(fault)),
        }, count: 2);

        var images = await rig.Client.EditAsync(Cases.Request());

        Assert.Single(images);
        Assert.Equal(0, rig.Fake.Faults.Pending);
    }

    [Fact]
    public async Task A_poll_failing_past_its_retries_reports_the_vendor_error_with_an_excerpt()
    {
        await using var rig = await VendorRig.StartAsync(ImageEditVendor.EvoLink, configure: o => o.Polling.TransientRetries = 1);
        rig.Fake.Faults.Enqueue(FakeRoute.Poll, Fault.HtmlErrorPage(502), count: 5);

        var operation = await rig.Client.StartEditAsync(Cases.Request());
        var error = await Assert.ThrowsAsync<ImageEditVendorException>(() => operation.WaitForCompletionAsync());

        Assert.Equal(502, error.StatusCode);
        Assert.Contains("<", error.ResponseExcerpt);
        Assert.Equal(2, rig.Count(FakeRoute.Poll));
    }

    [Fact]
    public async Task A_slow_poll_past_the_HttpClient_timeout_is_retried()
    {
        await using var rig = await VendorRig.StartAsync(ImageEditVendor.ModelsLab);
        rig.Http.Timeout = TimeSpan.FromMilliseconds(300);
        rig.Fake.Faults.Enqueue(FakeRoute.Poll, Fault.Delay(TimeSpan.FromSeconds(5)));

        var images = await rig.Client.EditAsync(Cases.Request());

        Assert.Single(images);
    }

    [Fact]
    public async Task EvoLink_cancelled_status_ends_the_operation_as_cancelled()
    {
        await using var rig = await VendorRig.StartAsync(ImageEditVendor.EvoLink);
        rig.Fake.Faults.Enqueue(FakeRoute.Poll, Fault.UnknownStatus("cancelled"));

        var operation = await rig.Client.StartEditAsync(Cases.Request());
        var error = await Assert.ThrowsAsync<ImageEditFailedException>(() => operation.WaitForCompletionAsync());

        Assert.Equal(ImageEditStatus.Cancelled, operation.Status);
        Assert.Equal("cancelled", operation.RawStatus);
        Assert.Equal(ImageEditErrorKind.VendorError, error.Kind);
    }

    [Theory]
    [MemberData(nameof(Cases.PollingVendors), MemberType = typeof(Cases))]
    public async Task A_status_nobody_documented_is_unknown_and_polling_goes_on(ImageEditVendor vendor)
    {
        await using var rig = await VendorRig.StartAsync(vendor);
        if (ImageEditCapabilities.For(vendor).StatusStream)
        {
            // The stream refused, so the status is polled (a stream event cannot carry the fault).
            rig.Fake.Faults.Enqueue(FakeRoute.Poll, Fault.ServerError(503));
        }

        rig.Fake.Faults.Enqueue(FakeRoute.Poll, Fault.UnknownStatus("paused"));
        var reports = new List<ImageEditProgress>();

        var operation = await rig.Client.StartEditAsync(Cases.Request());
        var images = await operation.WaitForCompletionAsync(new Progress(reports.Add));

        Assert.Contains(reports, r => r.Status == ImageEditStatus.Unknown && r.RawStatus == "paused");
        Assert.Single(images);
    }

    [Theory]
    [MemberData(nameof(Cases.PollingVendors), MemberType = typeof(Cases))]
    public async Task Answers_without_their_optional_fields_still_work(ImageEditVendor vendor)
    {
        await using var rig = await VendorRig.StartAsync(vendor);
        rig.Fake.Faults.Enqueue(FakeRoute.Poll, Fault.MissingOptionalFields());

        var images = await rig.Client.EditAsync(Cases.Request());

        Assert.Single(images);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task Apikley_quirks_resultJson_as_object_and_msg_instead_of_message(bool resultJsonAsObject, bool msgInsteadOfMessage)
    {
        await using var rig = await VendorRig.StartAsync(ImageEditVendor.Apikley, new FakeVendorOptions { ResultJsonAsObject = resultJsonAsObject, UseMsgInsteadOfMessage = msgInsteadOfMessage });

        var images = await rig.Client.EditAsync(Cases.Request());

        Assert.Single(images);
    }

    private sealed class Progress(Action<ImageEditProgress> report) : IProgress<ImageEditProgress>
    {
        public void Report(ImageEditProgress value) => report(value);
    }
}
