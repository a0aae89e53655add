using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;

namespace QwenImageEdit;

/// <summary>
/// Which addresses a result may be fetched from: public ones, and those a caller allowed. Everything a request from
/// inside a network could reach but the internet could not is refused: private, loopback, link-local (cloud metadata
/// at 169.254.169.254 among them), shared (100.64/10, Alibaba's metadata at 100.100.100.200), unique-local IPv6 (AWS's
/// fd00:ec2::254), multicast, documentation and reserved ranges, and IPv6 forms that carry one of those IPv4 addresses.
/// </summary>
internal static class AddressRules
{
    private static readonly IPNetwork[] NotPublic =
    [
        IPNetwork.Parse("0.0.0.0/8"),
        IPNetwork.Parse("10.0.0.0/8"),
        IPNetwork.Parse("100.64.0.0/10"),
        IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"),
        IPNetwork.Parse("172.16.0.0/12"),
        IPNetwork.Parse("192.0.0.0/24"),
        IPNetwork.Parse("192.0.2.0/24"),
        IPNetwork.Parse("192.88.99.0/24"),
        IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("198.18.0.0/15"),
        IPNetwork.Parse("198.51.100.0/24"),
        IPNetwork.Parse("203.0.113.0/24"),
        IPNetwork.Parse("224.0.0.0/4"),
        IPNetwork.Parse("240.0.0.0/4"),
        IPNetwork.Parse("::/128"),
        IPNetwork.Parse("::1/128"),
        IPNetwork.Parse("100::/64"),
        IPNetwork.Parse("2001:db8::/32"),
        IPNetwork.Parse("fc00::/7"),
        IPNetwork.Parse("fe80::/10"),
        IPNetwork.Parse("fec0::/10"),
        IPNetwork.Parse("ff00::/8"),
    ];

    /// <summary>Whether <paramref name="address"/> is reachable from the internet, as far as its range says.</summary>
    public static bool IsPublic(IPAddress address)
    {
        foreach (var form in Forms(address))
        {
            if (NotPublic.Any(network => network.Contains(form)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="address"/> (or the IPv4 address it carries) is in one of <paramref name="allowed"/>.</summary>
    public static bool IsAllowed(IPAddress address, IEnumerable<IPNetwork> allowed)
        => Forms(address).Any(form => allowed.Any(network => network.Contains(form)));

    /// <summary>The address, and the IPv4 address an IPv6 form carries (mapped ::ffff:a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16).</summary>
    private static IEnumerable<IPAddress> Forms(IPAddress address)
    {
        yield return address;
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            yield break;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            yield return address.MapToIPv4();
            yield break;
        }

        var bytes = address.GetAddressBytes();
        if (bytes[0] == 0x00 && bytes[1] == 0x64 && bytes[2] == 0xff && bytes[3] == 0x9b && bytes[4..12].All(static b => b == 0))
        {
            yield return new IPAddress(bytes[12..16]);
        }
        else if (bytes[0] == 0x20 && bytes[1] == 0x02)
        {
            yield return new IPAddress(bytes[2..6]);
        }
        else if (bytes[..12].All(static b => b == 0) && !(bytes[12] == 0 && bytes[13] == 0 && bytes[14] == 0 && bytes[15] <= 1))
        {
            // IPv4-compatible (::a.b.c.d), deprecated but still parsed.
            yield return new IPAddress(bytes[12..16]);
        }
    }
}
