namespace OpenApiGen.Fuzz.Running;

/// <summary>How one mutant went. Only <see cref="Failures"/> are the generator's fault; a spec rejected with a located error is the generator doing its job.</summary>
internal static class OutcomeClass
{
    /// <summary>No error; the output compiled with no error and no warning (or was the same as one that did).</summary>
    public const string Clean = "clean";

    /// <summary>An error diagnostic other than OAG000: the spec was refused, as it should be when it is broken.</summary>
    public const string Rejected = "rejected";

    /// <summary>OAG000: an exception inside the generator, caught and reported.</summary>
    public const string GeneratorFailure = "oag000";

    /// <summary>An exception left the generator (the compiler's CS8785): the user gets no output and no located diagnostic.</summary>
    public const string Escaped = "escaped";

    /// <summary>The process died (a stack overflow, an out-of-memory fail-fast).</summary>
    public const string Abort = "abort";

    /// <summary>Generation took longer than the limit (10 s), twice: once in the batch, once alone.</summary>
    public const string Hang = "hang";

    /// <summary>No error diagnostic, yet the output does not compile cleanly (an error or a warning, with TreatWarningsAsErrors in mind).</summary>
    public const string Miscompile = "miscompile";

    /// <summary>A generated file name that no file system takes (over 255 bytes), or two that differ only in case.</summary>
    public const string BadFileName = "bad-file-name";

    /// <summary>Compiling the output took longer than the limit: worth a look (a user compiles it too), not a failure.</summary>
    public const string SlowCompile = "slow-compile";

    public static readonly string[] Failures = [GeneratorFailure, Escaped, Abort, Hang, Miscompile, BadFileName];

    public static readonly string[] All = [Clean, Rejected, SlowCompile, .. Failures];
}

/// <summary>One mutant's result, as a worker reports it (one JSON line) and the report lists it.</summary>
/// <param name="Index">The mutant's number.</param>
/// <param name="Seed">The spec it came from.</param>
/// <param name="Class">One of <see cref="OutcomeClass"/>.</param>
/// <param name="Signature">What groups like failures: the diagnostic or exception with numbers and names taken out, and where.</param>
/// <param name="Detail">The full message, a located diagnostic or a stack, for triage.</param>
/// <param name="GenerateMs">Wall time the generator took.</param>
/// <param name="GenerateCpuMs">Processor time the worker spent meanwhile: what a hang is measured by, since wall time on a shared machine is not the generator's.</param>
/// <param name="CompileMs">Wall time compiling its output took (0 when not compiled).</param>
/// <param name="Files">How many files it generated.</param>
/// <param name="Unlocated">Error diagnostics placed at the start of the file rather than at a problem.</param>
internal sealed record Outcome(long Index, string Seed, string Class, string Signature, string Detail, double GenerateMs, double CompileMs, int Files, int Unlocated, double GenerateCpuMs = 0);
