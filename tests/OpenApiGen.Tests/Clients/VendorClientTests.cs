using System.Net;
using Microsoft.AspNetCore.Http;
using System.Text.Json;
using OpenApiGen.Runtime;
using OpenApiGen.Tests.Infrastructure;
using QwenImageEdit.Vendors.Apikley;
using QwenImageEdit.Vendors.EvoLink;
using QwenImageEdit.Vendors.ModelsLab;
using EvoLinkErrorResponse = QwenImageEdit.Vendors.EvoLink.ErrorResponse;
using QwenImageEditRequest = QwenImageEdit.Vendors.EvoLink.QwenImageEditRequest;

namespace OpenApiGen.Tests.Clients;

/// <summary>The generated vendor clients over real HTTP (Kestrel on 127.0.0.1): what they send, and what they make of every kind of answer.</summary>
public sealed class VendorClientTests
{
    private const string Secret = "sk-test-0123456789abcdef";

    private const string CompletedTask = """
        {"id":"task-1","object":"image.generation.task","created":1757156493,"model":"qwen-image-edit","status":"completed",
         "progress":100,"results":["https://files.example/r/0.png"],"task_info":{"can_cancel":false},"type":"image"}
        """;

    [Fact]
    public async Task Get_task_sends_the_path_and_bearer_and_returns_the_typed_body()
    {
        await using var server = await LoopbackServer.StartAsync(static (context, _) => LoopbackServer.Json(context, CompletedTask));
        var client = EvoLinkTasks(server);

        var task = (await client.GetTaskDetailAsync("task 1/2")).Value;

        var request = Assert.Single(server.Requests);
        // Kestrel decodes the path but keeps an escaped '/': the id stayed one segment.
        Assert.Equal(("GET", "/v1/tasks/task 1%2F2"), (request.Method, request.Path));
        Assert.Equal("Bearer " + Secret, request.Headers["Authorization"]);
        Assert.Equal("application/json", request.Headers["Accept"]); // the success media type
        Assert.Equal(TaskDetailStatus.Completed, task.Status);
        Assert.Equal(new Uri("https://files.example/r/0.png"), Assert.Single(task.Results!));
    }

    [Fact]
    public async Task Create_sends_the_json_body_with_the_spec_wire_names()
    {
        await using var server = await LoopbackServer.StartAsync(static (context, _) => LoopbackServer.Json(context, """{"id":"task-9","status":"pending","progress":0}"""));
        var client = new EvoLinkClient(new HttpClient(), new EvoLinkClientOptions { BaseAddress = server.Address, BearerToken = Secret });

        var created = (await client.CreateQwenImageEditGenerationAsync(new QwenImageEditRequest { Prompt = "Make it blue", ImageUrls = [new Uri("https://example.com/a.png")] })).Value;

        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/v1/images/generations"), (request.Method, request.Path));
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        Assert.Equal("""{"model":"qwen-image-edit","prompt":"Make it blue","image_urls":["https://example.com/a.png"]}""", request.BodyText);
        Assert.Equal("task-9", created.Id);
    }

    [Fact]
    public async Task A_documented_error_is_a_typed_exception_with_the_parsed_body()
    {
        await using var server = await LoopbackServer.StartAsync(static (context, _) => LoopbackServer.Json(context, """{"error":{"code":"resource_not_found","message":"No such task","type":"invalid_request_error"}}""", 404));

        var error = await Assert.ThrowsAsync<ApiException<EvoLinkErrorResponse>>(() => EvoLinkTasks(server).GetTaskDetailAsync("missing"));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("resource_not_found", error.Error.Error!.Code!.ToString());
        Assert.Contains("No such task", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_carries_its_retry_after()
    {
        await using var server = await LoopbackServer.StartAsync(static (context, _) =>
        {
            context.Response.Headers.RetryAfter = "7";
            return LoopbackServer.Json(context, """{"error":{"code":"rate_limit_exceeded","message":"Too many requests"}}""", 429);
        });

        var error = await Assert.ThrowsAsync<ApiException<EvoLinkErrorResponse>>(() => EvoLinkTasks(server).GetTaskDetailAsync("t"));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
    }

    [Fact]
    public async Task A_500_html_page_is_an_api_exception_with_an_excerpt_not_a_json_error()
    {
        await using var server = await LoopbackServer.StartAsync(static (context, _) =>
        {
            context.Response.StatusCode = 500;
            context.Response.ContentType = "text/html";
            return context.Response.WriteAsync("<html><body><h1>502 Bad Gateway</h1>" + new string('x', 10_000) + "</body></html>");
        });

        var error = await Assert.ThrowsAsync<ApiException>(() => EvoLinkTasks(server).GetTaskDetailAsync("t"));

        Assert.IsNotType<ApiException<EvoLinkErrorResponse>>(error);
        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.StartsWith("<html><body><h1>502 Bad Gateway</h1>", error.BodyExcerpt, StringComparison.Ordinal);
        Assert.Equal(ApiResponseReader.ExcerptLength, error.BodyExcerpt!.Length);
    }

    [Fact]
    public async Task A_truncated_success_body_is_an_api_exception_that_keeps_what_arrived()
    {
        await using var server = await LoopbackServer.StartAsync(static (context, _) => LoopbackServer.Json(context, """{"id":"task-1","status":"comp"""));

        var error = await Assert.ThrowsAsync<ApiException>(() => EvoLinkTasks(server).GetTaskDetailAsync("t"));

        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.IsAssignableFrom<JsonException>(error.InnerException);
        Assert.Equal("""{"id":"task-1","status":"comp""", error.BodyExcerpt);
    }

    [Fact]
    public async Task Cancellation_stops_a_slow_request()
    {
        using var release = new SemaphoreSlim(0);
        await using var server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            await release.WaitAsync(TimeSpan.FromSeconds(30));
            await LoopbackServer.Json(context, CompletedTask);
        });
        using var cancellation = new CancellationTokenSource();

        var call = EvoLinkTasks(server).GetTaskDetailAsync("t", cancellationToken: cancellation.Token);
        while (server.Requests.IsEmpty)
        {
            await Task.Delay(10);
        }

        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        release.Release();
    }

    [Fact]
    public async Task The_key_never_appears_in_an_exception_even_when_the_server_echoes_it()
    {
        await using var server = await LoopbackServer.StartAsync(static (context, received) =>
            LoopbackServer.Json(context, $$$"""{"error":{"code":"unauthorized","message":"Invalid key {{{received.Headers["Authorization"]}}}"}}""", 401));

        var error = await Assert.ThrowsAsync<ApiException<EvoLinkErrorResponse>>(() => EvoLinkTasks(server).GetTaskDetailAsync("t"));

        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.BodyExcerpt!, StringComparison.Ordinal);
        Assert.Contains("Invalid key Bearer ***", error.BodyExcerpt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_base_address_with_a_path_keeps_it_and_the_union_response_is_typed()
    {
        await using var server = await LoopbackServer.StartAsync(static (context, _) =>
            LoopbackServer.Json(context, """{"status":"processing","tip":"queued","eta":12,"id":42,"output":[],"fetch_result":"https://modelslab.example/fetch/42"}"""));
        var client = new ModelsLabClient(new HttpClient(), new ModelsLabClientOptions { BaseAddress = new Uri(server.Address, "api/v6"), ApiKey = Secret });

        var response = (await client.CreateQwenEditAsync(new QwenRequest { Prompt = "p", InitImage = "https://example.com/a.png" })).Value;

        var request = Assert.Single(server.Requests);
        Assert.Equal("/api/v6/image_editing/qwen_edit", request.Path);
        Assert.Contains($"\"key\":\"{Secret}\"", request.BodyText, StringComparison.Ordinal);
        Assert.True(response.TryGetImageEditingProcessingResponse(out var processing));
        Assert.Equal(12, processing.Eta);
    }

    [Fact]
    public async Task ModelsLab_gets_its_key_in_the_body_from_the_options_and_the_request_does_not_keep_it()
    {
        await using var server = await LoopbackServer.StartAsync(static (context, _) =>
            LoopbackServer.Json(context, """{"status":"success","id":42,"output":["https://modelslab.example/r.png"]}"""));
        var client = new ModelsLabClient(new HttpClient(), new ModelsLabClientOptions { BaseAddress = server.Address, ApiKey = Secret });
        var request = new QwenRequest { Prompt = "p", InitImage = "https://example.com/a.png" };

        var response = (await client.CreateQwenEditAsync(request)).Value;

        Assert.Equal(Secret, JsonDocument.Parse(Assert.Single(server.Requests).Body).RootElement.GetProperty("key").GetString());
        Assert.Null(request.Key);
        Assert.True(response.IsImageEditingSuccessResponse);
    }

    [Fact]
    public async Task A_key_the_caller_set_in_the_body_is_sent_as_it_is()
    {
        await using var server = await LoopbackServer.StartAsync(static (context, _) => LoopbackServer.Json(context, """{"status":"error","message":"bad"}"""));
        var client = new ModelsLabClient(new HttpClient(), new ModelsLabClientOptions { BaseAddress = server.Address, ApiKey = Secret });

        await client.CreateQwenEditAsync(new QwenRequest { Key = "other-key", Prompt = "p", InitImage = "https://example.com/a.png" });

        Assert.Equal("other-key", JsonDocument.Parse(Assert.Single(server.Requests).Body).RootElement.GetProperty("key").GetString());
    }

    [Fact]
    public async Task A_query_parameter_is_escaped_on_the_wire()
    {
        await using var server = await LoopbackServer.StartAsync(static (context, _) =>
            LoopbackServer.Json(context, """{"code":200,"message":"success","data":{"taskId":"a b&c","state":"generating"}}"""));
        var client = new ApikleyClient(new HttpClient(), new ApikleyClientOptions { BaseAddress = server.Address, BearerToken = Secret });

        var record = (await client.GetTaskRecordInfoAsync("a b&c")).Value;

        var request = Assert.Single(server.Requests);
        Assert.Equal(("/api/v1/jobs/recordInfo", "?taskId=a%20b%26c"), (request.Path, request.Query));
        Assert.Equal(TaskRecordState.Generating, record.Data!.State);
    }

    [Fact]
    public async Task The_generated_registration_gives_a_typed_client_from_the_http_client_factory()
    {
        await using var server = await LoopbackServer.StartAsync(static (context, _) => LoopbackServer.Json(context, CompletedTask));
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        services.AddEvoLinkClient(options =>
        {
            options.BaseAddress = server.Address;
            options.BearerToken = Secret;
        });
        await using var provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);

        var client = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<IEvoLinkClient>(provider);
        var task = (await client.GetTaskDetailAsync("task-1")).Value;

        Assert.IsType<EvoLinkClient>(client);
        Assert.Equal("task-1", task.Id);
        Assert.Equal("Bearer " + Secret, Assert.Single(server.Requests).Headers["Authorization"]);
    }

    [Fact]
    public async Task A_multipart_upload_sends_a_file_part_named_after_its_file_and_text_parts()
    {
        await using var server = await LoopbackServer.StartAsync(static (context, _) => LoopbackServer.Json(context, """
            {"success":true,"code":200,"msg":"ok","data":{"file_id":"f1","file_url":"https://files.example/f1.png"}}
            """));
        var client = new QwenImageEdit.Vendors.EvoLink.EvoLinkClient(
            new HttpClient(),
            new QwenImageEdit.Vendors.EvoLink.EvoLinkClientOptions { BaseAddress = server.Address, BearerToken = Secret });
        var path = Path.Combine(Path.GetTempPath(), $"upload-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(path, [0x89, (byte)'P', (byte)'N', (byte)'G']);
        try
        {
            await using var file = File.OpenRead(path);

            var uploaded = (await client.UploadFileStreamAsync(new QwenImageEdit.Vendors.EvoLink.StreamUploadRequest { File = file, UploadPath = "edits" })).Value;

            var request = Assert.Single(server.Requests);
            Assert.StartsWith("multipart/form-data; boundary=", request.ContentType, StringComparison.Ordinal);
            var text = System.Text.Encoding.Latin1.GetString(request.Body);
            Assert.Contains($"name=file; filename={Path.GetFileName(path)}", text, StringComparison.Ordinal);
            Assert.Contains("\u0089PNG", text, StringComparison.Ordinal);
            Assert.Contains("name=upload_path\r\n\r\nedits", text.Replace("Content-Type: text/plain; charset=utf-8\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.Equal("f1", uploaded.Data!.FileId);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("""{"status":"processing","id":42,"output":""}""", "processing")]
    [InlineData("""{"status":"success","id":"42","output":["https://modelslab.example/r.png"]}""", "success")]
    public async Task ModelsLab_fetch_puts_the_id_in_the_path_the_key_in_the_body_and_reads_either_shape(string answer, string expected)
    {
        await using var server = await LoopbackServer.StartAsync((context, _) => LoopbackServer.Json(context, answer));
        var client = new QwenImageEdit.Vendors.ModelsLab.ModelsLabClient(
            new HttpClient(),
            new QwenImageEdit.Vendors.ModelsLab.ModelsLabClientOptions { BaseAddress = server.Address, ApiKey = Secret });

        var result = (await client.FetchQwenEditResultAsync("42", new QwenImageEdit.Vendors.ModelsLab.FetchRequest())).Value;

        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/image_editing/fetch/42"), (request.Method, request.Path));
        Assert.Equal($$"""{"key":"{{Secret}}"}""", request.BodyText);
        Assert.Equal(expected, result.Match(static _ => "success", static _ => "processing", static _ => "error", static _ => "unmatched"));
    }

    [Fact]
    public async Task Apikley_base64_upload_posts_its_json_with_bearer()
    {
        await using var server = await LoopbackServer.StartAsync(static (context, _) => LoopbackServer.Json(context, """
            {"success":true,"code":200,"msg":"File uploaded successfully","data":{"fileName":"a.png","downloadUrl":"https://files.example/a.png","fileSize":4}}
            """));
        var client = new QwenImageEdit.Vendors.Apikley.ApikleyClient(
            new HttpClient(),
            new QwenImageEdit.Vendors.Apikley.ApikleyClientOptions { BaseAddress = new Uri(server.Address, "file-upload"), BearerToken = Secret });

        var uploaded = (await client.UploadFileBase64Async(new QwenImageEdit.Vendors.Apikley.Base64UploadRequest { Base64Data = "data:image/png;base64,iVBORw==", UploadPath = "edits" })).Value;

        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/file-upload/api/file-base64-upload"), (request.Method, request.Path));
        Assert.Equal("Bearer " + Secret, request.Headers["Authorization"]);
        Assert.Equal("""{"base64Data":"data:image/png;base64,iVBORw==","uploadPath":"edits"}""", request.BodyText);
        Assert.Equal(4, uploaded.Data!.FileSize);
    }

    private const string UploadAnswer = """{"success":true,"code":200,"msg":"ok","data":{"file_id":"f1","fileName":"a.png"}}""";

    [Fact]
    public async Task EvoLink_base64_and_url_uploads_post_their_json()
    {
        await using var server = await LoopbackServer.StartAsync(static (context, _) => LoopbackServer.Json(context, UploadAnswer));
        var client = new QwenImageEdit.Vendors.EvoLink.EvoLinkClient(
            new HttpClient(),
            new QwenImageEdit.Vendors.EvoLink.EvoLinkClientOptions { BaseAddress = server.Address, BearerToken = Secret });

        await client.UploadFileBase64Async(new QwenImageEdit.Vendors.EvoLink.Base64UploadRequest { Base64Data = "iVBORw==" });
        await client.UploadFileUrlAsync(new QwenImageEdit.Vendors.EvoLink.UrlUploadRequest { FileUrl = new Uri("https://example.com/a.png"), FileName = "a.png" });

        var requests = server.Requests.ToArray();
        Assert.Equal(("/api/v1/files/upload/base64", """{"base64_data":"iVBORw=="}"""), (requests[0].Path, requests[0].BodyText));
        Assert.Equal(("/api/v1/files/upload/url", """{"file_url":"https://example.com/a.png","file_name":"a.png"}"""), (requests[1].Path, requests[1].BodyText));
        Assert.All(requests, static r => Assert.Equal("Bearer " + Secret, r.Headers["Authorization"]));
    }

    [Fact]
    public async Task Apikley_url_and_stream_uploads_send_their_bodies()
    {
        await using var server = await LoopbackServer.StartAsync(static (context, _) => LoopbackServer.Json(context, UploadAnswer));
        var client = new QwenImageEdit.Vendors.Apikley.ApikleyClient(
            new HttpClient(),
            new QwenImageEdit.Vendors.Apikley.ApikleyClientOptions { BaseAddress = new Uri(server.Address, "file-upload/"), BearerToken = Secret });

        await client.UploadFileUrlAsync(new QwenImageEdit.Vendors.Apikley.UrlUploadRequest { FileUrl = new Uri("https://example.com/a.png"), UploadPath = "edits" });
        using var image = new MemoryStream([1, 2, 3]);
        await client.UploadFileStreamAsync(new QwenImageEdit.Vendors.Apikley.StreamUploadRequest { File = image, UploadPath = "edits", FileName = "a.png" });

        var requests = server.Requests.ToArray();
        Assert.Equal(("/file-upload/api/file-url-upload", """{"fileUrl":"https://example.com/a.png","uploadPath":"edits"}"""), (requests[0].Path, requests[0].BodyText));
        Assert.Equal("/file-upload/api/file-stream-upload", requests[1].Path);
        Assert.StartsWith("multipart/form-data", requests[1].ContentType, StringComparison.Ordinal);
        var form = System.Text.Encoding.Latin1.GetString(requests[1].Body);
        Assert.Contains("name=file; filename=file", form, StringComparison.Ordinal);
        Assert.Contains("name=fileName", form, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fals_status_stream_yields_each_event_as_a_typed_QueueStatus()
    {
        await using var server = await LoopbackServer.StartAsync(static async (context, _) =>
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync("""
                data: {"status":"IN_QUEUE","request_id":"r-1","queue_position":2}

                : a comment the parser skips

                data: {"status":"IN_PROGRESS","request_id":"r-1"}

                data: {"status":"COMPLETED","request_id":"r-1"}


                """.Replace("\r\n", "\n"));
        });
        var client = new QwenImageEdit.Vendors.Fal.FalClient(new HttpClient { BaseAddress = server.Address }, new QwenImageEdit.Vendors.Fal.FalClientOptions { ApiKey = Secret });

        var statuses = new List<QwenImageEdit.Vendors.Fal.QueueStatus>();
        await foreach (var status in client.StreamQwenImageEditStatusAsync("r-1", logs: 1))
        {
            statuses.Add(status);
        }

        Assert.Equal(["IN_QUEUE", "IN_PROGRESS", "COMPLETED"], statuses.Select(static s => s.Status.Value));
        Assert.Equal(2, statuses[0].QueuePosition);
        var request = Assert.Single(server.Requests);
        Assert.Equal(("/fal-ai/qwen-image-edit/requests/r-1/status/stream", "?logs=1", "text/event-stream"), (request.Path, request.Query, request.Headers["Accept"]));
    }

    [Fact]
    public async Task Fals_status_stream_throws_the_documented_error_from_the_first_read()
    {
        await using var server = await LoopbackServer.StartAsync(static (context, _) => LoopbackServer.Json(context, """{"detail":"no such request"}""", 404));
        var client = new QwenImageEdit.Vendors.Fal.FalClient(new HttpClient { BaseAddress = server.Address }, new QwenImageEdit.Vendors.Fal.FalClientOptions { ApiKey = Secret });

        var events = client.StreamQwenImageEditStatusAsync("r-1").GetAsyncEnumerator();
        Assert.Empty(server.Requests); // nothing is sent before the caller reads

        var error = await Assert.ThrowsAsync<ApiException<QwenImageEdit.Vendors.Fal.ErrorResponse>>(async () => await events.MoveNextAsync());
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }

    private static EvoLinkClient EvoLinkTasks(LoopbackServer server)
        => new(new HttpClient { BaseAddress = server.Address }, new EvoLinkClientOptions { BearerToken = Secret });
}
