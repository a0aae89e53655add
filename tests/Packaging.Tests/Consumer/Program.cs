// A user's program over the packages: the client OpenApiGen generated from petstore3.yaml calls a server on
// 127.0.0.1, and the facade, registered with DI, edits an image at the contract kit's fake EvoLink. Exit code 0 and
// one line per check on stdout; anything else fails .ci/run.
using Consumer.Petstore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QwenImageEdit;
using QwenImageEdit.Testing;

var builder = WebApplication.CreateSlimBuilder();
builder.WebHost.UseUrls("http://127.0.0.1:0");
builder.Logging.ClearProviders();
await using var petstore = builder.Build();
petstore.MapGet("/api/v3/pet/{petId:long}", (long petId) => Results.Text(
    $$"""{"id":{{petId}},"name":"Rex","photoUrls":["https://example.com/rex.png"],"status":"available"}""",
    "application/json"));
await petstore.StartAsync();

await using var evoLink = new FakeEvoLink(new FakeVendorOptions { Lifecycle = FakeLifecycle.AfterPolls(1) });
await evoLink.StartAsync();

var services = new ServiceCollection();
services.AddPetstoreClient(o => o.BaseAddress = new Uri(petstore.Urls.First() + "/api/v3/"));
services.AddQwenImageEdit().AddVendor(ImageEditVendor.EvoLink, o =>
{
    o.ApiKey = evoLink.ApiKey;
    o.BaseAddress = evoLink.ApiAddress;
    o.FilesBaseAddress = evoLink.FilesAddress;
    o.Polling = new ImageEditPollingOptions { FirstDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero };
    // The fake serves its results over plain HTTP on 127.0.0.1, which the facade refuses unless allowed (README.md).
    o.Results.AllowedNetworks = [System.Net.IPNetwork.Parse("127.0.0.0/8")];
});
await using var provider = services.BuildServiceProvider();

Pet pet = await provider.GetRequiredService<IPetstoreClient>().GetPetByIdAsync(7); // the response converts to its value
Check(pet is { Id: 7, Name: "Rex" } && pet.Status == PetStatus.Available, $"generated Petstore client: GET pet/7 over loopback gave {pet.Name} ({pet.Status})");

var client = provider.GetRequiredService<QwenImageEditClient>();
var operation = await client.StartEditAsync(new ImageEditRequest
{
    Prompt = "make the sky purple",
    Images = [ImageInput.FromUrl("https://example.com/house.png")],
});
var images = await operation.WaitForCompletionAsync();
var saved = await images[0].SaveAsync(Path.Combine(Path.GetTempPath(), $"{operation.Id}.png"));
var signature = new byte[8];
await using (var file = File.OpenRead(saved))
{
    await file.ReadExactlyAsync(signature);
}

File.Delete(saved);
Check(
    Convert.ToHexString(signature) == "89504E470D0A1A0A" && evoLink.Violations.Count == 0,
    $"facade with DI at the fake EvoLink: task {operation.Id} {operation.Status}, a PNG saved, {evoLink.Violations.Count} contract violations");
return 0;

static void Check(bool passed, string what)
{
    if (!passed)
    {
        Console.Error.WriteLine("consumer: FAILED: " + what);
        Environment.Exit(1);
    }

    Console.WriteLine("consumer: " + what);
}
