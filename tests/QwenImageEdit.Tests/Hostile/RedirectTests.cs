using QwenImageEdit.Testing;
using QwenImageEdit.Tests.Infrastructure;

namespace QwenImageEdit.Tests.Hostile;

/// <summary>
/// Redirects the vendor (or whoever answers in its place) sends: a create is never redirected, and never counted as
/// "provably not taken"; polls and uploads follow only redirects within the vendor's own origin. The vendor transport
/// refuses anything but loopback, so a redirect that escapes would be seen, not dialled.
/// </summary>
public sealed class RedirectTests
{
    private static Task Redirect(Exchange exchange, string location, int status = 307)
    {
        exchange.Answered = true;
        return HostileServer.Redirect(exchange.Context, location, status);
    }

    public static TheoryData<ImageEditVendor, bool> VendorsAndTransports() => With(Enum.GetValues<ImageEditVendor>());

    /// <summary>Vendors with a file API (the others send local images inline), each with both transports.</summary>
    public static TheoryData<ImageEditVendor, bool> UploadingVendorsAndTransports() => With(Enum.GetValues<ImageEditVendor>().Where(static v => !ImageEditCapabilities.For(v).LocalImagesInline));

    private static TheoryData<ImageEditVendor, bool> With(IEnumerable<ImageEditVendor> vendors)
    {
        var data = new TheoryData<ImageEditVendor, bool>();
        foreach (var vendor in vendors)
        {
            data.Add(vendor, false);
            data.Add(vendor, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(VendorsAndTransports))]
    public async Task A_create_redirected_elsewhere_is_an_error_naming_where_and_is_sent_once(ImageEditVendor vendor, bool transportFollowsRedirects)
    {
        await using var rig = await HostileRig.StartAsync(vendor, transportFollowsRedirects: transportFollowsRedirects);
        rig.Proxy.OnAnswer = exchange => exchange.Route == FakeRoute.Create ? Redirect(exchange, "https://collector.example/v1/create?k=1") : Task.CompletedTask;

        var (error, _, _) = await Bounds.ThrowsAsync<ImageEditRedirectException>(() => rig.Client.StartEditAsync(Cases.Request()));

        Assert.Equal(new Uri("https://collector.example/v1/create"), error.Location);
        Assert.Contains("collector.example", error.Message);
        // Sent once: a redirect (or the refusal of whoever it pointed to) is no proof the vendor did not take it.
        Assert.Equal(1, rig.Proxy.Count(FakeRoute.Create));
        Assert.Equal(transportFollowsRedirects ? ["collector.example:443"] : [], rig.Network.Refused.ToArray());
        rig.AssertNoSecret(error);
    }

    [Fact]
    public async Task A_create_redirected_to_its_own_origin_is_still_not_followed()
    {
        await using var rig = await HostileRig.StartAsync(ImageEditVendor.EvoLink);
        rig.Proxy.OnAnswer = exchange => exchange.Route == FakeRoute.Create ? Redirect(exchange, "/v1/images/generations?again=1", 308) : Task.CompletedTask;

        var (error, _, _) = await Bounds.ThrowsAsync<ImageEditRedirectException>(() => rig.Client.StartEditAsync(Cases.Request()));

        Assert.Equal(308, error.StatusCode);
        Assert.Single(rig.Proxy.Routes);
    }

    [Theory]
    [MemberData(nameof(Cases.PollingVendors), MemberType = typeof(Cases))]
    public async Task A_poll_redirected_within_the_origin_is_followed(ImageEditVendor vendor)
    {
        // With the transport the facade asks for (one that does not follow): an HttpClient that follows redirects
        // drops the Authorization header on the way, so a bearer vendor would answer 401 there.
        await using var rig = await HostileRig.StartAsync(vendor);
        var operation = await rig.Client.StartEditAsync(Cases.Request());
        string? status = null;
        var reads = 0;
        rig.Proxy.OnAnswer = exchange =>
        {
            // The first read (the status) is sent back to the same place; whatever else an update reads is not counted.
            if (exchange.Route != FakeRoute.Poll || (Interlocked.CompareExchange(ref status, exchange.Request.Path, null) ?? exchange.Request.Path) != exchange.Request.Path)
            {
                return Task.CompletedTask;
            }

            return Interlocked.Increment(ref reads) == 1 ? Redirect(exchange, exchange.Request.Path) : Task.CompletedTask;
        };

        await operation.UpdateAsync().WaitAsync(Bounds.Hang);

        Assert.NotEqual(ImageEditStatus.Unknown, operation.Status);
        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task A_poll_redirected_within_the_origin_by_an_HttpClient_that_follows_is_taken()
    {
        // ModelsLab's key is in the body, which a followed 307 sends again (a bearer token would be dropped).
        await using var rig = await HostileRig.StartAsync(ImageEditVendor.ModelsLab, transportFollowsRedirects: true);
        var operation = await rig.Client.StartEditAsync(Cases.Request());
        var redirected = 0;
        rig.Proxy.OnAnswer = exchange => exchange.Route == FakeRoute.Poll && Interlocked.Increment(ref redirected) == 1 ? Redirect(exchange, exchange.Request.Path) : Task.CompletedTask;

        await operation.UpdateAsync().WaitAsync(Bounds.Hang);

        Assert.NotEqual(ImageEditStatus.Unknown, operation.Status);
        Assert.Equal(2, rig.Proxy.Count(FakeRoute.Poll));
    }

    public static TheoryData<string> Elsewhere() =>
    [
        "https://collector.example/v1/tasks/1",
        "file:///etc/passwd",
        "http://169.254.169.254/latest/meta-data/",
        "ftp://127.0.0.1/x",
        "http://[::1",
    ];

    [Theory]
    [MemberData(nameof(Elsewhere))]
    public async Task A_poll_redirected_out_of_the_origin_is_a_redirect_error(string location)
    {
        await using var rig = await HostileRig.StartAsync(ImageEditVendor.Apikley, configure: o => o.Polling.TransientRetries = 0);
        var operation = await rig.Client.StartEditAsync(Cases.Request());
        rig.Proxy.OnAnswer = exchange => exchange.Route == FakeRoute.Poll ? Redirect(exchange, location, 302) : Task.CompletedTask;

        var (error, _, _) = await Bounds.ThrowsAsync<ImageEditRedirectException>(() => operation.UpdateAsync());

        Assert.Equal(302, error.StatusCode);
        Assert.Empty(rig.Network.Refused);
        Assert.Equal(1, rig.Proxy.Count(FakeRoute.Poll));
        rig.AssertNoSecret(error, operation);
    }

    [Fact]
    public async Task A_poll_redirected_in_a_loop_stops_after_a_few()
    {
        await using var rig = await HostileRig.StartAsync(ImageEditVendor.EvoLink, configure: o => o.Polling.TransientRetries = 0);
        var operation = await rig.Client.StartEditAsync(Cases.Request());
        rig.Proxy.OnAnswer = exchange => exchange.Route == FakeRoute.Poll ? Redirect(exchange, exchange.Request.Path) : Task.CompletedTask;

        var (error, _, _) = await Bounds.ThrowsAsync<ImageEditRedirectException>(() => operation.UpdateAsync());

        Assert.Contains("more than 3 times", error.Message);
        Assert.Equal(4, rig.Proxy.Count(FakeRoute.Poll));
    }

    [Theory]
    [MemberData(nameof(Cases.UploadingVendors), MemberType = typeof(Cases))]
    public async Task An_upload_redirected_within_the_origin_is_sent_again_there_with_its_body(ImageEditVendor vendor)
    {
        await using var rig = await HostileRig.StartAsync(vendor);
        var redirected = 0;
        rig.Proxy.OnAnswer = exchange => exchange.Route == FakeRoute.Upload && Interlocked.Increment(ref redirected) == 1 ? Redirect(exchange, exchange.Request.Path) : Task.CompletedTask;
        var png = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "TestData", "input.png"));

        var images = await rig.Client.EditAsync(new ImageEditRequest { Prompt = "add a hat", Images = [ImageInput.FromBytes(png, "image/png", "input.png")] }).WaitAsync(Bounds.Hang);

        Assert.Single(images);
        Assert.Equal(2, rig.Proxy.Count(FakeRoute.Upload));
        Assert.Empty(rig.Fake.Violations);
    }

    [Theory]
    [MemberData(nameof(UploadingVendorsAndTransports))]
    public async Task An_upload_redirected_elsewhere_is_an_error_and_nothing_is_created(ImageEditVendor vendor, bool transportFollowsRedirects)
    {
        await using var rig = await HostileRig.StartAsync(vendor, transportFollowsRedirects: transportFollowsRedirects);
        rig.Proxy.OnAnswer = exchange => exchange.Route == FakeRoute.Upload ? Redirect(exchange, "https://collector.example/upload") : Task.CompletedTask;

        var (error, _, _) = await Bounds.ThrowsAsync<ImageEditRedirectException>(() => rig.Client.StartEditAsync(new ImageEditRequest { Prompt = "add a hat", Images = [ImageInput.FromBytes(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, "image/png", "input.png")] }));

        Assert.Equal(0, rig.Proxy.Count(FakeRoute.Create));
        rig.AssertNoSecret(error);
    }
}
