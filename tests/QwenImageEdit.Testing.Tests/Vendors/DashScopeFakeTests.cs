using System.Net;
using QwenImageEdit.Testing.Tests.Infrastructure;

namespace QwenImageEdit.Testing.Tests.Vendors;

/// <summary>The fake DashScope: a synchronous edit, each model's limits, its error body, its regions' keys.</summary>
public sealed class DashScopeFakeTests
{
    private const string Key = "test-key";
    private const string Generation = "api/v1/services/aigc/multimodal-generation/generation";

    [Theory]
    [MemberData(nameof(TransportExtensions.Both), MemberType = typeof(TransportExtensions))]
    public async Task The_edit_answers_with_its_images_at_once(Transport transport)
    {
        await using var fake = new FakeDashScope(new FakeVendorOptions { Lifecycle = FakeLifecycle.AfterPolls(5) });
        using var client = await fake.ConnectAsync(transport);

        using var response = await client.PostJsonAsync(Generation, Body("qwen-image-edit-plus", """{"n":2,"size":"1024*1536","seed":7}"""), Key);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        var content = body.GetProperty("output").GetProperty("choices")[0].GetProperty("message").GetProperty("content");
        Assert.Equal(2, content.GetArrayLength());
        Assert.Equal(2, body.GetProperty("usage").GetProperty("image_count").GetInt32());
        var task = Assert.Single(fake.Tasks);
        Assert.Equal((body.Str("request_id"), FakeTaskState.Succeeded), (task.Id, task.State));
        using var download = new HttpClient(transport == Transport.InMemory ? fake.CreateHandler() : new SocketsHttpHandler());
        Assert.Equal(ResultImage.Render(task.Id, 1, 64), await download.GetByteArrayAsync(content[1].Str("image")));
        Assert.Empty(fake.Violations);
    }

    [Theory]
    [InlineData("qwen-image-edit", """{"n":2}""", "$.parameters.n")]
    [InlineData("qwen-image-edit", """{"size":"1024*1024"}""", "$.parameters.size")]
    [InlineData("qwen-image-edit-plus", """{"size":"4096*1024"}""", "$.parameters.size")]
    [InlineData("qwen-image-edit-max", """{"n":7}""", "$.parameters.n")]
    [InlineData("qwen-image-edit-plus", """{"negative_prompt":"a","watermark":"no"}""", "$.parameters.watermark")]
    public async Task What_a_model_does_not_take_is_an_InvalidParameter(string model, string parameters, string location)
    {
        await using var fake = new FakeDashScope();
        using var client = fake.CreateHttpClient();

        using var response = await client.PostJsonAsync(Generation, Body(model, parameters), Key);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidParameter", (await response.JsonAsync()).Str("code"));
        Assert.Contains(fake.Violations, v => v.Location == location);
        Assert.Empty(fake.Tasks);
    }

    [Fact]
    public async Task Four_images_two_texts_an_unknown_model_and_the_async_header_are_refused()
    {
        await using var fake = new FakeDashScope();
        using var client = fake.CreateHttpClient();
        var four = """{"model":"qwen-image-edit-plus","input":{"messages":[{"role":"user","content":[{"image":"https://example.com/1.png"},{"image":"https://example.com/2.png"},{"image":"https://example.com/3.png"},{"image":"https://example.com/4.png"},{"text":"t"}]}]}}""";
        var twoTexts = """{"model":"qwen-image-edit-plus","input":{"messages":[{"role":"user","content":[{"image":"https://example.com/1.png"},{"text":"a"},{"text":"b"}]}]}}""";

        using var tooMany = await client.PostJsonAsync(Generation, four, Key);
        using var texts = await client.PostJsonAsync(Generation, twoTexts, Key);
        using var unknown = await client.PostJsonAsync(Generation, Body("qwen-image-edit-ultra", "{}"), Key);
        using var async = await client.SendAsync(HttpMethod.Post, Generation, "Bearer", Key, Body("qwen-image-edit", "{}"), ("X-DashScope-Async", "enable"));

        Assert.All(new[] { tooMany, texts, unknown, async }, static r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Contains(fake.Violations, static v => v.Location == "$.input.messages[0].content" && v.Message.Contains("three", StringComparison.Ordinal));
        Assert.Contains(fake.Violations, static v => v.Location == "$.input.messages[0].content" && v.Message.Contains("one text", StringComparison.Ordinal));
        Assert.Contains(fake.Violations, static v => v.Location == "$.model");
        Assert.Contains(fake.Violations, static v => v.Location == "header X-DashScope-Async");
    }

    [Theory]
    [InlineData("DataInspectionFailed", 400)]
    [InlineData("InternalError", 500)]
    public async Task A_failed_edit_is_the_answer_s_error(string code, int status)
    {
        await using var fake = new FakeDashScope();
        using var client = fake.CreateHttpClient();
        fake.FailNextTask(code, "Output data may contain inappropriate content.");

        using var response = await client.PostJsonAsync(Generation, Body("qwen-image-edit", "{}"), Key);

        Assert.Equal(status, (int)response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal((code, "Output data may contain inappropriate content."), (body.Str("code"), body.Str("message")));
        Assert.False(string.IsNullOrEmpty(body.Str("request_id")));
        Assert.Equal(FakeTaskState.Failed, Assert.Single(fake.Tasks).State);
    }

    [Fact]
    public async Task Each_region_takes_only_its_own_key()
    {
        await using var singapore = new FakeDashScope(new FakeVendorOptions { ApiKey = "sk-intl" });
        await using var beijing = new FakeDashScope(new FakeVendorOptions { ApiKey = "sk-cn" }, FakeDashScopeRegion.Beijing);
        using var toSingapore = singapore.CreateHttpClient();
        using var toBeijing = beijing.CreateHttpClient();

        using var crossed = await toBeijing.PostJsonAsync(Generation, Body("qwen-image-edit", "{}"), "sk-intl");
        using var own = await toBeijing.PostJsonAsync(Generation, Body("qwen-image-edit", "{}"), "sk-cn");

        Assert.Equal(HttpStatusCode.Unauthorized, crossed.StatusCode);
        Assert.Equal("InvalidApiKey", (await crossed.JsonAsync()).Str("code"));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(new Uri("https://dashscope.fake/api/v1/"), beijing.ApiAddress);
        Assert.Equal(new Uri("https://dashscope-intl.fake/api/v1/"), singapore.ApiAddress);
    }

    [Fact]
    public async Task A_slow_edit_is_a_delay_fault_and_a_client_timeout_leaves_nothing_behind()
    {
        await using var fake = new FakeDashScope();
        using var client = fake.CreateHttpClient();
        client.Timeout = TimeSpan.FromMilliseconds(200);
        fake.Faults.Enqueue(FakeRoute.Create, Fault.Delay(TimeSpan.FromMinutes(5)));

        await Assert.ThrowsAsync<TaskCanceledException>(() => client.PostJsonAsync(Generation, Body("qwen-image-edit", "{}"), Key));

        Assert.Empty(fake.Tasks);
    }

    private static string Body(string model, string parameters)
        => $$"""{"model":"{{model}}","input":{"messages":[{"role":"user","content":[{"image":"https://example.com/a.png"},{"text":"Make the sky purple"}]}]},"parameters":{{parameters}}}""";
}
