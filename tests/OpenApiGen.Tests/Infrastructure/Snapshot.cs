using System.Text;

namespace OpenApiGen.Tests.Infrastructure;

/// <summary>
/// A small snapshot helper with Verify's file conventions (Verify itself cannot be restored here), so moving to Verify
/// later is a rename: <c>Name.verified.cs</c> is committed; on a mismatch <c>Name.received.cs</c> is written beside it
/// (git-ignored) and the test fails with a diff. Set <c>ACCEPT_SNAPSHOTS=1</c> to accept every received file.
/// </summary>
internal static class Snapshot
{
    public static bool Accept => Environment.GetEnvironmentVariable("ACCEPT_SNAPSHOTS") is "1" or "true";

    public static void Verify(string directory, string name, string actual, string extension = "cs")
    {
        if (Check(directory, name, actual, extension) is { } failure)
        {
            Assert.Fail(failure);
        }
    }

    /// <summary>Checks every file of a set and fails once, listing all changes, so one run shows a maintainer the whole diff.</summary>
    public static void VerifyAll(string directory, IEnumerable<(string Name, string Text)> files, string extension = "cs")
    {
        var failures = files.Select(f => Check(directory, f.Name, f.Text, extension)).OfType<string>().ToList();
        if (failures.Count > 0)
        {
            Assert.Fail($"{failures.Count} snapshot(s) differ.\n\n" + string.Join("\n\n", failures));
        }
    }

    private static string? Check(string directory, string name, string actual, string extension)
    {
        Directory.CreateDirectory(directory);
        var verified = Path.Combine(directory, $"{name}.verified.{extension}");
        var received = Path.Combine(directory, $"{name}.received.{extension}");
        actual = actual.Replace("\r\n", "\n");

        var expected = File.Exists(verified) ? File.ReadAllText(verified).Replace("\r\n", "\n") : null;
        if (expected == actual)
        {
            File.Delete(received);
            return null;
        }

        if (Accept)
        {
            File.WriteAllText(verified, actual, new UTF8Encoding(false));
            File.Delete(received);
            return null;
        }

        File.WriteAllText(received, actual, new UTF8Encoding(false));
        return expected is null
            ? $"No snapshot yet for {name}. Review {received} and accept it (rename to .verified.{extension}, or run with ACCEPT_SNAPSHOTS=1)."
            : $"Snapshot {name} changed. Review the diff, then accept with ACCEPT_SNAPSHOTS=1 if intended.\n{LineDiff.Describe(expected, actual)}";
    }
}
