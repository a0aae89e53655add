using System.Globalization;
using BenchmarkDotNet.Running;
using OpenApiGen.Benchmarks;

// `--cpu-time [rounds]`: the serialization benchmarks by CPU time (CpuTime.cs), for a machine too busy for wall times.
if (args is ["--cpu-time", ..])
{
    CpuTime.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 15);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
