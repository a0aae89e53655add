using System.Net;
using System.Net.Sockets;

namespace QwenImageEdit.Testing;

/// <summary>
/// EvoLink's documented limits on <c>callback_url</c>, which its schema (a plain <c>format: uri</c>) cannot state:
/// HTTPS only, no internal addresses, at most 2048 characters.
/// </summary>
internal static class EvoLinkCallbackUrlRule
{
    private const int MaxLength = 2048;

    public static string? Check(string url)
    {
        if (url.Length > MaxLength)
        {
            return $"must be at most {MaxLength} characters long";
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return "must be an absolute URL";
        }

        if (uri.Scheme != Uri.UriSchemeHttps)
        {
            return "must be an HTTPS URL: EvoLink calls back over HTTPS only";
        }

        return IsInternal(uri) ? "must not point to an internal address (127.0.0.1, 10.x, 172.16-31.x, 192.168.x, ...): EvoLink refuses them" : null;
    }

    private static bool IsInternal(Uri uri)
    {
        if (uri.IsLoopback || uri.Host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!IPAddress.TryParse(uri.DnsSafeHost, out var address))
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes6 = address.GetAddressBytes();
            return IPAddress.IsLoopback(address) || address.Equals(IPAddress.IPv6Any) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || (bytes6[0] & 0xFE) == 0xFC;
        }

        var b = address.GetAddressBytes();
        return b[0] switch
        {
            0 or 10 or 127 => true,
            100 => b[1] is >= 64 and <= 127,  // carrier-grade NAT
            169 => b[1] == 254,               // link-local
            172 => b[1] is >= 16 and <= 31,
            192 => b[1] == 168,
            _ => false,
        };
    }
}
