using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace OpenApiGen.Benchmarks;

/// <summary>
/// The serialization benchmarks timed by the process's CPU time instead of the wall clock: on a machine shared with
/// many other processes the wall clock mostly measures the wait for a core (BenchmarkDotNet's means moved 5x between
/// runs at a load average of 50-70), while the CPU an operation uses moves much less. Each round runs every method in
/// turn for about 100 ms of CPU, so a change in the machine's load falls on all of them alike; the median of the rounds
/// is reported. No allocation figures here: BenchmarkDotNet's are exact and do not depend on the load.
/// </summary>
internal static class CpuTime
{
    public static void Run(int rounds)
    {
        var benchmarks = new SerializationBenchmarks();
        var methods = typeof(SerializationBenchmarks).GetMethods()
            .Where(static m => m.GetCustomAttribute<BenchmarkAttribute>() is not null)
            .Select(m => (m.Name, Call: Invoker(benchmarks, m)))
            .ToList();
        var perRound = new Dictionary<string, List<double>>();
        var iterations = new Dictionary<string, long>();
        foreach (var (name, call) in methods)
        {
            // Warm up (tiered JIT to its last tier), then size a round to about 100 ms of CPU.
            var n = 1L;
            while (Measure(call, n) < TimeSpan.FromMilliseconds(200))
            {
                n *= 2;
            }

            iterations[name] = Math.Max(1, n / 2);
            perRound[name] = new List<double>();
        }

        for (var round = 0; round < rounds; round++)
        {
            foreach (var (name, call) in methods)
            {
                var n = iterations[name];
                perRound[name].Add(Measure(call, n).TotalMilliseconds * 1_000_000 / n);
            }
        }

        Console.WriteLine($"| method | CPU ns/op (median of {rounds} rounds) | min | max |");
        Console.WriteLine("| --- | --- | --- | --- |");
        foreach (var (name, _) in methods)
        {
            var values = perRound[name].Order().ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {values[values.Count / 2]:F0} | {values[0]:F0} | {values[^1]:F0} |"));
        }
    }

    private static Action Invoker(SerializationBenchmarks target, MethodInfo method)
    {
        if (method.ReturnType == typeof(Task<int>))
        {
            var call = method.CreateDelegate<Func<Task<int>>>(target);
            return () => call().GetAwaiter().GetResult();
        }

        var invoke = (Func<object>)Delegate.CreateDelegate(typeof(Func<object>), target, method);
        return () => invoke();
    }

    private static TimeSpan Measure(Action call, long n)
    {
        using var process = Process.GetCurrentProcess();
        var start = process.TotalProcessorTime;
        for (var i = 0L; i < n; i++)
        {
            call();
        }

        process.Refresh();
        return process.TotalProcessorTime - start;
    }
}
