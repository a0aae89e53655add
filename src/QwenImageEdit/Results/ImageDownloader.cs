using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace QwenImageEdit;

/// <summary>Fetches result images: HTTPS only, so a result cannot be read or swapped on the way.</summary>
internal static class ImageDownloader
{
    public static async Task<HttpResponseMessage> GetAsync(HttpClient httpClient, Uri uri, CancellationToken cancellationToken)
    {
        // Plain HTTP is allowed to this machine only: nothing crosses a network (the fake vendors serve there).
        if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
        {
            throw new ImageEditException(ImageEditErrorKind.InvalidRequest, null, $"Result images are downloaded over HTTPS only; '{uri.GetLeftPart(UriPartial.Authority)}' is not.");
        }

        HttpResponseMessage? response = null;
        try
        {
            response = await httpClient.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var status = (int)response.StatusCode;
                throw new ImageEditException(
                    status is 404 or 410 ? ImageEditErrorKind.InvalidRequest : ImageEditErrorKind.VendorError,
                    null,
                    status is 404 or 410
                        ? $"The result image is gone (HTTP {status}); vendors delete results after a while."
                        : $"The result image could not be downloaded: HTTP {status}.",
                    status);
            }

            return response;
        }
        catch (HttpRequestException error)
        {
            response?.Dispose();
            throw new ImageEditException(ImageEditErrorKind.VendorError, null, $"The result image could not be downloaded: {error.Message}", innerException: error);
        }
        catch
        {
            response?.Dispose();
            throw;
        }
    }
}
