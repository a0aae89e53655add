using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;

namespace QwenImageEdit;

/// <summary>
/// The checks made before any HTTP call: the request against the vendor's <see cref="ImageEditCapabilities"/>, and
/// the facade's own rules. Every problem is reported, not just the first.
/// </summary>
internal static class RequestRules
{
    public const int MaxCallbackUrlLength = 2048;

    public static List<ImageEditValidationError> Check(ImageEditRequest request, ImageEditCapabilities c)
    {
        var errors = new List<ImageEditValidationError>();
        var owner = $"{c.Vendor} {c.Model}";
        void Add(string option, string message) => errors.Add(new ImageEditValidationError(option, message));

        if (string.IsNullOrWhiteSpace(request.Prompt))
        {
            Add(nameof(request.Prompt), "A prompt is required.");
        }
        else if (request.Prompt.Length > c.MaxPromptLength)
        {
            Add(nameof(request.Prompt), $"{owner} takes at most {c.MaxPromptLength} characters; this prompt has {request.Prompt.Length}.");
        }

        var images = request.Images ?? [];
        if (images.Count == 0)
        {
            Add(nameof(request.Images), "An edit needs at least one image.");
        }
        else if (images.Count > c.MaxInputImages)
        {
            Add(nameof(request.Images), $"{owner} takes at most {c.MaxInputImages} input image{(c.MaxInputImages == 1 ? "" : "s")}; this request has {images.Count}.");
        }

        for (var i = 0; i < images.Count; i++)
        {
            var image = images[i];
            if (image is null)
            {
                Add($"Images[{i}]", "The image is null.");
            }
            else if (image.Url is { } url && url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
            {
                Add($"Images[{i}]", $"The vendor fetches images over HTTP(S); '{url.Scheme}' URLs cannot be fetched.");
            }
            else if (image.IsLocal && !c.InputMediaTypes.Contains(image.MediaType, StringComparer.OrdinalIgnoreCase))
            {
                Add($"Images[{i}]", $"{owner} takes {string.Join(", ", c.InputMediaTypes)} images, not {image.MediaType}.");
            }
        }

        if (request.Count is { } count && (count < 1 || count > c.MaxCount))
        {
            Add(nameof(request.Count), c.MaxCount == 1 ? $"{owner} produces exactly 1 image a request." : $"{owner} produces 1 to {c.MaxCount} images a request, not {count}.");
        }

        if (request.Size is { } size)
        {
            if (c.Size is not { } rule)
            {
                Add(nameof(request.Size), $"{owner} cannot choose the output size.");
            }
            else
            {
                if (rule.MinSide is { } min && rule.MaxSide is { } max && (size.Width < min || size.Width > max || size.Height < min || size.Height > max))
                {
                    Add(nameof(request.Size), $"{owner} takes sizes from {min} to {max} pixels a side, not {size}.");
                }

                if (rule.OnlyWithSingleImage && request.Count is > 1)
                {
                    Add(nameof(request.Size), $"{owner} takes a size only when one image is asked for.");
                }
            }
        }

        if (request.NegativePrompt is { } negative)
        {
            if (c.MaxNegativePromptLength is not { } maxNegative)
            {
                Add(nameof(request.NegativePrompt), $"{owner} takes no negative prompt.");
            }
            else if (negative.Length > maxNegative)
            {
                Add(nameof(request.NegativePrompt), $"{owner} takes a negative prompt of at most {maxNegative} characters; this one has {negative.Length}.");
            }
        }

        if (request.Seed is { } seed)
        {
            if (c.MaxSeed is not { } maxSeed)
            {
                Add(nameof(request.Seed), $"{owner} takes no seed.");
            }
            else if (seed < 0 || seed > maxSeed)
            {
                Add(nameof(request.Seed), $"{owner} takes a seed from 0 to {maxSeed}, not {seed}.");
            }
        }

        if (request.OutputMediaType is { } mediaType && !c.OutputMediaTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
        {
            Add(nameof(request.OutputMediaType), c.OutputMediaTypes.Count == 0
                ? $"{owner} cannot choose the output format."
                : $"{owner} produces {string.Join(" or ", c.OutputMediaTypes)}, not {mediaType}.");
        }

        if (request.SafetyChecker is not null && !c.SafetyChecker)
        {
            Add(nameof(request.SafetyChecker), $"{owner} has no safety checker switch.");
        }

        if (request.CallbackUrl is { } callback)
        {
            if (!c.Callbacks)
            {
                Add(nameof(request.CallbackUrl), $"{owner} sends no callbacks.");
            }
            else if (CallbackUrlProblem(callback) is { } problem)
            {
                Add(nameof(request.CallbackUrl), problem);
            }
        }

        return errors;
    }

    /// <summary>
    /// EvoLink's documented rules, applied to every vendor: a callback carries task results, so it goes only to a
    /// public HTTPS endpoint. Host names are not resolved here; literal addresses and <c>localhost</c> are checked.
    /// </summary>
    public static string? CallbackUrlProblem(Uri url)
    {
        if (!url.IsAbsoluteUri || url.Scheme != Uri.UriSchemeHttps)
        {
            return "A callback URL must be an absolute https:// URL.";
        }

        if (url.OriginalString.Length > MaxCallbackUrlLength)
        {
            return $"A callback URL may have at most {MaxCallbackUrlLength} characters; this one has {url.OriginalString.Length}.";
        }

        if (url.IsLoopback || url.Host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return "A callback URL cannot point at this machine (loopback): the vendor cannot reach it.";
        }

        if (IPAddress.TryParse(url.IdnHost, out var address) && IsPrivate(address))
        {
            return $"A callback URL cannot point at a private or internal address ({address}).";
        }

        return null;
    }

    private static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal;
        }

        var b = address.GetAddressBytes();
        return b[0] == 10                                  // 10/8
            || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)   // 172.16/12
            || (b[0] == 192 && b[1] == 168)                // 192.168/16
            || (b[0] == 169 && b[1] == 254)                // link-local, cloud metadata
            || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)  // carrier-grade NAT
            || b[0] == 0;
    }
}
