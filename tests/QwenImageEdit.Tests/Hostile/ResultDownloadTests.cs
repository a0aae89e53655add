using System.Net;
using QwenImageEdit.Testing;
using QwenImageEdit.Tests.Infrastructure;

namespace QwenImageEdit.Tests.Hostile;

/// <summary>
/// Where result images are fetched from. The URL comes from the vendor's answer, so it is checked: HTTPS after every
/// redirect, public addresses only (checked on the address connected, after DNS), a redirect limit, an allow-list.
/// DNS here is the rig's table and every dial is recorded; only loopback dials connect.
/// </summary>
public sealed class ResultDownloadTests
{
    /// <summary>A rig whose first poll reports the task done with its result moved to <paramref name="resultBase"/> (the path kept).</summary>
    private static async Task<(HostileRig Rig, IReadOnlyList<ImageEditResult> Images)> DoneAt(string resultBase, Action<QwenImageEditVendorOptions>? configure = null)
    {
        var rig = await HostileRig.StartAsync(ImageEditVendor.EvoLink, FakeLifecycle.Instant, o =>
        {
            o.Results.AllowedNetworks = [];
            configure?.Invoke(o);
        });
        rig.Proxy.OnAnswer = exchange =>
        {
            if (exchange.Route == FakeRoute.Poll)
            {
                exchange.Text = exchange.Text.Replace(rig.Proxy.Address.AbsoluteUri, resultBase, StringComparison.Ordinal);
            }

            return Task.CompletedTask;
        };
        return (rig, await rig.Client.EditAsync(Cases.Request()));
    }

    public static TheoryData<string, string> InsideAddresses() => new()
    {
        { "https://10.0.0.5/", "private" },
        { "https://192.168.1.1/", "private" },
        { "https://172.16.0.1/", "private" },
        { "https://127.0.0.1/", "loopback" },
        { "https://[::1]/", "loopback" },
        { "https://169.254.169.254/", "cloud metadata" },
        { "https://100.100.100.200/", "Alibaba metadata" },
        { "https://[fd00:ec2::254]/", "AWS IPv6 metadata" },
        { "https://[::ffff:10.0.0.1]/", "IPv4-mapped private" },
        { "https://[fe80::1]/", "link-local" },
        { "https://0.0.0.0/", "unspecified" },
        { "https://224.0.0.1/", "multicast" },
    };

    [Theory]
    [MemberData(nameof(InsideAddresses))]
    public async Task A_result_at_an_inside_address_is_refused_without_a_connection(string resultBase, string what)
    {
        var (rig, images) = await DoneAt(resultBase);
        await using var _ = rig;

        var (error, _, _) = await Bounds.ThrowsAsync<ImageEditResultRefusedException>(() => images[0].ReadAsync());

        Assert.Contains("not a public address", error.Message);
        Assert.Empty(rig.Dialled);
        Assert.True(error.Url.IsAbsoluteUri, what);
        rig.AssertNoSecret(error);
    }

    [Fact]
    public async Task A_name_that_resolves_to_an_inside_address_is_refused_at_connect_time()
    {
        // DNS rebinding: the name looks public; the address it resolves to when connecting is not.
        var (rig, images) = await DoneAt("https://cdn.rebind.example/");
        await using var _ = rig;
        rig.Dns["cdn.rebind.example"] = [IPAddress.Parse("169.254.169.254")];

        var (error, _, _) = await Bounds.ThrowsAsync<ImageEditResultRefusedException>(() => images[0].ReadAsync());

        Assert.Contains("169.254.169.254", error.Message);
        Assert.Empty(rig.Dialled);
    }

    [Fact]
    public async Task A_name_that_resolves_to_both_dials_only_the_public_address()
    {
        var (rig, images) = await DoneAt("https://cdn.mixed.example/");
        await using var _ = rig;
        rig.Dns["cdn.mixed.example"] = [IPAddress.Parse("10.1.2.3"), IPAddress.Parse("93.184.216.34")];

        // The public address passes the rules and is dialled; the rig refuses every non-loopback dial.
        var (error, _, _) = await Bounds.ThrowsAsync<ImageEditException>(() => images[0].ReadAsync());

        Assert.Equal([new IPEndPoint(IPAddress.Parse("93.184.216.34"), 443)], rig.Dialled.ToArray());
        Assert.IsNotType<ImageEditResultRefusedException>(error);
        Assert.Equal(ImageEditErrorKind.VendorError, error.Kind);
    }

    [Fact]
    public async Task Plain_http_is_refused_even_to_a_public_address()
    {
        var (rig, images) = await DoneAt("http://93.184.216.34/");
        await using var _ = rig;

        var (error, _, _) = await Bounds.ThrowsAsync<ImageEditResultRefusedException>(() => images[0].ReadAsync());

        Assert.Contains("HTTPS only", error.Message);
        Assert.Empty(rig.Dialled);
    }

    [Fact]
    public async Task An_allowed_network_is_reached_over_plain_http_and_its_redirects_are_checked_again()
    {
        // Results on the proxy (127.0.0.1, allowed), which redirects them: to plain HTTP at the metadata address, then HTTPS inside.
        await using var rig = await HostileRig.StartAsync(ImageEditVendor.Apikley, FakeLifecycle.Instant);
        var images = await rig.Client.EditAsync(Cases.Request());
        var target = "http://169.254.169.254/latest/meta-data/iam";
        rig.Proxy.OnAnswer = exchange =>
        {
            if (exchange.Route == FakeRoute.Result)
            {
                exchange.Answered = true;
                return HostileServer.Redirect(exchange.Context, target, 302);
            }

            return Task.CompletedTask;
        };

        var plain = await Assert.ThrowsAsync<ImageEditResultRefusedException>(() => images[0].ReadAsync().WaitAsync(Bounds.Hang));
        target = "https://169.254.169.254/latest/meta-data/iam";
        var inside = await Assert.ThrowsAsync<ImageEditResultRefusedException>(() => images[0].ReadAsync().WaitAsync(Bounds.Hang));

        Assert.Contains("HTTPS only", plain.Message);
        Assert.Contains("not a public address", inside.Message);
        Assert.All(rig.Dialled, endpoint => Assert.True(IPAddress.IsLoopback(endpoint.Address)));
    }

    [Fact]
    public async Task The_fake_results_download_when_loopback_is_allowed()
    {
        await using var rig = await HostileRig.StartAsync(ImageEditVendor.ModelsLab, FakeLifecycle.Instant);

        var images = await rig.Client.EditAsync(Cases.Request());

        Assert.True(Cases.IsPng(await images[0].ReadAsync().WaitAsync(Bounds.Hang)));
        Assert.All(rig.Dialled, endpoint => Assert.True(IPAddress.IsLoopback(endpoint.Address)));
    }

    [Fact]
    public async Task A_redirect_loop_stops_at_MaxRedirects()
    {
        await using var rig = await HostileRig.StartAsync(ImageEditVendor.EvoLink, FakeLifecycle.Instant, o => o.Results.MaxRedirects = 2);
        var images = await rig.Client.EditAsync(Cases.Request());
        rig.Proxy.OnAnswer = exchange =>
        {
            exchange.Answered = true;
            return HostileServer.Redirect(exchange.Context, exchange.Request.Path, 302);
        };

        var error = await Assert.ThrowsAsync<ImageEditResultRefusedException>(() => images[0].ReadAsync().WaitAsync(Bounds.Hang));

        Assert.Contains("more than 2 times", error.Message);
        Assert.Equal(3, rig.Proxy.Count(FakeRoute.Result));
    }

    [Fact]
    public async Task A_result_url_with_credentials_is_refused()
    {
        var (rig, images) = await DoneAt("https://user:pass@cdn.example/");
        await using var _ = rig;

        var error = await Assert.ThrowsAsync<ImageEditResultRefusedException>(() => images[0].ReadAsync().WaitAsync(Bounds.Hang));

        Assert.Contains("credentials", error.Message);
        Assert.DoesNotContain("pass", error.Message);
        Assert.Empty(rig.Dialled);
    }

    [Fact]
    public async Task A_result_that_is_gone_says_so()
    {
        await using var rig = await HostileRig.StartAsync(ImageEditVendor.Apikley, FakeLifecycle.Instant);
        var images = await rig.Client.EditAsync(Cases.Request());
        rig.Proxy.OnAnswer = exchange =>
        {
            exchange.Status = 404;
            exchange.Text = "gone";
            return Task.CompletedTask;
        };

        var error = await Assert.ThrowsAsync<ImageEditException>(() => images[0].ReadAsync().WaitAsync(Bounds.Hang));

        Assert.Contains("gone (HTTP 404)", error.Message);
    }
}
