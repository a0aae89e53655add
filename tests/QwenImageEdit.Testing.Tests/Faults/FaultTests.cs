using System.Net;
using System.Text.Json;
using QwenImageEdit.Testing.Tests.Infrastructure;

namespace QwenImageEdit.Testing.Tests.Faults;

/// <summary>Each fault, over both transports: the in-memory handler and Kestrel must fail the same way.</summary>
public sealed class FaultTests
{
    private const string Key = "test-key";
    private const string EvoLinkCreate = """{"model":"qwen-image-edit","prompt":"p","image_urls":["https://example.com/a.png"]}""";
    private const string ApikleyCreate = """{"model":"qwen/image-edit","input":{"prompt":"p","image_url":"https://example.com/a.png"}}""";

    public static TheoryData<Transport> Transports => TransportExtensions.Both;

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Rate_limited_is_a_429_with_retry_after_and_the_vendor_error_and_creates_nothing(Transport transport)
    {
        await using var fake = new FakeEvoLink();
        using var client = await fake.ConnectAsync(transport);
        fake.Faults.Enqueue(FakeRoute.Create, Fault.RateLimited(TimeSpan.FromSeconds(6.5)));

        using var response = await client.PostJsonAsync("v1/images/generations", EvoLinkCreate, Key);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter?.Delta);
        Assert.Equal("rate_limit_exceeded", (await response.JsonAsync()).GetProperty("error").Str("code"));
        Assert.Empty(fake.Tasks);
        Assert.Equal(0, fake.Faults.Pending);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Server_error_has_the_status_asked_and_the_vendor_body(Transport transport)
    {
        await using var fake = new FakeApikley();
        using var client = await fake.ConnectAsync(transport);
        fake.Faults.Enqueue(FakeRoute.Create, Fault.ServerError(503));

        using var response = await client.PostJsonAsync("api/v1/jobs/createTask", """{"model":"qwen/image-edit","input":{"prompt":"p","image_url":"https://example.com/a.png"}}""", Key);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(500, (await response.JsonAsync()).GetProperty("code").GetInt32());
        Assert.Empty(fake.Tasks);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Delay_holds_the_answer_until_the_clock_moves(Transport transport)
    {
        var time = new ManualTimeProvider();
        await using var fake = new FakeEvoLink(new FakeVendorOptions { TimeProvider = time });
        using var client = await fake.ConnectAsync(transport);
        fake.Faults.Enqueue(FakeRoute.Create, Fault.Delay(TimeSpan.FromSeconds(30)));

        var call = client.PostJsonAsync("v1/images/generations", EvoLinkCreate, Key);
        await time.WaitForTimersAsync(1);

        Assert.False(call.IsCompleted);
        Assert.Empty(fake.Tasks);
        time.Advance(TimeSpan.FromSeconds(30));
        using var response = await call;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(fake.Tasks);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_client_that_gives_up_during_a_delay_leaves_nothing_created(Transport transport)
    {
        var time = new ManualTimeProvider();
        await using var fake = new FakeEvoLink(new FakeVendorOptions { TimeProvider = time });
        using var client = await fake.ConnectAsync(transport);
        fake.Faults.Enqueue(FakeRoute.Create, Fault.Delay(TimeSpan.FromMinutes(5)));
        using var timeout = new CancellationTokenSource();
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/images/generations") { Content = Http.Json(EvoLinkCreate), Headers = { Authorization = new("Bearer", Key) } };

        var call = client.SendAsync(request, timeout.Token);
        await time.WaitForTimersAsync(1);
        await timeout.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Empty(fake.Tasks);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Reset_before_processing_drops_the_connection_and_creates_nothing(Transport transport)
    {
        await using var fake = new FakeEvoLink();
        using var client = await fake.ConnectAsync(transport);
        fake.Faults.Enqueue(FakeRoute.Create, Fault.ResetBeforeProcessing());

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.PostJsonAsync("v1/images/generations", EvoLinkCreate, Key));

        Assert.IsAssignableFrom<IOException>(error.InnerException);
        Assert.Empty(fake.Tasks);
        Assert.Single(fake.Requests);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Reset_after_processing_loses_the_answer_but_the_task_exists(Transport transport)
    {
        await using var fake = new FakeEvoLink();
        using var client = await fake.ConnectAsync(transport);
        fake.Faults.Enqueue(FakeRoute.Create, Fault.ResetAfterProcessing());

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.PostJsonAsync("v1/images/generations", EvoLinkCreate, Key));

        Assert.IsAssignableFrom<IOException>(error.InnerException);
        Assert.Single(fake.Tasks);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Malformed_json_keeps_status_and_content_type_but_does_not_parse(Transport transport)
    {
        await using var fake = new FakeEvoLink();
        using var client = await fake.ConnectAsync(transport);
        fake.Faults.Enqueue(FakeRoute.Create, Fault.MalformedJson());

        using var response = await client.PostJsonAsync("v1/images/generations", EvoLinkCreate, Key);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(text));
        Assert.Single(fake.Tasks);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Truncated_json_is_the_first_half_of_the_real_answer(Transport transport)
    {
        await using var fake = new FakeEvoLink();
        using var client = await fake.ConnectAsync(transport);
        using var created = await client.PostJsonAsync("v1/images/generations", EvoLinkCreate, Key);
        var id = (await created.JsonAsync()).Str("id");
        fake.Faults.Enqueue(FakeRoute.Poll, Fault.TruncatedJson());

        using var response = await client.GetAsync("v1/tasks/" + id, Key);
        var text = await response.Content.ReadAsStringAsync();

        Assert.StartsWith("{\"created\":", text, StringComparison.Ordinal);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(text));
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Html_error_page_is_html_with_the_status_asked(Transport transport)
    {
        await using var fake = new FakeModelsLab();
        using var client = await fake.ConnectAsync(transport);
        fake.Faults.Enqueue(FakeRoute.Any, Fault.HtmlErrorPage(504));

        using var response = await client.PostJsonAsync("api/v6/image_editing/qwen_edit", """{"key":"test-key","prompt":"p","init_image":"https://example.com/a.png"}""");

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1>504 Gateway Time-out</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(fake.Tasks);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Unknown_status_replaces_the_status_field_of_each_vendor(Transport transport)
    {
        await using var evoLink = new FakeEvoLink();
        await using var apikley = new FakeApikley();
        using var evoLinkClient = await evoLink.ConnectAsync(transport);
        using var apikleyClient = await apikley.ConnectAsync(transport);
        evoLink.Faults.Enqueue(FakeRoute.Create, Fault.UnknownStatus("paused"));
        using var created = await apikleyClient.PostJsonAsync("api/v1/jobs/createTask", """{"model":"qwen/image-edit","input":{"prompt":"p","image_url":"https://example.com/a.png"}}""", Key);
        var id = (await created.JsonAsync()).GetProperty("data").Str("taskId");
        apikley.Faults.Enqueue(FakeRoute.Poll, Fault.UnknownStatus());

        using var evoLinkAnswer = await evoLinkClient.PostJsonAsync("v1/images/generations", EvoLinkCreate, Key);
        using var apikleyAnswer = await apikleyClient.GetAsync("api/v1/jobs/recordInfo?taskId=" + id, Key);

        Assert.Equal("paused", (await evoLinkAnswer.JsonAsync()).Str("status"));
        Assert.Equal("cancelled", (await apikleyAnswer.JsonAsync()).GetProperty("data").Str("state"));
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Missing_optional_fields_leaves_only_what_the_response_schema_requires(Transport transport)
    {
        await using var fake = new FakeModelsLab();
        using var client = await fake.ConnectAsync(transport);
        fake.Faults.Enqueue(FakeRoute.Create, Fault.MissingOptionalFields());

        using var response = await client.PostJsonAsync("api/v6/image_editing/qwen_edit", """{"key":"test-key","prompt":"p","init_image":"https://example.com/a.png"}""");

        Assert.Equal("""{"status":"processing"}""", await response.Content.ReadAsStringAsync());
        Assert.Single(fake.Tasks);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Error_in_body_answers_a_create_with_http_200_and_the_code_and_creates_nothing(Transport transport)
    {
        await using var fake = new FakeApikley();
        using var client = await fake.ConnectAsync(transport);
        fake.Faults.Enqueue(FakeRoute.Create, Fault.ErrorInBody(402, "Credits exhausted"));

        using var refused = await client.PostJsonAsync("api/v1/jobs/createTask", ApikleyCreate, Key);
        var refusal = await refused.Content.ReadAsStringAsync();
        using var accepted = await client.PostJsonAsync("api/v1/jobs/createTask", ApikleyCreate, Key);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("""{"code":402,"msg":"Credits exhausted"}""", refusal);
        await SpecContract.AssertResponseMatchesAsync(VendorSpecs.ApikleyImageEdit, "POST", "/api/v1/jobs/createTask", refused);
        Assert.Equal(200, (await accepted.JsonAsync()).GetProperty("code").GetInt32());
        Assert.Single(fake.Tasks);
        Assert.Equal(2, fake.Requests.Count);
        Assert.Equal(0, fake.Faults.Pending);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Error_in_body_answers_a_poll_in_the_record_info_envelope_without_counting_a_poll(Transport transport)
    {
        await using var fake = new FakeApikley();
        using var client = await fake.ConnectAsync(transport);
        using var created = await client.PostJsonAsync("api/v1/jobs/createTask", ApikleyCreate, Key);
        var id = (await created.JsonAsync()).GetProperty("data").Str("taskId");
        fake.Faults.Enqueue(FakeRoute.Poll, Fault.ErrorInBody(500));

        using var poll = await client.GetAsync("api/v1/jobs/recordInfo?taskId=" + id, Key);
        var body = await poll.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, poll.StatusCode);
        Assert.Equal((500, "Server error"), (body.GetProperty("code").GetInt32(), body.Str("message")));
        Assert.False(body.TryGetProperty("data", out _));
        Assert.Equal(0, fake.GetTask(id).Polls);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Error_in_body_follows_the_msg_quirk_of_record_info(Transport transport)
    {
        await using var fake = new FakeApikley(new FakeVendorOptions { UseMsgInsteadOfMessage = true });
        using var client = await fake.ConnectAsync(transport);
        fake.Faults.Enqueue(FakeRoute.Poll, Fault.ErrorInBody(429));

        using var poll = await client.GetAsync("api/v1/jobs/recordInfo?taskId=anything", Key);

        Assert.Equal("""{"code":429,"msg":"Too many requests, please try again later"}""", await poll.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, poll.StatusCode);
    }

    [Fact]
    public async Task Error_in_body_is_refused_where_no_answer_has_a_body_code()
    {
        await using var evoLink = new FakeEvoLink();
        await using var modelsLab = new FakeModelsLab();
        await using var apikley = new FakeApikley();

        var atEvoLink = Assert.Throws<ArgumentException>(() => evoLink.Faults.Enqueue(FakeRoute.Create, Fault.ErrorInBody(429)));
        Assert.Throws<ArgumentException>(() => modelsLab.Faults.Enqueue(FakeRoute.Any, Fault.ErrorInBody(401)));
        Assert.Throws<ArgumentException>(() => apikley.Faults.Enqueue(FakeRoute.Upload, Fault.ErrorInBody(402)));
        Assert.Throws<ArgumentException>(() => apikley.Faults.Enqueue(FakeRoute.Result, Fault.ErrorInBody(500)));
        apikley.Faults.Enqueue(FakeRoute.Any, Fault.ErrorInBody(455));
        apikley.Faults.Enqueue(FakeRoute.Poll, Fault.ErrorInBody(500));

        Assert.Contains("ErrorInBody(429)", atEvoLink.Message, StringComparison.Ordinal);
        Assert.Contains("FakeEvoLink", atEvoLink.Message, StringComparison.Ordinal);
        Assert.Equal(0, evoLink.Faults.Pending + modelsLab.Faults.Pending);
        Assert.Equal(2, apikley.Faults.Pending);
        Assert.Throws<ArgumentOutOfRangeException>(() => Fault.ErrorInBody(200));
    }

    [Fact]
    public async Task A_fault_applies_to_its_route_only_and_for_the_count_asked()
    {
        await using var fake = new FakeEvoLink();
        using var client = fake.CreateHttpClient();
        fake.Faults.Enqueue(FakeRoute.Poll, Fault.ServerError(), count: 2);

        using var created = await client.PostJsonAsync("v1/images/generations", EvoLinkCreate, Key);
        var id = (await created.JsonAsync()).Str("id");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var poll = await client.GetAsync("v1/tasks/" + id, Key);
            statuses.Add(poll.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal([HttpStatusCode.InternalServerError, HttpStatusCode.InternalServerError, HttpStatusCode.OK], statuses);
        Assert.Equal(1, fake.GetTask(id).Polls);
    }
}
