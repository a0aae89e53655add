using System.Runtime.InteropServices;
using QwenImageEdit.Cli;

// The first Ctrl+C (or SIGTERM) cancels the command, which stops polling, removes partial files and exits 130; a
// second Ctrl+C ends the process at once, as a user pressing it twice expects.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
};
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    cancellation.Cancel();
});

return await CliApp.RunAsync(args, CliHost.FromConsole(), cancellation.Token);
