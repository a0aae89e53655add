using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace QwenImageEdit.Tests.Infrastructure;

/// <summary>
/// A transport that may only reach this machine: its ConnectCallback records every destination and refuses any that
/// is not a loopback address, so a test about a remote or private address can never dial out.
/// </summary>
internal sealed class LoopbackOnly
{
    public ConcurrentQueue<string> Destinations { get; } = new();

    public ConcurrentQueue<string> Refused { get; } = new();

    public SocketsHttpHandler Handler(bool followRedirects = false) => new()
    {
        AllowAutoRedirect = followRedirects,
        UseProxy = false,
        ConnectCallback = ConnectAsync,
    };

    public HttpClient Client(bool followRedirects = false) => new(Handler(followRedirects));

    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var endpoint = context.DnsEndPoint;
        Destinations.Enqueue($"{endpoint.Host}:{endpoint.Port}");
        if (!IPAddress.TryParse(endpoint.Host, out var address) || !IPAddress.IsLoopback(address))
        {
            Refused.Enqueue($"{endpoint.Host}:{endpoint.Port}");
            throw new SocketException((int)SocketError.ConnectionRefused);
        }

        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(address, endpoint.Port), cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
