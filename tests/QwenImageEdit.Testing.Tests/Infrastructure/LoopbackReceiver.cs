using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace QwenImageEdit.Testing.Tests.Infrastructure;

/// <summary>A real HTTP callback receiver on 127.0.0.1, for callbacks sent over the default SocketsHttpHandler.</summary>
internal sealed class LoopbackReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TaskCompletionSource<Received> _first = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LoopbackReceiver(WebApplication app)
    {
        _app = app;
    }

    public Uri Address { get; private set; } = null!;

    public Task<Received> FirstAsync => _first.Task.WaitAsync(TimeSpan.FromSeconds(30));

    public static async Task<LoopbackReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new LoopbackReceiver(app);
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.ToDictionary(static h => h.Key, static h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            receiver._first.TrySetResult(new Received(new Uri(receiver.Address, context.Request.Path.Value), headers, body, context.Request.ContentType));
            context.Response.StatusCode = 200;
        });
        await app.StartAsync();
        receiver.Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/");
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
