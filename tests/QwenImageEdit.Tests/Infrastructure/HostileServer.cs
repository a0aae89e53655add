using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace QwenImageEdit.Tests.Infrastructure;

/// <summary>A request as the hostile server received it: what it can echo back.</summary>
internal sealed record HostileRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>The credential the client sent: the bearer token, or ModelsLab's <c>key</c> member.</summary>
    public string? Credential => Headers.TryGetValue("Authorization", out var value) && value.StartsWith("Bearer ", StringComparison.Ordinal)
        ? value["Bearer ".Length..]
        : System.Text.Json.JsonDocument.Parse(Body.Length == 0 ? "{}"u8.ToArray() : Body).RootElement is { ValueKind: System.Text.Json.JsonValueKind.Object } json && json.TryGetProperty("key", out var key) ? key.GetString() : null;
}

/// <summary>
/// A vendor played badly: Kestrel on 127.0.0.1 and a free port, answering every request with the handler the test
/// gives (echo the key, never end the body, trickle it, close mid-body, redirect anywhere). Every request is recorded.
/// </summary>
internal sealed class HostileServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HostileServer(WebApplication app) => _app = app;

    public Uri Address { get; private set; } = null!;

    public ConcurrentQueue<HostileRequest> Requests { get; } = new();

    public int Count(string pathFragment) => Requests.Count(r => r.Path.Contains(pathFragment, StringComparison.Ordinal));

    public static async Task<HostileServer> StartAsync(Func<HttpContext, HostileRequest, Task> handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(static options =>
        {
            options.AddServerHeader = false;
            options.Limits.MaxResponseBufferSize = 64 * 1024;
            options.Listen(IPAddress.Loopback, 0, static listen => listen.Protocols = HttpProtocols.Http1);
        });
        var app = builder.Build();
        var server = new HostileServer(app);
        app.Run(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            var request = new HostileRequest(
                context.Request.Method,
                context.Request.Path.Value + context.Request.QueryString.Value,
                context.Request.Headers.ToDictionary(static h => h.Key, static h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                body.ToArray());
            server.Requests.Enqueue(request);
            try
            {
                await handler(context, request);
            }
            catch (Exception) when (context.RequestAborted.IsCancellationRequested)
            {
                // The client gave up (its limit or deadline held): nobody to answer.
            }
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.Address = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    public static Task Json(HttpContext context, string json, int status = 200)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(json, context.RequestAborted);
    }

    /// <summary>A JSON body that never ends: an array of the same object, written until the client hangs up.</summary>
    public static async Task EndlessJson(HttpContext context, string element = """{"id":"task-1","status":"processing"}""")
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        var chunk = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(element + ",", 4096)));
        await context.Response.Body.WriteAsync("["u8.ToArray(), context.RequestAborted);
        while (!context.RequestAborted.IsCancellationRequested)
        {
            await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
        }
    }

    /// <summary>A body that arrives too slowly to matter: one byte of <paramref name="json"/> every <paramref name="every"/>.</summary>
    public static async Task Trickle(HttpContext context, string json, TimeSpan every, int status = 200)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        var bytes = Encoding.UTF8.GetBytes(json);
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.FlushAsync(context.RequestAborted);
        foreach (var b in bytes)
        {
            await context.Response.Body.WriteAsync(new[] { b }, context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(every, context.RequestAborted);
        }
    }

    /// <summary>Answers with a redirect to <paramref name="location"/>.</summary>
    public static Task Redirect(HttpContext context, string location, int status = 307)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.Location = location;
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
