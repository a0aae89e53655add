using QwenImageEdit.Testing;

namespace QwenImageEdit.Cli.Tests.Infrastructure;

/// <summary>Runs qwen-edit in-process, as Program.cs does, with its own writers, environment and a quick local vendor.</summary>
internal static class QwenEdit
{
    /// <summary>
    /// Queued when created, running for three polls, done at the fourth: every state is seen however fast or slow the
    /// machine is, and the polls are 10 ms apart.
    /// </summary>
    public static readonly LocalVendorPace QuickPace = new(FakeLifecycle.AfterPolls(3), TimeSpan.FromMilliseconds(10));

    /// <summary>A task that stays queued for an hour, for cancelling.</summary>
    public static readonly LocalVendorPace EndlessPace = new(FakeLifecycle.Timed(TimeSpan.FromHours(1), TimeSpan.Zero), TimeSpan.FromMilliseconds(10));

    public static string Sample => Path.Combine(AppContext.BaseDirectory, "samples", "sample.png");

    public static async Task<CliResult> RunAsync(string[] args, IReadOnlyDictionary<string, string>? environment = null, CancellationToken cancellationToken = default, FakeVendor? vendor = null, LocalVendorPace? pace = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var host = CliHost.ForWriters(output, error, name => environment?.GetValueOrDefault(name), pace ?? QuickPace);
        if (vendor is not null)
        {
            host = new CliHost
            {
                Out = host.Out,
                Error = host.Error,
                OutConsole = host.OutConsole,
                ErrorConsole = host.ErrorConsole,
                GetEnvironmentVariable = host.GetEnvironmentVariable,
                LocalPace = host.LocalPace,
                VendorAddresses = new Dictionary<ImageEditVendor, (Uri, Uri)> { [Facade(vendor)] = Addresses(vendor) },
            };
        }

        var exitCode = await CliApp.RunAsync(args, host, cancellationToken);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    private static ImageEditVendor Facade(FakeVendor vendor) => vendor switch
    {
        FakeEvoLink => ImageEditVendor.EvoLink,
        FakeModelsLab => ImageEditVendor.ModelsLab,
        FakeApikley => ImageEditVendor.Apikley,
        FakeFal => ImageEditVendor.Fal,
        FakeReplicate => ImageEditVendor.Replicate,
        FakeDashScope => ImageEditVendor.DashScope,
        _ => throw new ArgumentOutOfRangeException(nameof(vendor)),
    };

    private static (Uri Api, Uri Files) Addresses(FakeVendor vendor) => vendor switch
    {
        FakeEvoLink e => (e.ApiAddress, e.FilesAddress),
        FakeModelsLab m => (m.ApiAddress, m.ApiAddress),
        FakeApikley a => (a.ApiAddress, a.FilesAddress),
        FakeFal f => (f.QueueAddress, f.QueueAddress),
        FakeReplicate r => (r.ApiAddress, r.ApiAddress),
        FakeDashScope d => (d.ApiAddress, d.ApiAddress),
        _ => throw new ArgumentOutOfRangeException(nameof(vendor)),
    };
}
