using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QwenImageEdit.Testing;

namespace QwenImageEdit.Tests.Infrastructure;

/// <summary>One request through the proxy and the fake's answer to it, which a test may change or replace.</summary>
internal sealed class Exchange(FakeRoute? route, HostileRequest request, HttpContext context)
{
    /// <summary>What the fake took the request for (create, poll, upload, result).</summary>
    public FakeRoute? Route { get; } = route;

    public HostileRequest Request { get; } = request;

    /// <summary>The connection to the facade, for answers the proxy cannot express (endless, trickling, cut).</summary>
    public HttpContext Context { get; } = context;

    public int Status { get; set; }

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public byte[] Body { get; set; } = [];

    /// <summary>Set when the test answered through <see cref="Context"/> itself.</summary>
    public bool Answered { get; set; }

    public string Text
    {
        get => Encoding.UTF8.GetString(Body);
        set => Body = Encoding.UTF8.GetBytes(value);
    }

    /// <summary>Rewrites every string in the JSON body (member names kept).</summary>
    public void MapStrings(Func<string?, string, string> map)
    {
        var json = JsonNode.Parse(Body)!;
        Visit(json, null, map);
        Text = json.ToJsonString();
    }

    private static void Visit(JsonNode node, string? name, Func<string?, string, string> map)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToArray())
                {
                    if (value is JsonValue v && v.TryGetValue<string>(out var text))
                    {
                        obj[key] = map(key, text);
                    }
                    else if (value is not null)
                    {
                        Visit(value, key, map);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue v && v.TryGetValue<string>(out var text))
                    {
                        array[i] = map(name, text);
                    }
                    else if (array[i] is { } item)
                    {
                        Visit(item, name, map);
                    }
                }

                break;
        }
    }
}

/// <summary>
/// Whoever answers in the vendor's place: a proxy on 127.0.0.1 in front of one of the kit's fakes, so every vendor's
/// real answers pass through it, and a test changes them (echo the key, another task's id, no results, result URLs
/// elsewhere) or replaces them (endless, trickling, cut, redirected). Create and poll answers name the proxy instead
/// of the fake, so result downloads pass through it too.
/// </summary>
internal sealed class HostileProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _toFake = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false });

    private HostileProxy(WebApplication app, FakeVendor fake)
    {
        _app = app;
        Fake = fake;
    }

    public FakeVendor Fake { get; }

    public Uri Address { get; private set; } = null!;

    /// <summary>Changes a request before the fake sees it.</summary>
    public Func<HostileRequest, HostileRequest>? OnRequest { get; set; }

    /// <summary>Changes or replaces the fake's answer before the facade sees it.</summary>
    public Func<Exchange, Task>? OnAnswer { get; set; }

    public ConcurrentQueue<FakeRoute?> Routes { get; } = new();

    public int Count(FakeRoute route) => Routes.Count(r => r == route);

    /// <summary>A fake's address as reached through the proxy.</summary>
    public Uri Through(Uri fakeAddress) => new(Address, fakeAddress.PathAndQuery);

    public static async Task<HostileProxy> StartAsync(FakeVendor fake)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(static options =>
        {
            options.AddServerHeader = false;
            options.Listen(IPAddress.Loopback, 0, static listen => listen.Protocols = HttpProtocols.Http1);
        });
        var app = builder.Build();
        var proxy = new HostileProxy(app, fake);
        app.Run(proxy.ServeAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        proxy.Address = new Uri(address.TrimEnd('/') + "/");
        return proxy;
    }

    private async Task ServeAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var request = new HostileRequest(
            context.Request.Method,
            context.Request.Path.Value + context.Request.QueryString.Value,
            context.Request.Headers.ToDictionary(static h => h.Key, static h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body.ToArray());
        var sent = OnRequest?.Invoke(request) ?? request;

        var before = Fake.Requests.Count;
        using var forward = new HttpRequestMessage(new HttpMethod(sent.Method), new Uri(Fake.BaseAddress, sent.Path.TrimStart('/')));
        if (sent.Body.Length > 0 || sent.Method is "POST" or "PUT")
        {
            forward.Content = new ByteArrayContent(sent.Body);
        }

        foreach (var (name, value) in sent.Headers)
        {
            if (name.Equals("Host", StringComparison.OrdinalIgnoreCase) || name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!forward.Headers.TryAddWithoutValidation(name, value))
            {
                forward.Content?.Headers.TryAddWithoutValidation(name, value);
            }
        }

        using var answer = await _toFake.SendAsync(forward, context.RequestAborted);
        var route = Fake.Requests.Skip(before).FirstOrDefault()?.Route;
        Routes.Enqueue(route);
        var exchange = new Exchange(route, request, context) { Status = (int)answer.StatusCode, Body = await answer.Content.ReadAsByteArrayAsync(context.RequestAborted) };
        foreach (var (name, values) in answer.Headers.Concat(answer.Content.Headers))
        {
            if (!name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) && !name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                exchange.Headers[name] = string.Join(", ", values);
            }
        }

        if (route is FakeRoute.Create or FakeRoute.Poll)
        {
            exchange.Text = exchange.Text.Replace(Fake.BaseAddress.Authority, Address.Authority, StringComparison.Ordinal);
        }

        try
        {
            if (OnAnswer is not null)
            {
                await OnAnswer(exchange);
            }

            if (exchange.Answered)
            {
                return;
            }

            context.Response.StatusCode = exchange.Status;
            foreach (var (name, value) in exchange.Headers)
            {
                context.Response.Headers[name] = value;
            }

            context.Response.ContentLength = exchange.Body.Length;
            await context.Response.Body.WriteAsync(exchange.Body, context.RequestAborted);
        }
        catch (Exception) when (context.RequestAborted.IsCancellationRequested)
        {
            // The facade hung up (a limit or a deadline held).
        }
    }

    public async ValueTask DisposeAsync()
    {
        _toFake.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
