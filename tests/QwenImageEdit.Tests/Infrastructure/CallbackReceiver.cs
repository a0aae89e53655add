using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace QwenImageEdit.Tests.Infrastructure;

/// <summary>
/// What a user's app does with callbacks, on Kestrel (127.0.0.1): POST /hook/{vendor} is read by the facade's parser,
/// answered 200 when accepted and 401 when not, and remembered for the test.
/// </summary>
internal sealed class CallbackReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private CallbackReceiver(WebApplication app, ImageEditCallbackParser parser)
    {
        _app = app;
        app.MapPost("/hook/{vendor}", async (string vendor, HttpRequest request) =>
        {
            var headers = request.Headers.Select(h => new KeyValuePair<string, string>(h.Key, h.Value.ToString()));
            try
            {
                var callback = await parser.ParseAsync(Enum.Parse<ImageEditVendor>(vendor, ignoreCase: true), request.Body, headers, request.HttpContext.RequestAborted);
                Accepted.Enqueue(callback);
                return Results.Ok();
            }
            catch (ImageEditCallbackException error)
            {
                Rejected.Enqueue(error);
                return Results.Unauthorized();
            }
        });
    }

    public ConcurrentQueue<ImageEditCallback> Accepted { get; } = new();

    public ConcurrentQueue<ImageEditCallbackException> Rejected { get; } = new();

    public Uri Address(ImageEditVendor vendor) => new(new Uri(_app.Urls.First()), $"hook/{vendor.ToString().ToLowerInvariant()}");

    public static async Task<CallbackReceiver> StartAsync(ImageEditCallbackParser parser)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var receiver = new CallbackReceiver(builder.Build(), parser);
        await receiver._app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
