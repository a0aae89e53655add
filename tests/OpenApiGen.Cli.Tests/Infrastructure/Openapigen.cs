using System.Diagnostics;

namespace OpenApiGen.Cli.Tests.Infrastructure;

/// <summary>What the built command did: its exit code and both streams.</summary>
internal sealed record CommandResult(int ExitCode, byte[] Stdout, string Stderr);

/// <summary>The built <c>openapigen</c> (the OpenApiGen.Cli.dll beside these tests), run as a process, as a maintainer or CI runs it.</summary>
internal static class Openapigen
{
    public static CommandResult Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "OpenApiGen.Cli.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var stdout = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("openapigen " + string.Join(' ', arguments) + " did not end within 2 minutes");
        }

        copy.GetAwaiter().GetResult();
        return new CommandResult(process.ExitCode, stdout.ToArray(), stderr.GetAwaiter().GetResult());
    }
}
