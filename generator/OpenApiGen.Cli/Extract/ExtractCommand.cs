using System.CommandLine;
using System.Text;

namespace OpenApiGen.Cli.Extract;

/// <summary>What <c>openapigen extract</c> was asked to do.</summary>
/// <param name="Page">The vendor's documentation page as saved (the Markdown form its site publishes).</param>
/// <param name="Output">The spec file to write; null writes to standard output.</param>
/// <param name="Fence">Which OpenAPI fence to take, 1-based, when the page has several; null when it must have exactly one.</param>
internal sealed record ExtractRequest(FileInfo Page, FileInfo? Output, int? Fence);

/// <summary>
/// <c>openapigen extract PAGE [--out SPEC] [--fence N]</c>: the OpenAPI document a saved page holds in a fenced code
/// block, written byte for byte as specs/ keeps verbatim specs (the fence's content, without the blank lines before
/// the closing fence, ending in one line break). Replaces the awk line specs/README.md used to give.
/// </summary>
internal static class ExtractCommand
{
    // Strict: a page that is not UTF-8 is refused rather than silently changed by replacement characters.
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Command Create()
    {
        var page = new Argument<FileInfo>("page") { Description = "The documentation page as saved (Markdown, as the vendor's site publishes it)." };
        var output = new Option<FileInfo?>("--out") { Description = "The spec file to write (default: standard output)." };
        var fence = new Option<int?>("--fence") { Description = "Which OpenAPI fence to take when the page has several (1-based, as listed)." };
        var command = new Command("extract", "Writes the OpenAPI document in a saved documentation page's fenced code block, byte for byte.") { page, output, fence };
        command.SetAction(parseResult => Run(
            new ExtractRequest(parseResult.GetValue(page)!, parseResult.GetValue(output), parseResult.GetValue(fence)),
            Console.OpenStandardOutput,
            Console.Error));
        return command;
    }

    /// <returns>0 when the spec was written; 1 when the page has no OpenAPI fence, or several and no <c>--fence</c>; 2 when the page cannot be read or <c>--fence</c> names no fence.</returns>
    public static int Run(ExtractRequest request, Func<Stream> standardOutput, TextWriter errors)
    {
        if (!request.Page.Exists)
        {
            errors.WriteLine($"error: the page '{request.Page.FullName}' does not exist");
            return 2;
        }

        var bytes = File.ReadAllBytes(request.Page.FullName);
        string text;
        try
        {
            text = s_strictUtf8.GetString(bytes.AsSpan().StartsWith("\uFEFF"u8) ? bytes.AsSpan(3) : bytes);
        }
        catch (DecoderFallbackException e)
        {
            errors.WriteLine($"error: {request.Page.Name} is not UTF-8 text (byte {e.Index}); save the page as UTF-8 Markdown");
            return 2;
        }

        var page = PageFences.Read(text);
        var candidates = page.OpenApiFences;
        if (candidates.Count == 0)
        {
            errors.WriteLine($"error: no fenced code block in {request.Page.Name} holds an OpenAPI document");
            foreach (var other in page.Fences)
            {
                errors.WriteLine($"  line {other.Line}: {other.Fence}{other.Info} (not OpenAPI)");
            }

            foreach (var line in page.UnfencedDocumentLines)
            {
                errors.WriteLine($"  line {line} starts an OpenAPI document outside any fence: the page lost its Markdown when it was saved; save it as Markdown, or rebuild the spec by hand (specs/README.md)");
            }

            return 1;
        }

        if (request.Fence is { } chosen && (chosen < 1 || chosen > candidates.Count))
        {
            errors.WriteLine($"error: --fence {chosen}, but {request.Page.Name} has {Count(candidates.Count)}");
            List(candidates, errors);
            return 2;
        }

        if (request.Fence is null && candidates.Count > 1)
        {
            errors.WriteLine($"error: {request.Page.Name} has {Count(candidates.Count)}; pick one with --fence N:");
            List(candidates, errors);
            return 1;
        }

        var fence = candidates[(request.Fence ?? 1) - 1];
        var spec = s_strictUtf8.GetBytes(fence.SpecText);
        if (request.Output is null)
        {
            using var stdout = standardOutput();
            stdout.Write(spec);
        }
        else
        {
            request.Output.Directory?.Create();
            File.WriteAllBytes(request.Output.FullName, spec);
        }

        errors.WriteLine($"{request.Page.Name} line {fence.Line}, {fence.Fence}{fence.Info}: {fence.Summary}; {spec.Length} bytes written to {request.Output?.FullName ?? "standard output"}");
        return 0;
    }

    private static string Count(int fences) => fences == 1 ? "1 OpenAPI fence" : $"{fences} OpenAPI fences";

    private static void List(IReadOnlyList<PageFence> fences, TextWriter errors)
    {
        for (var i = 0; i < fences.Count; i++)
        {
            errors.WriteLine($"  {i + 1}: line {fences[i].Line}, {fences[i].Fence}{fences[i].Info}: {fences[i].Summary}");
        }
    }
}
