using System.Net;
using QwenImageEdit.Testing.Tests.Infrastructure;

namespace QwenImageEdit.Testing.Tests.Vendors;

/// <summary>The fake EvoLink accepts what its specs accept, and refuses the rest as EvoLink does, recording why.</summary>
public sealed class EvoLinkFakeTests
{
    private const string Key = "test-key";
    private const string Valid = """{"model":"qwen-image-edit","prompt":"Make it blue","image_urls":["https://example.com/a.png"]}""";

    [Fact]
    public async Task A_valid_create_is_accepted_and_answers_a_pending_task()
    {
        await using var fake = new FakeEvoLink();
        using var client = fake.CreateHttpClient();

        using var response = await client.PostJsonAsync("v1/images/generations", Valid, Key);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("pending", body.Str("status"));
        Assert.StartsWith("task-unified-", body.Str("id"), StringComparison.Ordinal);
        Assert.Empty(fake.Violations);
        var task = Assert.Single(fake.Tasks);
        Assert.Equal((body.Str("id"), "qwen-image-edit", FakeTaskState.Queued), (task.Id, task.Model, task.State));
        Assert.Equal(FakeRoute.Create, Assert.Single(fake.Requests).Route);
    }

    [Fact]
    public async Task The_plus_model_is_checked_against_the_plus_spec_and_n_sets_the_image_count()
    {
        await using var fake = new FakeEvoLink(new FakeVendorOptions { Lifecycle = FakeLifecycle.Instant });
        using var client = fake.CreateHttpClient();

        using var created = await client.PostJsonAsync("v1/images/generations", """{"model":"qwen-image-edit-plus","prompt":"p","image_urls":["https://example.com/a.png"],"n":3,"seed":7}""", Key);
        var id = (await created.JsonAsync()).Str("id");
        using var done = await client.GetAsync("v1/tasks/" + id, Key);

        var body = await done.JsonAsync();
        Assert.Equal("completed", body.Str("status"));
        Assert.Equal(3, body.GetProperty("results").GetArrayLength());
        Assert.Empty(fake.Violations);
    }

    [Theory]
    [InlineData("""{"model":"qwen-image-edit","image_urls":["https://example.com/a.png"]}""", "$.prompt", "prompt", "is required")]
    [InlineData("""{"model":"qwen-image-edit","prompt":"p","image_urls":["https://a.example/1.png","https://a.example/2.png","https://a.example/3.png","https://a.example/4.png"]}""", "$.image_urls", "image_urls", "must have at most 3 items")]
    [InlineData("""{"model":"qwen-image-edit","prompt":"p","image_urls":[]}""", "$.image_urls", "image_urls", "must have at least 1 items")]
    [InlineData("""{"model":"qwen-image-edit-pro","prompt":"p","image_urls":["https://example.com/a.png"]}""", "$.model", "model", "must be one of 'qwen-image-edit'")]
    [InlineData("""{"model":"qwen-image-edit-plus","prompt":"p","image_urls":["https://example.com/a.png"],"n":7}""", "$.n", "n", "must be at most 6")]
    [InlineData("""{"model":"qwen-image-edit","prompt":"p","image_urls":["https://example.com/a.png"],"callback_url":"https://127.0.0.1/hook"}""", "$.callback_url", "callback_url", "must not point to an internal address")]
    [InlineData("""{"model":"qwen-image-edit","prompt":"p","image_urls":["https://example.com/a.png"],"callback_url":"https://192.168.1.20/hook"}""", "$.callback_url", "callback_url", "must not point to an internal address")]
    [InlineData("""{"model":"qwen-image-edit","prompt":"p","image_urls":["https://example.com/a.png"],"callback_url":"http://hooks.example.com/hook"}""", "$.callback_url", "callback_url", "must be an HTTPS URL")]
    [InlineData("""{"model":"qwen-image-edit-plus","prompt":"p","image_urls":["https://example.com/a.png"],"n":2,"size":"1024x1024"}""", "$.size", "size", "is only allowed when n is 1")]
    [InlineData("""{"model":"qwen-image-edit-plus","prompt":"p","image_urls":["https://example.com/a.png"],"size":"4096x1024"}""", "$.size", "size", "each side must be between 512 and 2048 pixels")]
    public async Task An_invalid_create_gets_a_400_naming_the_field_and_is_recorded(string json, string location, string param, string message)
    {
        await using var fake = new FakeEvoLink();
        using var client = fake.CreateHttpClient();

        using var response = await client.PostJsonAsync("v1/images/generations", json, Key);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.JsonAsync()).GetProperty("error");
        Assert.Equal(("invalid_request", "invalid_request_error", param), (error.Str("code"), error.Str("type"), error.Str("param")));
        Assert.Contains(message, error.Str("message"), StringComparison.Ordinal);
        var violation = Assert.Single(fake.Violations);
        Assert.Equal((location, FakeRoute.Create), (violation.Location, violation.Route));
        Assert.Contains(message, violation.Message, StringComparison.Ordinal);
        Assert.Empty(fake.Tasks);
    }

    [Theory]
    [InlineData(null, "is missing")]
    [InlineData("wrong-key", "not the fake's API key")]
    public async Task A_missing_or_wrong_key_gets_401_and_is_recorded_without_the_key(string? bearer, string message)
    {
        await using var fake = new FakeEvoLink();
        using var client = fake.CreateHttpClient();

        using var response = await client.PostJsonAsync("v1/images/generations", Valid, bearer);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = (await response.JsonAsync()).GetProperty("error");
        Assert.Equal(("unauthorized", "authentication_error"), (error.Str("code"), error.Str("type")));
        var violation = Assert.Single(fake.Violations);
        Assert.Equal("header Authorization", violation.Location);
        Assert.Contains(message, violation.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-key", violation.ToString(), StringComparison.Ordinal);
        if (bearer is not null)
        {
            Assert.Equal("Bearer ***", Assert.Single(fake.Requests).Headers["Authorization"]);
        }
    }

    [Fact]
    public async Task A_body_that_is_not_json_content_gets_400_and_a_content_type_violation()
    {
        await using var fake = new FakeEvoLink();
        using var client = fake.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/images/generations") { Content = new StringContent(Valid, System.Text.Encoding.UTF8, "text/plain") };
        request.Headers.Authorization = new("Bearer", Key);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var violation = Assert.Single(fake.Violations);
        Assert.Equal("header Content-Type", violation.Location);
        Assert.Contains("must be application/json, but is text/plain", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_method_gets_405_and_an_unknown_path_404_both_recorded()
    {
        await using var fake = new FakeEvoLink();
        using var client = fake.CreateHttpClient();

        using var wrongMethod = await client.GetAsync("v1/images/generations", Key);
        using var unknownPath = await client.PostJsonAsync("v1/images/edits", Valid, Key);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownPath.StatusCode);
        Assert.Equal("not_found", (await unknownPath.JsonAsync()).GetProperty("error").Str("code"));
        Assert.Collection(
            fake.Violations,
            v => Assert.Equal(("method", "createQwenImageEditGeneration"), (v.Location, v.Operation)),
            v => Assert.Equal(("path", "POST /v1/images/edits", (FakeRoute?)null), (v.Location, v.Operation, v.Route)));
        Assert.Null(fake.Requests[1].Route);
    }

    [Fact]
    public async Task Get_task_answers_404_for_an_unknown_task_and_400_for_a_malformed_id_as_documented()
    {
        await using var fake = new FakeEvoLink();
        using var client = fake.CreateHttpClient();

        using var unknown = await client.GetAsync("v1/tasks/task-unified-0-00000000", Key);
        using var malformed = await client.GetAsync("v1/tasks/abc", Key);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("task_not_found", (await unknown.JsonAsync()).GetProperty("error").Str("code"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        var error = (await malformed.JsonAsync()).GetProperty("error");
        Assert.Equal(("invalid_task_id", "task_id"), (error.Str("code"), error.Str("param")));
    }

    [Fact]
    public async Task Progress_rises_while_processing_and_the_results_are_served_as_png()
    {
        await using var fake = new FakeEvoLink();
        using var client = fake.CreateHttpClient();
        using var created = await client.PostJsonAsync("v1/images/generations", Valid, Key);
        var id = (await created.JsonAsync()).Str("id");

        var statuses = new List<(string Status, int Progress)>();
        for (var i = 0; i < 3; i++)
        {
            using var poll = await client.GetAsync("v1/tasks/" + id, Key);
            var body = await poll.JsonAsync();
            statuses.Add((body.Str("status"), body.GetProperty("progress").GetInt32()));
        }

        Assert.Equal([("processing", 33), ("processing", 66), ("completed", 100)], statuses);
        var url = Assert.Single(fake.GetTask(id).ResultUrls);
        Assert.Equal(new Uri(fake.BaseAddress, $"fake-results/{id}/0.png"), url);
        using var image = await client.GetAsync(url);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0x89, (await image.Content.ReadAsByteArrayAsync())[0]);
    }

    [Fact]
    public async Task Uploads_store_the_file_and_serve_it_back()
    {
        await using var fake = new FakeEvoLink();
        using var client = fake.CreateHttpClient();
        var png = PngEncoder.Encode(1, 1, [255, 0, 0]);

        using var response = await client.PostJsonAsync("api/v1/files/upload/base64", $$"""{"base64_data":"data:image/png;base64,{{Convert.ToBase64String(png)}}","file_name":"red.png"}""", Key);

        var data = (await response.JsonAsync()).GetProperty("data");
        Assert.Equal(("red.png", "image/png", png.Length), (data.Str("file_name"), data.Str("mime_type"), data.GetProperty("file_size").GetInt32()));
        Assert.Equal(png, await client.GetByteArrayAsync(data.Str("file_url")));
    }

    [Fact]
    public async Task An_upload_that_is_not_an_image_is_refused_with_the_upload_envelope()
    {
        await using var fake = new FakeEvoLink();
        using var client = fake.CreateHttpClient();

        using var response = await client.PostJsonAsync("api/v1/files/upload/base64", """{"base64_data":"aGVsbG8="}""", Key);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.False(body.GetProperty("success").GetBoolean());
        Assert.Equal(400, body.GetProperty("code").GetInt32());
        Assert.Equal("$.base64_data", Assert.Single(fake.Violations).Location);
    }
}
