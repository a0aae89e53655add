using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace QwenImageEdit;

/// <summary>
/// Where result images may be fetched from. A result URL comes from the vendor's answer (or a callback), so it is not
/// trusted: by default it must be HTTPS after every redirect, and the address actually connected (after DNS, so a name
/// that resolves to an inside address does not pass) must be public: not private, loopback, link-local, metadata
/// (169.254.169.254) or otherwise reserved.
/// </summary>
public sealed class ResultDownloadOptions
{
    /// <summary>
    /// Networks results may be fetched from although they are not public, for tests (a fake vendor on 127.0.0.1) and
    /// proxies (with a proxy, the address connected is the proxy's). Plain HTTP is allowed to these addresses only.
    /// </summary>
    public IList<IPNetwork> AllowedNetworks { get; set; } = [];

    /// <summary>The largest result image, in bytes (default 64 MiB): a bigger one is an <see cref="ImageEditLimitExceededException"/>, not read further.</summary>
    public long MaxImageBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>How many redirects a download follows (default 5); each goes through the same checks.</summary>
    public int MaxRedirects { get; set; } = 5;

    /// <summary>How long one download may take, its body included (default 5 minutes).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A transport to fetch results through instead of the facade's own, which checks every address it connects to:
    /// for an in-memory test server (the kit's <c>CreateHandler()</c>). The URL checks (HTTPS, redirects, size, time)
    /// still hold; which addresses are reached is then this handler's business. Null (the default) for the facade's own.
    /// </summary>
    public HttpMessageHandler? Handler { get; set; }

    /// <summary>Resolves a host name; tests replace it, so no test depends on real DNS.</summary>
    internal Func<string, CancellationToken, Task<IPAddress[]>>? Resolve { get; set; }

    /// <summary>Opens a connection to an address the rules allowed; tests replace it, so no test dials out.</summary>
    internal Func<IPEndPoint, CancellationToken, ValueTask<System.IO.Stream>>? Dial { get; set; }
}
