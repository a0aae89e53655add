using QwenImageEdit.Vendors.Apikley.Files;
using QwenImageEdit.Vendors.Apikley.ImageEdit;
using QwenImageEdit.Vendors.Apikley.Tasks;
using QwenImageEdit.Vendors.EvoLink.Files;
using QwenImageEdit.Vendors.EvoLink.ImageEdit;
using QwenImageEdit.Vendors.EvoLink.ImageEditPlus;
using QwenImageEdit.Vendors.EvoLink.Tasks;
using QwenImageEdit.Vendors.ModelsLab.Fetch;
using QwenImageEdit.Vendors.ModelsLab.QwenEdit;
using QwenImageEdit.Vendors.ModelsLab.Uploads;
using ApikleyBase64UploadRequest = QwenImageEdit.Vendors.Apikley.Files.Base64UploadRequest;
using EvoLinkStreamUploadRequest = QwenImageEdit.Vendors.EvoLink.Files.StreamUploadRequest;
using ApikleyQwenImageEditRequest = QwenImageEdit.Vendors.Apikley.ImageEdit.QwenImageEditRequest;
using EvoLinkQwenImageEditRequest = QwenImageEdit.Vendors.EvoLink.ImageEdit.QwenImageEditRequest;

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
        var images = new EvoLinkImageEditClient(http, new EvoLinkImageEditClientOptions { BaseAddress = fake.ApiAddress, BearerToken = fake.ApiKey });
        var tasks = new EvoLinkTasksClient(http, new EvoLinkTasksClientOptions { BaseAddress = fake.ApiAddress, BearerToken = fake.ApiKey });
        var files = new EvoLinkFilesClient(http, new EvoLinkFilesClientOptions { BaseAddress = fake.FilesAddress, BearerToken = fake.ApiKey });

        var created = await images.CreateQwenImageEditGenerationAsync(new EvoLinkQwenImageEditRequest { Prompt = "Make the sky green", ImageUrls = [Image] });
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
        var uploaded = await files.UploadFileStreamAsync(new EvoLinkStreamUploadRequest { File = upload, UploadPath = "inputs", FileName = "in.png" });
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
        var images = new EvoLinkImageEditPlusClient(http, new EvoLinkImageEditPlusClientOptions { BaseAddress = fake.ApiAddress, BearerToken = fake.ApiKey });
        var tasks = new EvoLinkTasksClient(http, new EvoLinkTasksClientOptions { BaseAddress = fake.ApiAddress, BearerToken = fake.ApiKey });

        var created = await images.CreateQwenImageEditPlusGenerationAsync(new QwenImageEditPlusRequest { Prompt = "p", ImageUrls = [Image], N = 4, NegativePrompt = "blur" });
        var task = await tasks.GetTaskDetailAsync(created.Id!);

        Assert.Equal(4, task.Results!.Count);
        Assert.Empty(fake.Violations);
    }

    [Fact]
    public async Task ModelsLab_create_fetch_download_and_upload()
    {
        await using var fake = new FakeModelsLab();
        await fake.StartAsync();
        using var http = new HttpClient();
        var edit = new ModelsLabQwenEditClient(http, new ModelsLabQwenEditClientOptions { BaseAddress = fake.ApiAddress, ApiKey = fake.ApiKey });
        var fetch = new ModelsLabFetchClient(http, new ModelsLabFetchClientOptions { BaseAddress = fake.ApiAddress, ApiKey = fake.ApiKey });
        var uploads = new ModelsLabUploadsClient(http, new ModelsLabUploadsClientOptions { BaseAddress = fake.ApiAddress, ApiKey = fake.ApiKey });

        var created = await edit.CreateQwenEditAsync(new QwenRequest { Prompt = "Make the sky green", InitImage = new[] { Image.AbsoluteUri } });
        Assert.True(created.TryGetImageEditingProcessingResponse(out var processing));
        var id = processing.Id!.ToString();
        FetchSuccessResponse? success = null;
        for (var polls = 0; success is null && polls < MaxPolls; polls++)
        {
            var result = await fetch.FetchQwenEditResultAsync(id, new FetchRequest());
            Assert.False(result.IsUnmatched);
            result.TryGetFetchSuccessResponse(out success);
        }

        Assert.NotNull(success);
        var bytes = await http.GetByteArrayAsync(Assert.Single(success.Output!));
        Assert.Equal(PngEncoder.Signature.ToArray(), bytes[..8]);

        var png = PngEncoder.Encode(1, 1, [0, 128, 255]);
        var uploaded = await uploads.Base64ToUrlAsync(new Base64ToUrlRequest { InitImage = "data:image/png;base64," + Convert.ToBase64String(png) });
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
        var create = new ApikleyImageEditClient(http, new ApikleyImageEditClientOptions { BaseAddress = fake.ApiAddress, BearerToken = fake.ApiKey });
        var record = new ApikleyTasksClient(http, new ApikleyTasksClientOptions { BaseAddress = fake.ApiAddress, BearerToken = fake.ApiKey });
        var files = new ApikleyFilesClient(http, new ApikleyFilesClientOptions { BaseAddress = fake.FilesAddress, BearerToken = fake.ApiKey });

        var created = await create.QwenImageEditAsync(new ApikleyQwenImageEditRequest
        {
            Input = new QwenImageEditRequestInput { Prompt = "Make the sky green", ImageUrl = Image.AbsoluteUri, NumImages = QwenImageEditRequestInputNumImages.Two },
        });
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
        var uploaded = await files.UploadFileBase64Async(new ApikleyBase64UploadRequest { Base64Data = Convert.ToBase64String(png), UploadPath = "inputs", FileName = "in.png" });
        Assert.Equal(png, await http.GetByteArrayAsync(uploaded.Data!.DownloadUrl!));
        Assert.Empty(fake.Violations);
    }

    [Fact]
    public async Task A_generated_client_with_the_wrong_key_gets_the_vendor_error_and_the_fake_records_it()
    {
        await using var fake = new FakeEvoLink();
        await fake.StartAsync();
        using var http = new HttpClient();
        var tasks = new EvoLinkTasksClient(http, new EvoLinkTasksClientOptions { BaseAddress = fake.ApiAddress, BearerToken = "sk-not-the-key" });

        var error = await Assert.ThrowsAsync<OpenApiGen.Runtime.ApiException<QwenImageEdit.Vendors.EvoLink.Tasks.ErrorResponse>>(() => tasks.GetTaskDetailAsync("task-unified-1-00000001"));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("unauthorized", error.Error.Error!.Code!.ToString());
        Assert.Equal("header Authorization", Assert.Single(fake.Violations).Location);
    }
}
