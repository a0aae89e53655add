using Microsoft.Extensions.Hosting;

namespace QwenImageEdit.Testing;

/// <summary>
/// A host lifetime that does nothing: the default console lifetime would hook Ctrl+C and SIGTERM in the test process
/// that embeds the fake, and hold up its shutdown. The fake's owner stops it by disposing it.
/// </summary>
internal sealed class NoHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
