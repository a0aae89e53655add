namespace QwenImageEdit.Testing.Tests.Infrastructure;

/// <summary>The two ways to reach a fake; theories run over both, since they must behave alike.</summary>
public enum Transport
{
    InMemory,
    Kestrel,
}

internal static class TransportExtensions
{
    public static TheoryData<Transport> Both => new() { Transport.InMemory, Transport.Kestrel };

    /// <summary>Starts Kestrel when asked, then gives the fake's own client for that transport.</summary>
    public static async Task<HttpClient> ConnectAsync(this FakeVendor fake, Transport transport)
    {
        if (transport == Transport.Kestrel)
        {
            await fake.StartAsync();
        }

        return fake.CreateHttpClient();
    }
}
