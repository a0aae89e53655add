using QwenImageEdit.Testing;
using QwenImageEdit.Tests.Infrastructure;

namespace QwenImageEdit.Tests.Hostile;

/// <summary>
/// Answers whose headers come at once and whose body trickles in, a byte at a time: HttpClient's Timeout stops at the
/// headers, the facade's RequestTimeout covers the body, on every kind of request. The deadline is set short only for
/// the step under test, so a slow machine cannot make the steps before it time out.
/// </summary>
public sealed class DeadlineTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMilliseconds(600);

    private static Task Trickle(Exchange exchange)
    {
        exchange.Answered = true;
        return HostileServer.Trickle(exchange.Context, exchange.Text, TimeSpan.FromMilliseconds(200), exchange.Status);
    }

    private static Task<HostileRig> Rig(ImageEditVendor vendor, FakeLifecycle? lifecycle = null) => HostileRig.StartAsync(vendor, lifecycle, static o => o.Polling.TransientRetries = 0);

    /// <summary>From now on, every request (and download) has <see cref="Deadline"/>.</summary>
    private static void ShortDeadlines(HostileRig rig)
    {
        rig.Options.RequestTimeout = Deadline;
        rig.Options.Results.Timeout = Deadline;
    }

    [Theory]
    [MemberData(nameof(Cases.PollingVendors), MemberType = typeof(Cases))]
    public async Task A_lone_UpdateAsync_whose_answer_trickles_ends_at_the_deadline(ImageEditVendor vendor)
    {
        await using var rig = await Rig(vendor);
        var operation = await rig.Client.StartEditAsync(Cases.Request());
        rig.Proxy.OnAnswer = exchange => exchange.Route == FakeRoute.Poll ? Trickle(exchange) : Task.CompletedTask;
        ShortDeadlines(rig);

        var (error, _, elapsed) = await Bounds.ThrowsAsync<ImageEditTimeoutException>(() => operation.UpdateAsync());

        Assert.InRange(elapsed, Deadline * 0.9, Bounds.Hang);
        Assert.Equal(ImageEditErrorKind.Timeout, error.Kind);
        rig.AssertNoSecret(error, operation);
    }

    [Theory]
    [MemberData(nameof(Cases.PollingVendors), MemberType = typeof(Cases))]
    public async Task GetOperationAsync_whose_answer_trickles_ends_at_the_deadline(ImageEditVendor vendor)
    {
        await using var rig = await Rig(vendor);
        var id = (await rig.Client.StartEditAsync(Cases.Request())).Id;
        rig.Proxy.OnAnswer = exchange => exchange.Route == FakeRoute.Poll ? Trickle(exchange) : Task.CompletedTask;
        ShortDeadlines(rig);

        var (error, _, _) = await Bounds.ThrowsAsync<ImageEditTimeoutException>(() => rig.Client.GetOperationAsync(id));

        rig.AssertNoSecret(error);
    }

    [Theory]
    [MemberData(nameof(Cases.UploadingVendors), MemberType = typeof(Cases))]
    public async Task An_upload_whose_answer_trickles_ends_at_the_deadline_and_nothing_is_created(ImageEditVendor vendor)
    {
        await using var rig = await Rig(vendor);
        rig.Proxy.OnAnswer = exchange => exchange.Route == FakeRoute.Upload ? Trickle(exchange) : Task.CompletedTask;
        ShortDeadlines(rig);
        var png = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "TestData", "input.png"));

        var (error, _, _) = await Bounds.ThrowsAsync<ImageEditTimeoutException>(() => rig.Client.StartEditAsync(new ImageEditRequest { Prompt = "add a hat", Images = [ImageInput.FromBytes(png, "image/png", "input.png")] }));

        Assert.Equal(0, rig.Proxy.Count(FakeRoute.Create));
        rig.AssertNoSecret(error);
    }

    [Theory]
    [MemberData(nameof(Cases.Vendors), MemberType = typeof(Cases))]
    public async Task A_create_whose_answer_trickles_ends_at_the_deadline_and_is_not_sent_again(ImageEditVendor vendor)
    {
        await using var rig = await Rig(vendor);
        rig.Proxy.OnAnswer = exchange => exchange.Route == FakeRoute.Create ? Trickle(exchange) : Task.CompletedTask;
        ShortDeadlines(rig);

        var (error, _, _) = await Bounds.ThrowsAsync<ImageEditTimeoutException>(() => rig.Client.StartEditAsync(Cases.Request()));

        // The task exists at the vendor: sending the create again would bill twice.
        Assert.Single(rig.Fake.Tasks);
        Assert.Equal(1, rig.Proxy.Count(FakeRoute.Create));
        rig.AssertNoSecret(error);
    }

    [Fact]
    public async Task An_answer_whose_headers_never_come_ends_at_the_deadline()
    {
        await using var rig = await Rig(ImageEditVendor.EvoLink);
        var operation = await rig.Client.StartEditAsync(Cases.Request());
        rig.Proxy.OnAnswer = async exchange =>
        {
            exchange.Answered = true;
            await Task.Delay(Timeout.Infinite, exchange.Context.RequestAborted);
        };
        ShortDeadlines(rig);

        await Bounds.ThrowsAsync<ImageEditTimeoutException>(() => operation.UpdateAsync());
    }

    [Fact]
    public async Task A_result_download_that_trickles_ends_at_the_results_deadline()
    {
        await using var rig = await Rig(ImageEditVendor.EvoLink, FakeLifecycle.Instant);
        var images = await rig.Client.EditAsync(Cases.Request());
        rig.Proxy.OnAnswer = async exchange =>
        {
            exchange.Answered = true;
            exchange.Context.Response.ContentType = "image/png";
            exchange.Context.Response.ContentLength = 10_000;
            while (!exchange.Context.RequestAborted.IsCancellationRequested)
            {
                await exchange.Context.Response.Body.WriteAsync(new byte[1], exchange.Context.RequestAborted);
                await exchange.Context.Response.Body.FlushAsync(exchange.Context.RequestAborted);
                await Task.Delay(200, exchange.Context.RequestAborted);
            }
        };
        ShortDeadlines(rig);

        var (error, _, _) = await Bounds.ThrowsAsync<ImageEditException>(() => images[0].ReadAsync());

        Assert.Equal(ImageEditErrorKind.Timeout, error.Kind);
        Assert.Contains("ResultDownloadOptions.Timeout", error.Message);
    }

    [Fact]
    public async Task An_HttpClient_without_a_timeout_does_not_lift_the_RequestTimeout()
    {
        await using var rig = await Rig(ImageEditVendor.Apikley);
        rig.Http.Timeout = Timeout.InfiniteTimeSpan;
        var operation = await rig.Client.StartEditAsync(Cases.Request());
        rig.Proxy.OnAnswer = exchange => exchange.Route == FakeRoute.Poll ? Trickle(exchange) : Task.CompletedTask;
        ShortDeadlines(rig);

        var (_, _, elapsed) = await Bounds.ThrowsAsync<ImageEditTimeoutException>(() => operation.UpdateAsync());

        Assert.InRange(elapsed, Deadline * 0.9, Bounds.Hang);
    }

    [Fact]
    public async Task The_HttpClient_timeout_still_holds_when_it_is_shorter()
    {
        await using var rig = await HostileRig.StartAsync(ImageEditVendor.ModelsLab);
        rig.Http.Timeout = Deadline;
        rig.Proxy.OnAnswer = exchange => exchange.Route == FakeRoute.Create ? Trickle(exchange) : Task.CompletedTask;

        // RequestTimeout is 100 s, longer than Bounds.Hang: ending at all proves the HttpClient's 600 ms held.
        await Bounds.ThrowsAsync<ImageEditTimeoutException>(() => rig.Client.StartEditAsync(Cases.Request()));

        Assert.Equal(TimeSpan.FromSeconds(100), rig.Options.RequestTimeout);
        Assert.InRange(rig.Fake.Tasks.Count, 0, 1); // and never sent twice (on a slow machine it may time out before the fake has it)
    }
}
