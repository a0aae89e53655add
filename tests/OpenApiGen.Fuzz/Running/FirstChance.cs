using System.Runtime.ExceptionServices;

namespace OpenApiGen.Fuzz.Running;

/// <summary>
/// The stack of every exception thrown on the generator's thread, taken where it is thrown: the generator turns its
/// exceptions into OAG000 with the message only, and triage needs to know where.
/// </summary>
internal static class FirstChance
{
    [ThreadStatic]
    private static List<string>? t_thrown;

    static FirstChance() => AppDomain.CurrentDomain.FirstChanceException += Record;

    public static IDisposable Capture(List<string> into)
    {
        t_thrown = into;
        return new Stop();
    }

    private static void Record(object? sender, FirstChanceExceptionEventArgs e)
    {
        if (t_thrown is { Count: < 16 } thrown && e.Exception is not OperationCanceledException)
        {
            thrown.Add(e.Exception.GetType().Name + ": " + e.Exception.Message + "\n" + new System.Diagnostics.StackTrace(1, fNeedFileInfo: false));
        }
    }

    private sealed class Stop : IDisposable
    {
        public void Dispose() => t_thrown = null;
    }
}
