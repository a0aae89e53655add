using System.Net;
using System.Net.Sockets;
using System.Text;

namespace QwenImageEdit.Tests.Infrastructure;

/// <summary>
/// A server below HTTP, on 127.0.0.1: it reads a request's head and body and answers with the bytes the test writes,
/// then closes the connection cleanly (FIN). For what Kestrel will not send: a body that ends before its
/// Content-Length, whatever the timing.
/// </summary>
internal sealed class RawHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    private RawHttpServer(Func<string, Stream, Task> answer)
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync(answer);
    }

    public Uri Address { get; }

    public int Connections { get; private set; }

    /// <summary>Starts a server that answers each request (given its head as text) by writing to the connection.</summary>
    public static RawHttpServer Start(Func<string, Stream, Task> answer) => new(answer);

    /// <summary>A 200 whose headers promise <paramref name="json"/> but whose body stops halfway.</summary>
    public static RawHttpServer EndingMidBody(string json, int status = 200) => Start(async (_, connection) =>
    {
        var body = Encoding.UTF8.GetBytes(json);
        var head = $"HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
        await connection.WriteAsync(Encoding.ASCII.GetBytes(head));
        await connection.WriteAsync(body.AsMemory(0, body.Length / 2));
    });

    private async Task AcceptAsync(Func<string, Stream, Task> answer)
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            Connections++;
            _ = ServeAsync(socket, answer);
        }
    }

    private static async Task ServeAsync(Socket socket, Func<string, Stream, Task> answer)
    {
        using var _ = socket;
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        var head = await ReadRequestAsync(stream);
        await answer(head, stream);
        await stream.FlushAsync();
        socket.Shutdown(SocketShutdown.Send);
        await Task.Delay(100);
    }

    private static async Task<string> ReadRequestAsync(Stream stream)
    {
        var received = new List<byte>();
        var buffer = new byte[4096];
        int end;
        while ((end = IndexOf(received, "\r\n\r\n"u8)) < 0)
        {
            var read = await stream.ReadAsync(buffer);
            if (read == 0)
            {
                return Encoding.ASCII.GetString(received.ToArray());
            }

            received.AddRange(buffer.AsSpan(0, read));
        }

        var head = Encoding.ASCII.GetString(received.ToArray(), 0, end);
        var length = head.Split("\r\n").Select(static l => l.Split(':', 2)).Where(static p => p.Length == 2 && p[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase)).Select(static p => long.Parse(p[1].Trim())).FirstOrDefault();
        var body = received.Count - (end + 4);
        while (body < length)
        {
            var read = await stream.ReadAsync(buffer);
            if (read == 0)
            {
                break;
            }

            body += read;
        }

        return head;
    }

    private static int IndexOf(List<byte> bytes, ReadOnlySpan<byte> value)
    {
        for (var i = 0; i + value.Length <= bytes.Count; i++)
        {
            var match = true;
            for (var j = 0; j < value.Length && match; j++)
            {
                match = bytes[i + j] == value[j];
            }

            if (match)
            {
                return i;
            }
        }

        return -1;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }
}
