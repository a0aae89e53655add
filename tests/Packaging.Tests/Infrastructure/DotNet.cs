using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Packaging.Tests.Infrastructure;

/// <summary>What one dotnet (or git) process did: its exit code and everything it printed.</summary>
internal sealed record ProcessResult(int ExitCode, string Output)
{
    /// <summary>The MSBuild-formatted diagnostics in the output, each once (MSBuild repeats them in its summary).</summary>
    public IReadOnlyList<BuildDiagnostic> Diagnostics => BuildDiagnostic.Parse(Output);

    public override string ToString() => $"exit code {ExitCode}:\n{Output}";
}

/// <summary>A line such as <c>/p/specs/a.yaml(11,20): warning OAG010: message [/p/p.csproj]</c>.</summary>
internal sealed partial record BuildDiagnostic(string File, int Line, int Column, string Severity, string Code, string Message)
{
    public static IReadOnlyList<BuildDiagnostic> Parse(string output) => output
        .Split('\n')
        .Select(static line => Pattern().Match(line.TrimEnd('\r')))
        .Where(static match => match.Success)
        .Select(static m => new BuildDiagnostic(
            m.Groups["file"].Value.Trim(),
            m.Groups["line"].Success ? int.Parse(m.Groups["line"].Value) : 0,
            m.Groups["column"].Success ? int.Parse(m.Groups["column"].Value) : 0,
            m.Groups["severity"].Value,
            m.Groups["code"].Value,
            m.Groups["message"].Value.Trim()))
        .Distinct()
        .ToList();

    [GeneratedRegex(@"^\s*(?<file>[^\s(][^(]*?)(\((?<line>\d+),(?<column>\d+)\))?\s*:\s*(?<severity>warning|error)\s+(?<code>[A-Z]+[0-9]+)\s*:\s*(?<message>.*?)(\s+\[[^\]]+\])?$")]
    private static partial Regex Pattern();
}

/// <summary>Runs the SDK the tests run on, isolated from the test host's own MSBuild environment.</summary>
internal static class DotNet
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(10);

    public static ProcessResult Run(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        return Start(dotnet, workingDirectory, environment, arguments);
    }

    public static string Git(string workingDirectory, params string[] arguments)
    {
        var result = Start("git", workingDirectory, null, arguments);
        return result.ExitCode == 0 ? result.Output : throw new InvalidOperationException($"git {string.Join(' ', arguments)}: {result}");
    }

    private static ProcessResult Start(string fileName, string workingDirectory, IReadOnlyDictionary<string, string>? environment, string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // dotnet test sets MSBuild variables for its own build; a child build must find its SDK as a user's would.
        foreach (var name in start.Environment.Keys.Where(static k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        // No MSBuild node or build server outlives the test.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(s_timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not end within {s_timeout}:\n{output}");
        }

        process.WaitForExit();
        lock (output)
        {
            return new ProcessResult(process.ExitCode, output.ToString());
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Append(line).Append('\n');
        }
    }
}
