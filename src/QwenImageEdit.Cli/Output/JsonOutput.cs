using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace QwenImageEdit.Cli;

/// <summary>
/// The <c>--json</c> documents, written with Utf8JsonWriter: no serializer, so nothing for the trimmer to keep, and
/// member names that stay what README.md documents whatever the facade's types become.
/// </summary>
internal static class JsonOutput
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(TextWriter output, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            write(json);
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    /// <summary>An operation: where it is, why it failed, and its images (with the saved files, when there are any).</summary>
    public static void WriteOperation(Utf8JsonWriter json, VendorChoice choice, ImageEditOperation operation, IReadOnlyList<string>? files)
    {
        json.WriteStartObject();
        json.WriteString("vendor", choice.Name);
        json.WriteString("model", operation.Model);
        json.WriteString("id", operation.Id);
        json.WriteString("status", Name(operation.Status));
        WriteNullable(json, "rawStatus", operation.RawStatus);
        if (operation.PercentComplete is { } percent)
        {
            json.WriteNumber("percent", percent);
        }
        else
        {
            json.WriteNull("percent");
        }

        if (operation.Failure is { } failure)
        {
            json.WriteStartObject("failure");
            json.WriteString("kind", failure.Kind.ToString());
            json.WriteString("message", failure.Message);
            WriteNullable(json, "vendorCode", failure.VendorCode);
            json.WriteEndObject();
        }

        json.WriteStartArray("images");
        for (var i = 0; i < operation.Images.Count; i++)
        {
            var image = operation.Images[i];
            json.WriteStartObject();
            json.WriteString("url", image.Uri.AbsoluteUri);
            json.WriteString("mediaType", image.MediaType);
            if (image.ExpiresAt is { } expires)
            {
                json.WriteString("expiresAt", expires);
            }

            if (files is not null && i < files.Count)
            {
                json.WriteString("file", files[i]);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static string Name(ImageEditStatus status) => status switch
    {
        ImageEditStatus.Queued => "queued",
        ImageEditStatus.Running => "running",
        ImageEditStatus.Succeeded => "succeeded",
        ImageEditStatus.Failed => "failed",
        ImageEditStatus.Cancelled => "cancelled",
        _ => "unknown",
    };

    public static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
