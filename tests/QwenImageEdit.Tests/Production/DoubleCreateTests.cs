using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Retry;
using QwenImageEdit.Testing;
using QwenImageEdit.Tests.Infrastructure;

namespace QwenImageEdit.Tests.Production;

/// <summary>
/// The fault that billed twice: a connection reset after the vendor processed the create, under resilience handlers a
/// user adds to the vendor's HttpClient. Whatever the handler, one create reaches the vendor and one task exists; the
/// error says the task may exist.
/// </summary>
public sealed class DoubleCreateTests
{
    public static TheoryData<ImageEditVendor, string> Handlers()
    {
        var data = new TheoryData<ImageEditVendor, string>();
        foreach (var vendor in Enum.GetValues<ImageEditVendor>())
        {
            foreach (var handler in new[] { "standard", "hedging", "polly-retry-everything" })
            {
                data.Add(vendor, handler);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Handlers))]
    public async Task A_create_whose_answer_was_lost_makes_one_vendor_task_under_any_resilience_handler(ImageEditVendor vendor, string handler)
    {
        await using var rig = await HostedRig.StartAsync(vendor, http => Add(http, handler));
        rig.Fake.Faults.Enqueue(FakeRoute.Create, Fault.ResetAfterProcessing());

        var error = await Assert.ThrowsAnyAsync<ImageEditException>(() => rig.Client().StartEditAsync(Cases.Request()));

        Assert.Single(rig.Fake.Tasks);
        Assert.Equal(1, rig.Count(vendor, FakeRoute.Create));
        Assert.False(error.ProvablyNotAccepted);
        Assert.Equal(ImageEditErrorKind.VendorError, error.Kind);
    }

    [Theory]
    [InlineData("standard")]
    [InlineData("polly-retry-everything")]
    public async Task A_create_answered_with_503_is_not_resent_by_the_handler(string handler)
    {
        await using var rig = await HostedRig.StartAsync(ImageEditVendor.EvoLink, http => Add(http, handler));
        rig.Fake.Faults.Enqueue(FakeRoute.Create, Fault.ServerError(503), count: 5);

        var error = await Assert.ThrowsAsync<ImageEditVendorException>(() => rig.Client().StartEditAsync(Cases.Request()));

        Assert.Equal(1, rig.Count(ImageEditVendor.EvoLink, FakeRoute.Create));
        Assert.Equal(503, error.StatusCode);
        Assert.Contains("may have taken", error.Message);
    }

    [Fact]
    public async Task The_handler_may_resend_a_create_the_vendor_refused_with_429()
    {
        await using var rig = await HostedRig.StartAsync(ImageEditVendor.EvoLink, http => Add(http, "standard"), configure: o => o.MaxCreateAttempts = 1);
        rig.Fake.Faults.Enqueue(FakeRoute.Create, Fault.RateLimited(TimeSpan.Zero));

        var operation = await rig.Client().StartEditAsync(Cases.Request());

        // The facade itself sends once (MaxCreateAttempts = 1): the second send is the standard handler's, let through.
        Assert.Equal(2, rig.Count(ImageEditVendor.EvoLink, FakeRoute.Create));
        Assert.Single(rig.Fake.Tasks);
        Assert.Equal(rig.Fake.Tasks.Single().Id, operation.Id);
    }

    [Fact]
    public async Task Polls_and_uploads_are_still_retried_by_the_handler()
    {
        await using var rig = await HostedRig.StartAsync(ImageEditVendor.EvoLink, http => Add(http, "polly-retry-everything"), configure: o => o.Polling.TransientRetries = 0);
        rig.Fake.Faults.Enqueue(FakeRoute.Poll, Fault.ResetBeforeProcessing());
        rig.Fake.Faults.Enqueue(FakeRoute.Upload, Fault.ServerError(502));

        var images = await rig.Client().EditAsync(new ImageEditRequest { Prompt = "p", Images = [ImageInput.FromBytes(TestPng, "image/png")] });

        Assert.Single(images);
        Assert.Equal(0, rig.Fake.Faults.Pending);
        Assert.Equal(2, rig.Count(ImageEditVendor.EvoLink, FakeRoute.Upload));
    }

    [Fact]
    public async Task Without_the_guard_the_standard_handler_does_create_two_tasks()
    {
        // The fault as the issue found it: a client built by hand over an HttpClient with the standard pipeline, and no
        // CreateGuardHandler. This proves the fault is real; the tests above prove the guard stops it.
        await using var fake = new FakeEvoLink();
        await fake.StartAsync();
        using var http = new HttpClient(StandardPipeline(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false }));
        var client = new QwenImageEditClient(ImageEditVendor.EvoLink, http, VendorRig.PointAt(fake, new QwenImageEditVendorOptions { ApiKey = fake.ApiKey }));
        fake.Faults.Enqueue(FakeRoute.Create, Fault.ResetAfterProcessing());

        await client.StartEditAsync(Cases.Request());

        Assert.Equal(2, fake.Tasks.Count);
    }

    [Fact]
    public async Task A_client_built_by_hand_with_the_guard_innermost_makes_one_task()
    {
        await using var fake = new FakeEvoLink();
        await fake.StartAsync();
        using var http = new HttpClient(StandardPipeline(new CreateGuardHandler(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false })));
        var client = new QwenImageEditClient(ImageEditVendor.EvoLink, http, VendorRig.PointAt(fake, new QwenImageEditVendorOptions { ApiKey = fake.ApiKey }));
        fake.Faults.Enqueue(FakeRoute.Create, Fault.ResetAfterProcessing());

        await Assert.ThrowsAsync<ImageEditVendorException>(() => client.StartEditAsync(Cases.Request()));

        Assert.Single(fake.Tasks);
    }

    [Fact]
    public async Task The_guard_lets_a_resend_through_after_a_refused_connection_and_refuses_one_after_a_reset()
    {
        var primary = new ScriptedHandler(
            _ => throw new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused)),
            _ => throw new HttpRequestException(HttpRequestError.ResponseEnded, "reset", new IOException("reset")),
            _ => new HttpResponseMessage(HttpStatusCode.OK));
        using var invoker = new HttpMessageInvoker(new CreateGuardHandler(primary));
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://vendor.invalid/create");
        var ticket = new CreateTicket();
        request.Options.Set(CreateTicket.Key, ticket);

        await Assert.ThrowsAsync<HttpRequestException>(() => invoker.SendAsync(request, default));
        await Assert.ThrowsAsync<HttpRequestException>(() => invoker.SendAsync(request, default));
        var refused = await Assert.ThrowsAsync<CreateNotResentException>(() => invoker.SendAsync(request, default));

        Assert.Equal(2, primary.Calls);
        Assert.Equal(2, ticket.Sends);
        Assert.Equal(1, ticket.Refused);
        Assert.IsType<HttpRequestException>(refused.InnerException);
    }

    [Fact]
    public async Task A_resend_racing_the_first_waits_for_it_then_is_refused_when_it_was_answered()
    {
        var release = new TaskCompletionSource();
        var primary = new ScriptedHandler(_ =>
        {
            release.Task.Wait();
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        using var invoker = new HttpMessageInvoker(new CreateGuardHandler(primary));
        var ticket = new CreateTicket();
        using var first = new HttpRequestMessage(HttpMethod.Post, "https://vendor.invalid/create");
        using var copy = new HttpRequestMessage(HttpMethod.Post, "https://vendor.invalid/create");
        first.Options.Set(CreateTicket.Key, ticket);
        copy.Options.Set(CreateTicket.Key, ticket);

        var sending = Task.Run(() => invoker.SendAsync(first, default));
        while (ticket.Sends == 0)
        {
            await Task.Delay(10);
        }

        var racing = invoker.SendAsync(copy, default);
        await Task.Delay(100);
        Assert.False(racing.IsCompleted);
        release.SetResult();

        Assert.Equal(HttpStatusCode.OK, (await sending).StatusCode);
        await Assert.ThrowsAsync<CreateNotResentException>(() => racing);
        Assert.Equal(1, primary.Calls);
    }

    [Fact]
    public async Task Other_requests_pass_the_guard_untouched()
    {
        var primary = new ScriptedHandler(_ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable), _ => new HttpResponseMessage(HttpStatusCode.OK));
        using var invoker = new HttpMessageInvoker(new CreateGuardHandler(primary));
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://vendor.invalid/task");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await invoker.SendAsync(request, default)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await invoker.SendAsync(request, default)).StatusCode);
    }

    internal static readonly byte[] TestPng = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "input.png"));

    /// <summary>The handlers a user would add: the standard pipeline, the standard hedging pipeline, or a plain Polly retry of everything.</summary>
    private static void Add(IHttpClientBuilder http, string handler)
    {
        switch (handler)
        {
            case "standard":
                http.AddStandardResilienceHandler(o => o.Retry.Delay = TimeSpan.FromMilliseconds(1));
                break;
            case "hedging":
                http.AddStandardHedgingHandler().Configure(o =>
                {
                    o.Hedging.Delay = TimeSpan.FromMilliseconds(1);
                    o.Hedging.MaxHedgedAttempts = 2;
                });
                break;
            case "polly-retry-everything":
                http.AddHttpMessageHandler(() => new PollyHandler());
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(handler));
        }
    }

    private static HttpMessageHandler StandardPipeline(HttpMessageHandler inner)
    {
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new HttpRetryStrategyOptions { Delay = TimeSpan.FromMilliseconds(1), MaxRetryAttempts = 3 })
            .Build();
        return new ResilienceHandler(pipeline) { InnerHandler = inner };
    }

    /// <summary>A DelegatingHandler over a Polly pipeline that retries every exception and every 5xx, as users write them.</summary>
    private sealed class PollyHandler : DelegatingHandler
    {
        private static readonly ResiliencePipeline<HttpResponseMessage> Pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = 4,
                Delay = TimeSpan.FromMilliseconds(1),
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>().Handle<Exception>().HandleResult(static r => (int)r.StatusCode >= 500),
            })
            .Build();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => await Pipeline.ExecuteAsync(async token => await base.SendAsync(request, token), cancellationToken);
    }

    private sealed class ScriptedHandler(params Func<HttpRequestMessage, HttpResponseMessage>[] answers) : HttpMessageHandler
    {
        private int _calls;

        public int Calls => _calls;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var call = Interlocked.Increment(ref _calls) - 1;
            return Task.Run(() => answers[Math.Min(call, answers.Length - 1)](request), cancellationToken);
        }
    }
}
