using System.Net;
using System.Text.Json;
using QwenImageEdit.Testing.Tests.Infrastructure;

namespace QwenImageEdit.Testing.Tests.Vendors;

/// <summary>The fake Apikley: errors inside HTTP 200 envelopes, JSON-text members, string states and ms times.</summary>
public sealed class ApikleyFakeTests
{
    private const string Key = "test-key";
    private const string Valid = """{"model":"qwen/image-edit","callBackUrl":"https://hooks.example.com/apikley","input":{"prompt":"Make it blue","image_url":"https://example.com/a.png","num_images":"2"}}""";

    [Fact]
    public async Task Create_then_record_info_walks_waiting_generating_success_with_result_json_as_text()
    {
        await using var fake = new FakeApikley(new FakeVendorOptions { Lifecycle = FakeLifecycle.AfterPolls(1) });
        using var client = fake.CreateHttpClient();

        using var created = await client.PostJsonAsync("api/v1/jobs/createTask", Valid, Key);
        var envelope = await created.JsonAsync();
        var id = envelope.GetProperty("data").Str("taskId");
        var states = new List<string>();
        JsonElement last = default;
        for (var i = 0; i < 2; i++)
        {
            using var poll = await client.GetAsync("api/v1/jobs/recordInfo?taskId=" + Uri.EscapeDataString(id), Key);
            last = (await poll.JsonAsync()).GetProperty("data");
            states.Add(last.Str("state"));
        }

        Assert.Equal((200, "success"), (envelope.GetProperty("code").GetInt32(), envelope.Str("msg")));
        Assert.Equal(["generating", "success"], states);
        var urls = JsonDocument.Parse(last.Str("resultJson")).RootElement.GetProperty("resultUrls");
        Assert.Equal(2, urls.GetArrayLength());
        Assert.Equal("Make it blue", JsonDocument.Parse(last.Str("param")).RootElement.GetProperty("input").Str("prompt"));
        Assert.True(last.GetProperty("completeTime").GetInt64() >= last.GetProperty("createTime").GetInt64());
        Assert.Empty(fake.Violations);
    }

    [Fact]
    public async Task The_quirks_switch_result_json_to_an_object_and_message_to_msg()
    {
        await using var fake = new FakeApikley(new FakeVendorOptions { Lifecycle = FakeLifecycle.Instant, ResultJsonAsObject = true, UseMsgInsteadOfMessage = true });
        using var client = fake.CreateHttpClient();
        using var created = await client.PostJsonAsync("api/v1/jobs/createTask", Valid, Key);
        var id = (await created.JsonAsync()).GetProperty("data").Str("taskId");

        using var poll = await client.GetAsync("api/v1/jobs/recordInfo?taskId=" + id, Key);

        var body = await poll.JsonAsync();
        Assert.Equal("success", body.Str("msg"));
        Assert.False(body.TryGetProperty("message", out _));
        Assert.Equal(JsonValueKind.Object, body.GetProperty("data").GetProperty("resultJson").ValueKind);
    }

    [Fact]
    public async Task Num_images_as_a_number_is_a_422_in_an_http_200_naming_the_field()
    {
        await using var fake = new FakeApikley();
        using var client = fake.CreateHttpClient();

        using var response = await client.PostJsonAsync("api/v1/jobs/createTask", """{"model":"qwen/image-edit","input":{"prompt":"p","image_url":"https://example.com/a.png","num_images":2}}""", Key);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(422, body.GetProperty("code").GetInt32());
        Assert.Equal("input.num_images: must be a string, one of '1', '2', '3', '4'", body.Str("msg"));
        Assert.Equal("$.input.num_images", Assert.Single(fake.Violations).Location);
    }

    [Fact]
    public async Task A_wrong_key_is_a_401_code_in_an_http_200()
    {
        await using var fake = new FakeApikley();
        using var client = fake.CreateHttpClient();

        using var response = await client.PostJsonAsync("api/v1/jobs/createTask", Valid, "sk-wrong");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(401, (await response.JsonAsync()).GetProperty("code").GetInt32());
        Assert.Equal("header Authorization", Assert.Single(fake.Violations).Location);
    }

    [Fact]
    public async Task Record_info_without_task_id_is_a_violation_and_an_unknown_id_a_404_code()
    {
        await using var fake = new FakeApikley();
        using var client = fake.CreateHttpClient();

        using var missing = await client.GetAsync("api/v1/jobs/recordInfo", Key);
        using var unknown = await client.GetAsync("api/v1/jobs/recordInfo?taskId=nope", Key);

        Assert.Equal(422, (await missing.JsonAsync()).GetProperty("code").GetInt32());
        Assert.Equal(("query taskId", "is required"), (Assert.Single(fake.Violations).Location, fake.Violations[0].Message));
        var notFound = await unknown.JsonAsync();
        Assert.Equal((404, "Task not found"), (notFound.GetProperty("code").GetInt32(), notFound.Str("message")));
    }

    [Fact]
    public async Task A_failed_task_reports_fail_with_its_code_and_message()
    {
        await using var fake = new FakeApikley(new FakeVendorOptions { Lifecycle = FakeLifecycle.Instant });
        fake.FailNextTask("501", "Generation failed");
        using var client = fake.CreateHttpClient();
        using var created = await client.PostJsonAsync("api/v1/jobs/createTask", Valid, Key);
        var id = (await created.JsonAsync()).GetProperty("data").Str("taskId");

        using var poll = await client.GetAsync("api/v1/jobs/recordInfo?taskId=" + id, Key);

        var data = (await poll.JsonAsync()).GetProperty("data");
        Assert.Equal(("fail", "501", "Generation failed", ""), (data.Str("state"), data.Str("failCode"), data.Str("failMsg"), data.Str("resultJson")));
    }

    [Fact]
    public async Task The_stream_upload_takes_multipart_and_requires_upload_path()
    {
        await using var fake = new FakeApikley();
        using var client = fake.CreateHttpClient();
        var png = PngEncoder.Encode(1, 1, [1, 2, 3]);

        using var withoutPath = new MultipartFormDataContent { { new ByteArrayContent(png), "file", "a.png" } };
        using var refused = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "file-upload/api/file-stream-upload") { Content = withoutPath, Headers = { Authorization = new("Bearer", Key) } });
        using var form = new MultipartFormDataContent { { new ByteArrayContent(png), "file", "a.png" }, { new StringContent("edits"), "uploadPath" } };
        using var accepted = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "file-upload/api/file-stream-upload") { Content = form, Headers = { Authorization = new("Bearer", Key) } });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("$.uploadPath", Assert.Single(fake.Violations).Location);
        var data = (await accepted.JsonAsync()).GetProperty("data");
        Assert.Equal(("edits/a.png", "image/png"), (data.Str("filePath"), data.Str("mimeType")));
        Assert.Equal(png, await client.GetByteArrayAsync(data.Str("downloadUrl")));
    }
}
