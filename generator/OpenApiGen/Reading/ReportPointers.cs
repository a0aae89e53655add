using System;
using Microsoft.OpenApi;

namespace OpenApiGen.Reading;

/// <summary>
/// Where in the document a report of Microsoft.OpenApi's reader is. Most carry it as their pointer, but some name it
/// only in their message ("type is not a valid property at #/paths/~1pets/get/parameters", pointer empty), and those
/// were placed at the top of the document (1,1). The pointer found is then mapped to its line through the source map,
/// the longest prefix that exists when the pointer itself does not (<see cref="SourceMap.Nearest(System.Text.Json.Nodes.JsonNode?, string)"/>).
/// </summary>
internal static class ReportPointers
{
    private const string Marker = " at #/";

    public static string Of(OpenApiError error) => Of(error.Pointer, error.Message);

    public static string Of(string? pointer, string? message)
    {
        if (!IsTop(pointer))
        {
            return pointer!;
        }

        message ??= string.Empty;
        var at = message.LastIndexOf(Marker, StringComparison.Ordinal);
        return at >= 0 ? message.Substring(at + 4).TrimEnd() : pointer ?? string.Empty;
    }

    private static bool IsTop(string? pointer) => pointer is null or "" or "#" or "#/" or "/";
}
