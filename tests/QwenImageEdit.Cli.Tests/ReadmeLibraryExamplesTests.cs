using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using QwenImageEdit.Cli.Tests.Infrastructure;
using QwenImageEdit.Testing;

namespace QwenImageEdit.Cli.Tests;

/// <summary>
/// README.md's "Using the library" code, run against the kit's fake EvoLink on 127.0.0.1: the same calls in the same
/// order, so the README cannot drift from the facade's API. Only the key, the addresses (and, since the fake serves its
/// results on loopback, the network results may come from) and the polling pace differ.
/// </summary>
public sealed class ReadmeLibraryExamplesTests
{
    [Fact]
    public async Task Registration_operation_api_and_IImageGenerator_work_as_README_shows()
    {
        await using var fake = new FakeEvoLink(new FakeVendorOptions { Lifecycle = FakeLifecycle.AfterPolls(1) });
        await fake.StartAsync();
        using var folder = new TempFolder();
        var services = new ServiceCollection();

        // README: services.AddQwenImageEdit().AddVendor(ImageEditVendor.EvoLink, o => o.ApiKey = configuration["EVOLINK_API_KEY"])
        services.AddQwenImageEdit()
            .AddVendor(
                ImageEditVendor.EvoLink,
                o =>
                {
                    o.ApiKey = fake.ApiKey;
                    (o.BaseAddress, o.FilesBaseAddress) = (fake.ApiAddress, fake.FilesAddress);
                    o.Results.AllowedNetworks = [System.Net.IPNetwork.Parse("127.0.0.0/8")];
                    o.Polling = new ImageEditPollingOptions { FirstDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero };
                });
        await using var provider = services.BuildServiceProvider();

        // README: the operation API.
        var client = provider.GetRequiredKeyedService<QwenImageEditClient>(ImageEditVendor.EvoLink);
        var operation = await client.StartEditAsync(new ImageEditRequest
        {
            Prompt = "make the sky purple",
            Images = [ImageInput.FromFile(QwenEdit.Sample)],
            Model = ImageEditModels.EvoLinkQwenImageEditPlus,
            Count = 2,
        });
        var id = operation.Id;
        var reports = new List<ImageEditProgress>();
        var images = await operation.WaitForCompletionAsync(new Reporter(reports.Add));
        for (var i = 0; i < images.Count; i++)
        {
            await images[i].SaveAsync(Path.Combine(folder.Path, $"result-{i}.png"));
        }

        var resumed = await client.GetOperationAsync(id);

        Assert.Equal(2, Directory.GetFiles(folder.Path, "result-*.png").Length);
        Assert.Equal(ImageEditStatus.Succeeded, reports[^1].Status);
        Assert.Equal(ImageEditStatus.Succeeded, resumed.Status);
        Assert.Empty(fake.Violations);

        // README: IImageGenerator.
#pragma warning disable MEAI001 // IImageGenerator is experimental in Microsoft.Extensions.AI 10.x, as README.md says.
        var generator = provider.GetRequiredService<IImageGenerator>();
        var response = await generator.GenerateAsync(
            new ImageGenerationRequest("make the sky purple", [new UriContent(new Uri("https://example.com/house.png"), "image/png")]),
            new ImageGenerationOptions { ResponseFormat = ImageGenerationResponseFormat.Data });
        var png = ((DataContent)response.Contents[0]).Data;
#pragma warning restore MEAI001

        Assert.Equal(0x89, png.Span[0]);
    }

    /// <summary>README's callback endpoint, compiled (a real vendor cannot reach a test), and its parse run on a real EvoLink body.</summary>
    [Fact]
    public async Task The_callback_endpoint_compiles_and_its_parser_reads_a_vendor_body()
    {
        _ = (Action<WebApplication>)MapCallbacks;
        var parser = new ImageEditCallbackParser();
        var body = """{"id":"task-unified-1","object":"image.generation.task","status":"completed","progress":100,"results":["https://files.example/r.png"]}"""u8.ToArray();

        var callback = await parser.ParseAsync(ImageEditVendor.EvoLink, new MemoryStream(body));

        Assert.Equal("task-unified-1", callback.OperationId);
        Assert.Equal(ImageEditStatus.Succeeded, callback.Status);
        Assert.False(callback.IsBodyVerified);
        Assert.True(parser.Parse(ImageEditVendor.EvoLink, body).IsDuplicate);
    }

    private static void MapCallbacks(WebApplication app)
    {
        app.MapPost("/hooks/apikley", async (HttpRequest http, ImageEditCallbackParser parser, [FromKeyedServices(ImageEditVendor.Apikley)] QwenImageEditClient client) =>
        {
            try
            {
                var callback = await parser.ParseAsync(ImageEditVendor.Apikley, http.Body, http.Headers.Select(h => KeyValuePair.Create(h.Key, h.Value.ToString())));
                if (!callback.IsDuplicate)
                {
                    var operation = await client.GetOperationAsync(callback); // confirmed with the vendor: Status, Images, Failure
                    _ = operation.Images;
                }

                return Results.Ok();
            }
            catch (ImageEditCallbackException)
            {
                return Results.BadRequest();
            }
        });
    }

    private sealed class Reporter(Action<ImageEditProgress> report) : IProgress<ImageEditProgress>
    {
        public void Report(ImageEditProgress value) => report(value);
    }
}
