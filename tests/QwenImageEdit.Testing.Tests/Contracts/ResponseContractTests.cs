using QwenImageEdit.Testing.Tests.Infrastructure;

namespace QwenImageEdit.Testing.Tests.Contracts;

/// <summary>
/// Every kind of answer the fakes give, checked with NJsonSchema against the response schema the spec documents for
/// that status, so the fakes cannot drift from the specs (or from the clients generated from them).
/// </summary>
public sealed class ResponseContractTests
{
    private const string Key = "test-key";
    private const string EvoLinkCreate = """{"model":"qwen-image-edit","prompt":"p","image_urls":["https://example.com/a.png"]}""";

    [Fact]
    public async Task EvoLink_answers_match_its_specs()
    {
        await using var fake = new FakeEvoLink(new FakeVendorOptions { Lifecycle = FakeLifecycle.AfterPolls(1) });
        using var client = fake.CreateHttpClient();
        var create = VendorSpecs.EvoLinkImageEdit;
        var tasks = VendorSpecs.EvoLinkTasks;
        const string Generations = "/v1/images/generations";
        const string Task = "/v1/tasks/{task_id}";

        using var created = await client.PostJsonAsync("v1/images/generations", EvoLinkCreate, Key);
        await SpecContract.AssertResponseMatchesAsync(create, "POST", Generations, created);
        var id = (await created.JsonAsync()).Str("id");
        using var createdPlus = await client.PostJsonAsync("v1/images/generations", """{"model":"qwen-image-edit-plus","prompt":"p","image_urls":["https://example.com/a.png"],"n":2}""", Key);
        await SpecContract.AssertResponseMatchesAsync(VendorSpecs.EvoLinkImageEditPlus, "POST", Generations, createdPlus);
        foreach (var _ in Enumerable.Range(0, 2))
        {
            using var poll = await client.GetAsync("v1/tasks/" + id, Key);
            await SpecContract.AssertResponseMatchesAsync(tasks, "GET", Task, poll);
        }

        fake.FailNextTask("generation_timeout", "Generation timed out");
        using var doomed = await client.PostJsonAsync("v1/images/generations", EvoLinkCreate, Key);
        var doomedId = (await doomed.JsonAsync()).Str("id");
        fake.GetTask(doomedId).Advance();
        fake.GetTask(doomedId).Advance();
        using var failed = await client.GetAsync("v1/tasks/" + doomedId, Key);
        await SpecContract.AssertResponseMatchesAsync(tasks, "GET", Task, failed);
        using var cancelledTask = await client.PostJsonAsync("v1/images/generations", EvoLinkCreate, Key);
        var cancelledId = (await cancelledTask.JsonAsync()).Str("id");
        fake.GetTask(cancelledId).Cancel();
        using var cancelled = await client.GetAsync("v1/tasks/" + cancelledId, Key);
        await SpecContract.AssertResponseMatchesAsync(tasks, "GET", Task, cancelled);

        using var invalid = await client.PostJsonAsync("v1/images/generations", """{"model":"qwen-image-edit","image_urls":[]}""", Key);
        await SpecContract.AssertResponseMatchesAsync(create, "POST", Generations, invalid);
        using var unauthorized = await client.PostJsonAsync("v1/images/generations", EvoLinkCreate, "nope");
        await SpecContract.AssertResponseMatchesAsync(create, "POST", Generations, unauthorized);
        fake.Faults.Enqueue(FakeRoute.Create, Fault.RateLimited(TimeSpan.FromSeconds(1)));
        using var limited = await client.PostJsonAsync("v1/images/generations", EvoLinkCreate, Key);
        await SpecContract.AssertResponseMatchesAsync(create, "POST", Generations, limited);
        fake.Faults.Enqueue(FakeRoute.Poll, Fault.ServerError());
        using var broken = await client.GetAsync("v1/tasks/" + id, Key);
        await SpecContract.AssertResponseMatchesAsync(tasks, "GET", Task, broken);
        using var missing = await client.GetAsync("v1/tasks/task-unified-1-ffffffff", Key);
        await SpecContract.AssertResponseMatchesAsync(tasks, "GET", Task, missing);
        using var malformed = await client.GetAsync("v1/tasks/42", Key);
        await SpecContract.AssertResponseMatchesAsync(tasks, "GET", Task, malformed);
        fake.Faults.Enqueue(FakeRoute.Poll, Fault.MissingOptionalFields());
        using var bare = await client.GetAsync("v1/tasks/" + id, Key);
        await SpecContract.AssertResponseMatchesAsync(tasks, "GET", Task, bare);
        Assert.Equal("{}", await bare.Content.ReadAsStringAsync());

        var files = VendorSpecs.EvoLinkFiles;
        var png = Convert.ToBase64String(PngEncoder.Encode(1, 1, [9, 9, 9]));
        using var base64 = await client.PostJsonAsync("api/v1/files/upload/base64", $$"""{"base64_data":"{{png}}","upload_path":"edits"}""", Key);
        await SpecContract.AssertResponseMatchesAsync(files, "POST", "/api/v1/files/upload/base64", base64);
        using var url = await client.PostJsonAsync("api/v1/files/upload/url", """{"file_url":"https://example.com/a.png"}""", Key);
        await SpecContract.AssertResponseMatchesAsync(files, "POST", "/api/v1/files/upload/url", url);
        using var badUpload = await client.PostJsonAsync("api/v1/files/upload/base64", """{"base64_data":"%%%"}""", Key);
        await SpecContract.AssertResponseMatchesAsync(files, "POST", "/api/v1/files/upload/base64", badUpload);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ModelsLab_answers_match_its_specs_with_and_without_the_messege_quirk(bool useMessege)
    {
        await using var fake = new FakeModelsLab(new FakeVendorOptions { Lifecycle = FakeLifecycle.AfterPolls(1), UseMessegeSpelling = useMessege });
        using var client = fake.CreateHttpClient();
        var create = VendorSpecs.ModelsLabQwenEdit;
        var fetch = VendorSpecs.ModelsLabFetch;
        const string Edit = "/image_editing/qwen_edit";
        const string Fetch = "/image_editing/fetch/{id}";
        const string Body = """{"key":"test-key","prompt":"p","init_image":["https://example.com/a.png","https://example.com/b.png"],"track_id":"t-1"}""";

        using var created = await client.PostJsonAsync("api/v6/image_editing/qwen_edit", Body);
        await SpecContract.AssertResponseMatchesAsync(create, "POST", Edit, created);
        var id = (await created.JsonAsync()).GetProperty("id").GetInt64();
        foreach (var _ in Enumerable.Range(0, 2))
        {
            using var poll = await client.PostJsonAsync($"api/v6/image_editing/fetch/{id}", """{"key":"test-key"}""");
            await SpecContract.AssertResponseMatchesAsync(fetch, "POST", Fetch, poll);
        }

        using var unknown = await client.PostJsonAsync("api/v6/image_editing/fetch/1", """{"key":"test-key"}""");
        await SpecContract.AssertResponseMatchesAsync(fetch, "POST", Fetch, unknown);
        using var unauthorized = await client.PostJsonAsync("api/v6/image_editing/qwen_edit", """{"key":"nope","prompt":"p","init_image":"https://example.com/a.png"}""");
        await SpecContract.AssertResponseMatchesAsync(create, "POST", Edit, unauthorized);
        fake.Options.Lifecycle = FakeLifecycle.Instant;
        using var instant = await client.PostJsonAsync("api/v6/image_editing/qwen_edit", Body);
        await SpecContract.AssertResponseMatchesAsync(create, "POST", Edit, instant);
        Assert.Equal("success", (await instant.JsonAsync()).Str("status"));

        var uploads = VendorSpecs.ModelsLabUploads;
        var png = Convert.ToBase64String(PngEncoder.Encode(1, 1, [9, 9, 9]));
        using var uploaded = await client.PostJsonAsync("api/v6/image_editing/base64_to_url", $$"""{"key":"test-key","init_image":"data:image/png;base64,{{png}}"}""");
        await SpecContract.AssertResponseMatchesAsync(uploads, "POST", "/image_editing/base64_to_url", uploaded);
        using var refused = await client.PostJsonAsync("api/v6/image_editing/base64_to_url", """{"key":"test-key","init_image":"data:image/png;base64,aGVsbG8="}""");
        await SpecContract.AssertResponseMatchesAsync(uploads, "POST", "/image_editing/base64_to_url", refused);
        Assert.Equal("error", (await refused.JsonAsync()).Str("status"));
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public async Task Apikley_answers_match_its_specs_with_and_without_the_quirks(bool resultJsonAsObject, bool useMsg)
    {
        await using var fake = new FakeApikley(new FakeVendorOptions { Lifecycle = FakeLifecycle.AfterPolls(1), ResultJsonAsObject = resultJsonAsObject, UseMsgInsteadOfMessage = useMsg });
        using var client = fake.CreateHttpClient();
        var create = VendorSpecs.ApikleyImageEdit;
        var record = VendorSpecs.ApikleyTasks;
        const string CreateTask = "/api/v1/jobs/createTask";
        const string RecordInfo = "/api/v1/jobs/recordInfo";
        const string Body = """{"model":"qwen/image-edit","input":{"prompt":"p","image_url":"https://example.com/a.png","num_images":"3"}}""";

        using var created = await client.PostJsonAsync("api/v1/jobs/createTask", Body, Key);
        await SpecContract.AssertResponseMatchesAsync(create, "POST", CreateTask, created);
        var id = (await created.JsonAsync()).GetProperty("data").Str("taskId");
        foreach (var _ in Enumerable.Range(0, 2))
        {
            using var poll = await client.GetAsync("api/v1/jobs/recordInfo?taskId=" + id, Key);
            await SpecContract.AssertResponseMatchesAsync(record, "GET", RecordInfo, poll);
        }

        fake.FailNextTask("501", "Generation failed");
        using var doomed = await client.PostJsonAsync("api/v1/jobs/createTask", Body, Key);
        var doomedId = (await doomed.JsonAsync()).GetProperty("data").Str("taskId");
        fake.GetTask(doomedId).Advance();
        fake.GetTask(doomedId).Advance();
        using var failed = await client.GetAsync("api/v1/jobs/recordInfo?taskId=" + doomedId, Key);
        await SpecContract.AssertResponseMatchesAsync(record, "GET", RecordInfo, failed);
        using var unknown = await client.GetAsync("api/v1/jobs/recordInfo?taskId=nope", Key);
        await SpecContract.AssertResponseMatchesAsync(record, "GET", RecordInfo, unknown);
        using var invalid = await client.PostJsonAsync("api/v1/jobs/createTask", """{"model":"qwen/image-edit","input":{"prompt":"p"}}""", Key);
        await SpecContract.AssertResponseMatchesAsync(create, "POST", CreateTask, invalid);
        using var unauthorized = await client.GetAsync("api/v1/jobs/recordInfo?taskId=" + id, "nope");
        await SpecContract.AssertResponseMatchesAsync(record, "GET", RecordInfo, unauthorized);

        var files = VendorSpecs.ApikleyFiles;
        var png = Convert.ToBase64String(PngEncoder.Encode(1, 1, [9, 9, 9]));
        using var uploaded = await client.PostJsonAsync("file-upload/api/file-base64-upload", $$"""{"base64Data":"{{png}}","uploadPath":"edits","fileName":"x.png"}""", Key);
        await SpecContract.AssertResponseMatchesAsync(files, "POST", "/api/file-base64-upload", uploaded);
        using var byUrl = await client.PostJsonAsync("file-upload/api/file-url-upload", """{"fileUrl":"https://example.com/x.png","uploadPath":"edits"}""", Key);
        await SpecContract.AssertResponseMatchesAsync(files, "POST", "/api/file-url-upload", byUrl);
        using var missingPath = await client.PostJsonAsync("file-upload/api/file-base64-upload", $$"""{"base64Data":"{{png}}"}""", Key);
        await SpecContract.AssertResponseMatchesAsync(files, "POST", "/api/file-base64-upload", missingPath);
        using var wrongKey = await client.PostJsonAsync("file-upload/api/file-url-upload", """{"fileUrl":"https://example.com/x.png","uploadPath":"edits"}""", "nope");
        await SpecContract.AssertResponseMatchesAsync(files, "POST", "/api/file-url-upload", wrongKey);
    }

    [Fact]
    public async Task The_check_catches_an_answer_the_spec_does_not_allow()
    {
        await using var fake = new FakeEvoLink();
        using var client = fake.CreateHttpClient();
        using var created = await client.PostJsonAsync("v1/images/generations", EvoLinkCreate, Key);
        var id = (await created.JsonAsync()).Str("id");
        fake.Faults.Enqueue(FakeRoute.Poll, Fault.UnknownStatus("paused"));

        using var poll = await client.GetAsync("v1/tasks/" + id, Key);

        var problems = await SpecContract.ResponseProblemsAsync(VendorSpecs.EvoLinkTasks, "GET", "/v1/tasks/{task_id}", 200, await poll.Content.ReadAsStringAsync());
        Assert.Equal("status: must be one of 'pending', 'processing', 'completed', 'failed', 'cancelled'", Assert.Single(problems));
    }

    [Fact]
    public async Task Fal_answers_match_its_specs()
    {
        await using var fake = new FakeFal(new FakeVendorOptions { Lifecycle = FakeLifecycle.AfterPolls(1) });
        using var client = fake.CreateHttpClient();
        var spec = VendorSpecs.FalImageEditPlus;
        const string Model = "/fal-ai/qwen-image-edit-plus";
        const string Request = Model + "/requests/{request_id}";
        const string Input = """{"prompt":"p","image_urls":["https://example.com/a.png"],"num_images":2}""";

        using var submitted = await client.SendAsync(HttpMethod.Post, Model[1..], "Key", Key, Input);
        await SpecContract.AssertResponseMatchesAsync(spec, "POST", Model, submitted);
        var id = (await submitted.JsonAsync()).Str("request_id");
        using var early = await client.SendAsync(HttpMethod.Get, $"{Model[1..]}/requests/{id}", "Key", Key);
        await SpecContract.AssertResponseMatchesAsync(spec, "GET", Request, early);
        foreach (var logs in new[] { "0", "1" })
        {
            using var status = await client.SendAsync(HttpMethod.Get, $"{Model[1..]}/requests/{id}/status?logs={logs}", "Key", Key);
            await SpecContract.AssertResponseMatchesAsync(spec, "GET", Request + "/status", status);
        }

        using var result = await client.SendAsync(HttpMethod.Get, $"{Model[1..]}/requests/{id}", "Key", Key);
        await SpecContract.AssertResponseMatchesAsync(spec, "GET", Request, result);
        using var completed = await client.SendAsync(HttpMethod.Put, $"{Model[1..]}/requests/{id}/cancel", "Key", Key);
        await SpecContract.AssertResponseMatchesAsync(spec, "PUT", Request + "/cancel", completed);

        var queued = (await (await client.SendAsync(HttpMethod.Post, Model[1..], "Key", Key, Input)).JsonAsync()).Str("request_id");
        using var cancelled = await client.SendAsync(HttpMethod.Put, $"{Model[1..]}/requests/{queued}/cancel", "Key", Key);
        await SpecContract.AssertResponseMatchesAsync(spec, "PUT", Request + "/cancel", cancelled);
        using var cancelledStatus = await client.SendAsync(HttpMethod.Get, $"{Model[1..]}/requests/{queued}/status", "Key", Key);
        await SpecContract.AssertResponseMatchesAsync(spec, "GET", Request + "/status", cancelledStatus);
        using var cancelledResult = await client.SendAsync(HttpMethod.Get, $"{Model[1..]}/requests/{queued}", "Key", Key);
        await SpecContract.AssertResponseMatchesAsync(spec, "GET", Request, cancelledResult);
        using var missing = await client.SendAsync(HttpMethod.Put, $"{Model[1..]}/requests/nope/cancel", "Key", Key);
        await SpecContract.AssertResponseMatchesAsync(spec, "PUT", Request + "/cancel", missing);

        fake.FailNextTask("content_policy_violation", "flagged");
        var refused = (await (await client.SendAsync(HttpMethod.Post, Model[1..], "Key", Key, Input)).JsonAsync()).Str("request_id");
        fake.GetTask(refused).Advance();
        fake.GetTask(refused).Advance();
        using var refusedResult = await client.SendAsync(HttpMethod.Get, $"{Model[1..]}/requests/{refused}", "Key", Key);
        await SpecContract.AssertResponseMatchesAsync(spec, "GET", Request, refusedResult);

        using var invalid = await client.SendAsync(HttpMethod.Post, Model[1..], "Key", Key, """{"prompt":"p"}""");
        await SpecContract.AssertResponseMatchesAsync(spec, "POST", Model, invalid);
        using var unauthorized = await client.SendAsync(HttpMethod.Post, Model[1..], "Key", "nope", Input);
        await SpecContract.AssertResponseMatchesAsync(spec, "POST", Model, unauthorized);
        fake.Faults.Enqueue(FakeRoute.Create, Fault.RateLimited(TimeSpan.FromSeconds(1)));
        using var limited = await client.SendAsync(HttpMethod.Post, Model[1..], "Key", Key, Input);
        await SpecContract.AssertResponseMatchesAsync(spec, "POST", Model, limited);
        fake.Faults.Enqueue(FakeRoute.Poll, Fault.MissingOptionalFields());
        using var bare = await client.SendAsync(HttpMethod.Get, $"{Model[1..]}/requests/{id}/status", "Key", Key);
        await SpecContract.AssertResponseMatchesAsync(spec, "GET", Request + "/status", bare);
        Assert.Equal(["request_id", "status"], (await bare.JsonAsync()).EnumerateObject().Select(static p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Fal_webhook_bodies_match_the_webhook_payload_schema()
    {
        var receiver = new CallbackRecorder();
        await using var fake = new FakeFal(new FakeVendorOptions { CallbackHandler = receiver, Lifecycle = FakeLifecycle.Instant });
        using var client = fake.CreateHttpClient();
        var hook = Uri.EscapeDataString("https://hooks.example.com/fal");
        var ok = (await (await client.SendAsync(HttpMethod.Post, "fal-ai/qwen-image-edit?fal_webhook=" + hook, "Key", Key, """{"prompt":"p","image_url":"https://example.com/a.png"}""")).JsonAsync()).Str("request_id");
        fake.FailNextTask("content_policy_violation", "flagged");
        var failed = (await (await client.SendAsync(HttpMethod.Post, "fal-ai/qwen-image-edit?fal_webhook=" + hook, "Key", Key, """{"prompt":"p","image_url":"https://example.com/a.png"}""")).JsonAsync()).Str("request_id");
        fake.GetTask(ok).Advance();
        fake.GetTask(failed).Advance();
        await receiver.WaitForAsync(2);

        foreach (var delivery in receiver.Received)
        {
            var problems = await SpecContract.ComponentProblemsAsync(VendorSpecs.FalImageEdit, "WebhookPayload", delivery.Body);
            Assert.True(problems.Count == 0, string.Join("; ", problems));
            var payload = SpecContract.Parse(delivery.Body);
            if (payload.Str("status") == "OK")
            {
                var output = await SpecContract.ComponentProblemsAsync(VendorSpecs.FalImageEdit, "QwenImageEditOutput", payload.GetProperty("payload").GetRawText());
                Assert.True(output.Count == 0, string.Join("; ", output));
            }
        }
    }

    [Fact]
    public async Task Replicate_answers_match_its_specs()
    {
        await using var fake = new FakeReplicate(new FakeVendorOptions { Lifecycle = FakeLifecycle.AfterPolls(1) });
        using var client = fake.CreateHttpClient();
        var model = VendorSpecs.ReplicateImageEditPlus;
        var api = VendorSpecs.ReplicateApi;
        const string Create = "/models/qwen/qwen-image-edit-plus/predictions";
        const string Input = """{"input":{"prompt":"p","image":["https://example.com/a.png"]}}""";

        using var created = await client.PostJsonAsync("v1" + Create, Input, Key);
        await SpecContract.AssertResponseMatchesAsync(model, "POST", Create, created);
        var id = (await created.JsonAsync()).Str("id");
        for (var i = 0; i < 2; i++)
        {
            using var poll = await client.GetAsync("v1/predictions/" + id, Key);
            await SpecContract.AssertResponseMatchesAsync(api, "GET", "/predictions/{prediction_id}", poll);
            var asModel = await SpecContract.ResponseProblemsAsync(model, "POST", Create, 201, await poll.Content.ReadAsStringAsync());
            Assert.True(asModel.Count == 0, string.Join("; ", asModel));
        }

        var running = (await (await client.PostJsonAsync("v1" + Create, Input, Key)).JsonAsync()).Str("id");
        using var canceled = await client.PostJsonAsync($"v1/predictions/{running}/cancel", "{}", Key);
        await SpecContract.AssertResponseMatchesAsync(api, "POST", "/predictions/{prediction_id}/cancel", canceled);
        fake.FailNextTask("failed", "CUDA out of memory");
        var doomed = (await (await client.SendAsync(HttpMethod.Post, "v1" + Create, "Bearer", Key, Input, ("Prefer", "wait=5"))).JsonAsync()).Str("id");
        using var failed = await client.GetAsync("v1/predictions/" + doomed, Key);
        await SpecContract.AssertResponseMatchesAsync(api, "GET", "/predictions/{prediction_id}", failed);
        Assert.Equal("CUDA out of memory", (await failed.JsonAsync()).Str("error"));

        using var invalid = await client.PostJsonAsync("v1" + Create, """{"input":{"image":[]}}""", Key);
        await SpecContract.AssertResponseMatchesAsync(model, "POST", Create, invalid);
        using var unauthorized = await client.PostJsonAsync("v1" + Create, Input, "nope");
        await SpecContract.AssertResponseMatchesAsync(model, "POST", Create, unauthorized);
        using var missing = await client.GetAsync("v1/predictions/nope", Key);
        await SpecContract.AssertResponseMatchesAsync(api, "GET", "/predictions/{prediction_id}", missing);
        using var secret = await client.GetAsync("v1/webhooks/default/secret", Key);
        await SpecContract.AssertResponseMatchesAsync(api, "GET", "/webhooks/default/secret", secret);
    }

    [Fact]
    public async Task DashScope_answers_match_its_spec()
    {
        await using var fake = new FakeDashScope();
        using var client = fake.CreateHttpClient();
        var spec = VendorSpecs.DashScopeImageEdit;
        const string Path = "/services/aigc/multimodal-generation/generation";
        const string Body = """{"model":"qwen-image-edit-plus","input":{"messages":[{"role":"user","content":[{"image":"https://example.com/a.png"},{"text":"t"}]}]},"parameters":{"n":3}}""";

        using var ok = await client.PostJsonAsync("api/v1" + Path, Body, Key);
        await SpecContract.AssertResponseMatchesAsync(spec, "POST", Path, ok);
        fake.FailNextTask("DataInspectionFailed", "Input data may contain inappropriate content.");
        using var moderated = await client.PostJsonAsync("api/v1" + Path, Body, Key);
        await SpecContract.AssertResponseMatchesAsync(spec, "POST", Path, moderated);
        using var invalid = await client.PostJsonAsync("api/v1" + Path, """{"model":"qwen-image-edit","input":{"messages":[]}}""", Key);
        await SpecContract.AssertResponseMatchesAsync(spec, "POST", Path, invalid);
        using var unauthorized = await client.PostJsonAsync("api/v1" + Path, Body, "nope");
        await SpecContract.AssertResponseMatchesAsync(spec, "POST", Path, unauthorized);
        fake.Faults.Enqueue(FakeRoute.Create, Fault.ServerError(503));
        using var unavailable = await client.PostJsonAsync("api/v1" + Path, Body, Key);
        await SpecContract.AssertResponseMatchesAsync(spec, "POST", Path, unavailable);
    }
}
