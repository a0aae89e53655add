using QwenImageEdit.Vendors.Apikley;
using QwenImageEdit.Vendors.DashScope.ImageEdit;
using QwenImageEdit.Vendors.Fal;
using QwenImageEdit.Vendors.Replicate;
using QwenImageEdit.Vendors.EvoLink;
using QwenImageEdit.Vendors.ModelsLab;
using ApikleyBase64UploadRequest = QwenImageEdit.Vendors.Apikley.Base64UploadRequest;
using EvoLinkStreamUploadRequest = QwenImageEdit.Vendors.EvoLink.StreamUploadRequest;
using ApikleyQwenImageEditRequest = QwenImageEdit.Vendors.Apikley.QwenImageEditRequest;
using EvoLinkQwenImageEditRequest = QwenImageEdit.Vendors.EvoLink.QwenImageEditRequest;

namespace QwenImageEdit.Testing.Tests.Clients;

/// <summary>
/// The generated vendor clients, as a user would drive them, against each fake over real loopback HTTP: create, poll
/// until done, download the result bytes, and upload a file. The fakes record no violation, so what the generated
/// clients send is what the specs accept.
/// </summary>
public sealed class GeneratedClientTests
{
    private const int MaxPolls = 10;
    private static readonly Uri Image = new("https://example.com/input.png");

    [Fact]
    public async Task EvoLink_create_poll_download_and_upload()
    {
        await using var fake = new FakeEvoLink();
        await fake.StartAsync();
        using var http = new HttpClient();
        var images = new EvoLinkClient(http, new EvoLinkClientOptions { BaseAddress = fake.ApiAddress, BearerToken = fake.ApiKey });
        var tasks = new EvoLinkClient(http, new EvoLinkClientOptions { BaseAddress = fake.ApiAddress, BearerToken = fake.ApiKey });
        var files = new EvoLinkClient(http, new EvoLinkClientOptions { BaseAddress = fake.FilesAddress, BearerToken = fake.ApiKey });

        var created = (await images.CreateQwenImageEditGenerationAsync(new EvoLinkQwenImageEditRequest { Prompt = "Make the sky green", ImageUrls = [Image] })).Value;
        TaskDetail task;
        var polls = 0;
        do
        {
            task = await tasks.GetTaskDetailAsync(created.Id!);
        }
        while (task.Status != TaskDetailStatus.Completed && ++polls < MaxPolls);

        Assert.Equal(TaskDetailStatus.Completed, task.Status);
        Assert.Equal(100, task.Progress);
        var bytes = await http.GetByteArrayAsync(Assert.Single(task.Results!));
        Assert.Equal(ResultImage.Render(created.Id!, 0, 64), bytes);

        using var upload = new MemoryStream(PngEncoder.Encode(2, 2, new byte[12]));
        var uploaded = (await files.UploadFileStreamAsync(new EvoLinkStreamUploadRequest { File = upload, UploadPath = "inputs", FileName = "in.png" })).Value;
        Assert.Equal(upload.ToArray(), await http.GetByteArrayAsync(uploaded.Data!.FileUrl!));
        Assert.Empty(fake.Violations);
        Assert.All(fake.Requests, static r => Assert.NotNull(r.Route));
    }

    [Fact]
    public async Task EvoLink_plus_asks_for_several_images_and_gets_them_all()
    {
        await using var fake = new FakeEvoLink(new FakeVendorOptions { Lifecycle = FakeLifecycle.Instant });
        await fake.StartAsync();
        using var http = new HttpClient();
        var images = new EvoLinkClient(http, new EvoLinkClientOptions { BaseAddress = fake.ApiAddress, BearerToken = fake.ApiKey });
        var tasks = new EvoLinkClient(http, new EvoLinkClientOptions { BaseAddress = fake.ApiAddress, BearerToken = fake.ApiKey });

        var created = (await images.CreateQwenImageEditPlusGenerationAsync(new QwenImageEditPlusRequest { Prompt = "p", ImageUrls = [Image], N = 4, NegativePrompt = "blur" })).Value;
        var task = (await tasks.GetTaskDetailAsync(created.Id!)).Value;

        Assert.Equal(4, task.Results!.Count);
        Assert.Empty(fake.Violations);
    }

    [Fact]
    public async Task ModelsLab_create_fetch_download_and_upload()
    {
        await using var fake = new FakeModelsLab();
        await fake.StartAsync();
        using var http = new HttpClient();
        var client = new ModelsLabClient(http, new ModelsLabClientOptions { BaseAddress = fake.ApiAddress, ApiKey = fake.ApiKey });
        var (edit, fetch, uploads) = (client, client, client);

        var created = (await edit.CreateQwenEditAsync(new QwenRequest { Prompt = "Make the sky green", InitImage = new[] { Image.AbsoluteUri } })).Value;
        Assert.True(created.TryGetImageEditingProcessingResponse(out var processing));
        var id = processing.Id!.ToString();
        FetchSuccessResponse? success = null;
        for (var polls = 0; success is null && polls < MaxPolls; polls++)
        {
            var result = (await fetch.FetchQwenEditResultAsync(id, new FetchRequest())).Value;
            Assert.False(result.IsUnmatched);
            result.TryGetFetchSuccessResponse(out success);
        }

        Assert.NotNull(success);
        var bytes = await http.GetByteArrayAsync(Assert.Single(success.Output!));
        Assert.Equal(PngEncoder.Signature.ToArray(), bytes[..8]);

        var png = PngEncoder.Encode(1, 1, [0, 128, 255]);
        var uploaded = (await uploads.Base64ToUrlAsync(new Base64ToUrlRequest { InitImage = "data:image/png;base64," + Convert.ToBase64String(png) })).Value;
        Assert.True(uploaded.TryGetBase64ToUrlSuccessResponse(out var stored));
        Assert.Equal(png, await http.GetByteArrayAsync(Assert.Single(stored.Output!)));
        Assert.Empty(fake.Violations);
        Assert.All(fake.Requests, r => Assert.DoesNotContain(fake.ApiKey, r.BodyText, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Apikley_create_poll_download_and_upload()
    {
        await using var fake = new FakeApikley();
        await fake.StartAsync();
        using var http = new HttpClient();
        var create = new ApikleyClient(http, new ApikleyClientOptions { BaseAddress = fake.ApiAddress, BearerToken = fake.ApiKey });
        var record = create;

        // The fake serves the file API apart, as Apikley does: an instance whose BaseAddress is there.
        var files = new ApikleyClient(http, new ApikleyClientOptions { BaseAddress = fake.FilesAddress, BearerToken = fake.ApiKey });

        var created = (await create.QwenImageEditAsync(new ApikleyQwenImageEditRequest
        {
            Input = new QwenImageEditRequestInput { Prompt = "Make the sky green", ImageUrl = Image.AbsoluteUri, NumImages = QwenImageEditRequestInputNumImages.Two },
        })).Value;
        Assert.Equal(200L, created.Code);
        RecordInfoResponse info;
        var polls = 0;
        do
        {
            info = await record.GetTaskRecordInfoAsync(created.Data!.TaskId!);
        }
        while (info.Data!.State != TaskRecordState.Success && ++polls < MaxPolls);

        Assert.Equal(TaskRecordState.Success, info.Data.State);
        Assert.True(info.Data.ResultJson!.TryGetString(out var resultJson));
        var urls = System.Text.Json.JsonDocument.Parse(resultJson).RootElement.GetProperty("resultUrls");
        Assert.Equal(2, urls.GetArrayLength());
        Assert.Equal(PngEncoder.Signature.ToArray(), (await http.GetByteArrayAsync(urls[1].GetString()))[..8]);

        var png = PngEncoder.Encode(1, 1, [3, 2, 1]);
        var uploaded = (await files.UploadFileBase64Async(new ApikleyBase64UploadRequest { Base64Data = Convert.ToBase64String(png), UploadPath = "inputs", FileName = "in.png" })).Value;
        Assert.Equal(png, await http.GetByteArrayAsync(uploaded.Data!.DownloadUrl!));
        Assert.Empty(fake.Violations);
    }

    [Fact]
    public async Task A_generated_client_with_the_wrong_key_gets_the_vendor_error_and_the_fake_records_it()
    {
        await using var fake = new FakeEvoLink();
        await fake.StartAsync();
        using var http = new HttpClient();
        var tasks = new EvoLinkClient(http, new EvoLinkClientOptions { BaseAddress = fake.ApiAddress, BearerToken = "sk-not-the-key" });

        var error = await Assert.ThrowsAsync<OpenApiGen.Runtime.ApiException<QwenImageEdit.Vendors.EvoLink.ErrorResponse>>(() => tasks.GetTaskDetailAsync("task-unified-1-00000001"));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("unauthorized", error.Error.Error!.Code!.ToString());
        Assert.Equal("header Authorization", Assert.Single(fake.Violations).Location);
    }

    [Fact]
    public async Task Fal_submit_poll_result_download_and_cancel()
    {
        await using var fake = new FakeFal(new FakeVendorOptions { Lifecycle = FakeLifecycle.AfterPolls(1) });
        await fake.StartAsync();
        using var http = new HttpClient();
        var queue = new FalClient(http, new FalClientOptions { BaseAddress = fake.QueueAddress, ApiKey = "Key " + fake.ApiKey });
        var input = new QwenImageEditPlusInput { Prompt = "Make the sky green", ImageUrls = [Image.AbsoluteUri], NumImages = 2 };

        var submitted = (await queue.SubmitQwenImageEditPlusAsync(input)).Value;
        QueueStatus status;
        var polls = 0;
        do
        {
            status = await queue.GetQwenImageEditPlusStatusAsync(submitted.RequestId, logs: 1);
        }
        while (status.Status != QueueStatusStatus.Completed && ++polls < MaxPolls);
        var result = (await queue.GetQwenImageEditPlusResultAsync(submitted.RequestId)).Value;
        var doomed = (await queue.SubmitQwenImageEditPlusAsync(input)).Value;
        var cancelled = (await queue.CancelQwenImageEditPlusAsync(doomed.RequestId)).Value;
        var afterCancel = (await queue.GetQwenImageEditPlusStatusAsync(doomed.RequestId)).Value;

        Assert.Equal(QueueStatusStatus.InQueue, submitted.Status);
        Assert.NotEmpty(status.Logs!);
        Assert.Equal(2, result.Images.Count);
        Assert.Equal(ResultImage.Render(submitted.RequestId, 0, 64), await http.GetByteArrayAsync(result.Images[0].Url));
        Assert.True(cancelled.TryGetCancelStatus(out var cancelStatus));
        Assert.Equal(CancelStatusStatus.CancellationRequested, cancelStatus.Status);
        Assert.Equal(("client_cancelled", QueueStatusStatus.Completed), (afterCancel.ErrorType, afterCancel.Status));
        Assert.Empty(fake.Violations);
    }

    [Fact]
    public async Task Replicate_create_with_prefer_wait_then_get_and_cancel_through_the_http_api()
    {
        await using var fake = new FakeReplicate(new FakeVendorOptions { Lifecycle = FakeLifecycle.AfterPolls(1) });
        await fake.StartAsync();
        using var http = new HttpClient();
        var api = new ReplicateClient(http, new ReplicateClientOptions { BaseAddress = fake.ApiAddress, BearerToken = fake.ApiKey });
        var model = api;
        var request = new PredictionRequest { Input = new Input { Prompt = "Make the sky green", Image = [Image], OutputFormat = OutputFormat.Png } };

        var waited = (await model.CreateQwenImageEditPlusPredictionAsync(request, prefer: "wait=5")).Value;
        var read = (await api.PredictionsGetAsync(waited.Id)).Value;
        var started = (await model.CreateQwenImageEditPlusPredictionAsync(request)).Value;
        var canceled = (await api.PredictionsCancelAsync(started.Id)).Value;

        Assert.Equal(PredictionStatus.Succeeded, waited.Status);
        var output = Assert.Single(waited.Output!);
        Assert.Equal(ResultImage.Render(waited.Id, 0, 64), await http.GetByteArrayAsync(output));
        Assert.Equal(SchemasPredictionResponseStatus.Succeeded, read.Status);
        Assert.Null(read.Error);
        Assert.Equal(SchemasPredictionResponseStatus.Canceled, canceled.Status);
        Assert.Equal(PredictionStatus.Starting, started.Status);
        Assert.Empty(fake.Violations);
    }

    [Fact]
    public async Task DashScope_edits_synchronously_and_the_images_download()
    {
        await using var fake = new FakeDashScope();
        await fake.StartAsync();
        using var http = new HttpClient();
        var client = new DashScopeImageEditClient(http, new DashScopeImageEditClientOptions { BaseAddress = fake.ApiAddress, BearerToken = fake.ApiKey });

        var answer = (await client.CreateMultimodalGenerationAsync(new GenerationRequest
        {
            Model = GenerationRequestModel.QwenImageEditPlus,
            Input = new GenerationRequestInput { Messages = [new Message { Role = MessageRole.User, Content = [new ContentItem { Image = Image.AbsoluteUri }, new ContentItem { Text = "Make the sky green" }] }] },
            Parameters = new Parameters { N = 2, Size = "1024*1024", Seed = 42 },
        })).Value;

        var images = answer.Output.Choices[0].Message.Content;
        Assert.Equal(2, images.Count);
        Assert.Equal(2L, answer.Usage!.ImageCount);
        Assert.Equal(ResultImage.Render(answer.RequestId, 1, 64), await http.GetByteArrayAsync(images[1].Image));
        Assert.Empty(fake.Violations);
    }
}
