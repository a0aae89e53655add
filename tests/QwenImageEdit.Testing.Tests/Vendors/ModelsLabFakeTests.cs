using System.Net;
using System.Text.Json;
using QwenImageEdit.Testing.Tests.Infrastructure;

namespace QwenImageEdit.Testing.Tests.Vendors;

/// <summary>The fake ModelsLab: the key in the body, answers told apart by <c>status</c>, <c>output: ""</c> while processing.</summary>
public sealed class ModelsLabFakeTests
{
    private const string Valid = """{"key":"test-key","prompt":"Make it blue","init_image":"https://example.com/a.png"}""";

    [Fact]
    public async Task A_create_answers_processing_with_eta_fetch_result_and_future_links_then_fetch_says_output_empty_string()
    {
        await using var fake = new FakeModelsLab();
        using var client = fake.CreateHttpClient();

        using var created = await client.PostJsonAsync("api/v6/image_editing/qwen_edit", Valid);
        var body = await created.JsonAsync();
        var id = body.GetProperty("id").GetInt64();
        using var fetched = await client.PostJsonAsync($"api/v6/image_editing/fetch/{id}", """{"key":"test-key"}""");
        var processing = await fetched.JsonAsync();

        Assert.Equal("processing", body.Str("status"));
        Assert.Equal(JsonValueKind.Array, body.GetProperty("output").ValueKind);
        Assert.Equal(new Uri(fake.ApiAddress, $"image_editing/fetch/{id}").AbsoluteUri, body.Str("fetch_result"));
        Assert.Equal(new Uri(fake.BaseAddress, $"fake-results/{id}/0.png").AbsoluteUri, body.GetProperty("future_links")[0].GetString());
        Assert.True(body.GetProperty("eta").GetInt32() > 0);
        Assert.Equal(("processing", ""), (processing.Str("status"), processing.Str("output")));
        Assert.Empty(fake.Violations);
    }

    [Fact]
    public async Task With_an_instant_lifecycle_the_create_answers_success_with_the_images()
    {
        await using var fake = new FakeModelsLab(new FakeVendorOptions { Lifecycle = FakeLifecycle.Instant });
        using var client = fake.CreateHttpClient();

        using var created = await client.PostJsonAsync("api/v6/image_editing/qwen_edit", Valid);

        var body = await created.JsonAsync();
        Assert.Equal("success", body.Str("status"));
        var url = body.GetProperty("output")[0].GetString()!;
        Assert.Equal(PngEncoder.Signature.ToArray(), (await client.GetByteArrayAsync(url))[..8]);
        Assert.Equal(FakeTaskState.Succeeded, Assert.Single(fake.Tasks).State);
    }

    [Theory]
    [InlineData("""{"prompt":"p","init_image":"https://example.com/a.png"}""", "is missing")]
    [InlineData("""{"key":"wrong-key","prompt":"p","init_image":"https://example.com/a.png"}""", "is not the fake's API key")]
    public async Task A_missing_or_wrong_body_key_gets_the_error_status_in_a_200_and_is_recorded(string json, string message)
    {
        await using var fake = new FakeModelsLab();
        using var client = fake.CreateHttpClient();

        using var response = await client.PostJsonAsync("api/v6/image_editing/qwen_edit", json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("error", "Invalid Api Key"), ((await response.JsonAsync()).Str("status"), (await response.JsonAsync()).Str("message")));
        var violation = Assert.Single(fake.Violations);
        Assert.Equal("$.key", violation.Location);
        Assert.Contains(message, violation.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-key", Assert.Single(fake.Requests).BodyText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"key":"test-key","init_image":"https://example.com/a.png"}""", "$.prompt", "prompt: is required")]
    [InlineData("""{"key":"test-key","prompt":"p","init_image":["a","b","c","d","e"]}""", "$.init_image", "init_image: matches none of the shapes")]
    [InlineData("""{"key":"test-key","prompt":"p","init_image":"https://example.com/a.png","model_id":"qwen-edit-3000"}""", "$.model_id", "model_id: must be one of 'qwen-edit-2509', 'qwen-edit-2511'")]
    public async Task A_request_against_the_schema_gets_an_error_naming_the_field(string json, string location, string message)
    {
        await using var fake = new FakeModelsLab();
        using var client = fake.CreateHttpClient();

        using var response = await client.PostJsonAsync("api/v6/image_editing/qwen_edit", json);

        var body = await response.JsonAsync();
        Assert.Equal("error", body.Str("status"));
        Assert.StartsWith(message, body.Str("message"), StringComparison.Ordinal);
        Assert.Equal(location, Assert.Single(fake.Violations).Location);
    }

    public static TheoryData<Transport> Transports => TransportExtensions.Both;

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task The_messege_quirk_spells_errors_and_failed_tasks_the_legacy_way_but_not_the_processing_message(Transport transport)
    {
        await using var fake = new FakeModelsLab(new FakeVendorOptions { UseMessegeSpelling = true, Lifecycle = FakeLifecycle.AfterPolls(1) });
        using var client = await fake.ConnectAsync(transport);
        fake.FailNextTask("error", "Image generation failed");

        using var created = await client.PostJsonAsync("api/v6/image_editing/qwen_edit", Valid);
        var id = (await created.JsonAsync()).GetProperty("id").GetInt64();
        using var running = await client.PostJsonAsync($"api/v6/image_editing/fetch/{id}", """{"key":"test-key"}""");
        using var failed = await client.PostJsonAsync($"api/v6/image_editing/fetch/{id}", """{"key":"test-key"}""");
        using var wrongKey = await client.PostJsonAsync("api/v6/image_editing/qwen_edit", """{"key":"nope","prompt":"p","init_image":"https://example.com/a.png"}""");
        using var badUpload = await client.PostJsonAsync("api/v6/image_editing/base64_to_url", """{"key":"test-key","init_image":"data:image/png;base64,aGVsbG8="}""");

        Assert.Equal("Request processing", (await created.JsonAsync()).Str("message"));
        Assert.Equal("Request processing", (await running.JsonAsync()).Str("message"));
        Assert.Equal("""{"status":"error","messege":"Image generation failed"}""", await failed.Content.ReadAsStringAsync());
        Assert.Equal("""{"status":"error","messege":"Invalid Api Key"}""", await wrongKey.Content.ReadAsStringAsync());
        var upload = await badUpload.JsonAsync();
        Assert.Equal("error", upload.Str("status"));
        Assert.Contains("must be a JPEG, PNG, GIF or WebP image", upload.Str("messege"), StringComparison.Ordinal);
        Assert.False(upload.TryGetProperty("message", out _));
    }

    [Fact]
    public async Task Fetching_an_unknown_id_says_so_in_the_error_shape()
    {
        await using var fake = new FakeModelsLab();
        using var client = fake.CreateHttpClient();

        using var response = await client.PostJsonAsync("api/v6/image_editing/fetch/42", """{"key":"test-key"}""");

        Assert.Equal(("error", "Request not found"), ((await response.JsonAsync()).Str("status"), (await response.JsonAsync()).Str("message")));
        Assert.Empty(fake.Violations);
    }

    [Fact]
    public async Task Base64_to_url_answers_a_url_that_serves_the_image()
    {
        await using var fake = new FakeModelsLab();
        using var client = fake.CreateHttpClient();
        var png = PngEncoder.Encode(2, 1, [0, 0, 0, 255, 255, 255]);

        using var response = await client.PostJsonAsync("api/v6/image_editing/base64_to_url", $$"""{"key":"test-key","init_image":"data:image/png;base64,{{Convert.ToBase64String(png)}}"}""");

        var body = await response.JsonAsync();
        Assert.Equal("success", body.Str("status"));
        Assert.Equal(png, await client.GetByteArrayAsync(body.GetProperty("output")[0].GetString()));
    }

    [Fact]
    public async Task Base64_to_url_without_a_data_url_breaks_the_pattern()
    {
        await using var fake = new FakeModelsLab();
        using var client = fake.CreateHttpClient();

        using var response = await client.PostJsonAsync("api/v6/image_editing/base64_to_url", """{"key":"test-key","init_image":"iVBORw0KGgo="}""");

        Assert.Equal("error", (await response.JsonAsync()).Str("status"));
        var violation = Assert.Single(fake.Violations);
        Assert.Equal("$.init_image", violation.Location);
        Assert.StartsWith("must match the pattern", violation.Message, StringComparison.Ordinal);
    }
}
