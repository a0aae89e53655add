using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace QwenImageEdit.Testing;

/// <summary>A multipart/form-data body: its text fields and its file parts.</summary>
internal sealed class MultipartForm
{
    public Dictionary<string, string> Fields { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, FormFile> Files { get; } = new(StringComparer.Ordinal);

    /// <summary>Null when the body is not multipart/form-data with a boundary.</summary>
    public static async Task<MultipartForm?> ParseAsync(string? contentType, byte[] body, CancellationToken cancellationToken)
    {
        if (contentType is null || !MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
        {
            return null;
        }

        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
        {
            return null;
        }

        var form = new MultipartForm();
        var reader = new MultipartReader(boundary, new MemoryStream(body));
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false) is { } section)
            {
                if (section.ContentDisposition is null || !ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                {
                    continue;
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? string.Empty;
                using var content = new MemoryStream();
                await section.Body.CopyToAsync(content, cancellationToken).ConfigureAwait(false);
                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                if (fileName is not null)
                {
                    form.Files[name] = new FormFile(fileName, section.ContentType, content.ToArray());
                }
                else
                {
                    form.Fields[name] = Encoding.UTF8.GetString(content.ToArray());
                }
            }
        }
        catch (IOException)
        {
            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }

        return form;
    }

    /// <summary>The form as the JSON object its schema describes: file parts are binary strings, fields strings.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject();
        foreach (var (name, value) in Fields)
        {
            json[name] = value;
        }

        foreach (var (name, file) in Files)
        {
            json[name] = $"<{file.Content.Length} bytes>";
        }

        return json;
    }
}
